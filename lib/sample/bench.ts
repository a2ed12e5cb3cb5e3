/**
 * Benchmark data: many students with a session logged for every service on (nearly) every school
 * day for several school years, as a busy family or an advocate with a full caseload would have.
 * Deterministic for a seed. With the defaults the bench uses (10 students × 8 services × 3 years)
 * it holds about 40,000 entries.
 */
import { toDayNumber, type IsoDate, addDays } from '../dates';
import { listSchoolDays } from '../calendar';
import {
  MISSED_REASONS,
  type MissedReason,
  type Period,
  type SchoolCalendar,
  type Service,
  type ServiceKind,
  type SessionEntry,
  type Student,
} from '../model';
import { multiYearCalendar } from './school-year';

export interface BenchOptions {
  students: number;
  servicesPerStudent: number;
  years: number;
  seed: number;
  /** August year of the first school year (default 2023). */
  firstYear?: number;
}

export interface BenchData {
  calendars: SchoolCalendar[];
  students: Student[];
  services: Service[];
  sessions: SessionEntry[];
  /** A date late in the last school year, mid-week, so a week is in progress. */
  asOf: IsoDate;
}

/** mulberry32: a small, fast, seedable generator; good enough to spread test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Template {
  kind: ServiceKind;
  label?: string;
  minutes: number;
  period: Period;
  /** Sessions per period on a five-day week (scaled for a four-day week). */
  sessions: number | null;
}

// Every service meets daily in the bench, so sessions per period match the school days.
const TEMPLATES: Template[] = [
  { kind: 'special-education', minutes: 60, period: 'day', sessions: null },
  { kind: 'speech-language', minutes: 150, period: 'week', sessions: 5 },
  { kind: 'occupational', minutes: 100, period: 'week', sessions: 5 },
  { kind: 'reading', minutes: 225, period: 'week', sessions: 5 },
  { kind: 'physical', minutes: 400, period: 'month', sessions: 20 },
  { kind: 'counseling', minutes: 75, period: 'week', sessions: 5 },
  {
    kind: 'special-education',
    label: 'Math instruction',
    minutes: 30,
    period: 'day',
    sessions: null,
  },
  { kind: 'other', label: 'Social skills group', minutes: 300, period: 'month', sessions: 20 },
];

const SHORTFALL_REASONS: MissedReason[] = [
  ...MISSED_REASONS,
  'provider-absent',
  'provider-absent',
  'weather-travel',
];

/** Builds the benchmark data set (see the header). */
export function buildBenchData(options: BenchOptions): BenchData {
  const next = seededRandom(options.seed);
  const firstYear = options.firstYear ?? 2023;
  const calendars = [
    multiYearCalendar(
      'bench-five',
      'Bench five-day week',
      firstYear,
      options.years,
      [1, 2, 3, 4, 5],
    ),
    multiYearCalendar('bench-four', 'Bench four-day week', firstYear, options.years, [1, 2, 3, 4]),
  ];
  const lastDay = calendars[0]!.lastDay;
  // The Wednesday of the week before the last day of school.
  const asOf = addDays(lastDay, -8);
  const students: Student[] = [];
  const services: Service[] = [];
  const sessions: SessionEntry[] = [];

  for (let s = 0; s < options.students; s++) {
    // Two students in ten are on a four-day week.
    const calendar = calendars[s % 5 === 4 ? 1 : 0]!;
    const studentId = `bench-student-${s + 1}`;
    students.push({
      id: studentId,
      name: `Bench Student ${s + 1}`,
      school: 'Bench School',
      district: 'Bench District',
      grade: String((s % 12) + 1),
      homeAddress: '',
      calendarId: calendar.id,
      createdAt: toDayNumber(calendar.firstDay) * 86_400_000,
    });
    const schoolDays = listSchoolDays(calendar, calendar.firstDay, asOf);
    const daysPerWeek = calendar.weekdays.length;

    for (let k = 0; k < options.servicesPerStudent; k++) {
      const template = TEMPLATES[k % TEMPLATES.length]!;
      const serviceId = `${studentId}-service-${k + 1}`;
      const sessionsPerPeriod =
        template.sessions === null ? null : Math.round((template.sessions * daysPerWeek) / 5);
      services.push({
        id: serviceId,
        studentId,
        kind: template.kind,
        label: template.label ?? '',
        minutes: template.minutes,
        period: template.period,
        sessionsPerPeriod,
        provider: 'Bench provider',
        location: '',
        delivery: 'direct',
        startDate: calendar.firstDay,
        endDate: calendar.lastDay,
        prorate: k % 2 === 1,
      });
      const scheduled = sessionsPerPeriod
        ? Math.round(template.minutes / sessionsPerPeriod)
        : template.minutes;

      const entryOn = (date: IsoDate, makeUp: boolean): SessionEntry => ({
        id: `${serviceId}-${sessions.length + 1}`,
        studentId,
        serviceId,
        date,
        status: 'delivered',
        minutesDelivered: scheduled,
        scheduledMinutes: scheduled,
        reason: null,
        makeUp,
        note: '',
        createdAt: toDayNumber(date) * 86_400_000 + 54_000_000,
      });
      const reason = () => SHORTFALL_REASONS[Math.floor(next() * SHORTFALL_REASONS.length)]!;

      for (const date of schoolDays) {
        const roll = next();
        if (roll < 0.02) continue; // never logged
        const entry = entryOn(date, false);
        if (roll > 0.91) {
          entry.status = 'missed';
          entry.minutesDelivered = 0;
          entry.reason = reason();
        } else if (roll > 0.84 && scheduled > 1) {
          entry.status = 'partial';
          entry.minutesDelivered = Math.floor(next() * scheduled);
          entry.reason = reason();
        }
        sessions.push(entry);
        // Now and then an extra make-up session the same day.
        if (next() < 0.03) sessions.push(entryOn(date, true));
      }
    }
  }
  return { calendars, students, services, sessions, asOf };
}
