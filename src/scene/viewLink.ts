/**
 * The page's side of the 3D view. The view runs in a worker drawing on a transferred canvas
 * (viewRuntime.tsx), so the page's main thread loads no three.js and never waits on a frame; where
 * a browser cannot, the page runs the same runtime itself, over the same messages. The page keeps
 * the one store: it sends the view what changed, and runs the actions the view asks for.
 */
import { useAppStore, type AppState } from '../state/store.ts';
import { markFirstScreenDone } from '../state/firstScreen.ts';
import { installTestHooks } from '../state/testHooks.ts';
import { messageOf } from '../core/errors.ts';
import { probeWebgl } from '../ui/webgl.ts';
import { showLabel } from './hoverLabel.ts';
import { loadModelSource } from './modelSource.ts';
import { viewDpr } from './canvasSettings.ts';
import { forwarded, pagePorts } from './viewPorts.ts';
import * as clicks from './viewClicks.ts';
import {
  mirroredKeys,
  type CallName,
  type FromView,
  type MirroredState,
  type Port,
  type ScreenPoint,
  type ToView,
  type ViewAction,
  type ViewCalls,
  type ViewSize,
} from './viewProtocol.ts';

type ViewPort = Port<FromView, ToView>;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export interface ViewLink {
  /** The canvas the view draws on; hidden until the body's first frame. */
  readonly canvas: () => HTMLCanvasElement;
  /** Calls `listener` whenever the view changes canvas (a worker that could not draw). */
  onCanvas(listener: () => void): () => void;
  /** Calls `listener` once the body is on screen (at once if it is). */
  onShown(listener: () => void): () => void;
  /** Calls `listener` with a message when the view fails; returns what unsubscribes. */
  onError(listener: (message: string) => void): () => void;
  resize(size: ViewSize): void;
  forward(event: PointerEvent | WheelEvent | MouseEvent, bounds: DOMRect): void;
  /** A press at view point x, y (viewClicks.ts picks what is there). */
  press(x: number, y: number): void;
  /** The press ended as a click, not a drag: choose what it picked. */
  click(): void;
  call<N extends CallName>(
    name: N,
    ...args: Parameters<ViewCalls[N]>
  ): Promise<Awaited<ReturnType<ViewCalls[N]>>>;
}

function mirroredState(state: AppState, reducedMotion: boolean): MirroredState {
  const picked = Object.fromEntries(mirroredKeys.map((key) => [key, state[key]]));
  return {
    ...(picked as Pick<AppState, (typeof mirroredKeys)[number]>),
    dataReady: state.dataset !== null,
    reducedMotion,
  };
}

/** Whether the current paint stroke adds spots (decided by its first region) or removes them. */
let strokeAdds = true;

function runAction(action: ViewAction): void {
  const store = useAppStore.getState();
  switch (action.name) {
    case 'setHover':
      return store.setHover(...action.args);
    case 'paint': {
      const [region, start] = action.args;
      const marked = store.painSpots.includes(region);
      if (start) strokeAdds = !marked;
      if (marked !== strokeAdds) store.togglePainSpot(region);
      return;
    }
  }
}

/** The size of the view's place in the prerendered first screen, when it is laid out. */
function prerenderedSize(): ViewSize | null {
  const place = document.querySelector('.view-surface');
  if (!place) return null;
  const { width, height, top, left } = place.getBoundingClientRect();
  return width > 0 && height > 0 ? { width, height, top, left } : null;
}

let link: ViewLink | null = null;

/** Starts the 3D view (once): the worker loads and compiles while the page renders its panels. */
export function startView(): ViewLink {
  link ??= createLink();
  return link;
}

