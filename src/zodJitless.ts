/**
 * Imported first by the page's one zod user, the client sessions (SessionsPanel.tsx). zod 4
 * compiles object parsers with `new Function` unless told not to, and decides while each schema
 * is built; the app's Content-Security-Policy (no unsafe-eval, scripts/csp-plugin.ts) refuses
 * that probe and reports a violation. So zod is set jitless before the sessions build a schema.
 */
import { z } from 'zod';

z.config({ jitless: true });
