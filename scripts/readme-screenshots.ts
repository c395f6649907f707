/**
 * Refreshes the app screenshots in docs/screenshots/ that the README shows. Needs the app served:
 *   npm run build && npm run preview &   then   npx tsx scripts/readme-screenshots.ts
 */
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.ts';

const base = process.argv[2] ?? 'http://127.0.0.1:4173';
const shots: { file: string; query: string; width?: number; height?: number; pain?: boolean }[] = [
  { file: 'app-piriformis-back.png', query: '?muscle=piriformis:right&view=back' },
  { file: 'app-upper-trapezius-right.png', query: '?muscle=upper_trapezius:right&view=right' },
  {
    file: 'app-compare.png',
    query: '?muscle=piriformis:right&compare=gluteus_minimus:right&view=back',
  },
  {
    file: 'app-where-it-hurts.png',
    query: '?view=back&pain=sacroiliac_joint:right,buttock:right,posterior_thigh:right',
  },
  {
    file: 'app-nerve-note.png',
    query: '?view=right&pain=lateral_leg:right,dorsum_of_foot:right,big_toe:right',
  },
  {
    file: 'app-dermatomes.png',
    query:
      '?view=back&mode=pain&layers=skin,superficial,deep,skeleton,dermatomes&pain=lateral_leg:right@7:tingling,posterior_thigh:right@4',
  },
  { file: 'app-front.png', query: '?view=front' },
  // five of the muscles dataset v2 added, each with its zones
  { file: 'v2-zygomaticus-major.png', query: '?muscle=zygomaticus_major:right&view=front' },
  { file: 'v2-platysma.png', query: '?muscle=platysma:right&view=front' },
  { file: 'v2-obturator-internus.png', query: '?muscle=obturator_internus:right&view=back' },
  {
    file: 'v2-abductor-digiti-minimi-hand.png',
    query: '?muscle=abductor_digiti_minimi_hand:right&view=front',
  },
  {
    file: 'v2-extensor-hallucis-brevis.png',
    query: '?muscle=extensor_hallucis_brevis:right&view=front',
  },
  {
    file: 'app-phone.png',
    query: '?muscle=infraspinatus:right&view=back',
    width: 390,
    height: 844,
  },
];

/** The printed handout for piriformis, as the print stylesheet lays it out on A4. */
async function shootHandout(): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${base}/?muscle=piriformis:right&view=back`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await page.evaluate(() => {
    window.print = () => {
      document.documentElement.dataset.printed = 'true';
    };
  });
  await page.getByRole('button', { name: 'Print handout' }).click();
  await page.getByLabel('Client name (optional)').fill('Alex Example');
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.dataset.printed === 'true');
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: 'docs/screenshots/handout-piriformis.png', fullPage: true });
  console.log('docs/screenshots/handout-piriformis.png');
  await page.close();
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
try {
  for (const shot of shots) {
    const page = await browser.newPage({
      viewport: { width: shot.width ?? 1280, height: shot.height ?? 800 },
    });
    await page.goto(`${base}/${shot.query}`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, {
      timeout: 90_000,
    });
    await page.screenshot({ path: `docs/screenshots/${shot.file}` });
    console.log(`docs/screenshots/${shot.file}`);
    await page.close();
  }
  await shootHandout();
} finally {
  await browser.close();
}
