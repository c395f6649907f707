import { expect, test } from '@playwright/test';
import { canvasColors, musclePoint, openApp, selectedHeading, waitForDrawn } from './helpers.ts';

// Browsers that cannot hand a canvas to a worker get the same view, run on the page itself.
test.describe('the 3D view run on the page', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).transferControlToOffscreen;
    });
  });

  test('draws the body, and a click selects', async ({ page }) => {
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const errors = await openApp(page, '?view=back');
    await waitForDrawn(page);
    expect(workers.some((url) => url.includes('view.worker'))).toBe(false);
    expect((await canvasColors(page)).body).toBeGreaterThan(1000);
    const point = await musclePoint(page, 'gluteus_maximus', 'right');
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    await expect(selectedHeading(page)).toHaveText(/Gluteus maximus\s*\(right\)/);
    await expect(page).toHaveURL(/muscle=gluteus_maximus:right/);
    expect(errors).toEqual([]);
  });
});

test.describe('a worker that cannot draw WebGL', () => {
  test('hands the view to the page, which draws the body and picks', async ({ page }) => {
    // the view's worker finds no WebGL for its canvas, as in browsers with 2D-only OffscreenCanvas
    await page.route('**/assets/view.worker-*.js', async (route) => {
      const response = await route.fetch();
      const code = await response.text();
      await route.fulfill({
        response,
        body: `OffscreenCanvas.prototype.getContext = () => null;\n${code}`,
        headers: { ...response.headers(), 'content-encoding': 'identity' },
      });
    });
    const loaded: string[] = [];
    page.on('request', (request) => loaded.push(request.url()));
    const errors = await openApp(page, '?view=back');
    await waitForDrawn(page);
    // the page loaded the view's own code: it draws there now
    expect(loaded.some((url) => /\/viewRuntime-[\w-]+\.js$/.test(url))).toBe(true);
    expect((await canvasColors(page)).body).toBeGreaterThan(1000);
    const point = await musclePoint(page, 'gluteus_maximus', 'right');
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    await expect(selectedHeading(page)).toHaveText(/Gluteus maximus\s*\(right\)/);
    expect(errors).toEqual([]);
  });
});
