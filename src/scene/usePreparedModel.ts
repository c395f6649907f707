/**
 * The body model for the view: null while it loads, then the prepared model; a failure is thrown
 * during render, for the view's error boundary. State, not Suspense: React holds back a suspended
 * part's reveal for up to 300 ms after its fallback appeared, which would delay the first frame.
 */
import { useEffect, useState } from 'react';
import { buildModel, type PreparedModel } from './prepareModel.ts';
import { loadModelSource } from './modelSource.ts';
import { toError } from '../core/errors.ts';

let preparedModel: Promise<PreparedModel> | null = null;
/** The model, wrapped in geometries once, however often the view mounts. */
function loadPreparedModel(): Promise<PreparedModel> {
  preparedModel ??= loadModelSource().model.then(buildModel);
  return preparedModel;
}

export function usePreparedModel(): PreparedModel | null {
  const [model, setModel] = useState<PreparedModel | null>(null);
  const [error, setError] = useState<Error | null>(null);
  if (error) throw error;
  useEffect(() => {
    let current = true;
    loadPreparedModel().then(
      (loaded) => current && setModel(loaded),
      (failure: unknown) => current && setError(toError(failure)),
    );
    return () => {
      current = false;
    };
  }, []);
  return model;
}
