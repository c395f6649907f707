import { expect, test, type Page } from '@playwright/test';
import {
  canvasColors,
  colorsAround,
  openApp,
  regionPoint,
  selectedHeading,
  waitForDrawn,
} from './helpers.ts';

test.describe('referral zones on the body', () => {
  test('right piriformis lights the right buttock and back of the right thigh, not the left leg', async ({
    page,
  }) => {
    const errors = await openApp(page, '?muscle=piriformis:right&view=back');
    const buttock = await colorsAround(page, await regionPoint(page, 'buttock:right'));
    expect(buttock.red / buttock.total).toBeGreaterThan(0.5);
    const thigh = await colorsAround(page, await regionPoint(page, 'posterior_thigh:right'));
    expect(thigh.red / thigh.total, 'stippled spillover').toBeGreaterThan(0.08);
    for (const region of ['posterior_thigh:left', 'calf:left', 'buttock:left']) {
      const left = await colorsAround(page, await regionPoint(page, region));
      expect(left.red, `${region} stays clear`).toBe(0);
    }
    await expect(page.locator('.zone-list.essential')).toContainText('right buttock');
    expect(errors).toEqual([]);
  });

  test('right upper trapezius sends pain to the temple and behind the ear', async ({ page }) => {
    await openApp(page, '?muscle=upper_trapezius:right&view=right');
    const temple = await colorsAround(page, await regionPoint(page, 'temple:right'), 10);
    expect(temple.red / temple.total).toBeGreaterThan(0.3);
    const mastoid = await colorsAround(page, await regionPoint(page, 'mastoid:right'), 8);
    expect(mastoid.red).toBeGreaterThan(0);
  });

  test('with nothing selected there is no referral red anywhere', async ({ page }) => {
    await openApp(page, '?view=back');
    expect((await canvasColors(page)).red).toBe(0);
    await openApp(page, '?view=front');
    expect((await canvasColors(page)).red).toBe(0);
  });

  test('compare mode shows both muscles in two colours and both records', async ({ page }) => {
    await openApp(page, '?muscle=piriformis:right&compare=gluteus_minimus:right&view=back');
    const colors = await canvasColors(page);
    expect(colors.red).toBeGreaterThan(200);
    expect(colors.blue).toBeGreaterThan(200);
    await expect(page.locator('.muscle-record')).toHaveCount(2);
    await expect(page.locator('.muscle-record.compared h2')).toHaveText(/Gluteus minimus/);
  });

  test('choosing a muscle to compare from the panel adds its zones', async ({ page }) => {
    await openApp(page, '?muscle=piriformis:right&view=back');
    expect((await canvasColors(page)).blue).toBe(0);
    await page.getByLabel('Compare with').selectOption('gluteus_minimus');
    await expect(page).toHaveURL(/compare=gluteus_minimus:right/);
    await waitForDrawn(page);
    expect((await canvasColors(page)).blue).toBeGreaterThan(200);
  });

  test('the left muscle lights the left side', async ({ page }) => {
    await openApp(page, '?muscle=piriformis:left&view=back');
    const left = await colorsAround(page, await regionPoint(page, 'buttock:left'));
    expect(left.red / left.total).toBeGreaterThan(0.5);
    const right = await colorsAround(page, await regionPoint(page, 'posterior_thigh:right'));
    expect(right.red).toBe(0);
  });
});

test.describe('trigger points', () => {
  test("a trigger point link shows only that point's zone and the panel says so", async ({
    page,
  }) => {
    await openApp(page, '?muscle=upper_trapezius:right&view=right');
    const all = await canvasColors(page);
    const button = page.getByRole('button', { name: 'Show only this point’s zone' }).first();
    await button.click();
    await expect(page).toHaveURL(/trp=upper_trapezius\.trp/);
    await waitForDrawn(page);
    await expect(page.getByText("Showing one trigger point's zone.")).toBeVisible();
    const one = await canvasColors(page);
    expect(one.red).toBeGreaterThan(0);
    expect(one.red).toBeLessThanOrEqual(all.red);
  });
});

test.describe('presentation mode', () => {
  test('steps through the muscles of the body area with the arrow keys and leaves with Esc', async ({
    page,
  }) => {
    await openApp(page, '?muscle=piriformis:right&present=1');
    await expect(page.locator('.app')).toHaveClass(/presenting/);
    await expect(page.locator('.browser')).toBeHidden();
    await page.keyboard.press('ArrowRight');
    await expect(selectedHeading(page)).toHaveText(/Tensor fasciae latae/);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(selectedHeading(page)).toHaveText(/Gluteus minimus/);
    await page.keyboard.press('Escape');
    await expect(page.locator('.app')).not.toHaveClass(/presenting/);
    await expect(page).not.toHaveURL(/present=1/);
  });
});

/** Where the yellow trigger point markers are drawn: their pixel count and their centre. */
async function yellowMarkers(page: Page) {
  return page.evaluate(async () => {
    const canvas = document.querySelector('canvas')!;
    const bounds = canvas.getBoundingClientRect();
    const frame = await window.__atlas?.snapshot?.();
    if (!frame) throw new Error('the 3D view gave no frame');
    const copy = document.createElement('canvas');
    copy.width = frame.width;
    copy.height = frame.height;
    const context = copy.getContext('2d')!;
    context.drawImage(frame, 0, 0);
    const data = context.getImageData(0, 0, copy.width, copy.height).data;
    let count = 0;
    let sx = 0;
    let sy = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (r > 200 && g > 150 && b < 90) {
        count++;
        sx += (i / 4) % copy.width;
        sy += Math.floor(i / 4 / copy.width);
      }
    }
    const scale = bounds.width / copy.width;
    return count === 0
      ? { count, x: 0, y: 0 }
      : { count, x: bounds.left + (sx / count) * scale, y: bounds.top + (sy / count) * scale };
  });
}

test.describe('trigger point markers', () => {
  test('the selected muscle shows its marker, and a click on it shows only its zone', async ({
    page,
  }) => {
    // tibialis anterior has one trigger point: its marker is one yellow spot
    await openApp(page, '?muscle=tibialis_anterior:right&view=front');
    const marker = await yellowMarkers(page);
    expect(marker.count).toBeGreaterThan(20);
    await page.mouse.move(marker.x, marker.y);
    await expect(page.locator('#hover-label')).toHaveText(/^Trigger point: /);
    // the other side's marker, on the other leg, answers the pointer too (its bounds follow it)
    await page.getByRole('button', { name: 'Left side' }).click();
    await expect(page).toHaveURL(/muscle=tibialis_anterior:left/);
    await waitForDrawn(page);
    const left = await yellowMarkers(page);
    expect(left.count).toBeGreaterThan(20);
    await page.mouse.move(left.x, left.y);
    await expect(page.locator('#hover-label')).toHaveText(/^Trigger point: /);
    await page.mouse.down();
    await page.mouse.up();
    await expect(page).toHaveURL(
      /muscle=tibialis_anterior:left.*trp=tibialis_anterior\.trp1|trp=tibialis_anterior\.trp1.*muscle=tibialis_anterior:left/,
    );
    await waitForDrawn(page);
    // the chosen point turns white: no yellow left
    expect((await yellowMarkers(page)).count).toBeLessThan(left.count / 4);
  });
});
