/**
 * The pixel ratio the body is drawn at: a hi-DPI screen gets a sharp body on a GPU, while a
 * software rasterizer draws at 1 so that turning the body stays smooth on the CPU it shares.
 */
import { describe, expect, it } from 'vitest';
import { drawingDpr, viewDpr } from '../../src/scene/canvasSettings.ts';

describe('the view pixel ratio', () => {
  it('follows the screen between 1 and 2', () => {
    expect(viewDpr(0.5)).toBe(1);
    expect(viewDpr(1)).toBe(1);
    expect(viewDpr(1.75)).toBe(1.75);
    expect(viewDpr(3)).toBe(2);
  });

  it('is 1 for a software rasterizer and unchanged on a GPU', () => {
    expect(drawingDpr(1.75, true)).toBe(1);
    expect(drawingDpr(2, true)).toBe(1);
    expect(drawingDpr(1.75, false)).toBe(1.75);
    expect(drawingDpr(2, false)).toBe(2);
  });
});
