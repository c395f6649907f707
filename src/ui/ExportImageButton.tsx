import { useState } from 'react';
import { useAppStore } from '../state/store.ts';
import { composeExport, download } from './exportImage.ts';
import { legendEntries } from './legendEntries.ts';
import { messageOf } from '../core/errors.ts';
import { captureCurrent } from '../scene/viewImages.ts';

/** Saves the current view, with its legend, as a PNG. */
export function ExportImageButton() {
  const webgl = useAppStore((s) => s.webgl);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const state = useAppStore.getState();
    setBusy(true);
    try {
      const view = await captureCurrent();
      if (!view) throw new Error('The 3D view is not ready yet.');
      const record = state.selection
        ? state.dataset?.muscles.get(state.selection.muscle)
        : undefined;
      const title =
        record && state.selection ? `${record.name} (${state.selection.side})` : 'Trigger Atlas';
      const blob = await composeExport(view, title, legendEntries(state));
      const name = state.selection ? `${state.selection.muscle}-${state.selection.side}` : 'view';
      download(blob, `trigger-atlas-${name}.png`);
    } catch (error) {
      state.notify(`The image could not be saved: ${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      onClick={() => void save()}
      disabled={webgl !== 'ok' || busy}
      title="Save this view as a PNG image"
    >
      Save image
    </button>
  );
}
