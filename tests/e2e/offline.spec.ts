import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { musclePoint, openApp, selectedHeading } from './helpers.ts';

test('after the first visit the app, model and data work with the network off', async ({
  page,
  context,
}) => {
  await openApp(page);
  // the service worker has precached every file of the build once it controls the page
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (
      registration.active?.state === 'activated' && navigator.serviceWorker.controller !== null
    );
  });
  await context.setOffline(true);
  await page.goto('/?muscle=piriformis:right&view=back');
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await expect(selectedHeading(page)).toHaveText(/Piriformis/);
  await expect(page.locator('.zone-list.essential')).toContainText('right buttock');
  expect(await musclePoint(page, 'gluteus_maximus', 'right')).not.toBeNull();
  await context.setOffline(false);
});

test('the app is installable: a manifest with icons', async ({ page }) => {
  await openApp(page);
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    return link
      ? ((await (await fetch(link.href)).json()) as { name: string; icons: unknown[] })
      : null;
  });
  expect(manifest?.name).toBe('Trigger Atlas');
  expect(manifest?.icons.length).toBeGreaterThanOrEqual(2);
});

test('a new version announces itself and waits for the user instead of replacing the app', async ({
  page,
}) => {
  const swPath = 'dist/sw.js';
  const original = readFileSync(swPath, 'utf8');
  try {
    await openApp(page, '?muscle=deltoid:right');
    // installed and active first (it registers once the body is drawn): then the deploy
    await page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.ready;
      return (
        registration.active?.state === 'activated' && navigator.serviceWorker.controller !== null
      );
    });
    // a deploy: the service worker's precache list and cache name change
    writeFileSync(swPath, original.replace(/trigger-atlas-[0-9a-f]+/, 'trigger-atlas-newversion'));
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    const notice = page.getByText('A new version of Trigger Atlas is ready.');
    await expect(notice).toBeVisible();
    // nothing was replaced under the user: the same page and selection are still there
    await expect(page.locator('.muscle-record h2')).toHaveText(/Deltoid/);
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    await expect(notice).toBeHidden();
    await expect(page.locator('.muscle-record h2')).toHaveText(/Deltoid/);
  } finally {
    writeFileSync(swPath, original);
  }
});
