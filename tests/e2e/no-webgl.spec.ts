import { expect, test } from '@playwright/test';
import { openApp, selectedHeading } from './helpers.ts';

// A browser with WebGL switched off: the app must explain itself, not go blank. The switches
// reach the page only, not a worker's OffscreenCanvas, so the machine also has no GPU and no
// software rasterizer: no WebGL anywhere.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-software-rasterizer',
      '--disable-webgl',
      '--disable-3d-apis',
      '--disable-quic',
    ],
  },
});

test('without WebGL the app explains the missing 3D view and search still works', async ({
  page,
}) => {
  const errors = await openApp(page);
  await expect(page.getByText('This browser cannot show the 3D body')).toBeVisible();
  await page.getByRole('combobox', { name: 'Search muscles' }).fill('infraspin');
  await page.keyboard.press('Enter');
  await expect(selectedHeading(page)).toHaveText(/Infraspinatus/);
  expect(errors).toEqual([]);
});
