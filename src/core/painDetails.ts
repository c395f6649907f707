/**
 * What a marked spot feels like: how strong (0-10, the numeric rating scale) and of what quality.
 * The ranking weighs spots by strength; nerve-like qualities raise the "could it be a nerve?"
 * note. Pure: the store, the link, saved sessions and the CLI share these rules.
 */

/**
 * The words people use for their pain, as pain questionnaires ask them. Burning, electric
 * (shooting) and tingling or numb are the descriptors that point to nerve pain (the DN4
 * questionnaire, Bouhassira et al. 2005); a deep ache is how trigger point pain is usually
 * described (Travell & Simons).
 */
export const painQualities = ['aching', 'deep', 'burning', 'electric', 'tingling'] as const;
export type PainQuality = (typeof painQualities)[number];

export const qualityLabels: Record<PainQuality, string> = {
  aching: 'aching',
  deep: 'deep, hard to pin down',
  burning: 'burning',
  electric: 'electric or shooting',
  tingling: 'tingling or numb',
};

export const nerveLikeQualities: ReadonlySet<PainQuality> = new Set([
  'burning',
  'electric',
  'tingling',
]);

export const maxIntensity = 10;
/** A spot nobody rated counts as a middling pain, so an unrated drawing ranks as before. */
export const defaultIntensity = 5;

export interface PainDetail {
  /** 0 (no pain now) to 10 (worst imaginable), whole numbers. */
  readonly intensity: number;
  readonly quality: PainQuality | null;
}

/** Region id -> what the person said about that spot; a spot without an entry is unrated. */
export type PainDetails = Readonly<Record<string, PainDetail>>;

export const unratedSpot: PainDetail = { intensity: defaultIntensity, quality: null };

export function isPainQuality(text: string): text is PainQuality {
  return (painQualities as readonly string[]).includes(text);
}

export function isIntensity(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= maxIntensity;
}

export function detailOf(details: PainDetails, spot: string): PainDetail {
  return details[spot] ?? unratedSpot;
}

/**
 * Each spot's weight in the ranking: its strength relative to the strongest spot, so that equal
 * ratings (or none) rank exactly as an unweighted drawing and a 0 counts for nothing. All 0: all
 * count alike (nothing to tell them apart).
 */
export function spotWeights(spots: readonly string[], details: PainDetails): Map<string, number> {
  const strongest = Math.max(0, ...spots.map((spot) => detailOf(details, spot).intensity));
  return new Map(
    spots.map((spot) => [
      spot,
      strongest === 0 ? 1 : detailOf(details, spot).intensity / strongest,
    ]),
  );
}

/** The spots described with a nerve-like quality, in their order. */
export function nerveLikeSpots(spots: readonly string[], details: PainDetails): string[] {
  return spots.filter((spot) => {
    const quality = detailOf(details, spot).quality;
    return quality !== null && nerveLikeQualities.has(quality);
  });
}

/** Only the details of `spots` that differ from unrated: what is worth keeping or writing. */
export function keptDetails(spots: readonly string[], details: PainDetails): PainDetails {
  const kept: Record<string, PainDetail> = {};
  for (const spot of spots) {
    const detail = details[spot];
    if (detail && (detail.intensity !== defaultIntensity || detail.quality !== null))
      kept[spot] = detail;
  }
  return kept;
}

/** A spot as the link writes it: `buttock:right`, `buttock:right@7`, `calf:left@3:tingling`. */
export function formatSpot(spot: string, detail: PainDetail | undefined): string {
  if (!detail || (detail.intensity === defaultIntensity && detail.quality === null)) return spot;
  return `${spot}@${detail.intensity}${detail.quality ? `:${detail.quality}` : ''}`;
}

export type ParsedSpot =
  | { readonly ok: true; readonly region: string; readonly detail: PainDetail | null }
  | { readonly ok: false; readonly region: string; readonly problem: string };

/**
 * Reads `region@7:burning` (either part after `@` may be left out). The region is returned as
 * written, lower-cased, for the caller to check against the vocabulary.
 */
export function parseSpot(text: string): ParsedSpot {
  const [rawRegion = '', rest, ...extra] = text.trim().toLowerCase().split('@');
  const region = rawRegion.trim();
  if (rest === undefined) return { ok: true, region, detail: null };
  if (extra.length > 0) return { ok: false, region, problem: 'more than one "@"' };
  let intensity = defaultIntensity;
  let quality: PainQuality | null = null;
  for (const part of rest.split(':').filter(Boolean)) {
    if (/^\d+$/.test(part) && isIntensity(Number(part))) intensity = Number(part);
    else if (isPainQuality(part)) quality = part;
    else {
      return {
        ok: false,
        region,
        problem: `expected an intensity 0-${maxIntensity} and/or one of ${painQualities.join(', ')} after "@"`,
      };
    }
  }
  return { ok: true, region, detail: { intensity, quality } };
}