function createLink(): ViewLink {
  const shownListeners = new Set<() => void>();
  const errorListeners = new Set<(message: string) => void>();
  const canvasListeners = new Set<() => void>();
  const pending = new Map<number, Pending>();
  let nextCall = 1;
  let shown = false;
  let failure: string | null = null;
  // the prerendered page already has the view's place: its size goes with the first message
  let size: ViewSize | null = prerenderedSize();
  // the view has a renderer: it can take its size
  let drawing = false;
  let canvas = document.createElement('canvas');
  let port: ViewPort | null = null;
  let worker: Worker | null = null;
  // what is sent before the view's end is there waits for it
  const queued: [ToView, Transferable[]][] = [];

  const motion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
  const reducedMotion = () => motion?.matches ?? false;
  let sent = mirroredState(useAppStore.getState(), reducedMotion());

  const dropPending = (message: string) => {
    for (const call of pending.values()) call.reject(new Error(message));
    pending.clear();
  };

  const fail = (message: string) => {
    if (failure) return;
    failure = message;
    dropPending(message);
    for (const listener of errorListeners) listener(message);
    markFirstScreenDone();
  };

  const send = (message: ToView, transfer: Transferable[] = []) => {
    if (port) port.postMessage(message, transfer);
    else queued.push([message, transfer]);
  };

  // the store's changes go to the view once per task, so a link's state arrives whole
  let stateQueued = false;
  const sendState = () => {
    if (stateQueued) return;
    stateQueued = true;
    queueMicrotask(() => {
      stateQueued = false;
      const next = mirroredState(useAppStore.getState(), reducedMotion());
      // the view builds its own lookups from the same data (it waits for both, in any order)
      if (next.dataReady && !sent.dataReady) void sendDataset();
      const changed = Object.fromEntries(
        Object.entries(next).filter(([key, value]) => sent[key as keyof MirroredState] !== value),
      );
      sent = next;
      if (Object.keys(changed).length > 0) send({ type: 'state', state: changed });
    });
  };
  // the page has the chunk already: this import is answered from the module map
  const sendDataset = () =>
    import('virtual:checked-dataset').then(({ json }) => send({ type: 'dataset', json }));
  useAppStore.subscribe(sendState);
  motion?.addEventListener?.('change', sendState);

  // the size the view has (the first message carries the prerendered page's)
  const scale = () => viewDpr(window.devicePixelRatio || 1);
  const sizeKey = () => JSON.stringify([size, scale()]);
  let sizeSent = '';
  const sendSize = () => {
    if (!size || !drawing || sizeKey() === sizeSent) return;
    sizeSent = sizeKey();
    send({ type: 'size', size, dpr: scale() });
  };

  /** No WebGL in the worker nor on the page: the page explains, and the model is not loaded. */
  const withoutWebgl = () => {
    useAppStore.getState().setWebgl('unavailable');
    loadModelSource().stop();
  };

  loadModelSource().read.catch((error: unknown) => {
    // without WebGL the model is stopped on purpose, and the page says why instead
    if (useAppStore.getState().webgl !== 'unavailable') fail(messageOf(error));
  });

  let heard = false;
  const onMessage = ({ data: message }: MessageEvent<FromView>) => {
    heard = true;
    switch (message.type) {
      case 'webgl':
        if (message.available) {
          drawing = true;
          useAppStore.getState().setWebgl('ok');
          sendSize();
        } else if (worker) {
          // some browsers draw WebGL on the page only: run the view here instead
          startOnPage();
        } else {
          withoutWebgl();
        }
        return;
      case 'action':
        return runAction(message.action);
      case 'label':
        return showLabel(message.label);
      case 'shown':
        shown = true;
        canvas.style.display = 'block';
        for (const listener of shownListeners) listener();
        return;
      case 'drawn':
        // a frame reported just as the context was lost shows nothing
        if (useAppStore.getState().webgl === 'lost') return;
        document.documentElement.dataset.drawn = message.key;
        markFirstScreenDone();
        return;
      case 'context':
        if (message.lost) document.documentElement.dataset.ready = 'false';
        useAppStore.getState().setWebgl(message.lost ? 'lost' : 'ok');
        if (!message.lost) sendSize();
        return;
      case 'camera':
        return clicks.noteCamera(message);
      case 'markers':
        return clicks.noteMarkers(message.markers);
      case 'error':
        return fail(message.message);
      case 'reply': {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (message.error !== undefined) call?.reject(new Error(message.error));
        else call?.resolve(message.value);
        return;
      }
    }
  };

  const begin = (
    next: ViewPort,
    surface: OffscreenCanvas | HTMLCanvasElement,
    transfer: Transferable[],
  ) => {
    next.addEventListener('message', onMessage);
    // the model worker and the view talk directly: the model need not wait for this thread
    const channel = new MessageChannel();
    loadModelSource().connectView(channel.port1);
    sizeSent = sizeKey();
    next.postMessage(
      { type: 'init', canvas: surface, modelPort: channel.port2, state: sent, size, dpr: scale() },
      [...transfer, channel.port2],
    );
    if (sent.dataReady) void sendDataset();
    port = next;
    for (const [message, list] of queued.splice(0)) port.postMessage(message, list);
  };

  function startOnPage(): void {
    worker?.terminate();
    worker = null;
    port = null;
    // what was asked of the worker is asked again of the page's view
    dropPending('the 3D view moved onto the page');
    queued.length = 0;
    if (!probeWebgl().available) return withoutWebgl();
    canvas.remove();
    canvas = document.createElement('canvas');
    canvas.style.display = 'none';
    for (const listener of canvasListeners) listener();
    const [pageEnd, viewEnd] = pagePorts();
    begin(pageEnd, canvas, []);
    import('./viewRuntime.tsx').then(
      (runtime) => runtime.startViewRuntime(viewEnd, true),
      (error: unknown) => fail(`The 3D view's code could not be loaded (${messageOf(error)}).`),
    );
  }

  canvas.style.display = 'none';
  if ('transferControlToOffscreen' in canvas && typeof Worker !== 'undefined') {
    worker = new Worker(new URL('./view.worker.ts', import.meta.url), {
      type: 'module',
      name: 'body-view',
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      // before the view has said anything, its code did not load; later, one handler failed
      if (heard) console.error(`The 3D view reported an error: ${event.message}`);
      else
        fail(
          `The 3D view's code could not be loaded (${event.message || 'its worker did not start'}).`,
        );
    });
    const offscreen = canvas.transferControlToOffscreen();
    begin(worker, offscreen, [offscreen]);
  } else {
    startOnPage();
  }

  const view: ViewLink = {
    canvas: () => canvas,
    onCanvas(listener) {
      canvasListeners.add(listener);
      return () => canvasListeners.delete(listener);
    },
    onShown(listener) {
      if (shown) listener();
      shownListeners.add(listener);
      return () => shownListeners.delete(listener);
    },
    onError(listener) {
      if (failure) listener(failure);
      errorListeners.add(listener);
      return () => errorListeners.delete(listener);
    },
    resize(next) {
      size = next;
      sendSize();
    },
    forward(event, bounds) {
      send({ type: 'event', event: forwarded(event, bounds) });
    },
    press(x, y) {
      if (size) clicks.press(x, y, size);
    },
    click: clicks.click,
    call(name, ...args) {
      if (failure) return Promise.reject(new Error(failure));
      const id = nextCall++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        send({ type: 'call', id, name, args });
      });
    },
  };
  installViewHooks(view);
  return view;
}

/** Test and bench hooks: the view's answers, moved from view to page coordinates. */
function installViewHooks(view: ViewLink): void {
  const origin = () => view.canvas().parentElement?.getBoundingClientRect() ?? null;
  const onPage = (point: ScreenPoint | null): ScreenPoint | null => {
    const box = origin();
    return point && box ? { x: point.x + box.left, y: point.y + box.top } : null;
  };
  installTestHooks({
    musclePoint: async (muscle, side) => onPage(await view.call('musclePoint', muscle, side)),
    projectRegion: async (region) => onPage(await view.call('projectRegion', region)),
    pickAt: async (x, y) => {
      const box = origin();
      return box ? view.call('pickAt', x - box.left, y - box.top) : null;
    },
    pickingTrees: () => view.call('pickingTrees'),
    snapshot: () => view.call('snapshot'),
    pickTimes: clicks.recentPickTimes,
    loseContext: () => view.call('loseContext'),
    restoreContext: () => view.call('restoreContext'),
  });
}
