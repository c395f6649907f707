import { loadModelSource } from './scene/modelSource.ts';
import { startView } from './scene/viewLink.ts';
import { startAppData } from './state/loadAppData.ts';
import './styles.css';

// the body model downloads and is read in its worker, the 3D view loads, makes its renderer and
// compiles its shaders in its own, and the data loads, while the page loads its React tree
// (the model is stopped again if this browser turns out to have no WebGL)
loadModelSource();
startView();
const data = startAppData();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
Promise.all([import('./boot.tsx'), data]).then(
  ([{ renderApp }]) => renderApp(root),
  (error: unknown) => {
    // only the app's own chunk can fail here (a broken deploy, or offline before it was cached)
    const alert = document.createElement('p');
    alert.setAttribute('role', 'alert');
    alert.className = 'boot-error';
    alert.textContent = `Trigger Atlas could not start (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
    root.prepend(alert);
  },
);
