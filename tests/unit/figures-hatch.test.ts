import { describe, expect, it } from 'vitest';
import { flatten, hatchPath } from '../../src/render/figures/hatch';
import { rectPath, ringSlice } from '../../src/render/figures/marks';

/** Every vertex of the hatching, as numbers. */
const vertices = (d: string) => [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe('hatching as geometry', () => {
  it('flattens rectangles and ring slices into polygons', () => {
    expect(flatten(rectPath(10, 20, 30, 40))).toEqual([[[10, 20], [40, 20], [40, 60], [10, 60]]]);
    const slice = flatten(ringSlice(100, 100, 80, 40, 0, Math.PI / 2));
    expect(slice).toHaveLength(1);
    for (const [x, y] of slice[0]) {
      const r = Math.hypot(x - 100, y - 100);
      expect(r).toBeGreaterThan(39.9);
      expect(r).toBeLessThan(80.1);
      expect(x).toBeGreaterThanOrEqual(99.99);
      expect(y).toBeLessThanOrEqual(100.01);
    }
    expect(flatten(ringSlice(100, 100, 80, 40, 0, Math.PI * 2))).toHaveLength(2); // full ring: two circles
  });

  it('cuts diagonal stripes to the shape, 8 px apart with the tile phase of the old pattern', () => {
    const d = hatchPath(rectPath(0, 0, 40, 40), 'diagonal');
    const points = vertices(d);
    expect(points.length).toBeGreaterThan(20);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(40);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(40);
      // On a stripe edge or the rectangle's: (x + y)/√2 mod 8 ∈ [0, 2.6] for stripe points.
      const u = ((x + y) * Math.SQRT1_2) % 8;
      const onRect = x === 0 || y === 0 || x === 40 || y === 40;
      if (!onRect) expect(Math.min(u, Math.abs(u - 2.6), 8 - u)).toBeLessThan(0.02);
    }
    // One stripe piece per band crossing the square: u from 0 to 40√2 ≈ 56.6 → 8 bands.
    expect(d.match(/M/g)).toHaveLength(8);
  });

  it('draws whole dots inside a shape and cuts the ones on its edge', () => {
    const d = hatchPath(rectPath(0, 0, 16, 12), 'dots');
    expect(d.match(/a1\.7 1\.7/g)).toHaveLength(4); // centres (4,4) and (12,4): two arcs each
    expect(d).toContain('L'); // (4,12) and (12,12) are cut by the bottom edge
    expect(hatchPath(rectPath(100, 100, 0.5, 0.5), 'vertical')).toBe('');
  });
});
