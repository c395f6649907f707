import { expect, test, type Page } from '@playwright/test';
import { meanColorAround, openApp, regionPoint, waitForDrawn } from './helpers.ts';

const gluteal = /Piriformis|Gluteus (maximus|medius|minimus)/;

async function topResults(page: Page, count = 3): Promise<string[]> {
  const names = await page.locator('.results .result-name').allInnerTexts();
  return names.slice(0, count);
}

test.describe('where it hurts', () => {
  test('clicking the right buttock and back of the right thigh ranks a gluteal muscle first', async ({
    page,
  }) => {
    const errors = await openApp(page, '?view=back');
    await page.getByRole('button', { name: 'Where it hurts' }).click();
    await waitForDrawn(page);
    for (const region of ['buttock:right', 'posterior_thigh:right']) {
      const point = await regionPoint(page, region);
      await page.mouse.click(point.x, point.y);
    }
    await expect(page.getByRole('list', { name: 'Marked pain spots' })).toContainText(
      'right buttock',
    );
    await expect(page.getByRole('list', { name: 'Marked pain spots' })).toContainText(
      'back of the right thigh',
    );
    const top = await topResults(page);
    expect(
      top.some((name) => gluteal.test(name)),
      top.join(' | '),
    ).toBe(true);
    expect(top.every((name) => name.includes('(right)'))).toBe(true);
    await expect(page).toHaveURL(/pain=buttock:right,posterior_thigh:right/);
    expect(errors).toEqual([]);
  });

  test('the list of body areas gives the same ranking without the canvas', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Where it hurts' }).click();
    await page.getByText('Trunk, back').click();
    await page.getByRole('checkbox', { name: 'right buttock', exact: true }).check();
    await page.getByText('Hip and leg').click();
    await page.getByRole('checkbox', { name: 'back of the right thigh', exact: true }).check();
    const fromList = await topResults(page, 5);
    await openApp(page, '?view=back&pain=buttock:right,posterior_thigh:right');
    expect(await topResults(page, 5)).toEqual(fromList);
    expect(fromList.some((name) => gluteal.test(name))).toBe(true);
  });

  test('a drag paints every area it crosses, and a drag that starts on a marked area clears', async ({
    page,
  }) => {
    await openApp(page, '?view=back&mode=pain');
    await waitForDrawn(page);
    const from = await regionPoint(page, 'buttock:right');
    const to = await regionPoint(page, 'posterior_thigh:right');
    const drag = async () => {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      // small steps: many moves over each area, as a hand makes
      await page.mouse.move(to.x, to.y, { steps: 24 });
      await page.mouse.up();
    };
    const spots = () => page.evaluate(() => window.__atlas!.store.getState().painSpots);
    await drag();
    await expect
      .poll(spots)
      .toEqual(expect.arrayContaining(['buttock:right', 'posterior_thigh:right']));
    // still painted once every message has settled: no stroke undoes its own areas
    await waitForDrawn(page);
    expect(await spots()).toEqual(
      expect.arrayContaining(['buttock:right', 'posterior_thigh:right']),
    );
    await drag();
    await expect.poll(spots).toEqual([]);
  });

  test('a clicked spot can be removed again by clicking it or its chip', async ({ page }) => {
    await openApp(page, '?view=back&mode=pain');
    const point = await regionPoint(page, 'buttock:left');
    await page.mouse.click(point.x, point.y);
    const chips = page.getByRole('list', { name: 'Marked pain spots' });
    await expect(chips).toContainText('left buttock');
    await page.getByRole('button', { name: 'Remove left buttock' }).click();
    await expect(chips).toHaveCount(0);
    await waitForDrawn(page);
    await page.mouse.click(point.x, point.y);
    await expect(chips).toContainText('left buttock');
    await waitForDrawn(page);
    await page.mouse.click(point.x, point.y);
    await expect(chips).toHaveCount(0);
  });

  test('a link with pain spots restores them, ranks, and drops unknown ids with a notice', async ({
    page,
  }) => {
    await openApp(
      page,
      '?pain=sacroiliac_joint:right,buttock:right,posterior_thigh:right,buttok:left',
    );
    await expect(page.getByRole('status')).toContainText('Ignored pain spot "buttok:left"');
    const top = await topResults(page);
    expect(top).toContain('Piriformis (right)');
  });

  test('a condition preset marks its typical areas on the chosen side', async ({ page }) => {
    await openApp(page, '?mode=pain');
    await page.getByLabel('Start from a common pattern').selectOption('sciatica_like_pain');
    await page.getByLabel('Which side', { exact: true }).selectOption('left');
    await page.getByRole('button', { name: 'Mark', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Marked pain spots' })).toContainText(
      'left buttock',
    );
    const top = await topResults(page, 5);
    expect(top.some((name) => /Gluteus minimus|Piriformis/.test(name))).toBe(true);
  });

  test('choosing a result draws its referral over the marks and keeps the red flags in view', async ({
    page,
  }) => {
    await openApp(page, '?view=back&pain=buttock:right,posterior_thigh:right');
    await expect(page.getByRole('note').first()).toContainText('loss of bowel or bladder control');
    await page.locator('.results .result-button').first().click();
    await expect(page).toHaveURL(/muscle=/);
    await expect(page).toHaveURL(/pain=buttock:right,posterior_thigh:right/);
    await expect(
      page.getByText('Its referral is drawn on the body over your marks.'),
    ).toBeVisible();
    await expect(page.getByText('trigger point findings vary between examiners')).toBeVisible();
  });
});

