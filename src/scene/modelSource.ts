/**
 * Starts loading the body model from the page's first line (main.tsx): the model worker downloads,
 * reads and merges the file while the page renders its panels. No three.js in this module, so the
 * page's first chunk stays small.
 */
import type {
  ClickHit,
  ClickRequest,
  ModelData,
  ModelTrees,
  ModelWorkerMessage,
  ModelWorkerRequest,
} from './modelData.ts';

export const modelUrl = `${import.meta.env.BASE_URL}models/body.glb`;

export interface ModelSource {
  /** The merged arrays, ready to wrap in geometries. */
  readonly model: Promise<ModelData>;
  /** Asks the worker for the picking trees (once; call it after the first frame). */
  pickingTrees(): Promise<ModelTrees>;
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
  const model = deferred<ModelData>();
  const trees = deferred<ModelTrees>();
  let treesAsked = false;
  const clicks = new Map<number, Settle<{ hit: ClickHit; ms: number }>>();
  let nextClick = 1;
  const fail = (message: string) => {
    const error = new Error(message);
    model.settle.reject(error);
    trees.settle.reject(error);
    for (const waiting of clicks.values()) waiting.reject(error);
    clicks.clear();
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<ModelWorkerMessage>) => {
    const message = event.data;
    if (message.type === 'model') {
      model.settle.resolve(message.model);
    } else if (message.type === 'trees') {
      trees.settle.resolve(message.trees);
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
    model: model.promise,
    pickingTrees() {
      if (!treesAsked) {
        treesAsked = true;
        void model.promise.then(() => send({ type: 'trees' }));
      }
      return trees.promise;
    },
    click(request) {
      const id = nextClick++;
      return new Promise((resolve, reject) => {
        clicks.set(id, { resolve, reject });
        send({ type: 'click', id, click: request });
      });
    },
    stop: () => fail('The body model is not loaded: this browser cannot draw it.'),
  };
}
