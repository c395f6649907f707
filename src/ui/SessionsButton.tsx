/**
 * The header's "Sessions" button. Client sessions (saved in IndexedDB, checked with zod on every
 * read) are not needed until a person reaches for them, and evaluating their code (zod with it)
 * was the longest task after the first screen; so it loads when the button is first pointed at,
 * focused or pressed. Until then this button stands in for it, and a press opens the sessions as
 * soon as they load. Nothing is lost meanwhile: no session is open before the panel opens one.
 */
import { useRef, useState, type ComponentType } from 'react';
import { useAppStore } from '../state/store.ts';
import { messageOf } from '../core/errors.ts';
import sessionsChunk from 'virtual:chunk-url/sessions';

type Feature = ComponentType<{ readonly openAtStart: boolean; readonly focusAtStart: boolean }>;

/** What both buttons say: the stand-in and the sessions' own (SessionsPanel.tsx). */
export const sessionsButtonTitle = 'Client sessions, saved in this browser only';

let feature: Promise<Feature> | null = null;
let failures = 0;
/** The sessions' code, loaded once; a failed load says so, and the next press tries again. */
function loadFeature(): Promise<Feature> {
  if (feature) return feature;
  // a browser may keep a failed import's error for its URL: a retry asks for it under a new one
  const code: Promise<typeof import('./SessionsPanel.tsx')> =
    failures === 0
      ? import('./SessionsPanel.tsx')
      : import(/* @vite-ignore */ `${sessionsChunk}?retry=${failures}`);
  feature = code.then(
    (module) => module.SessionsFeature,
    (error: unknown) => {
      feature = null;
      failures++;
      useAppStore
        .getState()
        .notify(
          `The sessions could not be loaded (${messageOf(error)}). Press Sessions to try again, or reload the page.`,
        );
      throw error;
    },
  );
  return feature;
}

export function SessionsButton() {
  const [Loaded, setLoaded] = useState<{ readonly Feature: Feature } | null>(null);
  const [pressed, setPressed] = useState(false);
  const standIn = useRef<HTMLButtonElement>(null);
  // a keyboard user on the stand-in keeps the focus when the real button takes its place
  const [focused, setFocused] = useState(false);
  const load = () =>
    loadFeature().then((Feature) => {
      setFocused(document.activeElement === standIn.current);
      setLoaded({ Feature });
    });

  // pointing at the button or tabbing to it starts the load, so a press rarely waits for it
  const prefetch = () => void load().catch(() => {});

  if (Loaded) return <Loaded.Feature openAtStart={pressed} focusAtStart={focused} />;
  return (
    <button
      ref={standIn}
      type="button"
      aria-haspopup="dialog"
      aria-expanded={false}
      aria-busy={pressed}
      onClick={() => {
        setPressed(true);
        load().catch(() => setPressed(false));
      }}
      onPointerEnter={prefetch}
      onFocus={prefetch}
      title={sessionsButtonTitle}
    >
      Sessions
    </button>
  );
}
