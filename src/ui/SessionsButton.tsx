/**
 * The header's "Sessions" button. Client sessions (saved in IndexedDB, checked with zod on every
 * read) are not needed for the first screen, so their code loads once that screen is complete;
 * until then this button stands in for it, and a press opens the sessions as soon as they load.
 */
import { useEffect, useState, type ComponentType } from 'react';
import { whenFirstScreenDone } from '../state/firstScreen.ts';
import { useAppStore } from '../state/store.ts';
import { messageOf } from '../core/errors.ts';

type Feature = ComponentType<{ readonly openAtStart: boolean }>;

let feature: Promise<Feature> | null = null;
/** The sessions' code, loaded once; a failed load says so, and the next press tries again. */
function loadFeature(): Promise<Feature> {
  feature ??= import('./SessionsPanel.tsx').then(
    (module) => module.SessionsFeature,
    (error: unknown) => {
      feature = null;
      useAppStore.getState().notify(`The sessions could not be loaded (${messageOf(error)}).`);
      throw error;
    },
  );
  return feature;
}

export function SessionsButton() {
  const [Loaded, setLoaded] = useState<{ readonly Feature: Feature } | null>(null);
  const [pressed, setPressed] = useState(false);
  const load = () => loadFeature().then((Feature) => setLoaded({ Feature }));

  useEffect(() => {
    whenFirstScreenDone(() => void load().catch(() => {}));
  }, []);

  if (Loaded) return <Loaded.Feature openAtStart={pressed} />;
  return (
    <button
      type="button"
      aria-haspopup="dialog"
      aria-expanded={false}
      onClick={() => {
        setPressed(true);
        load().catch(() => setPressed(false));
      }}
      title="Client sessions, saved in this browser only"
    >
      Sessions
    </button>
  );
}
