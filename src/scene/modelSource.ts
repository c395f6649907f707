/**
 * Starts loading the body model from the page's first line (main.tsx): the model worker downloads,
 * reads and merges the file while the page renders its panels, and hands it to the 3D view over
 * the view's own port. No three.js in this module, so the page's first chunk stays small.
 */
import type {
  ClickHit,
  ClickRequest,
  ModelWorkerMessage,
  ModelWorkerRequest,
} from './modelData.ts';

export const modelUrl = `${import.meta.env.BASE_URL}models/body.glb`;

export interface ModelSource {
  /** Settles when the file is read (the view then gets it from the worker), or cannot be. */
  readonly read: Promise<void>;
  /** Gives the model worker the port of a (new) 3D view, which asks it for the model. */
  connectView(port: MessagePort): void;
  /** What a click chose, answered by the worker from its own trees; `ms`: the pick's own time. */
  click(request: ClickRequest): Promise<{ hit: ClickHit; ms: number }>;
  /** Stops the download and the worker: this browser cannot draw the model after all. */
  stop(): void;
}

let source: ModelSource | null = null;

export function loadModelSource(): ModelSource {
  source ??= startLoading();
  return source;
}

interface Settle<T> {
  resolve(value: T): void;
  reject(error: Error): void;
}

function deferred<T>(): { promise: Promise<T>; settle: Settle<T> } {
  let settle: Settle<T> = { resolve: () => {}, reject: () => {} };
  const promise = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  // a failure is shown where the promise is used; this only keeps it from also being "unhandled"
  promise.catch(() => {});
  return { promise, settle };
}

function startLoading(): ModelSource {
  const worker = new Worker(new URL('./model.worker.ts', import.meta.url), {
    type: 'module',
    name: 'body-model',
  });
  const send = (request: ModelWorkerRequest, transfer: Transferable[] = []) =>
    worker.postMessage(request, transfer);
  const read = deferred<void>();
  const clicks = new Map<number, Settle<{ hit: ClickHit; ms: number }>>();
  let nextClick = 1;
  let failure: Error | null = null;
  const fail = (message: string) => {
    const error = new Error(message);
    failure = error;
    read.settle.reject(error);
    for (const waiting of clicks.values()) waiting.reject(error);
    clicks.clear();
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<ModelWorkerMessage>) => {
    const message = event.data;
    if (message.type === 'read') {
      read.settle.resolve();
    } else if (message.type === 'clicked') {
      const waiting = clicks.get(message.id);
      clicks.delete(message.id);
      if (message.error !== undefined) waiting?.reject(new Error(message.error));
      else waiting?.resolve({ hit: message.hit, ms: message.ms });
    } else if (message.stage === 'download') {
      fail(`The body model (${modelUrl}) could not be downloaded: ${message.message}.`);
    } else fail(`The body model (${modelUrl}) could not be read: ${message.message}`);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(`The body model could not be prepared: ${event.message || 'its worker did not start'}.`);
  };
  // absolute: a worker resolves relative URLs against its own script, not the page
  send({ type: 'read', url: new URL(modelUrl, document.baseURI).href });
  return {
    read: read.promise,
    connectView: (port) => send({ type: 'view', port }, [port]),
    click(request) {
      if (failure) return Promise.reject(failure);
      const id = nextClick++;
      return new Promise((resolve, reject) => {
        clicks.set(id, { resolve, reject });
        send({ type: 'click', id, click: request });
      });
    },
    stop: () => fail('The body model is not loaded: this browser cannot draw it.'),
  };
}
