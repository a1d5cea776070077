import { at, type Contact, ContactRole, isRecord } from '../core/internal.js';
import { type DayNumbers, optionalDay } from './day-numbers.js';
import { type GroupedRows, never, rowOf } from './grouped-rows.js';
import { isId } from './row-fields.js';

const roles: ReadonlySet<unknown> = new Set(ContactRole.options);

/**
 * The day a contact whose fields that snapshots read are valid left the
 * customer, as a day number (its sort key), `never` while they stay;
 * `NaN` when a field is not valid.
 *
 * @internal
 */
export function contactLeftDay(value: unknown, dayOf: DayNumbers): number {
  if (!isRecord(value) || !isId(value.id) || !isId(value.accountId) || !roles.has(value.role)) return Number.NaN;
  return optionalDay(dayOf, value.leftDate, never);
}

/** The relationship fields of a snapshot that come from contacts. @internal */
export interface ContactMeasures {
  readonly contacts: number;
  readonly championNamed: boolean;
}

/** The contacts of one account who have not left by a day, and whether a champion is among them. @internal */
export function contactMeasures(contacts: GroupedRows<Contact>, account: number, asOfDay: number): ContactMeasures {
  let count = 0;
  let championNamed = false;
  const end = at(contacts.offsets, account + 1);
  for (let index = at(contacts.offsets, account); index < end; index++) {
    if (at(contacts.keys, index) <= asOfDay) continue;
    count++;
    if (rowOf(contacts, index).role === 'champion') championNamed = true;
  }
  return { contacts: count, championNamed };
}
