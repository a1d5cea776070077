/** Text formatting for the terminal review: money, shares, counts and aligned tables. */

const compactMoney = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

const wholeMoney = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});

/** `$24.6M`, `$3.0M`, `$59.7K`, `$806`: one decimal for thousands and up, whole dollars below. */
export function money(amount: number): string {
  const whole = Math.round(amount);
  if (Math.abs(whole) < 1000) return wholeMoney.format(whole);
  // $999.60 rounds to $1,000: give it to the compact format as a whole thousand, so it reads $1.0K.
  return compactMoney.format(Math.abs(amount) < 1000 ? whole : amount);
}

/** `57.7%` from 0.577. */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A rate with two decimals, `99.81%` or `0.08%`, so 99.95% does not read as 100% and a twelfth of a point shows. */
export function rate(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(2)}%`;
}

const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `1,301` from 1301. */
export function whole(value: number): string {
  return wholeNumber.format(value);
}

/** `1 account`, `1,301 accounts`; `plural` defaults to the singular with an `s`. */
export function count(value: number, singular: string, plural = `${singular}s`): string {
  return `${whole(value)} ${value === 1 ? singular : plural}`;
}

/** `a`, `a and b`, `a, b and c`. */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

const monthName = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `September 2026` from any day of the month. */
export function nameOfMonth(month: string): string {
  return monthName.format(new Date(`${month.slice(0, 7)}-01T00:00:00Z`));
}

/** Text wrapped at `width` columns, each line indented by two spaces. */
export function paragraph(text: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width - 2) {
      lines.push(`  ${line}`);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(`  ${line}`);
  return lines;
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