test.describe('is it the nerve?', () => {
  test('a drawing on the L5 dermatome says it also fits the L5 nerve root', async ({ page }) => {
    await openApp(page, '?pain=lateral_leg:right,dorsum_of_foot:right,big_toe:right');
    const note = page.getByRole('complementary', { name: 'Could it be a nerve?' });
    await expect(note).toContainText('This pattern also fits the L5 nerve root (right)');
    await expect(note).toContainText('burn, shoot, tingle or go numb along a strip of skin');
  });

  test('the piriformis pattern ranks piriformis first and names the sciatic nerve under it', async ({
    page,
  }) => {
    await openApp(
      page,
      '?pain=sacroiliac_joint:left,buttock:left,greater_trochanter:left,posterior_thigh:left',
    );
    await expect(page.locator('.results li').first()).toContainText('Piriformis');
    const note = page.getByRole('complementary', { name: 'Could it be a nerve?' });
    await expect(note).toContainText('Piriformis can press on the sciatic nerve');
    await expect(note).toContainText('S1');
  });

  test('the sciatica preset shows the L4, L5 and S1 strips beside its muscles', async ({
    page,
  }) => {
    await openApp(page, '?mode=pain');
    await page.getByLabel('Start from a common pattern').selectOption('sciatica_like_pain');
    await page.getByLabel('Which side', { exact: true }).selectOption('left');
    const roots = page.locator('.roots-beside');
    await expect(roots).toContainText('Pain from the L4, L5 and S1 nerve roots');
    await expect(roots.getByRole('listitem').filter({ hasText: 'L5' })).toContainText(
      'outside of the left lower leg',
    );
    await expect(roots.getByRole('listitem')).toHaveCount(3);
    await page.getByRole('button', { name: 'Mark', exact: true }).click();
    const top = await topResults(page, 5);
    expect(top.some((name) => /Gluteus minimus|Piriformis/.test(name))).toBe(true);
  });

  test('a low back drawing (iliac crest and sacrum) shows no nerve note', async ({ page }) => {
    await openApp(page, '?pain=iliac_crest:right,sacrum');
    await expect(page.locator('.results li').first()).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Could it be a nerve?' })).toHaveCount(0);
  });
});

