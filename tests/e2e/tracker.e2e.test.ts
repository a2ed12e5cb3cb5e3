/**
 * The tracker like a parent uses it, in a real Chromium with the built extension: the first-run
 * setup (student, calendar, service, profile) with its messages next to fields, sessions logged
 * from the popup with the keyboard only, the gap numbers checked against hand-computed values,
 * live updates from the popup, editing and deleting log entries, services and students, and axe on
 * every route.
 *
 * The scenario, as of Friday 2025-10-17 (the extension's clock is moved there):
 *   calendar 2025-09-02 to 2026-06-04, four-day week (Mon–Thu), closed Labor Day (2025-09-01,
 *   before school starts) and a snow day on Monday 2025-10-06.
 *   Speech-language therapy, 60 minutes a week, 2 sessions (so 30 scheduled per session),
 *   short weeks prorated, 2025-09-02 to 2026-06-04.
 *   Counted weeks (complete by Oct 17, with school): Sep 1, 8, 15, 22, 29 and Oct 6 = 6 weeks.
 *   Week of Sep 1: school Tue–Thu = 3 of its 3 instructional weekdays → 60.
 *   Week of Oct 6: 3 school days of 4 weekdays (snow day) → 60 × 3/4 = 45.
 *   Expected = 4 × 60 + 60 + 45 = 345.
 *   Logged: Sep 2 delivered 30; Sep 16 missed (provider absent); Sep 23 partial 20 of 30
 *   (scheduling conflict); Sep 30 missed (student absent); Oct 8 make-up 30; Oct 14 delivered 30
 *   (week of Oct 13: still going on Oct 17, left out of the totals).
 *   delivered 50, made up 30, shortfall 345 − 50 = 295, documented missed 30 + 10 + 30 = 70,
 *   excused 30, owed (rules v2) 70 − 30 − 30 = 10, no record per week 30 + 60 + 30 + 30 + 30 +
 *   45 = 225, rate 50/345 ≈ 14% to (50 + 225)/345 ≈ 80%.
 *   Reduction: weeks of Sep 8, 15, 22 under half (30 of 60 is not under half; the week of Sep 29
 *   has a student absence) → flagged from 2025-09-08; the week of Sep 8 has no record.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, expectNoA11yViolations, readStore, type ExtensionBrowser } from './harness';
import { sharedExtensionBrowser } from './support/shared-browser';
import {
  click,
  control,
  errorFor,
  fieldState,
  fill,
  fillDate,
  focusedName,
  forEachTrackerRoute,
  gapFigures,
  openAt,
  tabTo,
  textOf,
  typeDateKeys,
  valueOf,
  waitForFigure,
  waitForFocus,
  waitForTextIs,
} from './ui-steps';
import { formatShortDate } from '../../lib/dates';
import type { SchoolCalendar, Service, SessionEntry, Student } from '../../lib/model';

const TODAY = '2025-10-17';

async function waitForHeading(page: Page, text: string) {
  await page.waitForFunction(
    (t: string) => [...document.querySelectorAll('h1, h2')].some((h) => h.textContent === t),
    { timeout: 10_000, polling: 50 },
    text,
  );
}

async function waitForStatus(page: Page, testId: string, pattern: string) {
  await page.waitForFunction(
    (id: string, p: string) =>
      document.querySelector(`[data-testid="${id}"]`)?.textContent?.includes(p) ?? false,
    { timeout: 10_000, polling: 50 },
    testId,
    pattern,
  );
}

/**
 * Logs one session in the popup with the keyboard only. Tab goes forward (wrapping around the
 * page) to "Date", landing on its month segment; the segments advance as digits are typed.
 */
