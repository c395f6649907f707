/**
 * Materials: muscle tint by per-vertex state, and the skin shader that draws referral zones in the
 * clinical charting convention (essential solid, spillover stippled) plus pain-spot hatching.
 *
 * Diffuse (Lambert) shading, not physically based: side by side the body looked the same, and the
 * much smaller shader compiles and draws faster where WebGL runs on the CPU.
 */
import { Color, MeshLambertMaterial } from 'three';

/** Referral red and a colour-blind-safe blue for the compared muscle (Okabe–Ito palette). */
export const referralColor = new Color('#d7191c');
export const compareColor = new Color('#0072b2');
export const painColor = new Color('#111111');
export const skinColor = new Color('#e2bfa5');

/**
 * Fibre striation: the diffuse colour times 1 ± 7 % along the stripe phase `vFibre`, averaged over
 * the pixel (a box filter of sin is sin × sinc) and faded out where a stripe covers under about
 * two pixels, so a distant body does not shimmer. sin, not cos: phase 0 (the skeleton, which has
 * no fibres) leaves the colour exactly as it is.
 */
const fibreStripes = `
        float fibreWidth = fwidth(vFibre);
        float fibreSpread = 3.14159265 * max(fibreWidth, 1e-4);
        float fibreFade = sin(fibreSpread) / fibreSpread * (1.0 - smoothstep(0.3, 0.55, fibreWidth));
        diffuseColor.rgb *= 1.0 + 0.07 * sin(6.2831853 * vFibre) * fibreFade;`;

export function createMuscleMaterial(): MeshLambertMaterial {
  const material = new MeshLambertMaterial({ vertexColors: true });
  material.onBeforeCompile = (shader) => {
    shader.vertexShader = shader.vertexShader
      .replace(
        '#include <common>',
        '#include <common>\nattribute float aState;\nattribute float aFibre;\nvarying float vState;\nvarying float vFibre;',
      )
      .replace(
        '#include <begin_vertex>',
        '#include <begin_vertex>\nvState = aState;\nvFibre = aFibre;',
      );
    shader.fragmentShader = shader.fragmentShader
      .replace(
        '#include <common>',
        '#include <common>\nvarying float vState;\nvarying float vFibre;',
      )
      .replace(
        '#include <color_fragment>',
        `#include <color_fragment>
        ${fibreStripes}
        // 1 hover, 2 selected, 3 compared, 4 dimmed (another muscle is selected)
        if (vState > 3.5) {
          float grey = dot(diffuseColor.rgb, vec3(0.3, 0.59, 0.11));
          diffuseColor.rgb = mix(diffuseColor.rgb, vec3(grey), 0.55) * 0.85 + 0.08;
        } else if (vState > 2.5) {
          diffuseColor.rgb = mix(diffuseColor.rgb, vec3(0.0, 0.45, 0.7), 0.6);
        } else if (vState > 1.5) {
          diffuseColor.rgb = mix(diffuseColor.rgb, vec3(1.0, 0.78, 0.25), 0.55);
        } else if (vState > 0.5) {
          diffuseColor.rgb = mix(diffuseColor.rgb, vec3(1.0, 0.95, 0.8), 0.35);
        }`,
      )
      .replace(
        '#include <emissivemap_fragment>',
        `#include <emissivemap_fragment>
        if (vState > 1.5 && vState < 2.5) totalEmissiveRadiance += vec3(0.18, 0.11, 0.0);`,
      );
  };
  return material;
}

export interface SkinUniforms {
  uSkinAlpha: { value: number };
  /** 1 while a nerve map layer is shown (its colours are in aOverlayA/B), else 0. */
  uOverlay: { value: number };
}

/**
 * The skin: translucent so muscles show through, with zones drawn opaque. Stipple and hatch are
 * in screen space so they stay crisp at any zoom, like ink on a chart.
 */
