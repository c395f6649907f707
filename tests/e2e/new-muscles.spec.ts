import { expect, test } from '@playwright/test';
import { musclePoint, openApp, selectedHeading, waitForDrawn } from './helpers.ts';

/**
 * The muscles added with the dataset's second version are on the body and can be clicked: each
 * from a camera preset, with the layers a person would switch off to reach a deep one.
 */
const added: { id: string; name: RegExp; view: string; layers: string }[] = [
  { id: 'zygomaticus_major', name: /Zygomaticus major/, view: 'front', layers: 'superficial' },
  { id: 'orbicularis_oculi', name: /Orbicularis oculi/, view: 'front', layers: 'superficial' },
  { id: 'platysma', name: /Platysma/, view: 'front', layers: 'superficial' },
  { id: 'buccinator', name: /Buccinator/, view: 'front', layers: 'deep' },
  { id: 'obturator_internus', name: /Obturator internus/, view: 'back', layers: 'deep' },
  { id: 'levator_ani', name: /Levator ani/, view: 'back', layers: 'deep' },
  {
    id: 'abductor_digiti_minimi_hand',
    name: /Abductor digiti minimi \(hand\)/,
    view: 'front',
    layers: 'superficial',
  },
  {
    id: 'dorsal_interossei_hand',
    name: /Dorsal interossei of the hand \(second to fourth\)/,
    view: 'back',
    layers: 'deep',
  },
  {
    id: 'extensor_hallucis_brevis',
    name: /Extensor hallucis brevis/,
    view: 'front',
    layers: 'superficial',
  },
  // from the side: seen from the front the sole is edge-on, where its tendon-thin neighbours meet
  { id: 'adductor_hallucis', name: /Adductor hallucis/, view: 'right', layers: 'deep' },
  { id: 'interossei_foot', name: /Interossei of the foot/, view: 'right', layers: 'deep' },
  { id: 'semispinalis_cervicis', name: /Semispinalis cervicis/, view: 'back', layers: 'deep' },
  { id: 'coccygeus', name: /Coccygeus/, view: 'back', layers: 'deep' },
  { id: 'internal_oblique', name: /Internal oblique/, view: 'front', layers: 'deep' },
  { id: 'transversus_abdominis', name: /Transversus abdominis/, view: 'front', layers: 'deep' },
  { id: 'lumbricals_hand', name: /Lumbricals of the hand/, view: 'front', layers: 'deep' },
  { id: 'intercostals', name: /Intercostal muscles/, view: 'front', layers: 'deep' },
  { id: 'diaphragm', name: /Diaphragm/, view: 'front', layers: 'deep' },
  { id: 'pyramidalis', name: /Pyramidalis/, view: 'front', layers: 'superficial' },
  { id: 'ischiocavernosus', name: /Ischiocavernosus/, view: 'back', layers: 'deep' },
  { id: 'sphincter_ani', name: /External anal sphincter/, view: 'back', layers: 'deep' },
  {
    id: 'flexor_digitorum_profundus',
    name: /Flexor digitorum profundus/,
    view: 'front',
    layers: 'deep',
  },
  { id: 'flexor_pollicis_longus', name: /Flexor pollicis longus/, view: 'front', layers: 'deep' },
  { id: 'pronator_quadratus', name: /Pronator quadratus/, view: 'front', layers: 'deep' },
  { id: 'extensor_indicis', name: /Extensor indicis/, view: 'back', layers: 'deep' },
  { id: 'palmar_interossei', name: /Palmar interossei of the hand/, view: 'front', layers: 'deep' },
  {
    id: 'abductor_pollicis_brevis',
    name: /Abductor pollicis brevis/,
    view: 'front',
    layers: 'superficial',
  },
  {
    id: 'abductor_pollicis_longus',
    name: /Abductor pollicis longus/,
    view: 'back',
    layers: 'deep',
  },
  { id: 'adductor_brevis', name: /Adductor brevis/, view: 'front', layers: 'deep' },
  { id: 'plantaris', name: /Plantaris/, view: 'back', layers: 'deep' },
  { id: 'longus_colli', name: /Longus colli/, view: 'front', layers: 'deep' },
  { id: 'omohyoid', name: /Omohyoid/, view: 'front', layers: 'deep' },
  { id: 'superior_oblique', name: /Superior oblique \(eye\)/, view: 'front', layers: 'deep' },
  { id: 'sternalis', name: /Sternalis/, view: 'front', layers: 'superficial' },
  { id: 'bulbospongiosus', name: /Bulbospongiosus/, view: 'back', layers: 'deep' },
  { id: 'obturator_externus', name: /Obturator externus/, view: 'front', layers: 'deep' },
  { id: 'quadratus_femoris', name: /Quadratus femoris/, view: 'back', layers: 'deep' },
];

test.describe('muscles added in dataset v2', () => {
  for (const muscle of added) {
    test(`${muscle.id} is on the body and a click selects it`, async ({ page }) => {
      await openApp(page, `?view=${muscle.view}&layers=${muscle.layers}`);
      await waitForDrawn(page);
      const point = await musclePoint(page, muscle.id, 'right');
      expect(point, `${muscle.id} shows from the ${muscle.view}`).not.toBeNull();
      await page.mouse.click(point!.x, point!.y);
      await expect(selectedHeading(page)).toHaveText(
        new RegExp(`${muscle.name.source}\\s*\\(right\\)`),
      );
    });
  }
});