async function logWithKeyboard(
  popup: Page,
  entry: {
    date: string;
    status: 'delivered' | 'partial' | 'missed';
    given?: number;
    reasonSteps?: number;
    makeUp?: boolean;
  },
) {
  await tabTo(popup, 'Date');
  await typeDateKeys(popup, entry.date);
  await tabTo(popup, 'Delivered'); // the checked radio of "What happened"
  const moves = { delivered: 0, partial: 1, missed: 2 }[entry.status];
  for (let i = 0; i < moves; i++) await popup.keyboard.press('ArrowRight');
  if (entry.status === 'partial') {
    await tabTo(popup, 'Minutes given');
    await popup.keyboard.down('Control');
    await popup.keyboard.press('a');
    await popup.keyboard.up('Control');
    await popup.keyboard.type(String(entry.given));
  }
  if (entry.status !== 'delivered') {
    // No reason is checked yet: Tab lands on the first one; Space picks it, arrows move on.
    await tabTo(popup, 'Provider absent');
    await popup.keyboard.press(' '); // Space (Firefox's key table has no "Space" name)
    for (let i = 0; i < (entry.reasonSteps ?? 0); i++) await popup.keyboard.press('ArrowDown');
  }
  if (entry.makeUp) {
    await tabTo(popup, 'This was a make-up session');
    await popup.keyboard.press(' '); // Space (Firefox's key table has no "Space" name)
  }
  await tabTo(popup, 'Log session');
  await popup.keyboard.press('Enter');
  // This entry's own message (the previous one may still be showing).
  await waitForStatus(popup, 'log-status', `on ${formatShortDate(entry.date)}`);
}

