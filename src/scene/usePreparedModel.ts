/**
 * The body model in the view: the model worker hands over the arrays it read, on the view's own
 * port (`connectModelWorker`), they are wrapped in geometries once, and the scene mounts with
 * them. State, not Suspense: React holds back a suspended part's reveal for up to 300 ms after its
 * fallback. The picking trees come the same way, after the first frame (`askForTrees`).
 */
import { useEffect, useState } from 'react';
import { attachPickingTrees, buildModel, type PreparedModel } from './prepareModel.ts';
import type { ModelData, ViewModelMessage, ViewModelRequest } from './modelData.ts';

let modelWorker: MessagePort | null = null;

/** Asks the model worker for the model on `port`, and takes what it sends. */
export function connectModelWorker(port: MessagePort): void {
  modelWorker = port;
  port.onmessage = (event: MessageEvent<ViewModelMessage>) => {
    const message = event.data;
    if (message.type === 'model') receiveModel(message.model);
    else if (prepared) attachPickingTrees(prepared, message.trees);
  };
  port.postMessage({ type: 'model' } satisfies ViewModelRequest);
}

/** Until the trees arrive, picks stay exact (plain triangle tests), only slower. */
export function askForTrees(): void {
  modelWorker?.postMessage({ type: 'trees' } satisfies ViewModelRequest);
}

let prepared: PreparedModel | null = null;
const waiting = new Set<(model: PreparedModel) => void>();

function receiveModel(data: ModelData): PreparedModel {
  prepared ??= buildModel(data);
  for (const listener of waiting) listener(prepared);
  waiting.clear();
  return prepared;
}

export function usePreparedModel(): PreparedModel | null {
  const [model, setModel] = useState<PreparedModel | null>(prepared);
  useEffect(() => {
    if (prepared) {
      setModel(prepared);
      return;
    }
    waiting.add(setModel);
    return () => void waiting.delete(setModel);
  }, []);
  return model;
}
