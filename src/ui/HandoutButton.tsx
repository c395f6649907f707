import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useAppStore } from '../state/store.ts';
import { Handout, type HandoutContent } from './Handout.tsx';
import { captureReferralViews } from '../scene/viewImages.ts';
import { messageOf } from '../core/errors.ts';

/** Waits until every image of the handout has decoded, so print never shows empty frames. */
async function imagesReady(root: HTMLElement | null): Promise<void> {
  const images = [...(root?.querySelectorAll('img') ?? [])];
  await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
}

/**
 * "Print handout": asks for an optional client name and notes, renders the referral from the
 * views that show it, and opens the browser's print dialog (Save as PDF works there).
 */
export function HandoutButton() {
  const selection = useAppStore((s) => s.selection);
  const dataset = useAppStore((s) => s.dataset);
  const dialog = useRef<HTMLDialogElement>(null);
  const [clientName, setClientName] = useState('');
  const [notes, setNotes] = useState('');
  const [content, setContent] = useState<HandoutContent | null>(null);
  const ids = useId();
  const record = selection ? dataset?.muscles.get(selection.muscle) : undefined;

  useEffect(() => {
    if (!content) return;
    let cancelled = false;
    void imagesReady(document.querySelector('.handout-root')).then(() => {
      if (cancelled) return;
      document.documentElement.dataset.handout = 'ready';
      window.print();
    });
    return () => {
      cancelled = true;
    };
  }, [content]);

  const print = async () => {
    if (!record || !selection) return;
    dialog.current?.close();
    let images: HandoutContent['images'] = [];
    if (useAppStore.getState().webgl === 'ok') {
      // the handout still prints without its pictures, with a note why
      images = await captureReferralViews().catch((error: unknown) => {
        useAppStore
          .getState()
          .notify(`The handout's pictures could not be drawn: ${messageOf(error)}`);
        return [];
      });
    }
    setContent({
      record,
      side: selection.side,
      images,
      clientName: clientName.trim(),
      notes: notes.trim(),
      date: new Date().toLocaleDateString(undefined, { dateStyle: 'long' }),
    });
  };

  return (
    <>
      <button
        type="button"
        disabled={!record}
        onClick={() => dialog.current?.showModal()}
        title={record ? 'A printable page for a client' : 'Select a muscle first'}
      >
        Print handout
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={`${ids}-title`}>
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            void print();
          }}
        >
          <h2 id={`${ids}-title`}>Handout: {record?.name}</h2>
          <label htmlFor={`${ids}-name`}>Client name (optional)</label>
          <input
            id={`${ids}-name`}
            value={clientName}
            onChange={(e) => setClientName(e.target.value)}
            autoComplete="off"
          />
          <label htmlFor={`${ids}-notes`}>Notes (optional)</label>
          <textarea
            id={`${ids}-notes`}
            rows={4}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
          <p className="muted small">Use “Save as PDF” in the print dialog to keep a file.</p>
          <div className="button-row">
            <button type="submit">Print</button>
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
      {content &&
        dataset &&
        createPortal(
          <div className="handout-root">
            <Handout content={content} dataset={dataset} />
          </div>,
          document.body,
        )}
    </>
  );
}
