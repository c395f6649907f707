/**
 * A react-three-fiber root on the body view's own surface (surface.ts). R3F's <Canvas> makes its
 * canvas and renderer only after it has measured itself in a later frame; this one puts the
 * surface made earlier into the page and renders the scene into it in the same commit.
 */
import {
  Component,
  Suspense,
  useEffect,
  useInsertionEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import {
  createRoot,
  events,
  extend,
  type ReconcilerRoot,
  type RootState,
} from '@react-three/fiber';
import { Group, Mesh } from 'three';
import { canvasSettings } from './canvasSettings.ts';
import { toError } from '../core/errors.ts';
import { getSurface, isSurfaceHidden, onSurfaceShown, releaseSurface } from './surface.ts';

interface Size {
  width: number;
  height: number;
  top: number;
  left: number;
}

// the scene's JSX elements (<mesh>, <group>); <Canvas> would register all of three instead
extend({ Group, Mesh });

const containerStyle = {
  position: 'relative',
  width: '100%',
  height: '100%',
  overflow: 'hidden',
} as const;

function measure(element: HTMLElement): Size {
  const { width, height, top, left } = element.getBoundingClientRect();
  return { width, height, top, left };
}

/** Hands an error thrown inside the 3D scene to the page's React tree, where boundaries see it. */
class ForwardErrors extends Component<
  { onError: (error: Error) => void; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(toError(error));
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

export interface BodyCanvasProps {
  readonly children: ReactNode;
  readonly label: string;
  readonly onCreated: (state: RootState) => void;
  readonly onPointerMissed: (event: MouseEvent) => void;
}

export function BodyCanvas({ children, label, onCreated, onPointerMissed }: BodyCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const root = useRef<ReconcilerRoot<HTMLCanvasElement> | null>(null);
  const [size, setSize] = useState<Size | null>(null);
  const [error, setError] = useState<Error | null>(null);
  // a failure inside the scene (the model could not be read, say) surfaces here, to the page
  if (error) throw error;
  // made already when the page loaded the 3D code (or now); throws when WebGL cannot be had
  const [renderer] = useState(getSurface);

  // an insertion effect's cleanup runs on real removal only, not on StrictMode's effect replay
  useInsertionEffect(
    () => () => {
      root.current?.unmount();
      root.current = null;
      releaseSurface(renderer);
    },
    [renderer],
  );

  // the loading line stays until the body's first frame shows the canvas
  const loading = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const hide = () => {
      if (loading.current) loading.current.hidden = true;
    };
    if (!isSurfaceHidden(renderer)) hide();
    return onSurfaceShown(hide);
  }, [renderer]);

  const tree = (
    <ForwardErrors onError={setError}>
      <Suspense fallback={null}>{children}</Suspense>
    </ForwardErrors>
  );

  // the size is read at once, in this commit, then followed
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    setSize(measure(element));
    const observer = new ResizeObserver(() => setSize(measure(element)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const element = container.current;
    if (!element || !size || size.width === 0 || size.height === 0) return;
    const canvas = renderer.domElement;
    if (canvas.parentElement !== element) element.appendChild(canvas);
    root.current ??= createRoot(canvas);
    const { frameloop, dpr, camera } = canvasSettings();
    root.current
      .configure({
        gl: renderer,
        events,
        frameloop,
        dpr,
        camera,
        size,
        onPointerMissed,
        onCreated: (state) => {
          // pointer events on the container, as <Canvas> does
          state.events.connect?.(element);
          onCreated(state);
        },
      })
      // only a root already being disposed refuses its configuration: nothing to show for it
      .catch((failure: unknown) => reportError(failure));
    root.current.render(tree);
  });

  return (
    <>
      {/* labelled here, not on the canvas, which stays hidden until the body is drawn */}
      <div ref={container} style={containerStyle} role="img" aria-label={label} />
      <p ref={loading} className="viewer-message overlay" role="status">
        Loading the 3D body…
      </p>
    </>
  );
}
