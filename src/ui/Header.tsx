import { useAppStore } from '../state/store.ts';
import { SearchBox } from './SearchBox.tsx';
import { ModeSwitch } from './ModeSwitch.tsx';
import { ShareMenu } from './ShareMenu.tsx';
import { SessionsButton } from './SessionsButton.tsx';
import { ExportImageButton } from './ExportImageButton.tsx';
import { HandoutButton } from './HandoutButton.tsx';
import { togglePresentation } from './usePresentationKeys.ts';

export function Header() {
  const present = useAppStore((s) => s.present);
  const selection = useAppStore((s) => s.selection);
  return (
    <header className="header">
      <h1 className="brand">
        <img src="/favicon.svg" alt="" width="28" height="28" /> Trigger Atlas
      </h1>
      <ModeSwitch />
      <SearchBox />
      <div className="header-actions">
        <SessionsButton />
        <ShareMenu />
        <ExportImageButton />
        <HandoutButton />
        <button
          type="button"
          onClick={() => togglePresentation(!present)}
          aria-pressed={present}
          disabled={!selection && !present}
          title={
            selection
              ? 'Large, uncluttered view for showing a client (Esc leaves)'
              : 'Select a muscle first'
          }
        >
          {present ? 'Leave presentation' : 'Present'}
        </button>
      </div>
    </header>
  );
}
