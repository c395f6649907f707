/**
 * The 3D view's runtime: the renderer, a react-three-fiber root on the canvas the page handed over,
 * and the scene's copy of the page's store. It runs in a worker (view.worker.ts), so three.js, the
 * shader compiles and every frame stay off the page's main thread; where a browser cannot draw
 * WebGL in a worker, the page runs it itself over the same messages (viewLink.ts).
 */
import { Component, Suspense, type ReactNode } from 'react';
import { createRoot, events, extend, type ReconcilerRoot } from '@react-three/fiber';
import { Group, Mesh, type WebGLRenderer } from 'three';
import { useAppStore, type AppState } from '../state/store.ts';
import { assembleDataset, type CheckedData, type Dataset } from '../core/assemble.ts';
import { messageOf } from '../core/errors.ts';
import { cameraSettings, drawingDpr, frameloop } from './canvasSettings.ts';
import { createSurface } from './surface.ts';
import { SceneTree, bodyShown } from './SceneTree.tsx';
import { viewPointer as pointer } from './pointerTarget.ts';
import { connectModelWorker } from './usePreparedModel.ts';
import { setSceneView } from './sceneModel.ts';
import { musclePoint, pickAt, pickingTrees, projectRegion } from './probe.ts';
import { captureCurrent, captureReferralViews, snapshot } from './capture.ts';
import { setReducedMotion } from './motion.ts';
import { askPage, connectOutbox, toPage } from './viewOutbox.ts';
import type { CallName, FromView, MirroredState, Port, ToView, ViewSize } from './viewProtocol.ts';

// the scene's JSX elements (<mesh>, <group>); <Canvas> would register all of three instead
extend({ Group, Mesh });

/** Hands an error thrown inside the scene to the page, which shows it in place of the view. */
class ReportErrors extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    toPage({ type: 'error', message: messageOf(error) });
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

/** The scene's store changes only through the page's: its one action becomes a request. */
function forwardActions(): void {
  useAppStore.setState({
    setHover: (hover) => askPage({ name: 'setHover', args: [hover] }),
  } satisfies Partial<AppState>);
}

/** The view's dataset: its own copy of the page's checked data, used once the page uses its own. */
function datasetGate(): { receive(json: string): void; pageReady(): void } {
  let dataset: Dataset | null = null;
  let pageReady = false;
  const apply = () => {
    if (dataset && pageReady && !useAppStore.getState().dataset) useAppStore.setState({ dataset });
  };
  return {
    receive(json) {
      try {
        dataset = assembleDataset(JSON.parse(json) as CheckedData);
        apply();
      } catch (error) {
        toPage({ type: 'error', message: messageOf(error) });
      }
    },
    pageReady() {
      pageReady = true;
      apply();
    },
  };
}

type Calls = { [N in CallName]: (...args: never[]) => unknown };

const calls: Calls = {
  musclePoint,
  projectRegion,
  pickAt,
  pickingTrees,
  snapshot,
  captureCurrent,
  captureReferralViews,
  loseContext: () => loseContext('lose'),
  restoreContext: () => loseContext('restore'),
};

/** The view's renderer, once made (one per runtime: a page starts one view). */
let renderer: WebGLRenderer | null = null;
/** Whether that renderer rasterizes in software (it then draws at a pixel ratio of 1). */
let software = false;
// kept from the loss: a lost context hands out no extensions
let contextLever: WEBGL_lose_context | null = null;

/** Drops or restores the WebGL context on request (the context-loss test's lever). */
function loseContext(what: 'lose' | 'restore'): boolean {
  if (what === 'lose') {
    contextLever = renderer?.getContext().getExtension('WEBGL_lose_context') ?? null;
    contextLever?.loseContext();
    return contextLever !== null;
  }
  contextLever?.restoreContext();
  return contextLever !== null;
}

/**
 * Starts the view on `port`: it waits for the page's `init`, with the canvas to draw on. Run on
 * the page itself (`onPage`), the scene shares the page's store: nothing to mirror or forward.
 */
export function startViewRuntime(port: Port<ToView, FromView>, onPage = false): void {
  connectOutbox((message, transfer) => port.postMessage(message, transfer ?? []));
  if (!onPage) forwardActions();
  const data = onPage ? { receive() {}, pageReady() {} } : datasetGate();
  let root: ReconcilerRoot<OffscreenCanvas | HTMLCanvasElement> | null = null;
  let canvas: OffscreenCanvas | HTMLCanvasElement | null = null;

  /**
   * Configures the root and renders the scene, right after the renderer is made, so React and
   * react-three-fiber set up while the model and the data are on their way. Without the page's
   * size (no prerendered page) the first call has a stand-in, and the body mounts only once the
   * page has sent the real one (`sized`).
   */
  const configure = (size: ViewSize, dpr: number, sized: boolean) => {
    if (!renderer || !canvas) return;
    pointer.resize(size);
    const surface = renderer;
    root ??= createRoot(canvas);
    root
      .configure({
        gl: surface,
        events,
        frameloop,
        dpr: drawingDpr(dpr, software),
        size,
        camera: { ...cameraSettings, position: [...cameraSettings.position] },
        onCreated: (state) => {
          state.events.connect?.(pointer);
          setSceneView({
            camera: state.camera,
            scene: state.scene,
            canvas: surface.domElement,
            size: () => state.get().size,
            render: () => surface.render(state.scene, state.camera),
          });
        },
      })
      .then(() =>
        root?.render(
          <ReportErrors>
            <Suspense fallback={null}>
              <SceneTree sized={sized} />
            </Suspense>
          </ReportErrors>,
        ),
      )
      .catch((error: unknown) => toPage({ type: 'error', message: messageOf(error) }));
  };

  const mirror = (state: Partial<MirroredState>) => {
    const { dataReady, reducedMotion, ...mirrored } = state;
    if (reducedMotion !== undefined) setReducedMotion(reducedMotion);
    if (!onPage && Object.keys(mirrored).length > 0) useAppStore.setState(mirrored);
    if (dataReady) data.pageReady();
  };

  const answer = async (id: number, name: CallName, args: readonly unknown[]) => {
    try {
      const value: unknown = await (calls[name] as (...a: readonly unknown[]) => unknown)(...args);
      port.postMessage({ type: 'reply', id, value }, value instanceof ImageBitmap ? [value] : []);
    } catch (error) {
      port.postMessage({ type: 'reply', id, error: messageOf(error) });
    }
  };

  port.addEventListener('message', ({ data: message }) => {
    switch (message.type) {
      case 'init': {
        canvas = message.canvas;
        mirror(message.state);
        const surface = createSurface(canvas, () => !bodyShown());
        if (!surface) {
          port.postMessage({ type: 'webgl', available: false });
          return;
        }
        renderer = surface.renderer;
        software = surface.software;
        port.postMessage({ type: 'webgl', available: true });
        // a view that can draw asks for the model (one that cannot leaves it for the next)
        connectModelWorker(message.modelPort);
        if (message.size) configure(message.size, message.dpr, true);
        else configure({ width: canvas.width, height: canvas.height, top: 0, left: 0 }, 1, false);
        return;
      }
      case 'size':
        configure(message.size, message.dpr, true);
        return;
      case 'state':
        mirror(message.state);
        return;
      case 'dataset':
        data.receive(message.json);
        return;
      case 'event':
        pointer.dispatch(message.event);
        return;
      case 'call':
        void answer(message.id, message.name, message.args);
        return;
    }
  });
}
