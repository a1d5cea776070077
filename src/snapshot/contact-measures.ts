import { at, type Contact, ContactRole, isRecord } from '../core/internal.js';
import { type DayNumbers, optionalDay } from './day-numbers.js';
import { fingerprintOf, type GroupedRows, never, type RowReader } from './grouped-rows.js';
import { isId } from './row-fields.js';

const roles: ReadonlySet<unknown> = new Set(ContactRole.options);

/** What walks read of each contact: the fingerprint of its id and whether it is a champion (1) or not (0). @internal */
export interface ContactColumns {
  readonly fingerprints: Int32Array;
  readonly champions: Uint8Array;
}

/**
 * Reads contacts: the sort key of a contact whose fields snapshots read are
 * valid is the day they left the customer, `never` while they stay; `NaN`
 * when a field is not valid.
 *
 * @internal
 */
export function contactReader(count: number, dayOf: DayNumbers): RowReader<ContactColumns> {
  const columns = { fingerprints: new Int32Array(count), champions: new Uint8Array(count) };
  const keyOf = (value: unknown, index: number): number => {
    if (!isRecord(value) || !isId(value.id) || !isId(value.accountId) || !roles.has(value.role)) return Number.NaN;
    columns.fingerprints[index] = fingerprintOf(value.id);
    columns.champions[index] = value.role === 'champion' ? 1 : 0;
    return optionalDay(dayOf, value.leftDate, never);
  };
  return { keyOf, columns };
}

/** The relationship fields of a snapshot that come from contacts. @internal */
export interface ContactMeasures {
  readonly contacts: number;
  readonly championNamed: boolean;
}

/** The contacts of one account who have not left by a day, and whether a champion is among them. @internal */
export function contactMeasures(
  contacts: GroupedRows<Contact>,
  champions: Uint8Array,
  account: number,
  asOfDay: number,
): ContactMeasures {
  let count = 0;
  let championNamed = false;
  const end = at(contacts.offsets, account + 1);
  for (let index = at(contacts.offsets, account); index < end; index++) {
    if (at(contacts.keys, index) <= asOfDay) continue;
    count++;
    if (champions[index] === 1) championNamed = true;
  }
  return { contacts: count, championNamed };
}
