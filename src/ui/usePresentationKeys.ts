import { useEffect } from 'react';
import { useAppStore } from '../state/store.ts';

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
        if (store.present) store.setPresent(false);
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
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
