/** The 3D view's worker: the whole view runs here, drawing on the canvas the page transferred. */
import { startViewRuntime } from './viewRuntime.tsx';
import type { FromView, Port, ToView } from './viewProtocol.ts';

startViewRuntime(self as unknown as Port<ToView, FromView>);
