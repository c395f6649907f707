/**
 * Starts loading the body model from the page's first line (main.tsx): the model worker downloads,
 * reads and merges the file while the page renders its panels. No three.js in this module, so the
 * page's first chunk stays small.
 */
import type { ModelData, ModelTrees, ModelWorkerMessage, ModelWorkerRequest } from './modelData.ts';

export const modelUrl = `${import.meta.env.BASE_URL}models/body.glb`;

export interface ModelSource {
  /** The merged arrays, ready to wrap in geometries. */
  readonly model: Promise<ModelData>;
  /** Asks the worker for the picking trees (once; call it after the first frame). */
  pickingTrees(): Promise<ModelTrees>;
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
  const fail = (message: string) => {
    const error = new Error(message);
    model.settle.reject(error);
    trees.settle.reject(error);
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<ModelWorkerMessage>) => {
    const message = event.data;
    if (message.type === 'model') {
      model.settle.resolve(message.model);
    } else if (message.type === 'trees') {
      trees.settle.resolve(message.trees);
      worker.terminate();
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
    stop: () => fail('The body model is not loaded: this browser cannot draw it.'),
  };
}