export function createSkinMaterial(): { material: MeshLambertMaterial; uniforms: SkinUniforms } {
  const uniforms: SkinUniforms = { uSkinAlpha: { value: 0.28 }, uOverlay: { value: 0 } };
  const material = new MeshLambertMaterial({
    color: skinColor,
    transparent: true,
    depthWrite: false,
    // front faces only: a second pass for the far side's inner face cost about a quarter of the
    // frame under software rendering, and the muscles hide that face unless they are switched off
  });
  material.onBeforeCompile = (shader) => {
    shader.uniforms.uSkinAlpha = uniforms.uSkinAlpha;
    shader.uniforms.uOverlay = uniforms.uOverlay;
    shader.uniforms.uReferral = { value: referralColor };
    shader.uniforms.uCompare = { value: compareColor };
    shader.uniforms.uPain = { value: painColor };
    shader.vertexShader = shader.vertexShader
      .replace(
        '#include <common>',
        `#include <common>
        attribute vec3 aZone;
        attribute vec4 aOverlayA;
        attribute vec4 aOverlayB;
        varying vec3 vZone;
        varying vec4 vOverlayA;
        varying vec4 vOverlayB;`,
      )
      .replace(
        '#include <begin_vertex>',
        '#include <begin_vertex>\nvZone = aZone;\nvOverlayA = aOverlayA;\nvOverlayB = aOverlayB;',
      );
    shader.fragmentShader = shader.fragmentShader
      .replace(
        '#include <common>',
        `#include <common>
        varying vec3 vZone;
        varying vec4 vOverlayA;
        varying vec4 vOverlayB;
        uniform float uSkinAlpha;
        uniform float uOverlay;
        uniform vec3 uReferral;
        uniform vec3 uCompare;
        uniform vec3 uPain;
        float stipple(vec2 offset) {
          vec2 cell = fract((gl_FragCoord.xy + offset) / 6.0) - 0.5;
          return step(length(cell), 0.3);
        }`,
      )
      .replace(
        '#include <color_fragment>',
        `#include <color_fragment>
        float zoneAlpha = uSkinAlpha;
        // nerve map layer: pale areas, a shared landmark striped with both, darker at area edges
        float overlayOn = uOverlay * step(0.5, vOverlayA.a);
        float band = step(0.5, fract((gl_FragCoord.x - gl_FragCoord.y) / 14.0));
        vec3 overlayColour = mix(vOverlayA.rgb, vOverlayB.rgb, band)
          * (1.0 - 0.5 * smoothstep(0.35, 0.85, vOverlayB.a));
        diffuseColor.rgb = mix(diffuseColor.rgb, overlayColour, overlayOn);
        zoneAlpha = mix(zoneAlpha, 0.9, overlayOn);
        // essential (about 1.0) solid; spillover (about 0.5) stippled
        float solidA = smoothstep(0.62, 0.72, vZone.x);
        float dotsA = smoothstep(0.18, 0.28, vZone.x) * (1.0 - solidA) * stipple(vec2(0.0));
        float solidB = smoothstep(0.62, 0.72, vZone.y);
        float dotsB = smoothstep(0.18, 0.28, vZone.y) * (1.0 - solidB) * stipple(vec2(3.0));
        float coverA = max(solidA, dotsA);
        float coverB = max(solidB, dotsB);
        // where both muscles refer, alternate diagonal stripes so the overlap stays visible
        float stripe = step(0.5, fract((gl_FragCoord.x + gl_FragCoord.y) / 12.0));
        float useB = coverB * (coverA > 0.5 ? stripe : 1.0);
        vec3 zoneColor = mix(uReferral, uCompare, useB);
        float cover = max(coverA, coverB);
        diffuseColor.rgb = mix(diffuseColor.rgb, zoneColor, cover);
        zoneAlpha = mix(zoneAlpha, 0.96, cover);
        // pain spots: dark cross-hatching, distinct from any referral colour
        float hatch = max(
          step(0.78, fract((gl_FragCoord.x - gl_FragCoord.y) / 9.0)),
          step(0.78, fract((gl_FragCoord.x + gl_FragCoord.y) / 9.0)));
        float painCover = smoothstep(0.35, 0.5, vZone.z);
        diffuseColor.rgb = mix(diffuseColor.rgb, mix(vec3(1.0, 0.9, 0.55), uPain, hatch), painCover * (cover > 0.5 ? hatch : 1.0));
        zoneAlpha = max(zoneAlpha, painCover * 0.92);
        diffuseColor.a = zoneAlpha;`,
      )
      .replace(
        '#include <emissivemap_fragment>',
        `#include <emissivemap_fragment>
        // zones read as flat ink, not shaded skin
        totalEmissiveRadiance += diffuseColor.rgb * 0.35 * max(max(cover, painCover), 0.6 * overlayOn);`,
      );
  };
  return { material, uniforms };
}

export interface BodyMaterials {
  readonly muscle: Readonly<Record<'S' | 'D', MeshLambertMaterial>>;
  readonly skin: { material: MeshLambertMaterial; uniforms: SkinUniforms };
  readonly skeleton: MeshLambertMaterial;
}

let bodyMaterials: BodyMaterials | null = null;

/** The body's materials, made once: the shader warm-up and the body itself use the same ones. */
export function getBodyMaterials(): BodyMaterials {
  bodyMaterials ??= {
    muscle: { S: createMuscleMaterial(), D: createMuscleMaterial() },
    skin: createSkinMaterial(),
    // the muscles' shader, coloured by the bone colour the model worker gives each vertex
    skeleton: createMuscleMaterial(),
  };
  return bodyMaterials;
}
