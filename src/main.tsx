import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { loadModelSource } from './scene/modelSource.ts';
import { startView } from './scene/viewLink.ts';
import { startAppData } from './state/loadAppData.ts';
import './styles.css';

// the body model downloads and is read in its worker, the 3D view loads, makes its renderer and
// compiles its shaders in its own, and the data loads, while the page renders its first frame
// (the model is stopped again if this browser turns out to have no WebGL)
loadModelSource();
startView();
startAppData();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
