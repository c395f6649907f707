// Prints each skin region's vertex count and centroid from public/models/body.glb (or argv[2]).
// `npx tsx scripts/model/region-stats.ts [file.glb] [filter]`
import { NodeIO } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { MeshoptDecoder } from 'meshoptimizer';

await MeshoptDecoder.ready;
const io = new NodeIO()
  .registerExtensions([EXTMeshoptCompression, KHRMeshQuantization])
  .registerDependencies({ 'meshopt.decoder': MeshoptDecoder });
const doc = await io.read(process.argv[2] ?? 'public/models/body.glb');
const filter = process.argv[3] ?? '';
const skin = doc
  .getRoot()
  .listNodes()
  .find((n) => n.getName() === 'skin')!;
const regions = (skin.getExtras() as { regions: string[] }).regions;
const prim = skin.getMesh()!.listPrimitives()[0]!;
const pos = prim.getAttribute('POSITION')!;
const reg = prim.getAttribute('_REGION')!.getArray()!;
const m = skin.getWorldMatrix();
const sum: [number, number, number, number][] = regions.map(() => [0, 0, 0, 0]);
const e = [0, 0, 0];
for (let i = 0; i < pos.getCount(); i++) {
  pos.getElement(i, e);
  const [x, y, z] = e as [number, number, number];
  const s = sum[reg[i]!]!;
  s[0] += m[0] * x + m[4] * y + m[8] * z + m[12];
  s[1] += m[1] * x + m[5] * y + m[9] * z + m[13];
  s[2] += m[2] * x + m[6] * y + m[10] * z + m[14];
  s[3]++;
}
const rows = regions
  .map((r, i) => ({ r, s: sum[i]! }))
  .filter((q) => !q.r.endsWith(':right') && q.r.includes(filter))
  .sort((a, b) => a.s[3]! - b.s[3]!);
for (const { r, s } of rows)
  console.log(
    r.padEnd(34),
    String(s[3]).padStart(5),
    [s[0]! / s[3]!, s[1]! / s[3]!, s[2]! / s[3]!].map((v) => v.toFixed(3).padStart(7)).join(' '),
  );
