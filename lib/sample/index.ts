/**
 * The sample family: a clearly fictional rural Montana student whose IEP services show each kind
 * of gap the product is for. Used by `npm run demo`, the "try with sample data" button, e2e tests
 * and screenshots. Pure and deterministic: the same `today` always gives the same records, with
 * fixed ids (SAMPLE_IDS) that tests can rely on.
 *
 * What the sample shows (as of `today`, inside the school year that contains it, or the one just
 * ended when `today` is in summer):
 * - a four-day (Mon–Thu) calendar with Thanksgiving and winter breaks and snow days;
 * - speech-language therapy, 60 minutes a week in 2 sessions, from an itinerant co-op SLP:
 *   sessions missed when the SLP is out or cannot travel, one missed because the child was sick
 *   (excused), one make-up, one cut short, and some weeks with nothing logged (unaccounted);
 * - occupational therapy, 30 minutes a week, cut to about one visit a month without an IEP
 *   meeting ("reduced without a meeting") 5 complete weeks before `today`: the reduction flag
 *   fires from the week of the cut and is still going on;
 * - specialized reading instruction, 150 minutes a week in 3 sessions, with no teacher for the
 *   last 4 weeks or so (provider vacancy), and some sessions never logged.
 */
import { addDays, startOfWeek, toDayNumber, type IsoDate } from '../dates';
import { listSchoolDays } from '../calendar';
import type {
  Letter,
  MissedReason,
  Profile,
  SchoolCalendar,
  Service,
  SessionEntry,
  Student,
} from '../model';
import { lastWeekday, montanaSchoolYear, nthWeekday, schoolYearStartFor } from './school-year';

export { buildBenchData, seededRandom, type BenchData, type BenchOptions } from './bench';
export { montanaSchoolYear, multiYearCalendar, schoolYearStartFor } from './school-year';

export const SAMPLE_IDS = {
  calendar: 'sample-calendar-1',
  student: 'sample-student-1',
  speech: 'sample-service-speech',
  occupational: 'sample-service-ot',
  reading: 'sample-service-reading',
} as const;

export interface SampleData {
  profile: Profile;
  calendar: SchoolCalendar;
  students: Student[];
  services: Service[];
  sessions: SessionEntry[];
  letters: Letter[];
}

const DISTRICT = 'Big Sky Valley School District (sample)';
const ADDRESS = '123 Example Road, Big Sky Valley, MT 59000';
const DAY_MS = 86_400_000;

/** A stable creation time for a record made on a date: 3 pm UTC that day. */
function createdOn(date: IsoDate): number {
  return toDayNumber(date) * DAY_MS + 15 * 3_600_000;
}

function sampleCalendar(startYear: number, today: IsoDate): SchoolCalendar {
  const year = montanaSchoolYear(startYear);
  // Snow days can only be known once they happened.
  const snowDays = [
    lastWeekday(startYear, 10, 2),
    nthWeekday(startYear + 1, 1, 3, 2),
    nthWeekday(startYear + 1, 2, 4, 1),
  ].filter((date) => date <= today);
  return {
    id: SAMPLE_IDS.calendar,
    name: `Big Sky Valley ${startYear}–${startYear + 1} (four-day week)`,
    firstDay: year.firstDay,
    lastDay: year.lastDay,
    weekdays: [1, 2, 3, 4],
    closures: [
      ...year.closures,
      ...snowDays.map((date) => ({ start: date, end: date, label: 'Snow day' })),
    ],
  };
}

