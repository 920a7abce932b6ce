import { useExplorerStore } from '../state/explorer-store.ts';

/** Dismissible notices: a link that could not be followed in full, a search that is unavailable. */
export function Notices() {
  const notices = useExplorerStore((s) => s.notices);
  const dismiss = useExplorerStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="region" aria-label="Notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.tone}`} role="alert">
          <span>{notice.message}</span>
          <button type="button" onClick={() => dismiss(notice.id)} aria-label="Dismiss notice">
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
