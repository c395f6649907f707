/**
 * The body model in the view: the page hands over the arrays its model worker read
 * (`receiveModel`), they are wrapped in geometries once, and the scene mounts with them. State, not
 * Suspense: React holds back a suspended part's reveal for up to 300 ms after its fallback.
 */
import { useEffect, useState } from 'react';
import { buildModel, type PreparedModel } from './prepareModel.ts';
import type { ModelData } from './modelData.ts';

let prepared: PreparedModel | null = null;
const waiting = new Set<(model: PreparedModel) => void>();

export function receiveModel(data: ModelData): PreparedModel {
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
