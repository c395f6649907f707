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

/** Starts following store changes into the URL; returns the unsubscribe function. */
export function followStoreIntoUrl(): () => void {
  let last = '';
  return useAppStore.subscribe((state) => {
    const query = serializeViewState(viewStateOf(state));
    if (query === last) return;
    last = query;
    const url = `${window.location.pathname}${query}${window.location.hash}`;
    window.history.replaceState(null, '', url);
  });
}
