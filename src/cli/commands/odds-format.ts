// How `buddy odds` writes a probability, for both roll versions' tables.

/** A probability as a percentage: two decimals from 1 %, three significant digits below. */
export function formatPercent(probability: number): string {
  const percent = probability * 100;
  return `${percent >= 1 ? percent.toFixed(2) : percent.toPrecision(3)}%`;
}

/** A probability as "1 in N", N rounded and grouped in thousands. */
export function oneIn(probability: number): string {
  return `1 in ${Math.round(1 / probability).toLocaleString('en-US')}`;
}
