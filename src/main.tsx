import './zodJitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { loadModelSource } from './scene/modelSource.ts';
import './styles.css';

// the body model downloads and is read in its worker while the page renders its first frame
// (stopped again if this browser turns out to have no WebGL)
loadModelSource();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
