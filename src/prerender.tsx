/**
 * Build time only (scripts/prerender-plugin.ts): the page's first screen as HTML. The built
 * index.html carries it, so the header, the introduction and the safety notes paint as soon as
 * the HTML and CSS arrive, before any script has run (and without scripts at all). The app then
 * renders over it: the first render shows the same screen.
 */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { App } from './App.tsx';

export function renderFirstScreen(): string {
  return renderToString(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
