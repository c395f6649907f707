/**
 * Data in a code chunk of its own (the nerve maps, the left-out muscles), imported on first use
 * and kept; a failed import (offline before the chunk was cached) is forgotten, so a later use
 * asks again.
 */
import { useEffect, useState } from 'react';

export interface LazyChunk<T> {
  load(): Promise<T>;
  /** The value if it has loaded, for code that cannot wait (the label under the pointer). */
  loaded(): T | null;
}

export function lazyChunk<T>(importChunk: () => Promise<T>): LazyChunk<T> {
  let loading: Promise<T> | null = null;
  let value: T | null = null;
  return {
    load() {
      loading ??= importChunk().then(
        (loaded) => (value = loaded),
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    loaded: () => value,
  };
}

/** The chunk's value, asked for once `wanted`: null until it loads; `failed` if it could not. */
export function useLazyChunk<T>(
  chunk: LazyChunk<T>,
  wanted = true,
): { readonly value: T | null; readonly failed: boolean } {
  const [value, setValue] = useState<T | null>(chunk.loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!wanted || value !== null) return;
    let live = true;
    chunk.load().then(
      (loaded) => live && setValue(() => loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [chunk, wanted, value]);
  return { value, failed };
}
