import { expect, test } from '@playwright/test';
import {
  canvasBox,
  emptyPoint,
  musclePoint,
  openApp,
  selectedHeading,
  waitForDrawn,
} from './helpers.ts';

test.describe('the 3D body viewer', () => {
  test('loads with the model drawn and no console errors', async ({ page }) => {
    const errors = await openApp(page);
    await expect(page.locator('canvas')).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Where does this muscle send pain?' }),
    ).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('clicking the right gluteus maximus from the back selects it', async ({ page }) => {
    await openApp(page, '?view=back');
    const point = await musclePoint(page, 'gluteus_maximus', 'right');
    expect(point).not.toBeNull();
    // seen from the back, the person's right side is on the viewer's right
    const box = await canvasBox(page);
    expect(point!.x).toBeGreaterThan(box.x + box.width / 2);
    await page.mouse.click(point!.x, point!.y);
    await expect(selectedHeading(page)).toHaveText(/Gluteus maximus\s*\(right\)/);
    await expect(page).toHaveURL(/muscle=gluteus_maximus:right/);
  });

  test('a drag turns the body and selects nothing', async ({ page }) => {
    await openApp(page, '?view=back');
    const point = await musclePoint(page, 'gluteus_maximus', 'right');
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x, point!.y);
    await page.mouse.down();
    await page.mouse.move(point!.x + 60, point!.y + 10, { steps: 6 });
    await page.mouse.up();
    await expect(page.locator('.muscle-record')).toHaveCount(0);
    expect(await page.evaluate(() => window.__atlas!.store.getState().selection)).toBeNull();
  });

  test('clicking empty space clears the selection, and so does Esc', async ({ page }) => {
    await openApp(page, '?muscle=deltoid:left&view=front');
    await expect(selectedHeading(page)).toHaveText(/Deltoid\s*\(left\)/);
    const empty = await emptyPoint(page);
    await page.mouse.click(empty.x, empty.y);
    await expect(page.locator('.muscle-record')).toHaveCount(0);
    // ready first: the heading can show a moment before the key listener is attached
    await openApp(page, '?muscle=deltoid:left&view=front');
    await expect(selectedHeading(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('.muscle-record')).toHaveCount(0);
  });

  test('hovering a muscle names it', async ({ page }) => {
    await openApp(page, '?view=back');
    const point = await musclePoint(page, 'gluteus_maximus', 'right');
    await page.mouse.move(point!.x, point!.y);
    await expect(page.locator('#hover-label')).toHaveText(/Gluteus maximus \(right\)/);
  });

  test('searching "pirif" and pressing Enter selects piriformis and updates the link', async ({
    page,
  }) => {
    await openApp(page);
    const search = page.getByRole('combobox', { name: 'Search muscles' });
    await search.fill('pirif');
    await expect(page.getByRole('option', { name: /Piriformis/ })).toBeVisible();
    await search.press('Enter');
    await expect(selectedHeading(page)).toHaveText(/Piriformis\s*\(right\)/);
    await expect(page).toHaveURL(/muscle=piriformis:right/);
  });

  test('searching a muscle the atlas leaves out says why and offers the charted ones near it', async ({
    page,
  }) => {
    await openApp(page);
    const search = page.getByRole('combobox', { name: 'Search muscles' });
    await search.fill('gemellus');
    // the note describes the search box; the list holds only what can be chosen
    await expect(search).toHaveAccessibleDescription(/Gemelli .* is not charted in this atlas/);
    await expect(page.getByText(/is not charted in this atlas/).first()).toContainText(
      'probably like that of piriformis',
    );
    await expect(page.getByRole('option')).toHaveCount(3);
    await expect(page.getByRole('option', { name: /Quadratus femoris/ })).toBeVisible();
    // Enter alone takes nothing: the pointers are offered, not chosen for the person
    await search.press('Enter');
    await expect(selectedHeading(page)).toHaveCount(0);
    await expect(search).toHaveValue('gemellus');
    await search.press('ArrowDown');
    await search.press('Enter');
    await expect(selectedHeading(page)).toHaveText(/Piriformis\s*\(right\)/);
  });

  test('the muscle list says which muscles are not charted and why, and leads to the charted ones', async ({
    page,
  }) => {
    await openApp(page);
    await page.getByText('Not charted, and why').click();
    const entry = page.locator('.uncharted li', { hasText: 'Psoas minor' });
    await expect(entry).toContainText('charts the psoas major and iliacus together');
    await entry.getByRole('button', { name: 'Iliopsoas' }).click();
    await expect(selectedHeading(page)).toHaveText(/Iliopsoas\s*\(right\)/);
  });

  test('hiding the superficial muscles makes a deep one clickable', async ({ page }) => {
    await openApp(page, '?view=back');
    expect(await musclePoint(page, 'piriformis', 'right')).toBeNull();
    await page.getByRole('checkbox', { name: 'Superficial muscles' }).uncheck();
    await page.getByRole('checkbox', { name: 'Skeleton' }).uncheck();
    await waitForDrawn(page);
    const point = await musclePoint(page, 'piriformis', 'right');
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    await expect(selectedHeading(page)).toHaveText(/Piriformis\s*\(right\)/);
    await expect(page).toHaveURL(/layers=skin,deep/);
  });

  test('a link with ?muscle=deltoid:left selects it on load', async ({ page }) => {
    await openApp(page, '?muscle=deltoid:left');
    await expect(selectedHeading(page)).toHaveText(/Deltoid\s*\(left\)/);
  });

  test('unknown link values are ignored with a polite notice', async ({ page }) => {
    const errors = await openApp(page, '?muscle=pirformis:right&view=sideways');
    await expect(page.getByRole('status')).toContainText('did you mean "piriformis"?');
    await expect(page.getByRole('status')).toContainText('Ignored view="sideways"');
    await expect(page.locator('.muscle-record')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('the muscle list selects a muscle and turns the camera to it', async ({ page }) => {
    await openApp(page);
    await page.getByText('Leg and foot').click();
    await page.getByRole('button', { name: 'Gastrocnemius', exact: true }).click();
    await expect(selectedHeading(page)).toHaveText(/Gastrocnemius\s*\(right\)/);
    await waitForDrawn(page);
    const view = await page.evaluate(() => window.__atlas!.store.getState().view);
    expect(view).toBeNull();
    const point = await musclePoint(page, 'gastrocnemius', 'right');
    expect(point, 'the calf is in sight after the camera turns to it').not.toBeNull();
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a tap selects a muscle and the panel is readable', async ({ page }) => {
    await openApp(page, '?view=back');
    const point = await musclePoint(page, 'gluteus_maximus', 'right');
    expect(point).not.toBeNull();
    await page.touchscreen.tap(point!.x, point!.y);
    await expect(selectedHeading(page)).toHaveText(/Gluteus maximus/);
    await selectedHeading(page).scrollIntoViewIfNeeded();
    await expect(selectedHeading(page)).toBeInViewport();
  });
});
