/**
 * Registers the service worker (production builds only) and reports a waiting new version, so the
 * app can offer "Reload" instead of replacing itself under the user.
 */
import { create } from 'zustand';
import { whenFirstScreenDone } from './firstScreen.ts';

interface OfflineState {
  readonly updateReady: boolean;
  readonly offlineReady: boolean;
  applyUpdate(): void;
}

let waiting: ServiceWorker | null = null;

export const useOfflineStore = create<OfflineState>()(() => ({
  updateReady: false,
  offlineReady: false,
  applyUpdate: () => waiting?.postMessage('skip-waiting'),
}));

function watchForUpdate(registration: ServiceWorkerRegistration): void {
  const offer = (worker: ServiceWorker | null) => {
    if (!worker || !navigator.serviceWorker.controller) return;
    waiting = worker;
    useOfflineStore.setState({ updateReady: true });
  };
  offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer(installing);
      if (installing.state === 'activated') useOfflineStore.setState({ offlineReady: true });
    });
  });
}

/**
 * Registers the service worker once the page is drawn: its precache download (the whole app and
 * the model) then never competes with the first visit's own loading.
 */
export function registerOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  whenFirstScreenDone(registerWorker);
}

function registerWorker(): void {
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // only a version the user accepted takes control after the first install
    if (reloading || !waiting) return;
    reloading = true;
    window.location.reload();
  });
  navigator.serviceWorker
    .register(`${import.meta.env.BASE_URL}sw.js`)
    .then((registration) => {
      watchForUpdate(registration);
      return navigator.serviceWorker.ready;
    })
    .then(() => useOfflineStore.setState({ offlineReady: true }))
    .catch(() => {
      // offline support is a bonus: the app works online without it
    });
}
