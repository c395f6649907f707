import { useAppStore } from '../state/store.ts';

/** Polite, dismissable notices (e.g. a link value that was ignored). */
export function Notices() {
  const notices = useAppStore((s) => s.notices);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <p key={notice.id} className="notice">
          {notice.text}{' '}
          <button
            type="button"
            className="link"
            aria-label="Dismiss notice"
            onClick={() => useAppStore.getState().dismissNotice(notice.id)}
          >
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
