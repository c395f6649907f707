/**
 * The header's "Sessions" button. Client sessions (saved in IndexedDB, checked with zod on every
 * read) are not needed until a person reaches for them, and evaluating their code (zod with it)
 * was the longest task after the first screen; so it loads when the button is first pointed at,
 * focused or pressed, and a press opens the sessions as soon as they load. The button itself
 * stays the same element throughout, so a press or the focus is never lost to the load.
 */
import { useRef, useState } from 'react';
import { useAppStore } from '../state/store.ts';
import { messageOf } from '../core/errors.ts';
import sessionsChunk from 'virtual:chunk-url/sessions';

type SessionsCode = Pick<
  typeof import('./SessionsPanel.tsx'),
  'SessionsFeature' | 'OpenSessionName'
>;

/** The button's tooltip. */
const sessionsButtonTitle = 'Client sessions, saved in this browser only';

let feature: Promise<SessionsCode> | null = null;
let failures = 0;
/** The sessions' code, loaded once; a failed load says so, and the next press tries again. */
function loadFeature(): Promise<SessionsCode> {
  if (feature) return feature;
  // a browser may keep a failed import's error for its URL: a retry asks for it under a new one
  const code: Promise<typeof import('./SessionsPanel.tsx')> =
    failures === 0
      ? import('./SessionsPanel.tsx')
      : import(/* @vite-ignore */ `${sessionsChunk}?retry=${failures}`);
  feature = code.then(
    (module) => module,
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
  const [code, setCode] = useState<SessionsCode | null>(null);
  // pressed: the person asked for the sessions; they open once the code is here
  const [pressed, setPressed] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const load = () => loadFeature().then(setCode);
  // pointing at the button or tabbing to it starts the load, so a press rarely waits for it
  const prefetch = () => void load().catch(() => {});
  const open = pressed && code !== null;
  const close = () => {
    setPressed(false);
    requestAnimationFrame(() => button.current?.focus());
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-busy={pressed && !code}
        onClick={() => {
          setPressed(true);
          if (!code) load().catch(() => setPressed(false));
        }}
        onPointerEnter={code ? undefined : prefetch}
        onFocus={code ? undefined : prefetch}
        title={sessionsButtonTitle}
      >
        Sessions
        {code && <code.OpenSessionName />}
      </button>
      {code && <code.SessionsFeature open={open} onClose={close} />}
    </>
  );
}