function sampleServices(calendar: SchoolCalendar): Service[] {
  const common = {
    studentId: SAMPLE_IDS.student,
    label: '',
    delivery: 'direct' as const,
    startDate: calendar.firstDay,
    endDate: calendar.lastDay,
    prorate: true,
  };
  return [
    {
      ...common,
      id: SAMPLE_IDS.speech,
      kind: 'speech-language',
      minutes: 60,
      period: 'week',
      sessionsPerPeriod: 2,
      provider: 'Casey Rivers, SLP (Prairie Winds Special Services Cooperative)',
      location: 'Speech room',
    },
    {
      ...common,
      id: SAMPLE_IDS.occupational,
      kind: 'occupational',
      minutes: 30,
      period: 'week',
      sessionsPerPeriod: 1,
      provider: 'Morgan Lee, OTR/L (Prairie Winds Special Services Cooperative)',
      location: 'Resource room',
    },
    {
      ...common,
      id: SAMPLE_IDS.reading,
      kind: 'reading',
      minutes: 150,
      period: 'week',
      sessionsPerPeriod: 3,
      provider: 'Special education teacher',
      location: 'Resource room',
    },
  ];
}

/** A school week of the sample year: its Monday and its school days (date → ISO weekday). */
interface SchoolWeek {
  index: number;
  monday: IsoDate;
  complete: boolean;
  /** School days on or before today, by ISO weekday. */
  days: Map<number, IsoDate>;
}

function schoolWeeks(calendar: SchoolCalendar, today: IsoDate): SchoolWeek[] {
  const last = today < calendar.lastDay ? today : calendar.lastDay;
  const weeks = new Map<IsoDate, SchoolWeek>();
  for (const date of listSchoolDays(calendar, calendar.firstDay, last)) {
    const monday = startOfWeek(date);
    let week = weeks.get(monday);
    if (!week) {
      week = { index: weeks.size, monday, complete: addDays(monday, 6) <= today, days: new Map() };
      weeks.set(monday, week);
    }
    week.days.set(toDayNumber(date) - toDayNumber(monday) + 1, date);
  }
  return [...weeks.values()];
}

type Draft = Omit<SessionEntry, 'id' | 'studentId' | 'createdAt'>;

function delivered(serviceId: string, date: IsoDate, minutes: number, note = ''): Draft {
  return {
    serviceId,
    date,
    status: 'delivered',
    minutesDelivered: minutes,
    scheduledMinutes: minutes,
    reason: null,
    makeUp: false,
    note,
  };
}

function missedSession(
  serviceId: string,
  date: IsoDate,
  minutes: number,
  reason: MissedReason,
  note: string,
): Draft {
  return {
    ...delivered(serviceId, date, 0, note),
    status: 'missed',
    scheduledMinutes: minutes,
    reason,
  };
}

/** Speech: Tuesday and Thursday, 30 minutes each, from an itinerant SLP. */
function speechLog(weeks: SchoolWeek[]): Draft[] {
  const id = SAMPLE_IDS.speech;
  const log: Draft[] = [];
  for (const week of weeks) {
    const i = week.index;
    if (i % 11 === 7) continue; // nothing logged this week
    const tuesday = week.days.get(2);
    const wednesday = week.days.get(3);
    const thursday = week.days.get(4);
    if (tuesday) {
      log.push(
        i % 6 === 2
          ? missedSession(
              id,
              tuesday,
              30,
              'provider-absent',
              'The co-op SLP was out; no substitute.',
            )
          : delivered(id, tuesday, 30),
      );
    }
    if (i === 3 && wednesday) {
      log.push({ ...delivered(id, wednesday, 30, 'Make-up for a missed session.'), makeUp: true });
    }
    if (!thursday) continue;
    if (i === 4) {
      log.push(missedSession(id, thursday, 30, 'student-absent', 'Home sick.'));
    } else if (i % 8 === 5) {
      log.push(
        missedSession(
          id,
          thursday,
          30,
          'weather-travel',
          'Roads were icy; the SLP could not drive in.',
        ),
      );
    } else if (i % 5 === 1) {
      log.push({
        ...delivered(id, thursday, 20, 'Cut short for an assembly.'),
        status: 'partial',
        scheduledMinutes: 30,
        reason: 'scheduling-conflict',
      });
    } else {
      log.push(delivered(id, thursday, 30));
    }
  }
  return log;
}

