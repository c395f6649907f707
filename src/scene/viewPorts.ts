/**
 * The page's end of its talk with the view: page events as plain data for the view, and, where
 * the view runs on the page itself, a pair of message ends that behave like a worker's.
 */
import type { ForwardedEvent, FromView, Port, ToView } from './viewProtocol.ts';

/** A pointer or wheel event as the view needs it, with coordinates relative to the view. */
export function forwarded(
  event: PointerEvent | WheelEvent | MouseEvent,
  bounds: DOMRect,
): ForwardedEvent {
  const pointer = 'pointerId' in event ? event : null;
  const wheel = 'deltaY' in event ? event : null;
  return {
    type: event.type,
    pointerId: pointer?.pointerId ?? 1,
    pointerType: pointer?.pointerType ?? 'mouse',
    isPrimary: pointer?.isPrimary ?? true,
    button: event.button,
    buttons: event.buttons,
    clientX: event.clientX,
    clientY: event.clientY,
    pageX: event.pageX,
    pageY: event.pageY,
    offsetX: event.clientX - bounds.left,
    offsetY: event.clientY - bounds.top,
    deltaX: wheel?.deltaX ?? 0,
    deltaY: wheel?.deltaY ?? 0,
    deltaMode: wheel?.deltaMode ?? 0,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    shiftKey: event.shiftKey,
    altKey: event.altKey,
    timeStamp: event.timeStamp,
  };
}

type Listener<T> = (event: MessageEvent<T>) => void;

/**
 * Two ends that pass messages to each other in later tasks, as a worker's would (nothing is
 * copied: both ends share the page). Messages wait until their end has a listener.
 */
export function pagePorts(): [Port<FromView, ToView>, Port<ToView, FromView>] {
  const end = <T>() => {
    const listeners = new Set<Listener<T>>();
    const waiting: T[] = [];
    return {
      deliver(data: T) {
        setTimeout(() => {
          if (listeners.size === 0) return void waiting.push(data);
          for (const listener of listeners) listener({ data } as MessageEvent<T>);
        }, 0);
      },
      listen(listener: Listener<T>) {
        listeners.add(listener);
        for (const data of waiting.splice(0)) listener({ data } as MessageEvent<T>);
      },
    };
  };
  const toPage = end<FromView>();
  const toView = end<ToView>();
  return [
    {
      postMessage: (message) => toView.deliver(message),
      addEventListener: (_, l) => toPage.listen(l),
    },
    {
      postMessage: (message) => toPage.deliver(message),
      addEventListener: (_, l) => toView.listen(l),
    },
  ];
}
