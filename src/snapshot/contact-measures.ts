import { type Contact, ContactRole, isRecord } from '../core/internal.js';
import { type DayNumbers, optionalDay } from './day-numbers.js';
import {
  type Column,
  fingerprintOf,
  type GroupedRows,
  never,
  type ReadColumns,
  type RowReader,
} from './grouped-rows.js';
import { isId } from './row-fields.js';

const roles: ReadonlySet<unknown> = new Set(ContactRole.options);

/**
 * Reads contacts: the sort key of a contact whose fields snapshots read are
 * valid is the day they left the customer, `never` while they stay; `NaN`
 * when a field is not valid. Its code is 1 for a champion, else 0.
 *
 * @internal
 */
export function contactReader(dayOf: DayNumbers, columns: ReadColumns): RowReader {
  return (value, index) => {
    if (!isRecord(value) || !isId(value.id) || !isId(value.accountId) || !roles.has(value.role)) return Number.NaN;
    columns.fingerprints[index] = fingerprintOf(value.id);
    columns.codes[index] = value.role === 'champion' ? 1 : 0;
    return optionalDay(dayOf, value.leftDate, never);
  };
}

/** The relationship fields of a snapshot that come from contacts. @internal */
export interface ContactMeasures {
  readonly contacts: number;
  readonly championNamed: boolean;
}

/** The contacts of one account who have not left by a day, and whether a champion is among them. @internal */
export function contactMeasures(
  contacts: GroupedRows<Contact>,
  champions: Column,
  account: number,
  asOfDay: number,
): ContactMeasures {
  let count = 0;
  let championNamed = false;
  const end = contacts.offsets[account + 1] ?? 0;
  for (let index = contacts.offsets[account] ?? 0; index < end; index++) {
    if ((contacts.keys[index] ?? 0) <= asOfDay) continue;
    count++;
    if (champions[index] === 1) championNamed = true;
  }
  return { contacts: count, championNamed };
}
