/**
 * PNG export: the drawn body with a title, the legend and the disclaimer composed beneath it,
 * so the picture explains itself when shared on its own.
 */
import { overlayPalette } from '../core/nerveOverlay.ts';
import type { LegendEntry } from './legendEntries.ts';

const colors = { essential: '#d7191c', compare: '#0072b2', pain: '#111111', trp: '#ffd400' };

function drawSwatch(
  context: CanvasRenderingContext2D,
  kind: LegendEntry['kind'],
  x: number,
  y: number,
) {
  const size = 18;
  if (kind === 'spillover') {
    context.fillStyle = colors.essential;
    for (let dx = 3; dx < size; dx += 6) {
      for (let dy = 3; dy < size; dy += 6) {
        context.beginPath();
        context.arc(x + dx, y + dy, 1.8, 0, Math.PI * 2);
        context.fill();
      }
    }
  } else if (kind === 'pain') {
    context.fillStyle = '#ffe68c';
    context.fillRect(x, y, size, size);
    context.strokeStyle = colors.pain;
    // the hatch lines start outside the square: clip them to it
    context.save();
    context.beginPath();
    context.rect(x, y, size, size);
    context.clip();
    for (let d = -size; d < size; d += 6) {
      context.beginPath();
      context.moveTo(x + d, y + size);
      context.lineTo(x + d + size, y);
      context.stroke();
    }
    context.restore();
  } else if (kind === 'map') {
    // the nerve map layer's pale area colours, as stripes (nerveOverlay.ts overlayPalette)
    const stripes = overlayPalette.slice(0, 3);
    stripes.forEach((colour, i) => {
      context.fillStyle = colour;
      context.fillRect(x + (i * size) / stripes.length, y, size / stripes.length, size);
    });
  } else if (kind === 'trp') {
    context.fillStyle = colors.trp;
    context.beginPath();
    context.arc(x + size / 2, y + size / 2, size / 2 - 2, 0, Math.PI * 2);
    context.fill();
    context.strokeStyle = '#1a1a1a';
    context.lineWidth = 2;
    context.stroke();
    context.lineWidth = 1;
  } else {
    context.fillStyle = colors[kind];
    context.fillRect(x, y, size, size);
  }
  context.strokeStyle = '#0004';
  context.strokeRect(x, y, size, size);
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The view could not be read.'));
    image.src = src;
  });
}

/** Composes the view, title and legend into one PNG. */
export async function composeExport(
  viewDataUrl: string,
  title: string,
  legend: readonly LegendEntry[],
): Promise<Blob> {
  const view = await loadImage(viewDataUrl);
  const footer = 96;
  const canvas = document.createElement('canvas');
  canvas.width = view.width;
  canvas.height = view.height + footer;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot compose images.');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(view, 0, 0);
  context.fillStyle = '#1f1b18';
  context.font = 'bold 20px system-ui, sans-serif';
  context.fillText(title, 16, view.height + 28);
  context.font = '15px system-ui, sans-serif';
  let x = 16;
  for (const entry of legend) {
    drawSwatch(context, entry.kind, x, view.height + 42);
    context.fillStyle = '#1f1b18';
    context.fillText(entry.label, x + 24, view.height + 56);
    x += 24 + context.measureText(entry.label).width + 22;
  }
  context.fillStyle = '#5f5750';
  context.font = '13px system-ui, sans-serif';
  context.fillText(
    'Trigger Atlas: typical referral patterns from the trigger point literature. Education, not diagnosis.',
    16,
    view.height + 84,
  );
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed.'))),
      'image/png',
    ),
  );
}

/** Hands a blob to the browser as a download. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
