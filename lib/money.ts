/** Converts a decimal amount of currency units (at most two decimals) to cents. */
export function toCents(amount: number): number {
  return Math.round(amount * 100);
}

/** Converts cents to a decimal amount of currency units, e.g. 1950 → 19.5. */
export function fromCents(cents: number): number {
  return cents / 100;
}

/** True when `amount` has at most two decimals, so cents hold it exactly. */
export function hasAtMostTwoDecimals(amount: number): boolean {
  return Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6;
}
