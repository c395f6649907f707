/**
 * Stacking check for the built model: for each (deep, superficial) pair, samples the deep
 * muscle's strands (left side, 10%..90% along) and asks, near each sample, whether the
 * superficial muscle lies nearer the skin. Prints, per pair, the share of samples that the
 * superficial muscle covers (a superficial strand point within `R` of the sample and shallower)
 * and the share where it is deeper (inverted stacking), plus both centroid depths.
 *
 *   tsx scripts/model/check-stacking.ts [public/models/body.glb]
 */
import { readFileSync } from 'node:fs';
import { NodeIO } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { MeshoptDecoder } from 'meshoptimizer';
import { strandsInMetres } from './read-built.ts';

type P = [number, number, number];
export const PAIRS: [deep: string, superficial: string][] = [
  ['rhomboids', 'middle_trapezius'],
  ['supraspinatus', 'upper_trapezius'],
  ['levator_scapulae', 'upper_trapezius'],
  ['splenius_capitis', 'upper_trapezius'],
  ['semispinalis_capitis', 'splenius_capitis'],
  ['serratus_posterior_superior', 'rhomboids'],
  ['serratus_posterior_inferior', 'latissimus_dorsi'],
  ['pectoralis_minor', 'pectoralis_major'],
  ['subclavius', 'pectoralis_major'],
  ['brachialis', 'biceps_brachii'],
  ['supinator', 'extensor_digitorum'],
  ['flexor_digitorum_superficialis', 'palmaris_longus'],
  ['multifidi', 'longissimus_thoracis'],
  ['piriformis', 'gluteus_maximus'],
  ['gluteus_minimus', 'gluteus_medius'],
  ['semimembranosus', 'semitendinosus'],
  ['vastus_intermedius', 'rectus_femoris'],
  ['adductor_magnus', 'semitendinosus'],
  ['soleus', 'gastrocnemius'],
  ['tibialis_posterior', 'soleus'],
  ['flexor_hallucis_longus', 'soleus'],
  ['popliteus', 'gastrocnemius'],
  ['obturator_internus', 'gluteus_maximus'],
  ['buccinator', 'zygomaticus_major'],
  ['superior_oblique', 'orbicularis_oculi'],
  ['adductor_hallucis', 'flexor_digitorum_brevis'],
  ['interossei_foot', 'extensor_digitorum_brevis'],
  ['sternocleidomastoid', 'platysma'],
  ['semispinalis_cervicis', 'semispinalis_capitis'],
  ['coccygeus', 'gluteus_maximus'],
  ['internal_oblique', 'external_oblique'],
  ['transversus_abdominis', 'internal_oblique'],
  ['intercostals', 'pectoralis_major'],
  ['flexor_digitorum_profundus', 'flexor_digitorum_superficialis'],
  ['flexor_pollicis_longus', 'flexor_digitorum_superficialis'],
  ['pronator_quadratus', 'flexor_digitorum_superficialis'],
  ['extensor_indicis', 'extensor_digitorum'],
  ['abductor_pollicis_longus', 'extensor_digitorum'],
  ['adductor_brevis', 'adductor_longus'],
  ['plantaris', 'gastrocnemius'],
  ['pectoralis_major', 'sternalis'],
  ['obturator_externus', 'pectineus'],
  ['quadratus_femoris', 'gluteus_maximus'],
];
const R = 0.035;

const d2 = (a: P, b: P): number => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2;

export async function checkStacking(glb: Uint8Array): Promise<
  {
    pair: string;
    covered: number;
    inverted: number;
    deepDepth: number;
    supDepth: number;
  }[]
> {
  await MeshoptDecoder.ready;
  const io = new NodeIO()
    .registerExtensions([EXTMeshoptCompression, KHRMeshQuantization])
    .registerDependencies({ 'meshopt.decoder': MeshoptDecoder });
  const doc = await io.readBinary(glb);
  const nodes = new Map(
    doc
      .getRoot()
      .listNodes()
      .map((n) => [n.getName(), n]),
  );
  const skinNode = nodes.get('skin')!;
  const acc = skinNode.getMesh()!.listPrimitives()[0]!.getAttribute('POSITION')!;
  const m = skinNode.getWorldMatrix();
  const skin: P[] = [];
  const e = [0, 0, 0];
  for (let i = 0; i < acc.getCount(); i++) {
    acc.getElement(i, e);
    const [x, y, z] = e as P;
    const p: P = [
      m[0] * x + m[4] * y + m[8] * z + m[12],
      m[1] * x + m[5] * y + m[9] * z + m[13],
      m[2] * x + m[6] * y + m[10] * z + m[14],
    ];
    if (p[0] > -0.01) skin.push(p);
  }
  const depth = (p: P): number => {
    let b = Infinity;
    for (const s of skin) b = Math.min(b, d2(p, s));
    return Math.sqrt(b);
  };
  const samples = (id: string, lo: number, hi: number): P[] => {
    const ex = nodes.get(`m:${id}:left`)!.getExtras() as { strands: P[][] };
    const out: P[] = [];
    for (const s of strandsInMetres(ex.strands))
      s.forEach((p, i) => {
        const t = i / (s.length - 1);
        if (t >= lo && t <= hi) out.push(p);
      });
    return out;
  };
  const res = [];
  for (const [deep, sup] of PAIRS) {
    const D = samples(deep, 0.1, 0.9).map((p) => ({ p, d: depth(p) }));
    const S = samples(sup, 0, 1).map((p) => ({ p, d: depth(p) }));
    let covered = 0,
      inverted = 0;
    for (const a of D) {
      const near = S.filter((b) => d2(a.p, b.p) < R * R);
      if (near.length === 0) continue;
      if (near.some((b) => b.d < a.d - 0.002)) covered++;
      else if (near.every((b) => b.d > a.d + 0.002)) inverted++;
    }
    const avg = (xs: { d: number }[]): number => xs.reduce((s, x) => s + x.d, 0) / xs.length;
    res.push({
      pair: `${deep} < ${sup}`,
      covered: covered / D.length,
      inverted: inverted / D.length,
      deepDepth: avg(D),
      supDepth: avg(S),
    });
  }
  return res;
}

if (process.argv[1]?.endsWith('check-stacking.ts')) {
  const file = process.argv[2] ?? 'public/models/body.glb';
  const rows = await checkStacking(new Uint8Array(readFileSync(file)));
  for (const r of rows)
    console.log(
      `${r.inverted > 0.15 || (r.covered < 0.3 && r.deepDepth <= r.supDepth) ? 'BAD ' : 'ok  '}${r.pair.padEnd(52)} covered ${(r.covered * 100).toFixed(0).padStart(3)}%  inverted ${(r.inverted * 100).toFixed(0).padStart(3)}%  depth ${(r.deepDepth * 1000).toFixed(0)} mm vs ${(r.supDepth * 1000).toFixed(0)} mm`,
    );
}
