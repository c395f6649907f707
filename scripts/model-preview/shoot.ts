// Screenshots of the body model: run `npx vite --port 5199` in the repo root, then `npx tsx scripts/model-preview/shoot.ts`.
// Extra args `name?query` shoot only those views; SHOT_DIR=/tmp/x writes there instead of docs/screenshots.
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../chromium.ts';

const shots: [string, string][] = [
  ['model-front', 'view=front&skin=0&zoom=1.12&y=0.885'],
  ['model-back', 'view=back&skin=0&zoom=1.12&y=0.885'],
  ['model-side', 'view=left&skin=0&zoom=1.12&y=0.885'],
  ['model-deep-back', 'view=back&skin=0&S=0&zoom=1.12&y=0.885'],
  ['model-skin', 'view=front&skin=1&zoom=1.12&y=0.885'],
  ['model-skin-side', 'view=left&skin=1&zoom=1.12&y=0.885'],
  ['model-skeleton', 'view=front&skin=0&S=0&D=0&skel=1&zoom=1.12&y=0.885'],
  ['model-shoulder', 'view=front-left&skin=0&zoom=4.5&y=1.3&x=0.17&z=0.03'],
  ['model-hip', 'view=back-left&skin=0&zoom=3.5&y=0.9&x=0.09'],
  ['model-knee', 'view=front-left&skin=0&zoom=4.5&y=0.5&x=0.085&z=0.05'],
  ['model-head', 'view=front-left&skin=0&zoom=5&y=1.59&z=0.02'],
];
const extra = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const list: [string, string][] = extra.length
  ? extra.map((e) => e.split('?') as [string, string])
  : shots;
for (const [name, qs] of list) {
  await page.goto(
    `${process.env.PREVIEW_ORIGIN ?? 'http://127.0.0.1:5199'}/scripts/model-preview/index.html?${qs}`,
  );
  await page.waitForFunction(
    () => (window as unknown as { __ready?: boolean }).__ready === true,
    null,
    { timeout: 60000 },
  );
  await page.screenshot({ path: `${process.env.SHOT_DIR ?? 'docs/screenshots'}/${name}.png` });
  console.log('wrote', name);
}
await browser.close();
