import { useOfflineStore } from '../state/offline.ts';

/** Announces a new version instead of silently replacing the running one. */
export function UpdateNotice() {
  const updateReady = useOfflineStore((s) => s.updateReady);
  if (!updateReady) return null;
  return (
    <div className="update-notice" role="status">
      A new version of Trigger Atlas is ready.{' '}
      <button type="button" onClick={() => useOfflineStore.getState().applyUpdate()}>
        Reload
      </button>
    </div>
  );
}
