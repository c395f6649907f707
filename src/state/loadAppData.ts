/**
 * Loads the dataset in the browser: the build checked it (scripts/dataset-plugin.ts, the same
 * src/core code the CLI and validator use) and ships it as one lazy chunk; here only the lookups
 * are built.
 */
import { assembleDataset, type Dataset } from '../core/assemble.ts';
import { messageOf } from '../core/errors.ts';
import { useAppStore } from './store.ts';
import { followStoreIntoUrl, restoreFromUrl } from './urlSync.ts';
import { markFirstScreenDone } from './firstScreen.ts';

export async function loadAppData(): Promise<Dataset> {
  const { default: data } = await import('virtual:checked-dataset');
  return assembleDataset(data);
}

/**
 * Loads the data and applies the page's link to it, from the page's first line (main.tsx): the
 * panels and the 3D view's first frame both wait for it, so it should not wait for React. The
 * promise settles once the store has the data or its error, and never rejects.
 */
export function startAppData(): Promise<void> {
  return loadAppData()
    .then((loaded) => {
      useAppStore.getState().setDataset(loaded);
      restoreFromUrl(loaded);
      followStoreIntoUrl();
    })
    .catch((error: unknown) => {
      useAppStore.getState().setDatasetError(messageOf(error));
      markFirstScreenDone();
    });
}
