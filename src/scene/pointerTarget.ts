/**
 * Where the view hears the page's pointer: an element-like event target that react-three-fiber's
 * events and the orbit controls attach to. The page forwards its events here (ViewHost.tsx); the
 * page itself holds the pointer capture, so a drag that leaves the view still ends here.
 */
import type { ForwardedEvent, ViewSize } from './viewProtocol.ts';

type Listener = (event: PointerLikeEvent) => void;

export interface PointerLikeEvent extends ForwardedEvent {
  readonly target: PointerTarget;
  readonly currentTarget: PointerTarget;
  readonly nativeEvent: PointerLikeEvent;
  preventDefault(): void;
  stopPropagation(): void;
}

export class PointerTarget {
  private readonly listeners = new Map<string, Set<Listener>>();
  private size: ViewSize = { width: 1, height: 1, top: 0, left: 0 };
  /** Written to by the orbit controls (touch-action); nothing reads it here. */
  readonly style: Record<string, string> = {};
  /** The controls listen for moves and releases on the element's document: that is this too. */
  readonly ownerDocument = this;

  get clientWidth(): number {
    return this.size.width;
  }
  get clientHeight(): number {
    return this.size.height;
  }

  resize(size: ViewSize): void {
    this.size = size;
  }

  getBoundingClientRect() {
    const { width, height, top, left } = this.size;
    return { width, height, top, left, x: left, y: top, right: left + width, bottom: top + height };
  }

  getRootNode(): PointerTarget {
    return this;
  }

  addEventListener(type: string, listener: Listener): void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }

  // the page holds the real capture (ViewHost.tsx)
  setPointerCapture(): void {}
  releasePointerCapture(): void {}
  hasPointerCapture(): boolean {
    return false;
  }
  focus(): void {}

  dispatch(forwarded: ForwardedEvent): void {
    const listeners = this.listeners.get(forwarded.type);
    if (!listeners || listeners.size === 0) return;
    const event: PointerLikeEvent = {
      ...forwarded,
      target: this,
      currentTarget: this,
      get nativeEvent() {
        return event;
      },
      preventDefault() {},
      stopPropagation() {},
    };
    for (const listener of [...listeners]) listener(event);
  }
}

/** The view's one pointer target: the scene's events, its controls and its painting listen here. */
export const viewPointer = new PointerTarget();
