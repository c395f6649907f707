import { useEffect } from 'react';
import { useAppStore } from './state/store.ts';
import { installTestHooks } from './state/testHooks.ts';
import { Header } from './ui/Header.tsx';
import { MuscleBrowser } from './ui/MuscleBrowser.tsx';
import { RegionPicker } from './ui/RegionPicker.tsx';
import { SidePanel } from './ui/SidePanel.tsx';
import { ViewControls } from './ui/ViewControls.tsx';
import { Notices } from './ui/Notices.tsx';
import { Legend } from './ui/Legend.tsx';
import { NoWebGL } from './ui/NoWebGL.tsx';
import { usePresentationKeys } from './ui/usePresentationKeys.ts';
import { UpdateNotice } from './ui/UpdateNotice.tsx';
import { registerOffline } from './state/offline.ts';
import { markFirstScreenDone } from './state/firstScreen.ts';
import { ViewHost } from './scene/ViewHost.tsx';

export function App() {
  const present = useAppStore((s) => s.present);
  const comparing = useAppStore((s) => s.compare !== null);
  const mode = useAppStore((s) => s.mode);
  usePresentationKeys();

  useEffect(() => {
    installTestHooks();
    registerOffline();
  }, []);

  return (
    <div className={`app${present ? ' presenting' : ''}${comparing ? ' comparing' : ''}`}>
      <a className="skip-link" href="#panel">
        Skip to the muscle information
      </a>
      <Header />
      <Notices />
      <UpdateNotice />
      <main className="layout">
        <nav
          className="browser"
          aria-label={mode === 'pain' ? 'Body areas where it hurts' : 'Muscles by body area'}
        >
          {mode === 'pain' ? <RegionPicker /> : <MuscleBrowser />}
        </nav>
        <section className="stage" aria-label="3D body view">
          <ViewOrMessage />
          <div id="hover-label" className="hover-label" hidden aria-hidden="true" />
          <ViewControls />
          <Legend />
        </section>
        <aside id="panel" className="panel" aria-label="Details" tabIndex={0}>
          <SidePanel />
        </aside>
      </main>
    </div>
  );
}

/**
 * The 3D view, or why there is none. The only part of the page that follows the WebGL state: it
 * changes on every load (the view says it has WebGL), and an external store's change re-renders
 * its subscribers at once, not as a transition; in App it re-rendered the whole page (a 35-80 ms
 * task in the load on a slow phone).
 */
function ViewOrMessage() {
  const datasetError = useAppStore((s) => s.datasetError);
  const webgl = useAppStore((s) => s.webgl);
  const hasData = useAppStore((s) => s.dataset !== null);

  // without a 3D view, the first screen is complete once the data is in the panels
  useEffect(() => {
    if (webgl === 'unavailable' && hasData) markFirstScreenDone();
  }, [webgl, hasData]);

  return (
    <>
      {datasetError ? (
        <div className="viewer-message" role="alert">
          <p>
            <strong>The data could not be loaded.</strong>
          </p>
          <pre>{datasetError}</pre>
        </div>
      ) : webgl === 'unavailable' ? (
        <NoWebGL />
      ) : (
        <ViewHost />
      )}
      {webgl === 'lost' && (
        <p className="viewer-message overlay" role="status">
          The graphics context was lost. Restoring the view…
        </p>
      )}
    </>
  );
}
