import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/core/suggest.ts';

describe('suggest', () => {
  it('finds the closest id for a typo', () => {
    expect(suggest('pirformis', ['piriformis', 'psoas'])).toBe('piriformis');
    expect(suggest('buttok', ['buttock', 'calf'])).toBe('buttock');
  });

  it('ignores case and treats spaces and hyphens as underscores', () => {
    expect(suggest('Gluteus Minimus', ['gluteus_medius', 'gluteus_minimus'])).toBe(
      'gluteus_minimus',
    );
    expect(suggest('TEMPLE', ['temple'])).toBe('temple');
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('calf', 'claf')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('gives nothing when no candidate is close', () => {
    expect(suggest('xyz', ['piriformis'])).toBeNull();
    expect(suggest('', ['a'])).toBeNull();
    expect(suggest('trapezius', ['upper_trapezius'])).toBeNull();
  });

  it('prefers the earlier candidate on a tie', () => {
    expect(suggest('cat', ['bat', 'hat'])).toBe('bat');
  });
});
