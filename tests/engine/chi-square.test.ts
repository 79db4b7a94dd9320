// Pearson's chi-square test behind `buddy odds --sample` and the distribution tests. The expected values
// are literal: Q(a, x) from an arbitrary-precision library, rounded to doubles, and statistics worked by hand.
import { describe, expect, it } from 'vitest';
import { chiSquareTest, upperRegularizedGamma } from '../../src/engine/chi-square.js';

function expectRelativelyClose(actual: number, expected: number, tolerance = 1e-12): void {
  expect(Math.abs(actual / expected - 1), `${actual} vs ${expected}`).toBeLessThan(tolerance);
}

describe('upperRegularizedGamma', () => {
  it.each([
    // x < a + 1: the series
    [2.5, 1.0, 0.8491450360846097],
    [8, 5, 0.8666283259299927],
    [0.5, 0.3, 0.4385780260809999],
    [16.5, 10, 0.9634658994412613],
    [1, 0.5, 0.6065306597126334],
    [3, 3.9, 0.2531251026297839],
    [0.5, 0.01, 0.8875370839817152],
    [100, 2, 1],
    // x >= a + 1: the continued fraction
    [0.5, 1.9205, 0.0500136837639567],
    [8, 13.148, 0.050002989671502365],
    [16.5, 23.7, 0.04999884018661458],
    [2, 30, 2.900863120340454e-12],
    // a < 0.5: the gamma function's reflection formula
    [0.25, 0.1, 0.39166115427103393],
    [0.25, 2, 0.017286011859516774],
  ])('Q(%d, %d) = %d', (a, x, expected) => {
    expectRelativelyClose(upperRegularizedGamma(a, x), expected);
  });

  it('is 1 at and below x = 0', () => {
    expect(upperRegularizedGamma(3, 0)).toBe(1);
    expect(upperRegularizedGamma(3, -2)).toBe(1);
  });
});

describe('chiSquareTest', () => {
  it('works a small table exactly', () => {
    // Expected counts 12, 18, 30: statistic 4/12 + 4/18 + 0 = 5/9 on 2 degrees of freedom, p = e^(-5/18).
    const result = chiSquareTest([10, 20, 30], [0.2, 0.3, 0.5]);
    expectRelativelyClose(result.statistic, 5 / 9);
    expect(result.degreesOfFreedom).toBe(2);
    expect(result.minExpected).toBe(12);
    expectRelativelyClose(result.pValue, 0.7574651283969664);
  });

  it('skips cells that cannot happen, instead of dividing by zero', () => {
    const result = chiSquareTest([5, 5, 0], [0.5, 0.5, 0]);
    expect(result.statistic).toBe(0);
    expect(result.minExpected).toBe(0);
    expect(result.pValue).toBe(1);
  });

  it('gives p = 1 for a perfect fit and a tiny p for a skewed one', () => {
    expect(chiSquareTest([50, 50], [0.5, 0.5]).pValue).toBe(1);
    expect(chiSquareTest([90, 10], [0.5, 0.5]).pValue).toBeLessThan(1e-10);
  });

  it.each([
    ['lists of different lengths', [1, 2, 3], [0.5, 0.5]],
    ['a single cell', [10], [1]],
  ])('refuses %s', (_label, observed, expected) => {
    expect(() => chiSquareTest(observed, expected)).toThrow('chi-square needs matching observed and expected lists of at least two cells');
  });
});
