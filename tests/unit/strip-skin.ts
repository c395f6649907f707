/** Test skins: vertices in a row, each joined to the one before and after (compressed rows). */
export function rowNeighbours(count: number): {
  neighbourStart: Uint32Array;
  neighbours: Uint32Array;
} {
  const starts = [0];
  const neighbours: number[] = [];
  for (let v = 0; v < count; v++) {
    if (v > 0) neighbours.push(v - 1);
    if (v < count - 1) neighbours.push(v + 1);
    starts.push(neighbours.length);
  }
  return { neighbourStart: Uint32Array.from(starts), neighbours: Uint32Array.from(neighbours) };
}
