import { expect, test, type Page } from '@playwright/test';
import { selectedHeading } from './helpers.ts';

/**
 * A missing or damaged body.glb: the 3D view says exactly what went wrong, and the rest of the app
 * (search, the muscle record) keeps working.
 */
async function openWithModel(page: Page, body: { status: number; bytes: Buffer }) {
  await page.route('**/models/body.glb', (route) =>
    route.fulfill({
      status: body.status,
      contentType: 'model/gltf-binary',
      body: body.bytes,
    }),
  );
  await page.goto('/');
}

async function searchStillWorks(page: Page) {
  await page.getByRole('combobox', { name: 'Search muscles' }).fill('pirif');
  await page.keyboard.press('Enter');
  await expect(selectedHeading(page)).toHaveText(/Piriformis/);
}

test('a model that cannot be downloaded is reported, and search still works', async ({ page }) => {
  await openWithModel(page, { status: 404, bytes: Buffer.from('not found') });
  const alert = page.getByRole('alert').filter({ hasText: 'The 3D body could not be shown' });
  await expect(alert).toContainText('could not be downloaded: HTTP 404');
  await searchStillWorks(page);
});

test('a damaged model file is reported by name, and search still works', async ({ page }) => {
  await openWithModel(page, { status: 200, bytes: Buffer.from('this is not a glTF file at all') });
  const alert = page.getByRole('alert').filter({ hasText: 'The 3D body could not be shown' });
  await expect(alert).toContainText('body.glb: not a binary glTF file');
  await searchStillWorks(page);
});

test('3D code that cannot be loaded is reported, and search still works', async ({ page }) => {
  await page.route('**/assets/view.worker-*.js', (route) => route.abort('connectionreset'));
  await page.goto('/');
  const alert = page.getByRole('alert').filter({ hasText: 'The 3D body could not be shown' });
  await expect(alert).toContainText("The 3D view's code could not be loaded");
  await searchStillWorks(page);
});

test("the app's own code that cannot be loaded is reported, not a blank page", async ({ page }) => {
  await page.route('**/assets/boot-*.js', (route) => route.abort('connectionreset'));
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Trigger Atlas could not start');
  await expect(alert).toContainText('Reload the page to try again');
});
