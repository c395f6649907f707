import { useEffect, useState, type ComponentType } from 'react';
import { useAppStore } from './state/store.ts';
import { loadAppData } from './state/loadAppData.ts';
import { followStoreIntoUrl, restoreFromUrl } from './state/urlSync.ts';
import { installTestHooks } from './state/testHooks.ts';
import { webglAvailable } from './ui/webgl.ts';
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
import { loadModelSource } from './scene/modelSource.ts';
import { messageOf } from './core/errors.ts';

let viewerModule: Promise<typeof import('./scene/Viewer.tsx')> | null = null;
function loadViewer() {
  // the renderer is made and the shaders start compiling as soon as the code is here, in a task
  // of their own: the module's evaluation is long enough already
  viewerModule ??= import('./scene/Viewer.tsx').then((viewer) => {
    setTimeout(viewer.prepareViewer, 0);
    return viewer;
  });
  return viewerModule;
}
const viewerLoading = <p className="viewer-message">Loading the 3D body…</p>;

export function App() {
  const datasetError = useAppStore((s) => s.datasetError);
  const webgl = useAppStore((s) => s.webgl);
  const present = useAppStore((s) => s.present);
  const comparing = useAppStore((s) => s.compare !== null);
  const mode = useAppStore((s) => s.mode);
  // the 3D view's component once its code is here (state, not lazy + Suspense: React holds back a
  // suspended part's reveal for up to 300 ms). The first render, like the page's prerendered HTML
  // (scripts/prerender-plugin.ts), shows the loading line and never starts the 3D code.
  const [viewer, setViewer] = useState<{ readonly View: ComponentType } | null>(null);
  const [viewerError, setViewerError] = useState<string | null>(null);
  usePresentationKeys();

  useEffect(() => {
    installTestHooks();
    registerOffline();
    if (webglAvailable()) {
      // the model is on its way already (main.tsx)
      loadViewer().then(
        (module) => setViewer({ View: module.Viewer }),
        (error: unknown) => {
          setViewerError(`The 3D view's code could not be loaded (${messageOf(error)}).`);
          markFirstScreenDone();
        },
      );
    } else {
      loadModelSource().stop();
      useAppStore.getState().setWebgl('unavailable');
    }
    let stopUrl = () => {};
    loadAppData()
      .then((loaded) => {
        useAppStore.getState().setDataset(loaded);
        restoreFromUrl(loaded);
        stopUrl = followStoreIntoUrl();
        if (useAppStore.getState().webgl === 'unavailable') {
          markFirstScreenDone();
        }
      })
      .catch((error: unknown) => {
        useAppStore.getState().setDatasetError(messageOf(error));
        markFirstScreenDone();
      });
    return () => stopUrl();
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
          {datasetError ? (
            <div className="viewer-message" role="alert">
              <p>
                <strong>The data could not be loaded.</strong>
              </p>
              <pre>{datasetError}</pre>
            </div>
          ) : webgl === 'unavailable' ? (
            <NoWebGL />
          ) : viewerError ? (
            <div className="viewer-message" role="alert">
              <p>
                <strong>The 3D body could not be shown.</strong> {viewerError}
              </p>
              <p>Search and the muscle list still work.</p>
            </div>
          ) : viewer ? (
            <viewer.View />
          ) : (
            viewerLoading
          )}
          {webgl === 'lost' && (
            <p className="viewer-message overlay" role="status">
              The graphics context was lost. Restoring the view…
            </p>
          )}
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
