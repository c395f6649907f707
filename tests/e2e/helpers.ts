import { expect, type Page } from '@playwright/test';

/** Opens the app at `query` and waits for the app's own ready signal (never a fixed sleep). */
export async function openApp(page: Page, query = ''): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`/${query}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, {
    timeout: 60_000,
  });
  return errors;
}

/** Waits until the frame on screen shows the current store state. */
export async function waitForDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const atlas = window.__atlas;
    const drawn = document.documentElement.dataset.drawn ?? '';
    if (!atlas) return false;
    return (
      drawn.endsWith(`#${atlas.store.getState().cameraRequest}`) &&
      drawn.startsWith(location.search)
    );
  });
}

export async function musclePoint(page: Page, muscle: string, side: 'left' | 'right') {
  const point = await page.evaluate(
    ([m, s]) => window.__atlas?.musclePoint?.(m, s as 'left' | 'right') ?? null,
    [muscle, side] as const,
  );
  return point;
}

export async function regionPoint(page: Page, region: string) {
  const point = await page.evaluate((r) => window.__atlas?.projectRegion?.(r) ?? null, region);
  expect(point, `region ${region} is on screen`).not.toBeNull();
  return point!;
}

export function selectedHeading(page: Page) {
  return page.locator('.muscle-record.selected h2');
}

/** The canvas's box on the page. */
export async function canvasBox(page: Page) {
  const box = await page.locator('canvas').boundingBox();
  expect(box).not.toBeNull();
  return box!;
}

/** A point on the canvas where a click hits nothing (background). */
export async function emptyPoint(page: Page) {
  const box = await canvasBox(page);
  for (const fx of [0.06, 0.94, 0.2, 0.8]) {
    for (const fy of [0.5, 0.3, 0.7]) {
      const x = box.x + box.width * fx;
      const y = box.y + box.height * fy;
      const hit = await page.evaluate(([px, py]) => window.__atlas?.pickAt?.(px!, py!), [x, y]);
      if (hit === null) return { x, y };
    }
  }
  throw new Error('no empty point on the canvas');
}

export interface ColorCounts {
  /** Pixels of the referral red (essential solid or spillover dots). */
  red: number;
  /** Pixels of the compare blue. */
  blue: number;
  /** Pixels that differ clearly from the background colour (#f4f1ec): the body. */
  body: number;
  total: number;
  /** The mean colour [r, g, b]. */
  mean: [number, number, number];
}

/**
 * Counts pixel colours of the drawn canvas in a page-space rectangle (the whole canvas when none
 * is given). The view draws the current state and hands over that frame as an image.
 */
async function countColors(
  page: Page,
  area: { x: number; y: number; width: number; height: number } | null,
): Promise<ColorCounts> {
  return page.evaluate(async (rect) => {
    const canvas = document.querySelector('canvas')!;
    const bounds = canvas.getBoundingClientRect();
    const frame = await window.__atlas?.snapshot?.();
    if (!frame) throw new Error('the 3D view gave no frame');
    const scale = frame.width / bounds.width;
    const copy = document.createElement('canvas');
    copy.width = frame.width;
    copy.height = frame.height;
    const context = copy.getContext('2d')!;
    context.drawImage(frame, 0, 0);
    const data = rect
      ? context.getImageData(
          Math.round((rect.x - bounds.left) * scale),
          Math.round((rect.y - bounds.top) * scale),
          Math.round(rect.width * scale),
          Math.round(rect.height * scale),
        ).data
      : context.getImageData(0, 0, copy.width, copy.height).data;
    const counts = { red: 0, blue: 0, body: 0, total: data.length / 4 };
    let [sumR, sumG, sumB] = [0, 0, 0];
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      sumR += r;
      sumG += g;
      sumB += b;
      if (r > 150 && g < 80 && b < 80 && r > 2.2 * g) counts.red++;
      if (b > 110 && r < 90 && b > r + 60) counts.blue++;
      if (Math.abs(r - 0xf4) + Math.abs(g - 0xf1) + Math.abs(b - 0xec) > 40) counts.body++;
    }
    const mean = [sumR, sumG, sumB].map((c) => Math.round(c / counts.total)) as [
      number,
      number,
      number,
    ];
    return { ...counts, mean };
  }, area);
}

/** Colour counts in a square of half-width `half` (page pixels) around a page point. */
export async function colorsAround(page: Page, point: { x: number; y: number }, half = 14) {
  return countColors(page, {
    x: point.x - half,
    y: point.y - half,
    width: 2 * half,
    height: 2 * half,
  });
}

/** Colour counts over the whole canvas. */
export async function canvasColors(page: Page): Promise<ColorCounts> {
  return countColors(page, null);
}

/** The mean colour [r, g, b] of the drawn canvas in a square of half-width `half` round a point. */
export async function meanColorAround(
  page: Page,
  point: { x: number; y: number },
  half = 8,
): Promise<[number, number, number]> {
  return (await colorsAround(page, point, half)).mean;
}
