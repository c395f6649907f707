/**
 * The model worker: downloads body.glb and reads it (meshopt-decoded) into merged per-layer arrays,
 * off the page's main thread, which is busy rendering the panels meanwhile. The 3D view gets the
 * arrays straight from here, over its own port, as soon as it can draw; it asks for the picking
 * trees after its first frame, so building them never competes with that frame. The worker keeps
 * its own trees and answers the page's clicks with them (clickPicker.ts says why here).
 */
import { MeshoptDecoder } from 'meshoptimizer/decoder';
import { readBodyGlb } from './readGlb.ts';
import {
  transferablesOf,
  treeTransferables,
  type ClickRequest,
  type ModelData,
  type ModelWorkerMessage,
  type ModelWorkerRequest,
  type ViewModelMessage,
  type ViewModelRequest,
} from './modelData.ts';
import type { ClickPicker } from './clickPicker.ts';
import { pickSourcesOf, type PickSources } from './pickSources.ts';
import { messageOf } from '../core/errors.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ModelWorkerRequest>) => void) | null;
  postMessage(message: ModelWorkerMessage, transfer?: Transferable[]): void;
};

let sources: PickSources | null = null;
/** The model, until the view that asked for it has it. */
let model: ModelData | null = null;
let view: { port: MessagePort; wantsModel: boolean } | null = null;

function toView(message: ViewModelMessage, transfer: Transferable[]): void {
  view?.port.postMessage(message, transfer);
}

/** Hands the model over once it is read and the view has asked. */
function deliverModel(): void {
  if (!model || !view?.wantsModel) return;
  toView({ type: 'model', model }, transferablesOf(model));
  model = null;
}

/** A (new) view's port: a view that could not draw is replaced by one on the page. */
function connectView(port: MessagePort): void {
  view?.port.close();
  const current = { port, wantsModel: false };
  view = current;
  port.onmessage = (event: MessageEvent<ViewModelRequest>) => {
    if (event.data.type === 'model') {
      current.wantsModel = true;
      deliverModel();
      // without trees the view's own picks stay plain triangle tests: slower, still right
    } else
      void trees().catch((error: unknown) => console.error(`Picking trees: ${messageOf(error)}`));
  };
}

function fail(stage: 'download' | 'read', error: unknown): void {
  scope.postMessage({ type: 'error', stage, message: messageOf(error) });
}
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
  const body = readBodyGlb(buffer, MeshoptDecoder);
  // the trees are built later from copies: the model's own arrays go to the view
  sources = pickSourcesOf(body);
  model = body;
  scope.postMessage({ type: 'read' });
  deliverModel();
}

async function trees(): Promise<void> {
  const built = (await getPicker()).trees();
  toView({ type: 'trees', trees: built }, treeTransferables(built));
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
  if (request.type === 'view') return connectView(request.port);
  if (request.type === 'click') return void click(request.id, request.click);
  read(request.url).catch((error: unknown) =>
    fail(error instanceof DownloadError ? 'download' : 'read', error),
  );
};
