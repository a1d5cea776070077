/** Text formatting for the terminal review: money, shares and aligned tables. */

const compactMoney = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});

/** `$24.6M`, `$59.7K`. */
export function money(amount: number): string {
  return compactMoney.format(amount);
}

/** `57.7%` from 0.577. */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A heading with a rule under it. */
export function heading(title: string): string {
  return `\n${title}\n${'─'.repeat(title.length)}`;
}

/**
 * Lays out rows under a header, columns padded to their widest cell; columns
 * listed in `right` are right-aligned (numbers).
 */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly number[] = [],
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        right.includes(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].map((text) => `  ${text}`).join('\n');
}
