/**
 * The page's icon is public/favicon.svg inlined as a data URL (scripts/icon-plugin.ts): the one
 * file stays the source, and the URL must decode back to that picture.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { svgDataUrl } from '../../scripts/icon-plugin.ts';

describe('the inline icon', () => {
  const svg = readFileSync('public/favicon.svg', 'utf8');
  const url = svgDataUrl(svg);

  it('is a data URL with no character that would end or break it in HTML or a URL', () => {
    expect(url.startsWith('data:image/svg+xml,')).toBe(true);
    expect(url).not.toMatch(/[#<>"]/);
    expect(url).not.toMatch(/\s{2}|\n/);
  });

  it('decodes to the favicon file, with single quotes', () => {
    const decoded = decodeURIComponent(url.slice('data:image/svg+xml,'.length));
    expect(decoded).toBe(svg.trim().replace(/\s+/g, ' ').replace(/"/g, "'"));
    expect(decoded).toContain('#7a1f1f');
  });
});
