import { useAppStore } from '../state/store.ts';

/** The two ways in: from a muscle to its pain, or from the pain to its likely muscles. */
export function ModeSwitch() {
  const mode = useAppStore((s) => s.mode);
  return (
    <div role="group" aria-label="Mode" className="button-row mode-switch">
      <button
        type="button"
        aria-pressed={mode === 'explore'}
        onClick={() => useAppStore.getState().setMode('explore')}
      >
        Explore muscles
      </button>
      <button
        type="button"
        aria-pressed={mode === 'pain'}
        onClick={() => useAppStore.getState().setMode('pain')}
      >
        Where it hurts
      </button>
    </div>
  );
}
