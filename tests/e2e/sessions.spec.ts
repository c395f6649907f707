import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers.ts';

interface StoredRecord {
  key: string;
  value: unknown;
}

/** Every record of the sessions object store, read straight from IndexedDB. */
async function storedRecords(page: Page): Promise<StoredRecord[]> {
  return page.evaluate(
    () =>
      new Promise<StoredRecord[]>((resolve, reject) => {
        const request = indexedDB.open('trigger-atlas');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const store = db.transaction('sessions', 'readonly').objectStore('sessions');
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => {
            resolve(keys.result.map((key, i) => ({ key: String(key), value: values.result[i] })));
            db.close();
          };
          values.onerror = () => reject(values.error);
        };
      }),
  );
}

/** Writes raw values into the sessions object store (as a damaged profile might hold). */
async function writeRaw(page: Page, entries: [string, unknown][]): Promise<void> {
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('trigger-atlas');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const transaction = db.transaction('sessions', 'readwrite');
          for (const [key, value] of rows) transaction.objectStore('sessions').put(value, key);
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    entries,
  );
}

function sessionsDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Client sessions' });
}

async function openSessions(page: Page) {
  await page.getByRole('button', { name: /^Sessions/ }).click();
  await expect(sessionsDialog(page)).toBeVisible();
  return sessionsDialog(page);
}

async function createSession(page: Page, name: string) {
  const dialog = await openSessions(page);
  await dialog.getByLabel('New session').fill(name);
  await dialog.getByRole('button', { name: 'Create and open' }).click();
  await expect(dialog.getByRole('listitem').filter({ hasText: name })).toContainText('open');
  return dialog;
}

function row(page: Page, name: string) {
  return sessionsDialog(page)
    .getByRole('listitem')
    .filter({ has: page.locator('.session-name', { hasText: new RegExp(`^${name}$`) }) });
}

