import { expect, test } from '@playwright/test';
import { openApp } from './helpers.ts';

// The built page carries its first screen as HTML (scripts/prerender-plugin.ts): on a slow phone
// the introduction and the safety notes are readable before the scripts have arrived.
test.describe('before any script runs', () => {
  test.use({ javaScriptEnabled: false });

  test('the page shows its introduction, the disclaimer and the red flags', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Trigger Atlas' })).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Where does this muscle send pain?' }),
    ).toBeVisible();
    await expect(page.getByText('Education, not diagnosis')).toBeVisible();
    await expect(page.getByText('Get urgent medical care if you have:')).toBeVisible();
    await expect(page.getByText(/loss of bowel or bladder control/).first()).toBeVisible();
    await expect(page.getByText('Loading the 3D body…')).toBeVisible();
  });
});

test('the app takes over the prerendered screen: one header, one introduction', async ({
  page,
}) => {
  const errors = await openApp(page);
  await expect(page.getByRole('heading', { name: 'Trigger Atlas' })).toHaveCount(1);
  await expect(
    page.getByRole('heading', { name: 'Where does this muscle send pain?' }),
  ).toHaveCount(1);
  await expect(page.getByRole('combobox', { name: 'Search muscles' })).toBeEnabled();
  expect(errors).toEqual([]);
});

test('the stage says the body is loading until the body is drawn', async ({ page }) => {
  // hold the model back, so the 3D code is there well before the body can be drawn
  await page.route('**/models/body.glb', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto('/');
  const loading = page.getByRole('status').filter({ hasText: 'Loading the 3D body…' });
  await expect(page.getByRole('img', { name: /^3D body/ })).toBeAttached();
  await expect(loading).toBeVisible();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await expect(loading).toBeHidden();
});
