import * as z from 'zod/mini';

/** Money in major units, finite, ≥ 0, at most 1e15 (so sums of them stay exact to the cent). @internal */
export const Money = z.number().check(z.minimum(0), z.maximum(1e15));

/** A probability or share, 0–1. @internal */
export const Probability = z.number().check(z.minimum(0), z.maximum(1));

/** A yearly discount rate, 0–1 (0.1 is 10% a year). @internal */
export const DiscountRate = z.number().check(z.minimum(0), z.maximum(1));

/** Σ (1 + rate)^(−k / periodsPerYear) for k = 1…periods: what one unit a period is worth today. @internal */
export function annuityFactor(periods: number, yearlyRate: number, periodsPerYear: number): number {
  if (yearlyRate === 0) return periods;
  let factor = 0;
  for (let period = 1; period <= periods; period++) factor += (1 + yearlyRate) ** (-period / periodsPerYear);
  return factor;
}

/** Money rounded to whole units with thousands separators, a minus sign before losses: `−3,000`. @internal */
export function formatMoney(value: number): string {
  const digits = String(Math.round(Math.abs(value)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value <= -0.5 ? '−' : ''}${grouped}`;
}

/** A share as a percentage with at most one decimal: `37.5%`. @internal */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`;
}