test.describe('client sessions', () => {
  test('a session with spots and notes survives a reload, and export -> delete -> import gives it back unchanged', async ({
    page,
  }, testInfo) => {
    const errors = await openApp(
      page,
      '?muscle=piriformis:right&pain=buttock:right,posterior_thigh:right,sacrum',
    );
    const dialog = await createSession(page, 'Anna Example');
    await dialog.getByLabel('Notes').fill('Sits all day. Worse after driving.');
    await expect(dialog.getByText('Saved', { exact: true })).toBeVisible();

    // Esc closes the dialog and gives focus back to the Sessions button.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: /^Sessions/ })).toBeFocused();
    // …and only the dialog: the selection (the app's own Esc) stays.
    expect(await page.evaluate(() => window.__atlas?.store.getState().selection)).toEqual({
      muscle: 'piriformis',
      side: 'right',
    });

    // While the session is open, a removed pain spot is saved into it.
    await page.getByRole('button', { name: 'Remove sacrum' }).click();
    await expect
      .poll(async () => {
        const [record] = await storedRecords(page);
        return (record?.value as { painSpots?: string[] } | undefined)?.painSpots;
      })
      .toEqual(['buttock:right', 'posterior_thigh:right']);

    const saved = await storedRecords(page);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.value).toMatchObject({
      name: 'Anna Example',
      painSpots: ['buttock:right', 'posterior_thigh:right'],
      muscles: [{ muscle: 'piriformis', side: 'right' }],
      notes: 'Sits all day. Worse after driving.',
    });

    // Reload on a clean address: the session is still there, and opening it restores the spots.
    await openApp(page);
    expect(await storedRecords(page)).toEqual(saved);
    await openSessions(page);
    await expect(row(page, 'Anna Example')).toContainText('2 pain spots');
    await row(page, 'Anna Example').getByRole('button', { name: 'Open' }).click();
    await expect(sessionsDialog(page).getByLabel('Notes')).toHaveValue(
      'Sits all day. Worse after driving.',
    );
    await expect
      .poll(() => page.evaluate(() => window.__atlas?.store.getState().painSpots))
      .toEqual(['buttock:right', 'posterior_thigh:right']);
    await expect
      .poll(() => page.evaluate(() => window.__atlas?.store.getState().selection))
      .toEqual({ muscle: 'piriformis', side: 'right' });
    expect(await storedRecords(page)).toEqual(saved);

    // Export (a real download).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row(page, 'Anna Example').getByRole('button', { name: 'Export' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^trigger-atlas-anna-example-\d{4}-\d\d-\d\d\.json$/,
    );
    const exportPath = testInfo.outputPath('anna.json');
    await download.saveAs(exportPath);
    const exported = JSON.parse(await readFile(exportPath, 'utf8')) as Record<string, unknown>;
    expect(exported).toMatchObject({ format: 'trigger-atlas-sessions', version: 2 });
    expect(exported.sessions).toEqual([saved[0]?.value]);

    // Delete, undo, delete again.
    await row(page, 'Anna Example').getByRole('button', { name: 'Delete' }).click();
    await expect(row(page, 'Anna Example')).toHaveCount(0);
    await expect(await storedRecords(page)).toEqual([]);
    await sessionsDialog(page).getByRole('button', { name: 'Undo' }).click();
    await expect(row(page, 'Anna Example')).toHaveCount(1);
    expect(await storedRecords(page)).toEqual(saved);
    await row(page, 'Anna Example').getByRole('button', { name: 'Delete' }).click();
    await expect(row(page, 'Anna Example')).toHaveCount(0);
    expect(await storedRecords(page)).toEqual([]);

    // Import the exported file: the stored record is exactly what it was.
    await sessionsDialog(page).getByLabel('Import sessions from a file').setInputFiles(exportPath);
    await expect(
      sessionsDialog(page).getByRole('status').filter({ hasText: 'Imported' }),
    ).toHaveText('Imported 1 session.');
    expect(await storedRecords(page)).toEqual(saved);

    // Importing it again asks: keep both, replace, or skip.
    await sessionsDialog(page).getByLabel('Import sessions from a file').setInputFiles(exportPath);
    const conflict = page.getByRole('dialog', { name: '“Anna Example” is already saved' });
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText('with exactly the same content');
    await expect(
      conflict.getByRole('button', { name: 'Keep both (import as a copy)' }),
    ).toBeFocused();
    await page.keyboard.press('Escape'); // Esc means skip
    await expect(conflict).toBeHidden();
    await expect(sessionsDialog(page)).toBeVisible();
    expect(await storedRecords(page)).toEqual(saved);

    await sessionsDialog(page).getByLabel('Import sessions from a file').setInputFiles(exportPath);
    await conflict.getByRole('button', { name: 'Keep both (import as a copy)' }).click();
    await expect(row(page, 'Anna Example \\(copy\\)')).toHaveCount(1);
    const both = await storedRecords(page);
    expect(both).toHaveLength(2);
    expect(both).toContainEqual(saved[0]);
    const copy = both.find((r) => r.key !== saved[0]?.key);
    expect(copy?.value).toEqual({
      ...(saved[0]?.value as object),
      id: copy?.key,
      name: 'Anna Example (copy)',
    });

    await sessionsDialog(page).getByLabel('Import sessions from a file').setInputFiles(exportPath);
    await conflict.getByRole('button', { name: 'Replace the saved one' }).click();
    await expect(
      sessionsDialog(page).getByRole('status').filter({ hasText: 'Imported' }),
    ).toHaveText('Imported 1 session.');
    expect(await storedRecords(page)).toEqual(both);
    expect(errors).toEqual([]);
  });

  test('a file that is not JSON or not a sessions file is refused with a clear message and changes nothing', async ({
    page,
  }) => {
    const errors = await openApp(page, '?pain=sacrum');
    await createSession(page, 'Ben');
    await page.keyboard.press('Escape');
    const before = await storedRecords(page);
    expect(before).toHaveLength(1);
    const dialog = await openSessions(page);
    const input = dialog.getByLabel('Import sessions from a file');
    const alert = dialog.getByRole('alert');

    await input.setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": x}'),
    });
    await expect(alert).toHaveText(
      `Nothing was imported. notes.json: the file is not valid JSON (Unexpected token 'x', "{"format": x}" is not valid JSON)`,
    );

    await input.setInputFiles({
      name: 'handout.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ muscle: 'piriformis' })),
    });
    await expect(alert).toHaveText(
      'Nothing was imported. handout.json: not a Trigger Atlas sessions file (no "format" field)',
    );

    const wrongSpot = {
      format: 'trigger-atlas-sessions',
      version: 2,
      exportedAt: '2025-03-03T12:00:00.000Z',
      sessions: [
        {
          id: 'x1',
          name: 'Carla',
          createdAt: '2025-03-01T09:00:00.000Z',
          updatedAt: '2025-03-01T09:00:00.000Z',
          painSpots: ['sacrum', 'buttock:right', 'buttok'],
          muscles: [],
          notes: '',
        },
      ],
    };
    await input.setInputFiles({
      name: 'sessions.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(wrongSpot)),
    });
    await expect(alert).toContainText(
      'Nothing was imported. sessions.json: sessions[0].painSpots[2]: unknown region "buttok"',
    );

    await input.setInputFiles({
      name: 'sessions.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...wrongSpot, sessions: [{ name: 'Carla' }] })),
    });
    await expect(alert).toContainText('sessions.json: sessions[0].id: missing (expected string)');

    await expect(row(page, 'Ben')).toHaveCount(1);
    await expect(dialog.getByRole('listitem')).toHaveCount(1);
    expect(await storedRecords(page)).toEqual(before);
    expect(errors).toEqual([]);
  });

  test('damaged saved data is reported and skipped, left in storage, and the app keeps working', async ({
    page,
  }) => {
    await openApp(page);
    await createSession(page, 'Dora');
    await page.keyboard.press('Escape');
    await writeRaw(page, [
      ['broken-1', 'garbage'],
      ['broken-2', { id: 'broken-2', name: 42 }],
    ]);
    const before = await storedRecords(page);

    const errors = await openApp(page);
    // the sessions load when reached for: that is when the damage is reported
    const dialog = await openSessions(page);
    await expect(page.locator('.notices')).toContainText(
      '2 saved sessions could not be read and were skipped',
    );
    await expect(dialog.getByRole('alert')).toContainText(
      'broken-1: the record: expected object, got string',
    );
    await expect(dialog.getByRole('alert')).toContainText(
      'broken-2: name: expected string, got number',
    );
    await expect(row(page, 'Dora')).toHaveCount(1);
    await row(page, 'Dora').getByRole('button', { name: 'Open' }).click();
    await dialog.getByLabel('Notes').fill('Still works.');
    await expect(dialog.getByText('Saved', { exact: true })).toBeVisible();
    await page.keyboard.press('Escape');

    // Nothing damaged was deleted; the rest of the app still works.
    const after = await storedRecords(page);
    expect(after.filter((r) => r.key.startsWith('broken'))).toEqual(
      before.filter((r) => r.key.startsWith('broken')),
    );
    await page.getByRole('button', { name: 'Where it hurts' }).click();
    await expect(page.getByRole('heading', { name: 'Where it hurts' })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('storage that is full keeps what was saved and says so; blocked storage leaves the atlas working', async ({
    page,
  }) => {
    await openApp(page);
    const dialog = await createSession(page, 'Eva');
    await dialog.getByLabel('Notes').fill('First note.');
    await expect(dialog.getByText('Saved', { exact: true })).toBeVisible();
    const before = await storedRecords(page);

    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      (window as unknown as { realPut: typeof put }).realPut = put;
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await dialog.getByLabel('Notes').fill('First note. A second one.');
    await expect(dialog.getByRole('alert')).toContainText("The browser's storage is full");
    await expect(dialog.getByText('Not saved yet')).toBeVisible();
    expect(await storedRecords(page)).toEqual(before);
    await expect(dialog.getByLabel('Notes')).toHaveValue('First note. A second one.');

    await page.evaluate(() => {
      IDBObjectStore.prototype.put = (
        window as unknown as { realPut: IDBObjectStore['put'] }
      ).realPut;
    });
    await dialog.getByRole('button', { name: 'Try saving again' }).click();
    await expect(dialog.getByText('Saved', { exact: true })).toBeVisible();
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    const [record] = await storedRecords(page);
    expect(record?.value).toMatchObject({ notes: 'First note. A second one.' });

    // A browser where IndexedDB is off: a clear message, and the rest still works.
    const other = await page.context().newPage();
    await other.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('Access to storage is not allowed.', 'SecurityError');
      };
    });
    const errors = await openApp(other);
    const blocked = await openSessions(other);
    await expect(blocked.getByRole('alert')).toContainText(
      'Sessions cannot be saved in this browser',
    );
    await expect(blocked.getByRole('button', { name: 'Create and open' })).toBeDisabled();
    await other.keyboard.press('Escape');
    await other.getByRole('button', { name: 'Where it hurts' }).click();
    await expect(other.getByRole('heading', { name: 'Where it hurts' })).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test.describe('the sessions code, loaded when the Sessions button is first reached for', () => {
  /** Holds back the sessions' code until the returned function is called. */
  async function holdSessionsCode(page: Page): Promise<() => void> {
    let release = () => {};
    const held = new Promise<void>((done) => (release = done));
    await page.route('**/assets/SessionsPanel-*.js', async (route) => {
      await held;
      await route.continue();
    });
    return release;
  }

  test('a press before it has arrived opens the sessions once it does', async ({ page }) => {
    const release = await holdSessionsCode(page);
    await openApp(page);
    await page.getByRole('button', { name: 'Sessions' }).click();
    await expect(sessionsDialog(page)).toHaveCount(0);
    release();
    await expect(sessionsDialog(page)).toBeVisible();
  });

  test('a press whose button goes down before the code arrives and up after it still opens them', async ({
    page,
  }) => {
    const release = await holdSessionsCode(page);
    await openApp(page);
    const box = await page.getByRole('button', { name: 'Sessions' }).boundingBox();
    if (!box) throw new Error('the Sessions button has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    release();
    await expect(page.locator('.sessions-toast')).toBeAttached();
    await page.mouse.up();
    await expect(sessionsDialog(page)).toBeVisible();
  });

  test('the focus stays on the button when the sessions arrive', async ({ page }) => {
    const release = await holdSessionsCode(page);
    await openApp(page);
    const button = page.getByRole('button', { name: 'Sessions' });
    await button.focus();
    release();
    // the sessions' code has arrived (its undo toast sits beside the button)
    await expect(page.locator('.sessions-toast')).toBeAttached();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Sessions');
    await page.keyboard.press('Enter');
    await expect(sessionsDialog(page)).toBeVisible();
  });

  test('the first screen does not load it; pointing at the button does', async ({ page }) => {
    const asked: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/SessionsPanel-[^/]*\.js/.test(request.url())) asked.push(request.url());
    });
    await openApp(page);
    await page.waitForTimeout(500);
    expect(asked).toEqual([]);
    await page.getByRole('button', { name: 'Sessions' }).hover();
    await expect(page.locator('.sessions-toast')).toBeAttached();
    expect(asked).toHaveLength(1);
  });

  test('a failed load says so, and the next press tries again', async ({ page }) => {
    let fail = true;
    await page.route('**/assets/SessionsPanel-*.js', (route) =>
      fail ? route.abort('connectionreset') : route.continue(),
    );
    await openApp(page);
    await page.getByRole('button', { name: 'Sessions' }).click();
    await expect(page.getByText('The sessions could not be loaded').first()).toBeVisible();
    await expect(sessionsDialog(page)).toHaveCount(0);
    fail = false;
    await page.getByRole('button', { name: 'Sessions' }).click();
    await expect(sessionsDialog(page)).toBeVisible();
  });
});
