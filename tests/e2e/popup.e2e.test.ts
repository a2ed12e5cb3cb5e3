/**
 * The toolbar popup in a real Chromium: the welcome before setup, gap cards per service with
 * hand-computed numbers, switching students, logging a missed session in three clicks, messages
 * next to fields on bad input (nothing typed is lost), a make-up logged with the keyboard, the
 * "gaps-shown" mark the bench reads, links to the other pages, and axe.
 *
 * Seeded data, as of Thursday 2025-10-16 (the extension's clock is moved there):
 *   calendar 2025-08-25 to 2026-06-05, Monday–Friday, no closures.
 *   Ava: speech-language therapy 60 min/week, 2 sessions (30 scheduled), from 2025-08-25;
 *        occupational therapy 30 min/week, from 2025-08-26.
 *   Ben: specialized reading instruction 150 min/week, 3 sessions.
 *   Counted weeks: Aug 25, Sep 1, 8, 15, 22, 29, Oct 6 = 7 (the week of Oct 13 is still going).
 *   With no sessions: speech expects 7 × 60 = 420, OT 7 × 30 = 210, reading 7 × 150 = 1,050,
 *   all with no record and none owed (rules v2: only documented minutes are owed); every week
 *   under half, so a possible cut since 2025-08-25, none of its 7 weeks with a record.
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoA11yViolations, readStore, seedDatabase, type ExtensionBrowser } from './harness';
import { sharedExtensionBrowser } from './support/shared-browser';
import {
  click,
  control,
  errorFor,
  fieldState,
  gapFigures,
  openAt,
  openEveryDisclosure,
  tabTo,
  textOf,
  typeDateKeys,
  valueOf,
  waitForFigure,
} from './ui-steps';
import type { SchoolCalendar, Service, SessionEntry, Student } from '../../lib/model';

const TODAY = '2025-10-16';

const calendar: SchoolCalendar = {
  id: 'cal-1',
  name: 'Lincoln Elementary 2025–2026',
  firstDay: '2025-08-25',
  lastDay: '2026-06-05',
  weekdays: [1, 2, 3, 4, 5],
  closures: [],
};
const ava: Student = {
  id: 'stu-ava',
  name: 'Ava Seed',
  school: 'Lincoln Elementary',
  district: 'Helena',
  grade: '2',
  homeAddress: '',
  calendarId: calendar.id,
  createdAt: 1,
};
const ben: Student = { ...ava, id: 'stu-ben', name: 'Ben Seed', grade: '4', createdAt: 2 };
const service = (
  fields: Partial<Service> & Pick<Service, 'id' | 'studentId' | 'kind'>,
): Service => ({
  label: '',
  minutes: 60,
  period: 'week',
  sessionsPerPeriod: null,
  provider: '',
  location: '',
  delivery: 'direct',
  startDate: '2025-08-25',
  endDate: '2026-06-05',
  prorate: false,
  ...fields,
});
const speech = service({
  id: 'svc-speech',
  studentId: ava.id,
  kind: 'speech-language',
  sessionsPerPeriod: 2,
});
const ot = service({
  id: 'svc-ot',
  studentId: ava.id,
  kind: 'occupational',
  minutes: 30,
  startDate: '2025-08-26',
});
const reading = service({
  id: 'svc-reading',
  studentId: ben.id,
  kind: 'reading',
  minutes: 150,
  sessionsPerPeriod: 3,
});

async function waitForStatus(page: Page, pattern: string) {
  await page.waitForFunction(
    (p: string) => document.querySelector('[data-testid="log-status"]')?.textContent?.includes(p),
    { timeout: 10_000, polling: 50 },
    pattern,
  );
}

async function sessions(page: Page) {
  return readStore<SessionEntry>(page, 'sessions');
}

describe('popup', () => {
  let ext: ExtensionBrowser;
  let popup: Page;

  beforeAll(async () => {
    ext = await sharedExtensionBrowser();
    popup = await openAt(ext, 'popup.html', TODAY, { width: 380, height: 600 });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('before setup, it welcomes and points to the setup', async () => {
    await popup.waitForSelector('::-p-aria(Welcome)');
    const setup = await control(popup, 'Set up', 'link');
    expect(await setup.evaluate((a) => a.getAttribute('href'))).toBe('tracker.html#/setup');
    await expectNoA11yViolations(popup);
  });

  it("shows each service's gap as of today, computed by hand, and marks when it is shown", async () => {
    await seedDatabase(
      popup,
      { calendar, students: [ava, ben], services: [speech, ot, reading] },
      { reload: true },
    );
    await popup.bringToFront();
    await popup.waitForSelector('[data-testid="gap-cards"][data-ready="true"]');
    expect(
      await popup.$$eval('[data-testid="gap-card"]', (cards) =>
        cards.map((c) => c.getAttribute('data-service-id')),
      ),
    ).toEqual([speech.id, ot.id]);
    expect(await gapFigures(popup, speech.id)).toMatchObject({
      expected: 420,
      delivered: 0,
      madeUp: 0,
      documentedMissed: 0,
      excused: 0,
      owed: 0,
      unaccounted: 420,
      deliveryRate: 0,
    });
    expect(await gapFigures(popup, ot.id)).toMatchObject({ expected: 210, owed: 0 });
    expect(
      await textOf(popup, `[data-service-id="${speech.id}"] [data-testid="no-record"]`),
    ).toContain(
      'No record for 420 minutes (the weeks of Aug 25, Sep 1, Sep 8, Sep 15, Sep 22, Sep 29 and Oct 6, 2025).',
    );
    // With every minute unknown, the rate is a range, never a bare 0%.
    expect(await textOf(popup, `[data-service-id="${speech.id}"] [data-gap="deliveryRate"]`)).toBe(
      '0% to 100%',
    );
    const flag = await popup.$eval(
      `[data-service-id="${speech.id}"] [data-testid="reduction-flag"]`,
      (el) => [el.getAttribute('data-start'), el.getAttribute('data-recorded'), el.textContent],
    );
    expect(flag.slice(0, 2)).toEqual(['2025-08-25', '0']);
    expect(flag[2]).toContain('7 of these weeks have no record at all');
    expect(
      await textOf(popup, `[data-service-id="${speech.id}"] [data-testid="calendar-rule"]`),
    ).toBe("The IEP's full minutes apply to every week, even a week with a holiday or snow day.");
    expect(
      await textOf(popup, `[data-service-id="${speech.id}"] [data-testid="in-progress"]`),
    ).toContain('0 of 60 minutes so far');
    // The bench measures the time to this mark; it is set once.
    expect(await popup.evaluate(() => performance.getEntriesByName('gaps-shown').length)).toBe(1);
    await openEveryDisclosure(popup);
    await expectNoA11yViolations(popup);
  });

  it('switches to another student and back', async () => {
    const picker = await control(popup, 'Student', 'combobox');
    await picker.select(ben.id);
    await popup.waitForSelector(`[data-service-id="${reading.id}"]`);
    expect(await gapFigures(popup, reading.id)).toMatchObject({
      expected: 1050,
      owed: 0,
      unaccounted: 1050,
    });
    const [settings] = await readStore<{ currentStudentId: string }>(popup, 'settings');
    expect(settings?.currentStudentId).toBe(ben.id);
    await picker.select(ava.id);
    await popup.waitForSelector(`[data-service-id="${speech.id}"]`);
  });

  it('logs a missed session in three clicks: Missed, a reason, Log session', async () => {
    // Defaults from the IEP: today, the first service, one session's 30 minutes.
    expect(await valueOf(popup, 'Date')).toBe(TODAY);
    expect(await valueOf(popup, 'Service', 'combobox')).toBe(speech.id);
    expect(await valueOf(popup, 'Scheduled minutes', 'textbox')).toBe('30');

    await click(popup, 'Missed', 'radio');
    await click(popup, 'Weather or travel', 'radio');
    await click(popup, 'Log session', 'button');
    await waitForStatus(
      popup,
      'Logged: speech-language therapy missed on Oct 16, 2025 (weather or travel).',
    );

    const [entry] = await sessions(popup);
    expect(entry).toMatchObject({
      studentId: ava.id,
      serviceId: speech.id,
      date: TODAY,
      status: 'missed',
      minutesDelivered: 0,
      scheduledMinutes: 30,
      reason: 'weather-travel',
      makeUp: false,
      note: '',
    });
    // Ready for the next one: back to "Delivered".
    expect(
      await popup.$eval(
        '::-p-aria([name="Delivered"][role="radio"])',
        (r) => (r as HTMLInputElement).checked,
      ),
    ).toBe(true);
  });

  it('logs a delivered session in one click, and the card updates', async () => {
    await click(popup, 'Log session', 'button');
    await waitForStatus(popup, 'Logged: speech-language therapy, 30 minutes on Oct 16, 2025.');
    await popup.waitForFunction(
      (id: string) =>
        document
          .querySelector(`[data-service-id="${id}"] [data-testid="in-progress"]`)
          ?.textContent?.includes('30 of 60 minutes so far'),
      { polling: 50 },
      speech.id,
    );
    expect(await sessions(popup)).toHaveLength(2);
  });

  it('bad input gets messages next to the fields, and nothing typed is lost', async () => {
    await click(popup, 'Partial', 'radio');
    await click(popup, 'Add a note');
    const note = await control(popup, 'Note (optional)', 'textbox');
    await note.type('Therapist left early for a meeting.');
    await click(popup, 'Log session', 'button');

    const given = await control(popup, 'Minutes given', 'textbox');
    await popup.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null, {
      polling: 50,
    });
    expect(await fieldState(given)).toMatchObject({
      invalid: true,
      error: 'Enter a number.',
      value: '',
    });
    expect(await errorFor(popup, 'Provider absent', 'radio')).toBe(
      'Pick a reason for the missed minutes.',
    );
    expect(await valueOf(popup, 'Note (optional)', 'textbox')).toBe(
      'Therapist left early for a meeting.',
    );
    expect(await sessions(popup)).toHaveLength(2);
    await expectNoA11yViolations(popup);

    // More minutes than scheduled is not a partial session.
    await given.type('45');
    await click(popup, 'Provider absent', 'radio');
    await click(popup, 'Log session', 'button');
    await popup.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null, {
      polling: 50,
    });
    expect(await errorFor(popup, 'Minutes given', 'textbox')).toBe(
      'A partial session delivers fewer minutes than scheduled.',
    );

    await given.click({ count: 3 });
    await given.type('20');
    await click(popup, 'Log session', 'button');
    await waitForStatus(
      popup,
      'Logged: speech-language therapy partial on Oct 16, 2025 (provider absent).',
    );
    const partial = (await sessions(popup)).find((s) => s.status === 'partial');
    expect(partial).toMatchObject({
      minutesDelivered: 20,
      scheduledMinutes: 30,
      reason: 'provider-absent',
      note: 'Therapist left early for a meeting.',
    });
  });

  it('logs a make-up for another service and an earlier date with the keyboard only', async () => {
    await tabTo(popup, 'Service');
    await popup.keyboard.press('ArrowDown'); // occupational therapy
    expect(await valueOf(popup, 'Service', 'combobox')).toBe(ot.id);
    await tabTo(popup, 'Date');
    await typeDateKeys(popup, '2025-10-01');
    expect(await valueOf(popup, 'Date')).toBe('2025-10-01');
    await tabTo(popup, 'This was a make-up session');
    await popup.keyboard.press(' '); // Space (Firefox's key table has no "Space" name)
    await tabTo(popup, 'Log session');
    await popup.keyboard.press('Enter');
    await waitForStatus(popup, 'Logged: occupational therapy, 30 minutes on Oct 1, 2025.');
    // The week of Sep 29 is counted: made up 30. Nothing is documented as missed, so nothing
    // is owed, and a make-up does not give a record to the regular sessions.
    await waitForFigure(popup, ot.id, 'madeUp', 30);
    expect(await gapFigures(popup, ot.id)).toMatchObject({
      expected: 210,
      delivered: 0,
      owed: 0,
      unaccounted: 210,
    });
    const makeUp = (await sessions(popup)).find((s) => s.serviceId === ot.id);
    expect(makeUp).toMatchObject({
      date: '2025-10-01',
      makeUp: true,
      status: 'delivered',
      minutesDelivered: 30,
      scheduledMinutes: 30,
    });
  });

  it('opens the tracker and the letter page in a tab', async () => {
    await click(popup, 'Open the tracker', 'link');
    // Found by each tab's own location: Firefox reports no navigations to extension pages.
    const tracker = await ext.waitForExtensionPage('tracker.html#/gaps', { timeout: 10_000 });
    expect(await tracker.evaluate(() => location.href)).toBe(
      ext.extensionUrl('tracker.html#/gaps'),
    );
    await popup.bringToFront();
    await click(popup, 'Write a letter', 'link');
    const letter = await ext.waitForExtensionPage('letter.html', { timeout: 10_000 });
    expect(await letter.evaluate(() => location.href)).toBe(ext.extensionUrl('letter.html'));
  });
});
