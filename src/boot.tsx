/**
 * The page's React tree, as its own chunk: main.tsx sets the workers and the data going first,
 * loads this meanwhile, and renders it once the data is in, so React's first render does not
 * land beside the workers' start.
 */
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

export function renderApp(container: HTMLElement): void {
  const root = createRoot(container);
  // a transition yields to the browser between components, so the first render is no long task
  startTransition(() => {
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
