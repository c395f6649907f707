import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openApp } from './helpers.ts';

test.describe('share, export and print', () => {
  test('Share copies the deep link of the current view', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page, '?muscle=piriformis:right&compare=gluteus_minimus:right&view=back');
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.getByRole('status')).toContainText('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    expect(copied).toContain('muscle=piriformis:right&compare=gluteus_minimus:right&view=back');
  });

  test('Save image downloads a PNG of the view with its legend', async ({ page }) => {
    await openApp(page, '?muscle=piriformis:right&view=back');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save image' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('trigger-atlas-piriformis-right.png');
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    // height = view + legend strip: read it from the PNG header
    const height = bytes.readUInt32BE(20);
    const canvasHeight = await page.evaluate(() => document.querySelector('canvas')!.height);
    expect(height).toBe(canvasHeight + 96);
  });

  test('the piriformis handout prints its images and text on at most two pages', async ({
    page,
  }) => {
    await openApp(page, '?muscle=piriformis:right&view=back');
    await page.evaluate(() => {
      window.print = () => {
        document.documentElement.dataset.printed = 'true';
      };
    });
    await page.getByRole('button', { name: 'Print handout' }).click();
    await page.getByLabel('Client name (optional)').fill('Alex Example');
    await page.getByLabel('Notes (optional)').fill('Ball on the buttock twice a day.');
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    await page.waitForFunction(() => document.documentElement.dataset.printed === 'true');
    await page.emulateMedia({ media: 'print' });
    const handout = page.locator('.handout');
    await expect(handout).toBeVisible();
    await expect(page.locator('#root')).toBeHidden();
    await expect(handout.getByRole('heading', { level: 1 })).toHaveText(/Piriformis/);
    await expect(handout).toContainText('for Alex Example');
    await expect(handout).toContainText('Ball on the buttock twice a day.');
    await expect(handout).toContainText('right buttock');
    await expect(handout.getByRole('heading', { name: 'Self-care' })).toBeVisible();
    await expect(handout).toContainText('loss of bowel or bladder control');
    const widths = await handout
      .locator('img')
      .evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth));
    expect(widths.length).toBeGreaterThan(0);
    expect(widths.every((w) => w > 100)).toBe(true);
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
      expect(pages, `${format} pages`).toBeGreaterThan(0);
      expect(pages, `${format} pages`).toBeLessThanOrEqual(2);
    }
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: 'test-results/handout-piriformis.png', fullPage: true });
  });
});