/**
 * OT: one 30-minute session a week until, 5 complete weeks ago, it was cut to one visit a month
 * without a meeting: nothing in the 5 weeks since, and the monthly visit falls in the current week.
 */
function occupationalLog(weeks: SchoolWeek[]): Draft[] {
  const id = SAMPLE_IDS.occupational;
  const complete = weeks.filter((week) => week.complete).length;
  const reducedFrom = Math.max(2, complete - 5);
  const log: Draft[] = [];
  for (const week of weeks) {
    const date = week.days.get(3) ?? week.days.get(2) ?? week.days.get(4) ?? week.days.get(1);
    if (!date) continue;
    const sinceCut = week.index - reducedFrom;
    if (sinceCut < 0) log.push(delivered(id, date, 30));
    else if (sinceCut % 5 === 0 && sinceCut > 0)
      log.push(delivered(id, date, 30, 'Monthly OT visit.'));
    else {
      log.push(
        missedSession(
          id,
          date,
          30,
          'reduced-without-meeting',
          'The OT said she now comes once a month. There was no IEP meeting.',
        ),
      );
    }
  }
  return log;
}

/** Reading: Monday to Wednesday, 50 minutes each, until the teacher left about 4 weeks ago. */
function readingLog(weeks: SchoolWeek[]): Draft[] {
  const id = SAMPLE_IDS.reading;
  const complete = weeks.filter((week) => week.complete).length;
  const vacantFrom = Math.max(1, complete - 4);
  const log: Draft[] = [];
  for (const week of weeks) {
    for (const weekday of [1, 2, 3]) {
      const date = week.days.get(weekday);
      if (!date) continue;
      if (week.index >= vacantFrom) {
        log.push(
          missedSession(
            id,
            date,
            50,
            'provider-vacancy',
            'The reading teacher resigned; the position is not filled.',
          ),
        );
      } else if (!(weekday === 3 && week.index % 4 === 2)) {
        log.push(delivered(id, date, 50)); // every fourth Wednesday was never logged
      }
    }
  }
  return log;
}

/** The sample family's records as of `today` (see the header). */
export function buildSampleData(today: IsoDate): SampleData {
  const startYear = schoolYearStartFor(today);
  const calendar = sampleCalendar(startYear, today);
  const weeks = schoolWeeks(calendar, today);
  const key = (draft: Draft) => `${draft.date} ${draft.serviceId}`;
  const byDateThenService = (a: Draft, b: Draft) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  const drafts = [...speechLog(weeks), ...occupationalLog(weeks), ...readingLog(weeks)].sort(
    byDateThenService,
  );
  const sessions: SessionEntry[] = drafts.map((draft, i) => ({
    ...draft,
    id: `sample-session-${String(i + 1).padStart(4, '0')}`,
    studentId: SAMPLE_IDS.student,
    createdAt: createdOn(draft.date) + i,
  }));
  return {
    profile: {
      id: 'profile',
      parentName: 'Jordan Sample',
      email: 'jordan.sample@example.com',
      phone: '(406) 555-0142',
      address: ADDRESS,
      district: DISTRICT,
      directorName: 'Dr. Pat Example',
      directorEmail: 'pat.example@example.org',
      principalName: 'Robin Example',
      caseManagerName: 'Avery Example',
      coopName: 'Prairie Winds Special Services Cooperative',
      coopDirectorName: 'Jamie Example',
    },
    calendar,
    students: [
      {
        id: SAMPLE_IDS.student,
        name: 'Riley Sample',
        school: 'Big Sky Valley Elementary (sample)',
        district: DISTRICT,
        grade: '3',
        homeAddress: ADDRESS,
        calendarId: calendar.id,
        createdAt: createdOn(calendar.firstDay),
      },
    ],
    services: sampleServices(calendar),
    sessions,
    letters: [],
  };
}