test.describe('nerve map layers', () => {
  const distance = (a: readonly number[], b: readonly number[]) =>
    a.reduce((sum, x, i) => sum + Math.abs(x - b[i]!), 0);

  test('the dermatome layer is chosen by keyboard, painted on the skin and listed', async ({
    page,
  }) => {
    await openApp(page, '?mode=pain&view=right');
    await waitForDrawn(page);
    const leg = await regionPoint(page, 'lateral_leg:right');
    const bare = await meanColorAround(page, leg);
    // by keyboard: the radio group of the Layers menu, arrow keys between the maps
    const none = page.getByRole('radio', { name: 'None' });
    await none.focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'Dermatomes (nerve roots)' })).toBeChecked();
    await expect(page).toHaveURL(/layers=skin,superficial,deep,skeleton,dermatomes/);
    // L5's pale yellow-green (#c9d67a) now covers the outside of the lower leg
    await expect
      .poll(async () => distance(await meanColorAround(page, leg), bare), { timeout: 15_000 })
      .toBeGreaterThan(40);
    const painted = await meanColorAround(page, leg);
    expect(painted[1]).toBeGreaterThan(painted[2] + 40);
    // the key names every area and what it covers, for anyone who cannot see the colours
    const key = page.locator('.map-legend');
    await expect(key.locator('summary')).toHaveText('Dermatomes (nerve roots): 28 areas, C2 to S4');
    await key.locator('summary').click();
    const areas = page.getByRole('list', { name: 'Dermatomes (nerve roots) on the skin' });
    await expect(areas.getByRole('listitem')).toHaveCount(28);
    await expect(areas.getByRole('listitem').filter({ hasText: 'L5 nerve root' })).toContainText(
      'outer lower leg',
    );
    await expect(page.getByRole('img', { name: /with the dermatome map/ })).toBeVisible();
    // and off again: the skin is bare
    await page.getByRole('radio', { name: 'None' }).check();
    await expect
      .poll(async () => distance(await meanColorAround(page, leg), bare), { timeout: 15_000 })
      .toBeLessThan(12);
  });

  test('a link with the nerve layer opens with it drawn and named under the pointer', async ({
    page,
  }) => {
    await openApp(page, '?mode=pain&view=right&layers=skin,superficial,deep,skeleton,nerves');
    await expect(page.getByRole('radio', { name: 'Peripheral nerves' })).toBeChecked();
    await expect(page.locator('.map-legend summary')).toHaveText('Peripheral nerves: 15 nerves');
    const leg = await regionPoint(page, 'lateral_leg:right');
    await page.mouse.move(leg.x, leg.y);
    await expect(page.locator('#hover-label')).toContainText(/superficial fibular/);
  });
});

test.describe('how each spot feels', () => {
  test('intensity and quality are set by keyboard; a tingling spot raises the nerve note', async ({
    page,
  }) => {
    await openApp(page, '?pain=iliac_crest:right,sacrum');
    const note = page.getByRole('complementary', { name: 'Could it be a nerve?' });
    await expect(page.locator('.results li').first()).toBeVisible();
    await expect(note).toHaveCount(0);

    const strength = page.getByRole('slider', { name: /How strong is the pain at .*hip bone/ });
    await strength.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect(strength).toHaveAttribute('aria-valuetext', '8 of 10');
    await expect(page).toHaveURL(/pain=iliac_crest:right@8,sacrum/);

    const feels = page.getByRole('combobox', { name: 'What the pain at sacrum feels like' });
    await feels.focus();
    await page.keyboard.press('End');
    await expect(feels).toHaveValue('tingling');
    await expect(note).toContainText('You said the pain at the sacrum is tingling or numb');
    await expect(note).toContainText('loss of bowel or bladder control');

    // the link keeps both, and opening it restores them
    await expect(page).toHaveURL(/pain=iliac_crest:right@8,sacrum@5:tingling/);
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    await expect(strength).toHaveAttribute('aria-valuetext', '8 of 10');
    await expect(feels).toHaveValue('tingling');
    await expect(note).toBeVisible();
  });

  test('the strongest spot leads the ranking', async ({ page }) => {
    const first = async (query: string) => {
      await openApp(page, query);
      return page.locator('.results .result-name').first().innerText();
    };
    const heel = await first('?pain=heel:right@9,posterior_thigh:right@1');
    const thigh = await first('?pain=heel:right@1,posterior_thigh:right@9');
    expect(heel).not.toBe(thigh);
    await expect(page.locator('.results li').first()).toContainText('back of the right thigh');
  });
});