describe('tracker: set up, log, read the gap, edit', () => {
  let ext: ExtensionBrowser;
  let tracker: Page;
  let popup: Page;
  let serviceId: string;

  beforeAll(async () => {
    ext = await sharedExtensionBrowser();
    tracker = await openAt(ext, 'tracker.html#/setup', TODAY);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('setup, step 1: a missing name gets a message next to it and nothing typed is lost', async () => {
    await waitForHeading(tracker, 'Step 1 of 4: Your child');
    await expectNoA11yViolations(tracker);
    await fill(tracker, 'School', 'Lincoln Elementary');
    await fill(tracker, 'Grade', '3');
    await click(tracker, 'Save and continue', 'button');

    const name = await control(tracker, "Your child's name", 'textbox');
    await tracker.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
    expect(await fieldState(name)).toEqual({
      invalid: true,
      error: "Your child's name is required.",
      value: '',
    });
    // Focus moves to the field to fix; what was typed stays.
    await waitForFocus(tracker, "Your child's name");
    expect(await valueOf(tracker, 'School', 'textbox')).toBe('Lincoln Elementary');
    expect(await valueOf(tracker, 'Grade', 'textbox')).toBe('3');
    await expectNoA11yViolations(tracker);

    await tracker.keyboard.type('Maya Test');
    await fill(tracker, 'School district', 'Big Sky School District');
    await tracker.keyboard.press('Enter');
    await waitForHeading(tracker, 'Step 2 of 4: School calendar');
  });

  it('setup, step 2: four-day week, a quick-add holiday, a snow day; a backwards range is caught', async () => {
    await expectNoA11yViolations(tracker);
    await fillDate(tracker, 'First day of school', '2025-09-02');
    await fillDate(tracker, 'Last day of school', '2026-06-04');
    await click(tracker, 'Four days (Monday–Thursday)', 'radio');
    await click(tracker, '+ Labor Day (Sep 1, 2025)', 'button');
    await click(tracker, 'Add a closed day or range', 'button');
    // The new row's first field takes focus.
    await tracker.waitForFunction(() => document.activeElement?.closest('.closure-row') !== null);
    expect(await focusedName(tracker)).toBe('What');
    await tracker.keyboard.type('Snow day');
    const rows = await tracker.$$('.closure-row');
    expect(rows).toHaveLength(2);
    const snowRow = rows[1]!;
    await fillDate(snowRow, 'First day', '2025-10-06');
    await fillDate(snowRow, 'Last day', '2025-10-03');
    await click(tracker, 'Save and continue', 'button');

    await tracker.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
    expect(await errorFor(snowRow, 'Last day')).toBe(
      'The last closed day must be on or after the first.',
    );
    expect(await valueOf(snowRow, 'What', 'textbox')).toBe('Snow day');
    expect(await valueOf(tracker, 'First day of school')).toBe('2025-09-02');
    await expectNoA11yViolations(tracker);

    await fillDate(snowRow, 'Last day', '2025-10-06');
    await click(tracker, 'Save and continue', 'button');
    await waitForHeading(tracker, 'Step 3 of 4: IEP services');

    const [calendar] = await readStore<SchoolCalendar>(tracker, 'calendars');
    expect(calendar).toMatchObject({
      firstDay: '2025-09-02',
      lastDay: '2026-06-04',
      weekdays: [1, 2, 3, 4],
      closures: [
        { label: 'Labor Day', start: '2025-09-01', end: '2025-09-01' },
        { label: 'Snow day', start: '2025-10-06', end: '2025-10-06' },
      ],
    });
    const [student] = await readStore<Student>(tracker, 'students');
    expect(student).toMatchObject({
      name: 'Maya Test',
      school: 'Lincoln Elementary',
      district: 'Big Sky School District',
      grade: '3',
      calendarId: calendar!.id,
    });
  });

  it('setup, step 3: messages next to Service and Minutes, then the speech-language service', async () => {
    await expectNoA11yViolations(tracker);
    // The service's dates start as the school year's.
    expect(await valueOf(tracker, 'Starts')).toBe('2025-09-02');
    expect(await valueOf(tracker, 'Ends')).toBe('2026-06-04');
    await fill(tracker, 'Minutes', 'sixty');
    await fill(tracker, 'Provider (optional)', 'Co-op SLP');
    await click(tracker, 'Add this service', 'button');

    await tracker.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
    expect(await errorFor(tracker, 'Service', 'combobox')).toBeTruthy();
    expect(await errorFor(tracker, 'Minutes', 'textbox')).toBe('Enter a number.');
    expect(await valueOf(tracker, 'Minutes', 'textbox')).toBe('sixty');
    expect(await valueOf(tracker, 'Provider (optional)', 'textbox')).toBe('Co-op SLP');
    await expectNoA11yViolations(tracker);

    const kind = await control(tracker, 'Service', 'combobox');
    await kind.select('speech-language');
    await fill(tracker, 'Minutes', '60');
    await fill(tracker, 'Sessions (optional)', '2');
    // New services follow the school calendar; the checkbox is the IEP's exception.
    const fullMinutes = await control(
      tracker,
      'The IEP says the full minutes apply even in weeks with a holiday or snow day',
      'checkbox',
    );
    expect(await fullMinutes.evaluate((box) => (box as HTMLInputElement).checked)).toBe(false);
    await click(tracker, 'Add this service', 'button');
    await tracker.waitForSelector('[data-testid="setup-services"] li');
    expect(await textOf(tracker, '[data-testid="setup-services"]')).toBe(
      '60 minutes of speech-language therapy per week (2 sessions)',
    );
    // The form is empty again for the next service.
    expect(await valueOf(tracker, 'Minutes', 'textbox')).toBe('');

    const [service] = await readStore<Service>(tracker, 'services');
    expect(service).toMatchObject({
      kind: 'speech-language',
      minutes: 60,
      period: 'week',
      sessionsPerPeriod: 2,
      provider: 'Co-op SLP',
      prorate: true,
      startDate: '2025-09-02',
      endDate: '2026-06-04',
    });
    serviceId = service!.id;
    await click(tracker, 'Continue', 'button');
    await waitForHeading(tracker, 'Step 4 of 4: Your details (optional)');
  });

  it('setup, step 4: a bad e-mail address gets a message; then setup finishes', async () => {
    await expectNoA11yViolations(tracker);
    // The district is carried over from the student.
    expect(await valueOf(tracker, 'District', 'textbox')).toBe('Big Sky School District');
    await fill(tracker, 'Your name', 'Pat Parent');
    await fill(tracker, 'Your e-mail', 'pat@');
    await click(tracker, 'Save and finish', 'button');
    await tracker.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
    expect(await errorFor(tracker, 'Your e-mail', 'textbox')).toBe(
      'Enter an e-mail address like name@example.com.',
    );
    expect(await valueOf(tracker, 'Your name', 'textbox')).toBe('Pat Parent');
    await fill(tracker, 'Your e-mail', 'pat@example.com');
    await click(tracker, 'Save and finish', 'button');
    await waitForHeading(tracker, 'All set');
    const [profile] = await readStore<{ parentName: string; email: string }>(tracker, 'profile');
    expect(profile).toMatchObject({ parentName: 'Pat Parent', email: 'pat@example.com' });
    const [settings] = await readStore<{ setupDone: boolean }>(tracker, 'settings');
    expect(settings?.setupDone).toBe(true);
  });

  it('logs six sessions from the popup with the keyboard only', async () => {
    popup = await openAt(ext, 'popup.html', TODAY, { width: 380, height: 600 });
    await popup.waitForSelector('[data-testid="gap-cards"][data-ready="true"]');
    await expectNoA11yViolations(popup);
    // The form starts on today with the IEP's scheduled minutes.
    expect(await valueOf(popup, 'Date')).toBe(TODAY);
    expect(await valueOf(popup, 'Scheduled minutes', 'textbox')).toBe('30');

    await logWithKeyboard(popup, { date: '2025-09-02', status: 'delivered' });
    await logWithKeyboard(popup, { date: '2025-09-16', status: 'missed' }); // provider absent
    // Reasons in order: provider absent, vacancy, weather or travel, scheduling conflict, …
    await logWithKeyboard(popup, {
      date: '2025-09-23',
      status: 'partial',
      given: 20,
      reasonSteps: 3,
    });
    await logWithKeyboard(popup, { date: '2025-09-30', status: 'missed', reasonSteps: 5 });
    await logWithKeyboard(popup, { date: '2025-10-08', status: 'delivered', makeUp: true });
    await logWithKeyboard(popup, { date: '2025-10-14', status: 'delivered' });

    const sessions = await readStore<SessionEntry>(popup, 'sessions');
    const byDate = Object.fromEntries(sessions.map((s) => [s.date, s]));
    expect(sessions).toHaveLength(6);
    expect(byDate['2025-09-02']).toMatchObject({
      status: 'delivered',
      minutesDelivered: 30,
      scheduledMinutes: 30,
      makeUp: false,
    });
    expect(byDate['2025-09-16']).toMatchObject({
      status: 'missed',
      minutesDelivered: 0,
      reason: 'provider-absent',
    });
    expect(byDate['2025-09-23']).toMatchObject({
      status: 'partial',
      minutesDelivered: 20,
      reason: 'scheduling-conflict',
    });
    expect(byDate['2025-09-30']).toMatchObject({ status: 'missed', reason: 'student-absent' });
    expect(byDate['2025-10-08']).toMatchObject({
      status: 'delivered',
      minutesDelivered: 30,
      makeUp: true,
    });
    expect(byDate['2025-10-14']).toMatchObject({ status: 'delivered', serviceId });
  });

  it('the popup and the tracker show the hand-computed gap', async () => {
    const expected = {
      expected: 345,
      delivered: 50,
      madeUp: 30,
      documentedMissed: 70,
      excused: 30,
      owed: 10,
      unaccounted: 225,
    };
    // The popup recomputes its cards after the last session is saved: wait for the new figures.
    const inPopup = await eventually(async () => {
      const figures = await gapFigures(popup, serviceId);
      expect(figures).toMatchObject(expected);
      return figures;
    }, "the popup's gap card to count the six sessions");
    expect(inPopup.deliveryRate).toBeCloseTo(50 / 345, 6);
    expect(await textOf(popup, '[data-gap="deliveryRate"]')).toBe('14% to 80%');
    expect(await textOf(popup, '[data-testid="missed-by-reason"]')).toBe(
      'Missed by reason: provider absent 30 min · scheduling conflict 10 min · student absent 30 min',
    );
    expect(
      await popup.$eval('[data-testid="reduction-flag"]', (el) => el.getAttribute('data-start')),
    ).toBe('2025-09-08');
    expect(await textOf(popup, '[data-testid="reduction-flag"]')).toContain(
      '1 of these weeks has no record at all',
    );
    expect(await textOf(popup, '[data-testid="no-record"]')).toContain(
      'No record for 225 minutes (the weeks of Sep 1, Sep 8, Sep 15, Sep 22, Sep 29 and Oct 6, 2025).',
    );
    expect(await textOf(popup, '[data-testid="in-progress"]')).toContain('30 of 60 minutes so far');

    await tracker.goto(ext.extensionUrl('tracker.html#/gaps'), { waitUntil: 'load' });
    await tracker.bringToFront();
    await tracker.waitForSelector(`[data-testid="gap-card"][data-service-id="${serviceId}"]`);
    expect(await gapFigures(tracker, serviceId)).toMatchObject(expected);
    expect(await textOf(tracker, '[data-gap="owed"]')).toBe('10 minutes');
    expect(await textOf(tracker, '[data-testid="calendar-rule"]')).toBe(
      'Follows the school calendar: a week with a holiday or snow day expects fewer minutes, in proportion to the school days held.',
    );
    // The plain-words explanation of the expected minutes is there, in a disclosure.
    await click(tracker, 'How these numbers were worked out');
    await tracker.waitForSelector('.how-list');
    const how = await textOf(tracker, '.how-list');
    expect(how).toContain('6 complete school weeks');
    expect(how).toContain('345 minutes');

    // The chart's table, built when its disclosure opens: 6 counted weeks and the one going on.
    await click(tracker, 'Show the numbers as a table');
    await tracker.waitForSelector('[data-testid="weekly-chart"] tbody tr');
    const weeks = await tracker.$$eval('[data-testid="weekly-chart"] tbody tr', (rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent)),
    );
    expect(weeks).toEqual([
      ['Sep 1, 2025', '60', '30', '0'],
      ['Sep 8, 2025', '60', '0', '0'],
      ['Sep 15, 2025', '60', '0', '0'],
      ['Sep 22, 2025', '60', '20', '0'],
      ['Sep 29, 2025', '60', '0', '0'],
      ['Oct 6, 2025', '45', '0', '30'],
      ['Oct 13, 2025 (not over)', '60', '30', '0'],
    ]);
    const chartName = await tracker.$eval('[data-testid="weekly-chart"] svg[role="img"]', (svg) =>
      (svg.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' '),
    );
    expect(chartName).toContain('Speech-language therapy: expected and delivered minutes per week');
    expect(chartName).toContain('345 minutes expected, 50 delivered, 30 made up');
  });

  it('an open tracker updates when the popup logs a session', async () => {
    await popup.bringToFront();
    await logWithKeyboard(popup, { date: '2025-10-09', status: 'delivered' });
    // No reload: Dexie's live query picks the change up across pages.
    await waitForFigure(tracker, serviceId, 'delivered', 80);
    // The week of Oct 6 now has 30 of its 45 minutes given: 15 with no record instead of 45.
    expect(await gapFigures(tracker, serviceId)).toMatchObject({ owed: 10, unaccounted: 195 });
  });

  it('the session log sorts, filters, and edits and deletes entries in place', async () => {
    await tracker.goto(ext.extensionUrl('tracker.html#/log'), { waitUntil: 'load' });
    await tracker.bringToFront();
    await tracker.waitForSelector('[data-testid="log-table"] tbody tr');
    // The log is read a chunk at a time: wait for the count, then check it exactly.
    await waitForTextIs(tracker, '[data-testid="log-count"]', 'Showing 7 of 7 entries.');
    const firstDate = () =>
      tracker.$eval('[data-testid="log-table"] tbody tr td', (td) => td.textContent);
    expect(await firstDate()).toBe('Oct 14, 2025'); // newest first

    await click(tracker, 'Date', 'button');
    await tracker.waitForFunction(() =>
      document.querySelector('th[aria-sort="ascending"]')?.textContent?.startsWith('Date'),
    );
    // The rows are read again in the new order: wait for them.
    await waitForTextIs(tracker, '[data-testid="log-table"] tbody tr td', 'Sep 2, 2025');

    const status = await control(tracker, 'Status', 'combobox');
    await status.select('missed');
    await waitForTextIs(
      tracker,
      '[data-testid="log-count"]',
      'Showing 2 of 2 entries (filtered from 7).',
    );
    expect(
      await tracker.$$eval('[data-testid="log-table"] tbody tr td:nth-child(3)', (cells) =>
        cells.map((cell) => cell.textContent),
      ),
    ).toEqual(['Missed', 'Missed']);
    await click(tracker, 'Clear filters', 'button');
    await waitForTextIs(tracker, '[data-testid="log-count"]', 'Showing 7 of 7 entries.');

    // Edit the partial session: a bad number is caught next to its field, the note is kept.
    await click(tracker, 'Edit the entry of Sep 23, 2025', 'button');
    const editForm = await tracker.waitForSelector('form[aria-label="Edit log entry"]');
    await fill(editForm!, 'Note (optional)', 'Assembly ran long.');
    await fill(editForm!, 'Minutes given', '2O');
    await click(editForm!, 'Save changes', 'button');
    await tracker.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
    expect(await errorFor(editForm!, 'Minutes given', 'textbox')).toBe('Enter a number.');
    expect(await valueOf(editForm!, 'Note (optional)', 'textbox')).toBe('Assembly ran long.');
    await expectNoA11yViolations(tracker);
    await fill(editForm!, 'Minutes given', '25');
    await click(editForm!, 'Save changes', 'button');
    await waitForStatus(tracker, 'log-page-status', 'Entry saved.');
    // Focus goes back to the row's Edit button.
    await waitForFocus(tracker, 'Edit the entry of Sep 23, 2025');
    // The table shows the saved entry once its live query has read the write back.
    await tracker.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="log-table"] tbody tr')].some((row) =>
        row.textContent?.includes('Assembly ran long.'),
      ),
    );
    const edited = await tracker.$$eval('[data-testid="log-table"] tbody tr', (rows) =>
      rows
        .map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent))
        .find((cells) => cells[0] === 'Sep 23, 2025'),
    );
    expect(edited?.slice(0, 8)).toEqual([
      'Sep 23, 2025',
      'Speech-language therapy',
      'Partial',
      '30',
      '25',
      '5',
      'Scheduling conflict',
      'Assembly ran long.',
    ]);

    // Delete the Oct 9 entry: asked first, "Keep it" keeps it.
    await click(tracker, 'Delete the entry of Oct 9, 2025', 'button');
    await click(tracker, 'Keep it', 'button');
    await waitForFocus(tracker, 'Delete the entry of Oct 9, 2025');
    await click(tracker, 'Delete the entry of Oct 9, 2025', 'button');
    await click(tracker, 'Yes, delete', 'button');
    await waitForStatus(tracker, 'log-page-status', 'Deleted the entry of Oct 9, 2025.');
    await waitForTextIs(tracker, '[data-testid="log-count"]', 'Showing 6 of 6 entries.');
    expect((await readStore<SessionEntry>(tracker, 'sessions')).map((s) => s.date)).not.toContain(
      '2025-10-09',
    );

    // The gap follows: delivered 30 + 25, documented missed 30 + 5 + 30.
    await popup.bringToFront();
    await waitForFigure(popup, serviceId, 'delivered', 55);
    expect(await gapFigures(popup, serviceId)).toMatchObject({
      documentedMissed: 65,
      owed: 5,
      unaccounted: 225,
    });
    await tracker.bringToFront();
  });

  it('services: edit one, and delete another after confirming', async () => {
    await tracker.goto(ext.extensionUrl('tracker.html#/services'), { waitUntil: 'load' });
    await tracker.bringToFront();
    await click(tracker, 'Add a service', 'button');
    // The form opens in place of the button; focus goes to its heading.
    await waitForFocus(tracker, 'Add a service');
    const form = await tracker.waitForSelector('form[aria-label="IEP service"]');
    await (await control(form!, 'Service', 'combobox')).select('occupational');
    await fill(form!, 'Minutes', '30');
    await click(form!, 'Add service', 'button');
    await tracker.waitForFunction(
      () => document.querySelectorAll('[data-testid="service-item"]').length === 2,
    );

    await click(tracker, 'Edit speech-language therapy', 'button');
    const edit = await tracker.waitForSelector('form[aria-label="IEP service"]');
    await fill(edit!, 'Provider (optional)', 'Casey Rivers, SLP');
    await click(edit!, 'Save changes', 'button');
    await waitForStatus(tracker, 'services-status', 'Service saved.');
    await waitForFocus(tracker, 'Edit speech-language therapy');
    const services = await readStore<Service>(tracker, 'services');
    expect(services.find((s) => s.id === serviceId)?.provider).toBe('Casey Rivers, SLP');

    await click(tracker, 'Delete occupational therapy', 'button');
    expect(await textOf(tracker, '.confirm')).toContain(
      'Delete occupational therapy and its 0 log entries?',
    );
    await click(tracker, 'Yes, delete', 'button');
    await waitForStatus(tracker, 'services-status', 'Service deleted.');
    expect((await readStore<Service>(tracker, 'services')).map((s) => s.kind)).toEqual([
      'speech-language',
    ]);
  });

  it('the calendar editor: a new closed day lowers the expected minutes everywhere', async () => {
    await tracker.goto(ext.extensionUrl('tracker.html#/calendar'), { waitUntil: 'load' });
    await tracker.bringToFront();
    await click(tracker, 'Add a closed day or range', 'button');
    await tracker.waitForFunction(() => document.activeElement?.closest('.closure-row') !== null);
    await tracker.keyboard.type('Teacher training');
    const row = (await tracker.$$('.closure-row')).at(-1)!;
    await fillDate(row, 'First day', '2025-09-11');
    await click(tracker, 'Save calendar', 'button');
    await waitForStatus(tracker, 'calendar-status', 'Calendar saved.');
    // Week of Sep 8 now has 3 school days of 4: 45 instead of 60, so 345 − 15 = 330 expected.
    await popup.bringToFront();
    await waitForFigure(popup, serviceId, 'expected', 330);
    // The week of Sep 8 had no record: 45 instead of 60 with no record; nothing owed changes.
    expect(await gapFigures(popup, serviceId)).toMatchObject({ owed: 5, unaccounted: 210 });
    await tracker.bringToFront();
  });

  it('the profile page saves changes', async () => {
    await tracker.goto(ext.extensionUrl('tracker.html#/profile'), { waitUntil: 'load' });
    await tracker.bringToFront();
    expect(await valueOf(tracker, 'Your name', 'textbox')).toBe('Pat Parent');
    await fill(tracker, 'Your phone', '406-555-0100');
    await fill(tracker, "Director's e-mail", 'director@bigsky.example');
    await fill(tracker, 'Special education director', 'Dr. Jordan Lee');
    await click(tracker, 'Save', 'button');
    await waitForStatus(tracker, 'profile-status', 'Saved.');
    const [profile] = await readStore<Record<string, string>>(tracker, 'profile');
    expect(profile).toMatchObject({
      parentName: 'Pat Parent',
      phone: '406-555-0100',
      directorName: 'Dr. Jordan Lee',
      directorEmail: 'director@bigsky.example',
    });
  });

  it('students: add a second one on the same calendar, switch, and delete', async () => {
    await tracker.goto(ext.extensionUrl('tracker.html#/students'), { waitUntil: 'load' });
    await tracker.bringToFront();
    await click(tracker, 'Add a student', 'button');
    const calendarChoice = await control(tracker, 'School calendar', 'combobox');
    const [calendar] = await readStore<SchoolCalendar>(tracker, 'calendars');
    await calendarChoice.select(calendar!.id);
    await fill(tracker, "Your child's name", 'Leo Test');
    await click(tracker, 'Add student', 'button');
    await tracker.waitForFunction(
      () => document.querySelectorAll('[data-testid="student-item"]').length === 2,
    );
    const students = await readStore<Student>(tracker, 'students');
    expect(students.find((s) => s.name === 'Leo Test')?.calendarId).toBe(calendar!.id);
    // The new student is the one shown; the header lets you switch back.
    const picker = await control(tracker, 'Student', 'combobox');
    expect(
      await picker.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent),
    ).toBe('Leo Test');
    await click(tracker, 'Show Maya Test', 'button');
    await tracker.waitForFunction(
      () =>
        (document.querySelector('.student-picker select') as HTMLSelectElement | null)
          ?.selectedOptions[0]?.textContent === 'Maya Test',
    );

    await click(tracker, 'Delete Leo Test', 'button');
    await click(tracker, 'Yes, delete', 'button');
    await tracker.waitForFunction(
      () => document.querySelectorAll('[data-testid="student-item"]').length === 1,
    );
    expect((await readStore<Student>(tracker, 'students')).map((s) => s.name)).toEqual([
      'Maya Test',
    ]);
    // The shared calendar stays: Maya still uses it.
    expect(await readStore(tracker, 'calendars')).toHaveLength(1);
  });

  it('"Load sample data" in the setup adds a made-up student with a year of sessions', async () => {
    await tracker.goto(ext.extensionUrl('tracker.html#/setup'), { waitUntil: 'load' });
    await tracker.bringToFront();
    await click(tracker, 'Load sample data', 'button');
    await tracker.waitForSelector('[data-testid="gaps-page"] [data-testid="gap-card"]');
    expect(tracker.url()).toBe(ext.extensionUrl('tracker.html#/gaps'));
    const students = await readStore<Student>(tracker, 'students');
    expect(students).toHaveLength(2);
    const sample = students.find((s) => s.name !== 'Maya Test')!;
    const [settings] = await readStore<{ currentStudentId: string }>(tracker, 'settings');
    expect(settings?.currentStudentId).toBe(sample.id);
    expect(
      (await readStore<SessionEntry>(tracker, 'sessions')).filter((e) => e.studentId === sample.id)
        .length,
    ).toBeGreaterThan(10);
    // The parent's own profile is kept.
    const [profile] = await readStore<{ parentName: string }>(tracker, 'profile');
    expect(profile?.parentName).toBe('Pat Parent');
  });

  it('every tracker route has no serious or critical accessibility violations', async () => {
    const paths = await forEachTrackerRoute(ext, tracker, () => expectNoA11yViolations(tracker));
    expect(paths).toEqual(
      expect.arrayContaining([
        '#/gaps',
        '#/log',
        '#/services',
        '#/students',
        '#/calendar',
        '#/profile',
      ]),
    );
  });
});
