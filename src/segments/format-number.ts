/**
 * Writes a number for a finding's message: thousands separators and at
 * most `digits` decimals, trailing zeros dropped.
 *
 * @internal
 */
export function formatNumber(value: number, digits = 0): string {
  const rounded = Number(value.toFixed(digits));
  const [whole = '', fraction] = String(Math.abs(rounded)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
