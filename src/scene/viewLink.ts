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
import { hoverLabel } from './hoverLabel.ts';
import { loadModelSource } from './modelSource.ts';
import { transferablesOf, treeTransferables, type ClickHit } from './modelData.ts';
import { viewDpr } from './canvasSettings.ts';
import {
  mirroredKeys,
  type CallName,
  type ForwardedEvent,
  type FromView,
  type LabelRequest,
  type MarkerSpot,
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
  /**
   * A press at view point x, y: what is there is picked now, by the model worker, so that the
   * click that may follow (`click`) chooses it without waiting.
   */
  press(x: number, y: number): void;
  /** The press ended as a click (not a drag): choose what it picked, as explore mode does. */
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

function runAction(action: ViewAction): void {
  const store = useAppStore.getState();
  switch (action.name) {
    case 'select':
      return store.select(...action.args);
    case 'setHover':
      return store.setHover(...action.args);
    case 'togglePainSpot':
      return store.togglePainSpot(...action.args);
    case 'setTrp':
      return store.setTrp(...action.args);
    case 'setWebgl':
      return store.setWebgl(...action.args);
  }
}

/** The model worker's own time for each recent click (the bench reads them). */
const pickTimes: number[] = [];

interface Press {
  /** What is under the press: undefined until the model worker answers. */
  hit: ClickHit | MarkerSpot | undefined;
  /** The press became a click before the answer came. */
  clicked: boolean;
}

/** What a click chose, as the store sees it: a point of the selection, a muscle, or nothing. */
function applyClick(hit: ClickHit | MarkerSpot): void {
  const store = useAppStore.getState();
  if (hit === null) return store.select(null);
  if ('compared' in hit) {
    if (!hit.compared) store.setTrp(store.trp === hit.id ? null : hit.id);
    return;
  }
  // the bones take a click without choosing anything
  if (hit.kind === 'muscle') store.select({ muscle: hit.muscle, side: hit.side });
}

function showLabel(label: LabelRequest): void {
  switch (label.kind) {
    case 'muscle':
      return hoverLabel.show(label.hit, label.x, label.y);
    case 'region':
      return hoverLabel.showRegion(label.region, label.x, label.y);
    case 'text':
      return hoverLabel.showText(label.text, label.x, label.y);
    case 'hide':
      return hoverLabel.hide();
  }
}

function forwarded(event: PointerEvent | WheelEvent | MouseEvent, bounds: DOMRect): ForwardedEvent {
  const pointer = 'pointerId' in event ? event : null;
  const wheel = 'deltaY' in event ? event : null;
  return {
    type: event.type,
    pointerId: pointer?.pointerId ?? 1,
    pointerType: pointer?.pointerType ?? 'mouse',
    isPrimary: pointer?.isPrimary ?? true,
    button: event.button,
    buttons: event.buttons,
    clientX: event.clientX,
    clientY: event.clientY,
    pageX: event.pageX,
    pageY: event.pageY,
    offsetX: event.clientX - bounds.left,
    offsetY: event.clientY - bounds.top,
    deltaX: wheel?.deltaX ?? 0,
    deltaY: wheel?.deltaY ?? 0,
    deltaMode: wheel?.deltaMode ?? 0,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    shiftKey: event.shiftKey,
    altKey: event.altKey,
    timeStamp: event.timeStamp,
  };
}

/** Two ends that pass messages to each other in later tasks, for the runtime run on the page. */
function pagePorts(): [ViewPort, Port<ToView, FromView>] {
  type Listener<T> = (event: MessageEvent<T>) => void;
  const toPage = new Set<Listener<FromView>>();
  const toView = new Set<Listener<ToView>>();
  const deliver = <T>(listeners: Set<Listener<T>>, data: T) =>
    setTimeout(() => {
      for (const listener of listeners) listener({ data } as MessageEvent<T>);
    }, 0);
  return [
    {
      postMessage: (message) => deliver(toView, message),
      addEventListener: (_type, listener) => toPage.add(listener),
    },
    {
      postMessage: (message) => deliver(toPage, message),
      addEventListener: (_type, listener) => toView.add(listener),
    },
  ];
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
  let size: ViewSize | null = null;
  let canvas = document.createElement('canvas');
  let port: ViewPort;
  // what clicks are answered against: the camera of the last frame and the markers shown
  let camera: { cameraWorld: readonly number[]; projectionInverse: readonly number[] } | null =
    null;
  let markers: readonly MarkerSpot[] = [];
  let pressed: Press | null = null;
  let inWorker = false;

  const motion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
  const reducedMotion = () => motion?.matches ?? false;
  let sent = mirroredState(useAppStore.getState(), reducedMotion());

  const fail = (message: string) => {
    if (failure) return;
    failure = message;
    for (const listener of errorListeners) listener(message);
    markFirstScreenDone();
  };

  const send = (message: ToView, transfer: Transferable[] = []) =>
    port.postMessage(message, transfer);

  // the store's changes go to the view once per task, so a link's state arrives whole
  let queued = false;
  const sendState = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
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

  const sendSize = () => {
    if (size) send({ type: 'size', size, dpr: viewDpr(window.devicePixelRatio || 1) });
  };

  let heard = false;
  const onMessage = ({ data: message }: MessageEvent<FromView>) => {
    heard = true;
    switch (message.type) {
      case 'webgl':
        if (message.available) {
          useAppStore.getState().setWebgl('ok');
          sendSize();
        } else if (inWorker) {
          // some browsers draw WebGL on the page only: run the view here instead
          startOnPage();
        } else {
          useAppStore.getState().setWebgl('unavailable');
          loadModelSource().stop();
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
        document.documentElement.dataset.drawn = message.key;
        markFirstScreenDone();
        return;
      case 'context':
        if (message.lost) document.documentElement.dataset.ready = 'false';
        useAppStore.getState().setWebgl(message.lost ? 'lost' : 'ok');
        return;
      case 'camera':
        camera = message;
        return;
      case 'markers':
        markers = message.markers;
        return;
      case 'want-trees':
        loadModelSource()
          .pickingTrees()
          .then((trees) => send({ type: 'trees', trees }, treeTransferables(trees)))
          .catch(() => {});
        return;
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
    port = next;
    port.addEventListener('message', onMessage);
    send({ type: 'init', canvas: surface, state: sent }, transfer);
  };

  function startOnPage(): void {
    inWorker = false;
    canvas.remove();
    canvas = document.createElement('canvas');
    canvas.style.display = 'none';
    for (const listener of canvasListeners) listener();
    const [pagePort, viewPort] = pagePorts();
    import('./viewRuntime.tsx').then(
      (runtime) => {
        runtime.startViewRuntime(viewPort, true);
        begin(pagePort, canvas, []);
      },
      (error: unknown) => fail(`The 3D view's code could not be loaded (${messageOf(error)}).`),
    );
  }

  canvas.style.display = 'none';
  if ('transferControlToOffscreen' in canvas && typeof Worker !== 'undefined') {
    inWorker = true;
    const worker = new Worker(new URL('./view.worker.ts', import.meta.url), {
      type: 'module',
      name: 'body-view',
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      fail(
        heard
          ? `The 3D view stopped: ${event.message || 'its worker failed'}.`
          : `The 3D view's code could not be loaded (${event.message || 'its worker did not start'}).`,
      );
    });
    const offscreen = canvas.transferControlToOffscreen();
    begin(worker, offscreen, [offscreen]);
  } else {
    startOnPage();
  }

  loadModelSource().model.then(
    (model) => send({ type: 'model', model }, transferablesOf(model)),
    (error: unknown) => {
      // without WebGL the model is stopped on purpose, and the page says why instead
      if (useAppStore.getState().webgl !== 'unavailable') fail(messageOf(error));
    },
  );

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
      if (useAppStore.getState().webgl === 'ok') sendSize();
    },
    forward(event, bounds) {
      send({ type: 'event', event: forwarded(event, bounds) });
    },
    press(x, y) {
      const state = useAppStore.getState();
      pressed = null;
      if (state.mode !== 'explore' || !camera || !size) return;
      const shown = markers;
      const request = {
        ...camera,
        ndc: [(x / size.width) * 2 - 1, -(y / size.height) * 2 + 1] as const,
        targets: {
          S: state.layers.superficial,
          D: state.layers.deep,
          skeleton: state.layers.skeleton,
        },
        markers: shown.map((marker, index) => ({ id: String(index), position: marker.position })),
      };
      const press: Press = { hit: undefined, clicked: false };
      pressed = press;
      loadModelSource()
        .click(request)
        .then(({ hit, ms }) => {
          pickTimes.push(ms);
          if (pickTimes.length > 200) pickTimes.shift();
          press.hit = hit?.kind === 'marker' ? (shown[Number(hit.id)] ?? null) : hit;
          if (press.clicked) applyClick(press.hit);
        })
        // a model that failed is reported where the view was; the click just does nothing
        .catch(() => {});
    },
    click() {
      const press = pressed;
      pressed = null;
      if (!press || useAppStore.getState().mode !== 'explore') return;
      // usually answered while the button was down: applied at once
      if (press.hit !== undefined) applyClick(press.hit);
      else press.clicked = true;
    },
    call(name, ...args) {
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
    snapshot: () => view.call('snapshot'),
    pickTimes: () => [...pickTimes],
    loseContext: () => view.call('loseContext'),
    restoreContext: () => view.call('restoreContext'),
  });
}

function dataUrl(image: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the image could not be read'));
    reader.readAsDataURL(image);
  });
}

/** The view as it is now, as a PNG data URL (null before the view has drawn). */
export async function captureCurrent(): Promise<string | null> {
  const image = await startView().call('captureCurrent');
  return image ? dataUrl(image) : null;
}

/** The selection and its zones from the views that show them, as PNG data URLs. */
export async function captureReferralViews(): Promise<{ view: string; dataUrl: string }[]> {
  const images = await startView().call('captureReferralViews');
  return Promise.all(
    images.map(async ({ view, image }) => ({ view, dataUrl: await dataUrl(image) })),
  );
}
