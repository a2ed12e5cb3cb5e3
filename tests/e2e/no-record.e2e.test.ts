/**
 * Weeks with no record, on the tracker's Gaps page, with the keyboard only: the "No record for …"
 * line, "Log what happened" for the chosen weeks in one reviewed step (the entries land in the
 * Session log, editable, and the no-record figure drops to what was left out), and "Ask for the
 * service logs", which opens the records request for that service and exactly those dates.
 *
 * Seeded data, as of Thursday 2025-10-16 (the extension's clock is moved there):
 *   calendar 2025-08-25 to 2026-06-05, Monday–Friday, closed Labor Day (Mon 2025-09-01).
 *   Speech-language therapy 60 min/week, 2 sessions (30 each), following the school calendar;
 *   occupational therapy 30 min/week (all its weeks fully logged as given).
 *   Counted weeks: Aug 25, Sep 1 (4 of 5 days: 48 expected), Sep 8, 15, 22, 29, Oct 6.
 *   Speech log: Sep 8 and Sep 9 given (30 each), Sep 15 given (30).
 *   No record: Aug 25 60, Sep 1 48, Sep 15 30, Sep 22 60, Sep 29 60, Oct 6 60 = 318 minutes.
 *   Logging all but the week of Oct 6 as "missed, no provider" adds 9 entries:
 *   Aug 25, Aug 26 (30 each); Sep 2 (30), Sep 3 (18); Sep 16 (30; Sep 15 has an entry);
 *   Sep 22, Sep 23, Sep 29, Sep 30 (30 each) = 258 minutes, owed 258, no record left 60.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoA11yViolations, readStore, seedDatabase, type ExtensionBrowser } from './harness';
import { sharedExtensionBrowser } from './support/shared-browser';
import {
  control,
  focusedName,
  gapFigures,
  openAt,
  tabTo,
  textOf,
  valueOf,
  waitForFigure,
  waitForFocus,
} from './ui-steps';
import type { SchoolCalendar, Service, SessionEntry, Student } from '../../lib/model';

const TODAY = '2025-10-16';

const calendar: SchoolCalendar = {
  id: 'cal-nr',
  name: 'Lincoln Elementary 2025–2026',
  firstDay: '2025-08-25',
  lastDay: '2026-06-05',
  weekdays: [1, 2, 3, 4, 5],
  closures: [{ start: '2025-09-01', end: '2025-09-01', label: 'Labor Day' }],
};
const student: Student = {
  id: 'stu-nr',
  name: 'Nora Record',
  school: 'Lincoln Elementary',
  district: 'Helena',
  grade: '3',
  homeAddress: '',
  calendarId: calendar.id,
  createdAt: 1,
};
const speech: Service = {
  id: 'svc-speech',
  studentId: student.id,
  kind: 'speech-language',
  label: '',
  minutes: 60,
  period: 'week',
  sessionsPerPeriod: 2,
  provider: '',
  location: '',
  delivery: 'direct',
  startDate: '2025-08-25',
  endDate: '2026-06-05',
  prorate: true,
};
const ot: Service = {
  ...speech,
  id: 'svc-ot',
  kind: 'occupational',
  minutes: 30,
  sessionsPerPeriod: null,
};
/** One day in each counted week, for the occupational therapy given in full. */
const OT_DAYS = [
  '2025-08-25',
  '2025-09-02',
  '2025-09-08',
  '2025-09-15',
  '2025-09-22',
  '2025-09-29',
];
let created = 0;
const given = (serviceId: string, date: string, minutes = 30): SessionEntry => ({
  id: `seed-${++created}`,
  studentId: student.id,
  serviceId,
  date,
  status: 'delivered',
  minutesDelivered: minutes,
  scheduledMinutes: minutes,
  reason: null,
  makeUp: false,
  note: '',
  createdAt: created,
});
const seeded = [
  given(speech.id, '2025-09-08'),
  given(speech.id, '2025-09-09'),
  given(speech.id, '2025-09-15'),
  ...[...OT_DAYS, '2025-10-06'].map((date) => given(ot.id, date)),
];

async function waitForText(page: Page, selector: string, text: string) {
  await page.waitForFunction(
    (s: string, t: string) => document.querySelector(s)?.textContent?.includes(t),
    { timeout: 10_000, polling: 100 },
    selector,
    text,
  );
}

