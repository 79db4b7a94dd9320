// Pearson's chi-square goodness-of-fit test, with the p-value from the regularised upper incomplete
// gamma function Q(k/2, x/2). The series and continued fraction are the textbook ones (Numerical Recipes §6.2).

export interface ChiSquareResult {
  readonly statistic: number;
  readonly degreesOfFreedom: number;
  readonly pValue: number;
  /** Smallest expected count: below 5 the chi-square approximation is unreliable. */
  readonly minExpected: number;
}

export function chiSquareTest(observed: readonly number[], expectedProbabilities: readonly number[]): ChiSquareResult {
  if (observed.length !== expectedProbabilities.length || observed.length < 2) {
    throw new Error('chi-square needs matching observed and expected lists of at least two cells');
  }
  const total = observed.reduce((sum, count) => sum + count, 0);
  let statistic = 0;
  let minExpected = Infinity;
  observed.forEach((count, index) => {
    const expected = total * (expectedProbabilities[index] ?? 0);
    minExpected = Math.min(minExpected, expected);
    if (expected > 0) statistic += (count - expected) ** 2 / expected;
  });
  const degreesOfFreedom = observed.length - 1;
  return { statistic, degreesOfFreedom, pValue: upperRegularizedGamma(degreesOfFreedom / 2, statistic / 2), minExpected };
}

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9).
  const coefficients = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = coefficients[0] as number;
  for (let i = 1; i < coefficients.length; i++) sum += (coefficients[i] as number) / (shifted + i);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPSILON = 1e-15;
const MAX_ITERATIONS = 1000;

/** Q(a, x) = Γ(a, x) / Γ(a). */
export function upperRegularizedGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  if (x < a + 1) return 1 - lowerSeries(a, x);
  return upperContinuedFraction(a, x);
}

function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

function upperContinuedFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}
