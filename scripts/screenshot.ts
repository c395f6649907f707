/**
 * Screenshots of the running app, for the README and for looking at changes:
 *   npx tsx scripts/screenshot.ts <base-url> <out.png> [query] [width] [height]
 * Waits for the app's ready signal, never for a fixed time.
 */
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.ts';

const [
  base = 'http://127.0.0.1:4173',
  out = 'screenshot.png',
  query = '',
  width = '1280',
  height = '800',
] = process.argv.slice(2);

const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
try {
  const page = await browser.newPage({
    viewport: { width: Number(width), height: Number(height) },
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.error(`[${m.type()}] ${m.text()}`);
  });
  page.on('pageerror', (e) => console.error(`[pageerror] ${e.message}`));
  await page.goto(`${base}/${query}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, {
    timeout: 90_000,
  });
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
