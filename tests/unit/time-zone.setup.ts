/**
 * Each unit project (vitest.config.ts) sets TZ for its workers; this fails the file at once if
 * the time zone did not take effect (for Intl and for Date), so a run "in Kiritimati" cannot
 * quietly run in UTC.
 */
const wanted = process.env.TZ;
const noon = new Date(Date.UTC(2027, 0, 1, 12));
const hourThere = Number(
  new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle: 'h23', timeZone: wanted }).format(
    noon,
  ),
);
const actual = Intl.DateTimeFormat().resolvedOptions().timeZone;
if (!wanted || actual !== wanted || noon.getHours() !== hourThere) {
  throw new Error(
    `Unit tests expected time zone ${wanted ?? '(none set)'}, got ${actual} (Date: ${noon.getHours()} h, wanted ${hourThere} h).`,
  );
}
