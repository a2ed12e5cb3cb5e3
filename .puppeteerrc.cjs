// Puppeteer downloads its own Chrome on install unless a browser is already available.
// Where a system Chromium exists (CI, Debian machines) or a path is given, skip the download:
// tests/e2e/support/browser-path.ts finds that browser at run time.
const fs = require('node:fs');

const systemBrowser =
  process.env.PUPPETEER_EXECUTABLE_PATH ||
  process.env.CHROMIUM_PATH ||
  ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

module.exports = {
  skipDownload: Boolean(systemBrowser) || process.env.PUPPETEER_SKIP_DOWNLOAD === '1',
};
