/**
 * Keeps the address bar in step with the shareable view (replaceState: no history spam) and
 * restores it on load, telling the user about anything it had to ignore.
 */
import type { Dataset } from '../core/dataset.ts';
import { parseViewState, serializeViewState, type UrlVocabulary } from '../core/url-state.ts';
import { suggest } from '../core/suggest.ts';
import { useAppStore, viewStateOf } from './store.ts';

export function urlVocabulary(dataset: Dataset): UrlVocabulary {
  const muscleIds = [...dataset.muscles.keys()];
  const regionIds = dataset.regions.regionIds;
  const regionSet = new Set(regionIds);
  const trpIds = new Set(
    [...dataset.muscles.values()].flatMap((m) => m.triggerPoints.map((t) => t.id)),
  );
  return {
    isMuscle: (id) => dataset.muscles.has(id),
    isRegion: (id) => regionSet.has(id),
    isTriggerPoint: (id) => trpIds.has(id),
    suggestMuscle: (id) => suggest(id, muscleIds),
    suggestRegion: (id) => suggest(id, regionIds),
  };
}

export function restoreFromUrl(dataset: Dataset): void {
  const store = useAppStore.getState();
  const { state, notices } = parseViewState(window.location.search, urlVocabulary(dataset));
  store.applyViewState(state);
  for (const notice of notices) store.notify(notice);
}

/**
 * Starts following store changes into the URL; returns the unsubscribe function. Writes are
 * coalesced to the next tick: replaceState is slow, and a click should not wait for it.
 */
export function followStoreIntoUrl(): () => void {
  let last = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const query = serializeViewState(viewStateOf(useAppStore.getState()));
    if (query === last) return;
    last = query;
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${query}${window.location.hash}`,
    );
  };
  const unsubscribe = useAppStore.subscribe(() => {
    timer ??= setTimeout(write, 0);
  });
  return () => {
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}