describe('weeks with no record', () => {
  let ext: ExtensionBrowser;
  let tracker: Page;
  const card = `[data-testid="gap-card"][data-service-id="${speech.id}"]`;

  beforeAll(async () => {
    ext = await sharedExtensionBrowser();
    tracker = await openAt(ext, 'tracker.html#/gaps', TODAY);
    await seedDatabase(
      tracker,
      { calendar, students: [student], services: [speech, ot], sessions: seeded },
      { reload: true },
    );
    await tracker.bringToFront();
    await tracker.waitForSelector(card);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('shows the minutes with no record apart from what is owed, with two actions', async () => {
    expect(await gapFigures(tracker, speech.id)).toMatchObject({
      expected: 408,
      delivered: 90,
      documentedMissed: 0,
      owed: 0,
      unaccounted: 318,
    });
    expect(await textOf(tracker, `${card} [data-testid="no-record"]`)).toContain(
      'No record for 318 minutes (the weeks of Aug 25, Sep 1, Sep 15, Sep 22, Sep 29 and Oct 6, 2025).',
    );
    // A service whose every week is logged has neither the line nor the actions.
    const otCard = `[data-testid="gap-card"][data-service-id="${ot.id}"]`;
    expect(await tracker.$(`${otCard} [data-testid="no-record"]`)).toBeNull();
    expect(await tracker.$(`${otCard} .no-record-actions button`)).toBeNull();

    const ask = await control(
      tracker,
      'Ask for the service logs: speech-language therapy (opens in a new tab)',
    );
    const href = await ask.evaluate((a) => a.getAttribute('href')!);
    const query = new URLSearchParams(href.split('?')[1]);
    expect(href.startsWith('letter.html?')).toBe(true);
    expect(Object.fromEntries(query)).toEqual({
      student: student.id,
      kind: 'records-request',
      service: speech.id,
      dates: '2025-08-25,2025-09-01,2025-09-15,2025-09-22,2025-09-29,2025-10-06',
    });
    await expectNoA11yViolations(tracker);
  });

  it('logs what happened in the chosen weeks in one reviewed step, keyboard only', async () => {
    await tabTo(tracker, 'Log what happened: speech-language therapy');
    await tracker.keyboard.press('Enter');
    await waitForFocus(tracker, 'Log what happened: speech-language therapy');
    // Every week is checked; leave the week of Oct 6 out.
    await tabTo(tracker, 'Week of Oct 6, 2025: 60 minutes with no record');
    await tracker.keyboard.press(' ');
    const boxes = await tracker.$$eval('.no-record-form input[type="checkbox"]', (all) =>
      all.map((box) => (box as HTMLInputElement).checked),
    );
    expect(boxes).toEqual([true, true, true, true, true, false]);
    await expectNoA11yViolations(tracker);

    // No reason yet: the message is next to the reasons and focus goes there.
    await tabTo(tracker, 'Review the entries');
    await tracker.keyboard.press('Enter');
    await waitForFocus(tracker, 'Provider absent');
    const reasonError = await tracker.$eval('.no-record-form .field-error', (p) => p.textContent);
    expect(reasonError).toBe('Pick a reason for the missed minutes.');
    await tracker.keyboard.press('ArrowDown');
    expect(await focusedName(tracker)).toBe('No provider (vacancy)');
    await tabTo(tracker, 'Note for each entry (optional)');
    await tracker.keyboard.type('The district says the SLP position is vacant.');
    await tabTo(tracker, 'Review the entries');
    await tracker.keyboard.press('Enter');

    await waitForFocus(tracker, 'Check before adding: speech-language therapy');
    // The heading takes focus as the review opens; its list follows once the service's log is read.
    await tracker.waitForSelector('[data-testid="no-record-plan"] li li');
    const plan = await tracker.$$eval('[data-testid="no-record-plan"] li li', (items) =>
      items.map((li) => li.textContent),
    );
    expect(plan).toEqual([
      'Aug 25, 2025: missed, 30 minutes scheduled (no provider (vacancy))',
      'Aug 26, 2025: missed, 30 minutes scheduled (no provider (vacancy))',
      'Sep 2, 2025: missed, 30 minutes scheduled (no provider (vacancy))',
      'Sep 3, 2025: missed, 18 minutes scheduled (no provider (vacancy))',
      'Sep 16, 2025: missed, 30 minutes scheduled (no provider (vacancy))',
      'Sep 22, 2025: missed, 30 minutes scheduled (no provider (vacancy))',
      'Sep 23, 2025: missed, 30 minutes scheduled (no provider (vacancy))',
      'Sep 29, 2025: missed, 30 minutes scheduled (no provider (vacancy))',
      'Sep 30, 2025: missed, 30 minutes scheduled (no provider (vacancy))',
    ]);
    expect(await readStore<SessionEntry>(tracker, 'sessions')).toHaveLength(seeded.length);
    await expectNoA11yViolations(tracker);

    await tabTo(tracker, 'Add 9 entries');
    await tracker.keyboard.press('Enter');
    await waitForText(tracker, `${card} [data-testid="no-record-status"]`, 'Added 9 entries');
    await waitForFigure(tracker, speech.id, 'unaccounted', 60);
    expect(await gapFigures(tracker, speech.id)).toMatchObject({
      expected: 408,
      delivered: 90,
      documentedMissed: 258,
      owed: 258,
      unaccounted: 60,
    });
    expect(await textOf(tracker, `${card} [data-testid="no-record"]`)).toContain(
      'No record for 60 minutes (the week of Oct 6, 2025).',
    );
    // Focus is back on the button that opened the form.
    await waitForFocus(tracker, 'Log what happened: speech-language therapy');

    const added = (await readStore<SessionEntry>(tracker, 'sessions')).filter(
      (e) => !e.id.startsWith('seed-'),
    );
    expect(added).toHaveLength(9);
    for (const entry of added) {
      expect(entry).toMatchObject({
        studentId: student.id,
        serviceId: speech.id,
        status: 'missed',
        minutesDelivered: 0,
        reason: 'provider-vacancy',
        makeUp: false,
        note: 'The district says the SLP position is vacant.',
      });
    }
    expect(added.map((e) => [e.date, e.scheduledMinutes]).sort()).toContainEqual([
      '2025-09-03',
      18,
    ]);
  });

  it('the new entries are ordinary entries in the Session log', async () => {
    await tracker.goto(ext.extensionUrl('tracker.html#/log'), { waitUntil: 'load' });
    await tracker.bringToFront();
    await waitForText(tracker, '[data-testid="log-count"]', 'Showing 19 of 19 entries.');
    const row = await tracker.$$eval('[data-testid="log-table"] tbody tr', (rows) =>
      rows
        .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))
        .find((cells) => cells[0] === 'Sep 3, 2025'),
    );
    expect(row?.slice(0, 7)).toEqual([
      'Sep 3, 2025',
      'Speech-language therapy',
      'Missed',
      '18',
      '0',
      '18',
      'No provider (vacancy)',
    ]);
    await control(tracker, 'Edit the entry of Sep 3, 2025', 'button');
  });

  it('"Ask for the service logs" opens the records request for that service and those dates', async () => {
    await tracker.goto(ext.extensionUrl('tracker.html#/gaps'), { waitUntil: 'load' });
    await tracker.bringToFront();
    await tabTo(tracker, 'Ask for the service logs: speech-language therapy (opens in a new tab)');
    await tracker.keyboard.press('Enter');
    const letter = await ext.waitForExtensionPage(
      `letter.html?student=${student.id}&kind=records-request&service=${speech.id}&dates=2025-10-06`,
      // A bound, not a pause: a new Firefox tab on this shared 2-core machine once took over 10 s.
      { timeout: 30_000 },
    );
    await letter.bringToFront();
    expect(await valueOf(letter, 'Kind of letter', 'combobox')).toBe('records-request');
    const checked = async (name: string) =>
      (await control(letter, name, 'checkbox')).evaluate(
        (box) => (box as HTMLInputElement).checked,
      );
    expect(await checked('speech-language therapy')).toBe(true);
    expect(await checked('occupational therapy')).toBe(false);
    // The dates reach the draft as its input noRecordPeriods, and the letter asks for that week.
    expect(await valueOf(letter, 'Weeks or months with no record (optional)', 'textbox')).toBe(
      '2025-10-06',
    );
    await letter.waitForFunction(
      () => document.querySelector('[contenteditable]')?.textContent?.includes('Oct 6, 2025'),
      { timeout: 10_000, polling: 100 },
    );
  });
});
