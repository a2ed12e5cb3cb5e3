#!/usr/bin/env node
/**
 * Renders the extension icon (the SVG below) to the PNG sizes the stores ask for, with the local
 * Chromium: public/icon/{16,32,48,96,128}.png. WXT puts them in the manifest. The PNGs are
 * committed; run this only after changing the design.
 *
 *   node scripts/render-icons.mjs
 *
 * The mark: a school-calendar page with a check mark, on Montana blue, with a gold header
 * (Montana's state colors), simple enough to read at 16 px.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer';

export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="26" fill="#1F4E8C"/>
  <rect x="22" y="30" width="84" height="76" rx="10" fill="#FFFFFF"/>
  <path d="M32 30h64a10 10 0 0 1 10 10v12H22V40a10 10 0 0 1 10-10z" fill="#F2B705"/>
  <rect x="40" y="18" width="10" height="22" rx="5" fill="#FFFFFF" stroke="#1F4E8C" stroke-width="4"/>
  <rect x="78" y="18" width="10" height="22" rx="5" fill="#FFFFFF" stroke="#1F4E8C" stroke-width="4"/>
  <path d="M40 78l15 14 33-31" fill="none" stroke="#1F4E8C" stroke-width="12" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

export const ICON_SIZES = [16, 32, 48, 96, 128];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'public/icon');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(outDir, { recursive: true });
  const browser = await puppeteer.launch({
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    for (const size of ICON_SIZES) {
      await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
      const svg = ICON_SVG.replace('<svg ', `<svg width="${size}" height="${size}" `);
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`,
      );
      await page.screenshot({
        path: path.join(outDir, `${size}.png`),
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      console.log(`public/icon/${size}.png`);
    }
  } finally {
    await browser.close();
  }
}
