/**
 * Hardening: accessibility (axe-core) on the main views, a keyboard-only path, WebGL context loss
 * and recovery, no request leaves the app's origin, phone with touch (tap, pinch), and a
 * Content-Security-Policy without unsafe-eval that the app runs under with no violation.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { canvasColors, musclePoint, openApp, selectedHeading, waitForDrawn } from './helpers.ts';

/** Collects CSP violations (console and `securitypolicyviolation` events) from the page's start. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __cspViolation?: (text: string) => void })
        .__cspViolation;
      report?.(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`);
    });
  });
  return violations;
}

/** Serious and critical axe violations, one line each: rule, impact, selectors. */
async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 6)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

/** Pixels of the drawn canvas that differ clearly from the background colour. */
async function bodyPixels(page: Page): Promise<number> {
  return (await canvasColors(page)).body;
}

/** Presses Tab (or Shift+Tab) until the focused element matches, at most `limit` times. */
async function tabUntil(
  page: Page,
  matches: (element: Element, arg: string) => boolean,
  { limit = 150, back = false, arg = '' } = {},
): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focused = await page.evaluateHandle(() => document.activeElement ?? document.body);
    const hit = await focused.evaluate(matches, arg);
    await focused.dispose();
    if (hit) return;
  }
  throw new Error(`no focusable element matched after ${limit} Tab presses: ${matches}`);
}

