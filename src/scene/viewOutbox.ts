/**
 * The view's side of the link to the page: what scene code calls to ask the page for something
 * (run a store action, word the pointer's label, note a drawn frame). The runtime connects it.
 */
import type { FromView, LabelRequest, ViewAction } from './viewProtocol.ts';

let send: (message: FromView, transfer?: Transferable[]) => void = () => {};

export function connectOutbox(post: (message: FromView, transfer?: Transferable[]) => void): void {
  send = post;
}

export function toPage(message: FromView, transfer?: Transferable[]): void {
  send(message, transfer);
}

export function askPage(action: ViewAction): void {
  send({ type: 'action', action });
}

export const sceneLabel = {
  show(label: LabelRequest): void {
    send({ type: 'label', label });
  },
  hide(): void {
    send({ type: 'label', label: { kind: 'hide' } });
  },
};
