import { describe, expect, it } from 'vitest';
import { arrowLength, arrowStrokes, span } from './arrows.ts';

describe('arrowStrokes', () => {
  it('centres a shaft on its point and ends each arrow with a gap', () => {
    const s = arrowStrokes({ x: [0], y: [0], u: [1], v: [0] }, 1, 1, 0.1);
    expect(s.x).toHaveLength(6);
    expect(s.x[0]).toBeCloseTo(-0.05);
    expect(s.x[1]).toBeCloseTo(0.05);
    expect(s.y[0]).toBeCloseTo(0);
    expect(s.x[5]).toBeNull();
    expect(s.y[5]).toBeNull();
    // The wings sit behind the tip, one on each side.
    expect(s.x[2]).toBeLessThan(0.05);
    expect((s.y[2] as number) * (s.y[4] as number)).toBeLessThan(0);
  });

  it('crosses level sets at right angles on screen, whatever the units', () => {
    const [a, b, xSpan, ySpan] = [3, 0.2, 2, 50];
    const norm = Math.hypot(a, b);
    const s = arrowStrokes({ x: [1], y: [10], u: [a / norm], v: [b / norm] }, xSpan, ySpan, 0.1);
    const shaft = [
      ((s.x[1] as number) - (s.x[0] as number)) / xSpan,
      ((s.y[1] as number) - (s.y[0] as number)) / ySpan,
    ];
    const levelSet = [-b / xSpan, a / ySpan];
    expect(Math.hypot(shaft[0] ?? 0, shaft[1] ?? 0)).toBeCloseTo(0.1);
    expect((shaft[0] ?? 0) * (levelSet[0] ?? 0) + (shaft[1] ?? 0) * (levelSet[1] ?? 0)).toBeCloseTo(0);
  });

  it('leaves out zero and missing directions', () => {
    const s = arrowStrokes({ x: [0, 1, 2], y: [0, 1, 2], u: [0, NaN, 1], v: [0, 1, 1] }, 1, 1);
    expect(s.x).toHaveLength(6);
  });

  it('shortens arrows as the field gets denser', () => {
    expect(arrowLength(300)).toBeCloseTo(0.0462, 3);
    expect(arrowLength(10)).toBe(0.07);
  });
});

describe('span', () => {
  it('measures all series together and never returns zero', () => {
    expect(span([0, 1], [-2, 0.5])).toBe(3);
    expect(span([4, 4])).toBe(1);
    expect(span([])).toBe(1);
  });
});