test.describe('accessibility (axe-core): no serious or critical violation', () => {
  const views: [string, string][] = [
    ['start view', ''],
    ['a selected muscle', '?muscle=piriformis:right&view=back'],
    ['compare view', '?muscle=piriformis:right&compare=gluteus_minimus:right'],
    ['pain mode with spots', '?pain=buttock:right,posterior_thigh:right'],
    ['presentation', '?muscle=deltoid:right&present=1'],
  ];
  for (const [name, query] of views) {
    test(name, async ({ page }) => {
      await openApp(page, query);
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  }

  test('pain mode with the nerve note and the sciatica strips', async ({ page }) => {
    await openApp(page, '?pain=lateral_leg:right,dorsum_of_foot:right,big_toe:right');
    await page.getByLabel('Start from a common pattern').selectOption('sciatica_like_pain');
    await expect(page.getByRole('complementary', { name: 'Could it be a nerve?' })).toBeVisible();
    await expect(page.locator('.roots-beside')).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test('the dermatome layer with its key open, over a selected muscle', async ({ page }) => {
    await openApp(
      page,
      '?muscle=piriformis:right&layers=skin,superficial,deep,skeleton,dermatomes',
    );
    await page.locator('.map-legend summary').click();
    await expect(page.locator('.map-legend li').first()).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    test('start view and a selected muscle', async ({ page }) => {
      await openApp(page);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await openApp(page, '?muscle=piriformis:right&view=back');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  });
});

test('keyboard only: search, select, read the record, then rank where it hurts', async ({
  page,
}) => {
  await openApp(page);
  await tabUntil(page, (e) => e.getAttribute('role') === 'combobox');
  await page.keyboard.type('pirif');
  await expect(page.getByRole('option', { name: /Piriformis/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(selectedHeading(page)).toHaveText(/Piriformis\s*\(right\)/);
  await expect(selectedHeading(page)).toBeVisible();
  // the skip link takes keyboard users to the record
  await page.keyboard.press('Shift+Tab');
  await tabUntil(page, (e) => e.classList.contains('skip-link'), { back: true });
  await page.keyboard.press('Enter');
  await expect(page.locator('#panel')).toBeFocused();
  await expect(page.locator('#panel')).toContainText('Piriformis');

  await tabUntil(page, (e) => e.textContent?.trim() === 'Where it hurts', { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Where it hurts' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  for (const [area, region] of [
    ['Trunk, back', 'right buttock'],
    ['Hip and leg', 'back of the right thigh'],
  ] as const) {
    await tabUntil(
      page,
      (e, name) => e.tagName === 'SUMMARY' && e.textContent!.trim().startsWith(name),
      {
        arg: area,
      },
    );
    await page.keyboard.press('Enter');
    await tabUntil(page, (e, name) => e.getAttribute('aria-label') === name, { arg: region });
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name: region, exact: true })).toBeChecked();
  }
  await expect(page.getByRole('list', { name: 'Marked pain spots' })).toContainText(
    'right buttock',
  );
  await expect(page.locator('.results .result-name').first()).toBeVisible();
  expect(await page.locator('.results .result-name').count()).toBeGreaterThan(2);
});

test('a lost WebGL context is restored and the body is drawn again', async ({ page }) => {
  const errors = await openApp(page, '?view=front');
  await waitForDrawn(page);
  const before = await bodyPixels(page);
  expect(before).toBeGreaterThan(1000);
  // WEBGL_lose_context on the view's own context, in its worker
  expect(await page.evaluate(() => window.__atlas!.loseContext!())).toBe(true);
  await expect(page.getByText('The graphics context was lost')).toBeVisible();
  // while lost, the app does not claim a drawn frame
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.documentElement.dataset.ready)).toBe('false');
  expect(await page.evaluate(() => window.__atlas!.restoreContext!())).toBe(true);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, {
    timeout: 60_000,
  });
  await expect(page.getByText('The graphics context was lost')).toHaveCount(0);
  await expect.poll(() => bodyPixels(page)).toBeGreaterThan(before * 0.8);
  // and it still works: a click selects
  const point = await musclePoint(page, 'deltoid', 'right');
  expect(point).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
  await expect(selectedHeading(page)).toHaveText(/Deltoid\s*\(right\)/);
  expect(errors.filter((e) => !/CONTEXT_LOST|context lost/i.test(e))).toEqual([]);
});

test('no request leaves the app origin over a full session', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  await openApp(page, '?view=back');
  const point = await musclePoint(page, 'gluteus_maximus', 'right');
  expect(point).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
  await expect(selectedHeading(page)).toHaveText(/Gluteus maximus/);
  await page.getByRole('combobox', { name: 'Search muscles' }).fill('trapez');
  await page.getByRole('combobox', { name: 'Search muscles' }).press('Enter');
  await expect(selectedHeading(page)).toBeVisible();
  await page.getByRole('button', { name: 'Where it hurts' }).click();
  await page.getByText('Trunk, back').click();
  await page.getByRole('checkbox', { name: 'right buttock', exact: true }).check();
  await expect(page.locator('.results .result-name').first()).toBeVisible();
  await waitForDrawn(page);
  expect(foreign).toEqual([]);
});

test('choosing muscle after muscle fetches nothing twice', async ({ page }) => {
  const requested = new Map<string, number>();
  page.on('request', (request) =>
    requested.set(request.url(), (requested.get(request.url()) ?? 0) + 1),
  );
  await openApp(page);
  const search = page.getByRole('combobox', { name: 'Search muscles' });
  for (const name of ['piriformis', 'gluteus minimus', 'infraspinatus', 'soleus', 'masseter']) {
    await search.fill(name);
    await search.press('Enter');
    await expect(selectedHeading(page)).toHaveText(new RegExp(name, 'i'));
  }
  await waitForDrawn(page);
  // each choice rewrites the link, and a linked favicon was fetched again every time
  expect([...requested].filter(([, count]) => count > 1)).toEqual([]);
  expect(requested.size).toBeGreaterThan(5);
});

test.describe('on a phone with touch', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('tap selects, pinch zooms, the panel is usable', async ({ page }) => {
    await openApp(page, '?view=back');
    const point = await musclePoint(page, 'gluteus_maximus', 'right');
    expect(point).not.toBeNull();
    await page.touchscreen.tap(point!.x, point!.y);
    await expect(selectedHeading(page)).toHaveText(/Gluteus maximus\s*\(right\)/);
    await waitForDrawn(page);

    // pinch out (zoom in) around the canvas centre with two fingers
    const box = (await page.locator('canvas').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const before = await bodyPixels(page);
    const cdp = await page.context().newCDPSession(page);
    const fingers = (spread: number) => [
      { x: cx - spread, y: cy, id: 0 },
      { x: cx + spread, y: cy, id: 1 },
    ];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(20) });
    for (let spread = 30; spread <= 120; spread += 10) {
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: fingers(spread),
      });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    // zoomed in: the body covers more of the canvas
    await expect.poll(() => bodyPixels(page)).toBeGreaterThan(before * 1.2);
    // the pinch selected nothing else
    await expect(selectedHeading(page)).toHaveText(/Gluteus maximus\s*\(right\)/);

    // panels: the record reads, nothing overflows sideways, search works by touch
    await selectedHeading(page).scrollIntoViewIfNeeded();
    await expect(selectedHeading(page)).toBeInViewport();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
    ).toBe(true);
    const search = page.getByRole('combobox', { name: 'Search muscles' });
    await search.scrollIntoViewIfNeeded();
    await search.tap();
    await search.fill('deltoid');
    await page
      .getByRole('listbox', { name: 'Matching muscles' })
      .getByRole('option', { name: /Deltoid/ })
      .tap();
    await expect(selectedHeading(page)).toHaveText(/Deltoid/);
  });
});

test.describe('Content-Security-Policy', () => {
  test('the built page carries a strict policy: no unsafe-eval, no remote origin', async ({
    page,
  }) => {
    await openApp(page);
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(policy).toBeTruthy();
    expect(policy).toContain("default-src 'self'");
    expect(policy).toMatch(/script-src 'self'( 'wasm-unsafe-eval')?;/);
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toMatch(/https?:|\*/);
  });

  test('the app runs under it with no violation: load, select, compare, pain mode', async ({
    page,
  }) => {
    const violations = await watchCsp(page);
    const errors = await openApp(page, '?muscle=piriformis:right&view=back');
    await expect(selectedHeading(page)).toHaveText(/Piriformis/);
    await openApp(page, '?muscle=piriformis:right&compare=gluteus_minimus:right');
    await openApp(page, '?pain=buttock:right,posterior_thigh:right');
    await expect(page.locator('.results .result-name').first()).toBeVisible();
    await waitForDrawn(page);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});
