/**
 * The model worker: downloads body.glb and reads it (meshopt-decoded) into merged per-layer arrays,
 * off the page's main thread, which is busy rendering the panels meanwhile. The page gets the
 * arrays at once, to draw; it asks for the picking trees after its first frame, so building them
 * never competes with that frame. The worker keeps its own trees and answers clicks with them
 * (clickPicker.ts says why here).
 */
import { MeshoptDecoder } from 'meshoptimizer/decoder';
import { readBodyGlb } from './readGlb.ts';
import {
  transferablesOf,
  treeTransferables,
  type ClickRequest,
  type ModelWorkerMessage,
  type ModelWorkerRequest,
} from './modelData.ts';
import type { ClickPicker } from './clickPicker.ts';
import { pickSourcesOf, type PickSources } from './pickSources.ts';
import { messageOf } from '../core/errors.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ModelWorkerRequest>) => void) | null;
  postMessage(message: ModelWorkerMessage, transfer?: Transferable[]): void;
};

let sources: PickSources | null = null;
let picker: Promise<ClickPicker> | null = null;

/** The trees, built once, when first needed: three.js and three-mesh-bvh load only then. */
function getPicker(): Promise<ClickPicker> {
  const from = sources;
  if (!from) return Promise.reject(new Error('the model was not read yet'));
  picker ??= import('./clickPicker.ts').then(({ ClickPicker }) => new ClickPicker(from));
  return picker;
}

class DownloadError extends Error {}

async function download(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url).catch((error: unknown) => {
    throw new DownloadError(messageOf(error));
  });
  if (!response.ok) throw new DownloadError(`HTTP ${response.status}`);
  return response.arrayBuffer().catch((error: unknown) => {
    throw new DownloadError(messageOf(error));
  });
}

async function read(url: string): Promise<void> {
  const [buffer] = await Promise.all([download(url), MeshoptDecoder.ready]);
  const model = readBodyGlb(buffer, MeshoptDecoder);
  // the trees are built later from copies: the model's own arrays go to the page now
  sources = pickSourcesOf(model);
  scope.postMessage({ type: 'model', model }, transferablesOf(model));
}

async function trees(): Promise<void> {
  const built = (await getPicker()).trees();
  scope.postMessage({ type: 'trees', trees: built }, treeTransferables(built));
}

/** A click that cannot be answered picks nothing, and says why; the model stays usable. */
async function click(id: number, request: ClickRequest): Promise<void> {
  try {
    const ready = await getPicker();
    const start = performance.now();
    const hit = ready.pick(request);
    scope.postMessage({ type: 'clicked', id, hit, ms: performance.now() - start });
  } catch (error) {
    scope.postMessage({ type: 'clicked', id, hit: null, ms: 0, error: messageOf(error) });
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  const work =
    request.type === 'read'
      ? read(request.url)
      : request.type === 'trees'
        ? trees()
        : click(request.id, request.click);
  work.catch((error: unknown) =>
    scope.postMessage({
      type: 'error',
      stage: error instanceof DownloadError ? 'download' : 'read',
      message: messageOf(error),
    }),
  );
};
