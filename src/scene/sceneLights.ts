/**
 * The body view's lights, made in one place: the shader warm-up must light its scene with the
 * same kinds and number of lights, or it would compile other shader variants than the body's.
 */
import { Color, DirectionalLight, HemisphereLight, type Light } from 'three';

export function createSceneLights(): Light[] {
  const key = new DirectionalLight(new Color('#ffffff'), 1.5);
  key.position.set(1.5, 3, 2.5);
  const rim = new DirectionalLight(new Color('#ffffff'), 0.8);
  rim.position.set(-2, 1.5, -2.5);
  return [new HemisphereLight('#ffffff', '#8a7f72', 1.4), key, rim];
}
