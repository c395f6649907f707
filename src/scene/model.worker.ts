/**
 * The model worker: downloads body.glb and reads it (meshopt-decoded) into merged per-layer arrays,
 * off the page's main thread, which is busy rendering the panels meanwhile. The page gets the
 * arrays at once, to draw; it asks for the picking trees after its first frame, so building them
 * never competes with that frame.
 */
import { MeshoptDecoder } from 'meshoptimizer/decoder';
import { readBodyGlb } from './readGlb.ts';
import {
  transferablesOf,
  treeTransferables,
  type GeometryData,
  type ModelTrees,
  type ModelWorkerMessage,
  type ModelWorkerRequest,
} from './modelData.ts';
import { messageOf } from '../core/errors.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ModelWorkerRequest>) => void) | null;
  postMessage(message: ModelWorkerMessage, transfer?: Transferable[]): void;
};

type TreeSources = Record<keyof ModelTrees, Pick<GeometryData, 'position' | 'index'>>;
let treeSources: TreeSources | null = null;

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
  const copy = (g: GeometryData) => ({ position: g.position.slice(), index: g.index.slice() });
  treeSources = {
    S: copy(model.layers.S),
    D: copy(model.layers.D),
    skeleton: copy(model.skeleton),
    skin: copy(model.skin),
  };
  scope.postMessage({ type: 'model', model }, transferablesOf(model));
}

async function trees(): Promise<void> {
  if (!treeSources) throw new Error('the picking trees were asked for before the model was read');
  const { buildTrees } = await import('./buildTrees.ts');
  const built = buildTrees(treeSources);
  treeSources = null;
  scope.postMessage({ type: 'trees', trees: built }, treeTransferables(built));
}

scope.onmessage = (event) => {
  const request = event.data;
  const work = request.type === 'read' ? read(request.url) : trees();
  work.catch((error: unknown) =>
    scope.postMessage({
      type: 'error',
      stage: error instanceof DownloadError ? 'download' : 'read',
      message: messageOf(error),
    }),
  );
};
