import { expect, test, type Page } from '@playwright/test';
import { openApp, selectedHeading } from './helpers.ts';

/**
 * Links and exported session files made before the dataset's second version (more muscles, FMA
 * ids, pain ratings, nerve map layers) still open as they did: nothing they name was renamed,
 * and the sessions file of each version reads. The files in tests/fixtures/sessions are in the
 * shapes the app exported then (version 1, and version 2 without pain ratings).
 */
/** Imports a sessions file through the dialog; returns the dialog, left open. */
async function importFile(page: Page, file: string, said: string) {
  await openApp(page);
  await page.getByRole('button', { name: /^Sessions/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Client sessions' });
  await dialog.getByLabel('Import sessions from a file').setInputFiles(file);
  await expect(dialog.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(said);
  return dialog;
}

test.describe('links and files from before dataset v2', () => {
  const links: {
    query: string;
    check: (page: Page) => Promise<void>;
  }[] = [
    {
      query: '?muscle=piriformis:right&view=back',
      check: async (page) => {
        await expect(selectedHeading(page)).toHaveText(/Piriformis\s*\(right\)/);
      },
    },
    {
      query:
        '?muscle=upper_trapezius:right&compare=levator_scapulae:right&trp=upper_trapezius.trp1',
      check: async (page) => {
        await expect(selectedHeading(page)).toHaveText(
          /Trapezius, descending \(upper\) part\s*\(right\)/,
        );
        await expect(page.locator('.muscle-record')).toHaveCount(2);
      },
    },
    {
      query: '?pain=buttock:right,posterior_thigh:right,lateral_leg:right&layers=skin,deep',
      check: async (page) => {
        await expect(
          page.getByRole('list', { name: 'Marked pain spots' }).getByRole('listitem'),
        ).toHaveCount(3);
        await expect(page.locator('.results li').first()).toContainText('Gluteus minimus');
        await expect(page.getByRole('checkbox', { name: 'Superficial muscles' })).not.toBeChecked();
      },
    },
  ];
  for (const link of links) {
    test(`the link ${link.query} opens without a notice`, async ({ page }) => {
      const errors = await openApp(page, link.query);
      await link.check(page);
      await expect(page.locator('.notice')).toHaveCount(0);
      expect(errors).toEqual([]);
    });
  }

  test('an exported version 1 sessions file imports, converted, and opens its spots', async ({
    page,
  }) => {
    const dialog = await importFile(
      page,
      'tests/fixtures/sessions/sessions-v1.json',
      'Imported 1 session. The file was from an older version and was converted.',
    );
    await dialog.getByRole('button', { name: 'Open Sciatica client (v1 file)' }).click();
    await expect(
      page.getByRole('list', { name: 'Marked pain spots' }).getByRole('listitem'),
    ).toHaveCount(3);
    await expect(page.locator('.results li').first()).toContainText('Gluteus minimus');
  });

  test('an exported version 2 sessions file from before ratings imports and opens its muscle', async ({
    page,
  }) => {
    const dialog = await importFile(
      page,
      'tests/fixtures/sessions/sessions-v2-2026-12-03.json',
      'Imported 1 session.',
    );
    await dialog.getByRole('button', { name: 'Open Neck and head client (v2 file)' }).click();
    // the spots are there, unrated, and the last muscle looked at is selected again
    const spots = page.getByRole('list', { name: 'Marked pain spots' }).getByRole('listitem');
    await expect(spots).toHaveCount(3);
    await expect(page.getByRole('slider').first()).toHaveAttribute(
      'aria-valuetext',
      '5 of 10, not rated yet',
    );
    await dialog.getByRole('button', { name: 'Close sessions' }).click();
    await page.getByRole('button', { name: 'Explore muscles' }).click();
    await expect(selectedHeading(page)).toHaveText(/Suboccipital muscles\s*\(right\)/);
  });
});
