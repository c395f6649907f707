/**
 * The 3D view's place on the page: the labelled stage the view's canvas goes into, the loading
 * line until the body is drawn, and the pointer events passed on to the view (viewLink.ts). No
 * three.js here: the view draws in its worker.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { startView } from './viewLink.ts';
import { useAppStore } from '../state/store.ts';
import { shownMapLayer } from '../core/url-state.ts';

const mapWords = {
  dermatomes: 'the dermatome map (skin areas of the nerve roots C2 to S4)',
  nerves: 'the skin areas of the peripheral nerves',
} as const;

const containerStyle = {
  position: 'relative',
  width: '100%',
  height: '100%',
  overflow: 'hidden',
  touchAction: 'none',
} as const;

/** What react-three-fiber (hover, painting) and the orbit controls listen to in the view. */
const forwardedTypes = [
  'pointerdown',
  'pointermove',
  'pointerup',
  'pointercancel',
  'pointerleave',
  'lostpointercapture',
  'contextmenu',
  'wheel',
] as const;

/** A pointer that moved more than this many pixels between down and click was a drag. */
const clickSlopPx = 5;

function measure(element: HTMLElement) {
  const { width, height, top, left } = element.getBoundingClientRect();
  return { width, height, top, left };
}

export function ViewHost() {
  const container = useRef<HTMLDivElement>(null);
  const loading = useRef<HTMLParagraphElement>(null);
  const [error, setError] = useState<string | null>(null);
  const map = useAppStore((s) => shownMapLayer(s.layers));

  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const view = startView();
    const place = () => {
      const canvas = view.canvas();
      canvas.style.width = '100%';
      canvas.style.height = '100%';
      if (canvas.parentElement !== element) element.appendChild(canvas);
    };
    place();
    const stopCanvas = view.onCanvas(place);
    const resize = () => {
      const size = measure(element);
      if (size.width > 0 && size.height > 0) view.resize(size);
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(element);

    let down = { x: 0, y: 0 };
    const pass = (event: Event) => {
      const pointer = event as PointerEvent;
      if (event.type === 'pointerdown') {
        element.setPointerCapture(pointer.pointerId);
        down = { x: pointer.clientX, y: pointer.clientY };
        const bounds = element.getBoundingClientRect();
        if (pointer.button === 0 && pointer.isPrimary) {
          view.press(pointer.clientX - bounds.left, pointer.clientY - bounds.top);
        }
      }
      // the view's controls handle wheel and right-drag: the page must not scroll or open a menu
      if (event.type === 'wheel' || event.type === 'contextmenu') event.preventDefault();
      view.forward(pointer, element.getBoundingClientRect());
    };
    // clicks are answered on the page's side (viewLink.ts), not by the busy view
    const click = (event: MouseEvent) => {
      const moved = Math.hypot(event.clientX - down.x, event.clientY - down.y);
      if (event.button === 0 && moved <= clickSlopPx) view.click();
    };
    for (const type of forwardedTypes) element.addEventListener(type, pass, { passive: false });
    element.addEventListener('click', click);
    return () => {
      stopCanvas();
      observer.disconnect();
      for (const type of forwardedTypes) element.removeEventListener(type, pass);
      element.removeEventListener('click', click);
    };
  }, []);

  useEffect(() => {
    const view = startView();
    const stopShown = view.onShown(() => {
      if (loading.current) loading.current.hidden = true;
    });
    const stopError = view.onError(setError);
    return () => {
      stopShown();
      stopError();
    };
  }, []);

  if (error) {
    return (
      <div className="viewer-message" role="alert">
        <p>
          <strong>The 3D body could not be shown.</strong> {error}
        </p>
        <p>Search and the muscle list still work.</p>
      </div>
    );
  }
  return (
    <>
      {/* labelled here, not on the canvas, which stays hidden until the body is drawn */}
      <div
        ref={container}
        className="view-surface"
        style={containerStyle}
        role="img"
        aria-label={`3D body${map ? `, with ${mapWords[map]} drawn on the skin; the legend lists its areas` : ''}. Use the search box or the muscle list for keyboard access.`}
      />
      <p ref={loading} className="viewer-message overlay" role="status">
        Loading the 3D body…
      </p>
    </>
  );
}
