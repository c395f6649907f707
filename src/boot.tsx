/**
 * The page's React tree, loaded as its own chunk once the data is in: main.tsx has by then set
 * the workers going, so React's first render does not land beside their start.
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
