import { useEffect } from 'react';
import { useAppStore } from '../state/store.ts';

/** Enters or leaves presentation; full screen where the browser allows it. */
export function togglePresentation(on: boolean): void {
  useAppStore.getState().setPresent(on);
  if (on) document.documentElement.requestFullscreen?.().catch(() => {});
  else if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
}

/**
 * Keyboard for the canvas-free parts: Esc leaves presentation or clears the selection; in
 * presentation, arrow keys step through the muscles of the current body area.
 */
export function usePresentationKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      const store = useAppStore.getState();
      if (event.key === 'Escape') {
        if (store.present) togglePresentation(false);
        else if (store.selection) store.select(null);
        return;
      }
      if (!store.present || !store.selection || !store.dataset) return;
      const step =
        event.key === 'ArrowRight' || event.key === 'PageDown'
          ? 1
          : event.key === 'ArrowLeft' || event.key === 'PageUp'
            ? -1
            : 0;
      if (!step) return;
      const record = store.dataset.muscles.get(store.selection.muscle);
      const group = record ? (store.dataset.musclesByGroup.get(record.group) ?? []) : [];
      const index = group.findIndex((r) => r.id === store.selection?.muscle);
      const next = group[(index + step + group.length) % group.length];
      if (next) {
        event.preventDefault();
        store.select({ muscle: next.id, side: store.selection.side }, { frame: true });
      }
    };
    // the browser's own Esc leaves full screen first: leave presentation with it
    const onFullscreen = () => {
      if (!document.fullscreenElement && useAppStore.getState().present) {
        useAppStore.getState().setPresent(false);
      }
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, []);
}
