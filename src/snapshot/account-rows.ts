import { type Account, type AttributeValue, type CalendarDate, setOwn } from '../core/internal.js';
import { isRecord } from '../core/internal.js';
import { type DayNumbers, optionalDay } from './day-numbers.js';
import { isId, isOptionalCount, isOptionalId, isOptionalText } from './row-fields.js';

/** The day numbers of an account's dates; `NaN` for a date it lacks, `Infinity` for no churn. @internal */
export interface AccountDays {
  readonly start: number;
  readonly renewal: number;
  readonly churn: number;
}

/**
 * What snapshots read of an account, read once when the portfolio is: its own
 * fields as snapshots give them (`null` for one it lacks), its attributes
 * frozen, and the day numbers of its dates. Every account's facts have one
 * shape, so each day's snapshots read them at the speed of one record type,
 * whatever optional fields the accounts themselves carry.
 *
 * @internal
 */
export interface AccountFacts extends AccountDays {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly segment: string | null;
  readonly plan: string | null;
  readonly industry: string | null;
  readonly region: string | null;
  readonly employees: number | null;
  readonly currency: string | null;
  readonly csmId: string | null;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  readonly startDate: CalendarDate;
  readonly renewalDate: CalendarDate | null;
  readonly churnDate: CalendarDate | null;
}

/** The {@link AccountFacts} of a valid account with its day numbers. @internal */
export function accountFacts(account: Account, days: AccountDays): AccountFacts {
  return {
    id: account.id,
    name: account.name,
    parentId: account.parentId ?? null,
    segment: account.segment ?? null,
    plan: account.plan ?? null,
    industry: account.industry ?? null,
    region: account.region ?? null,
    employees: account.employees ?? null,
    currency: account.currency ?? null,
    csmId: account.csmId ?? null,
    attributes: frozenAttributes(account),
    startDate: account.startDate,
    renewalDate: account.renewalDate ?? null,
    churnDate: account.churnDate ?? null,
    start: days.start,
    renewal: days.renewal,
    churn: days.churn,
  };
}

function isAttributeValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string');
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function isOptionalAttributes(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isRecord(value) || Array.isArray(value)) return false;
  for (const key in value) if (Object.hasOwn(value, key) && (key === '' || !isAttributeValue(value[key]))) return false;
  return true;
}

const currencyCode = /^[A-Z]{3}$/;

/**
 * The day numbers of an account whose fields that snapshots read are valid,
 * or `undefined` when one is not (the caller then parses it with `Account`
 * for the messages).
 *
 * @internal
 */
export function readAccountDays(value: unknown, dayOf: DayNumbers): AccountDays | undefined {
  if (!isRecord(value)) return undefined;
  const start = dayOf(value.startDate);
  const renewal = optionalDay(dayOf, value.renewalDate, Number.NaN);
  const churn = optionalDay(dayOf, value.churnDate, Number.POSITIVE_INFINITY);
  const valid =
    isId(value.id) &&
    typeof value.name === 'string' &&
    value.name.length > 0 &&
    !Number.isNaN(start) &&
    (value.renewalDate === undefined || renewal >= start) &&
    (value.churnDate === undefined || churn >= start) &&
    isOptionalId(value.parentId) &&
    value.parentId !== value.id &&
    isOptionalText(value.segment) &&
    isOptionalText(value.plan) &&
    isOptionalText(value.industry) &&
    isOptionalText(value.region) &&
    isOptionalCount(value.employees) &&
    (value.currency === undefined || (typeof value.currency === 'string' && currencyCode.test(value.currency))) &&
    isOptionalId(value.csmId) &&
    isOptionalAttributes(value.attributes);
  return valid ? { start, renewal, churn } : undefined;
}

/** The attributes of every account without any: one frozen empty record. */
const noAttributes: Readonly<Record<string, AttributeValue>> = Object.freeze({});

/**
 * A frozen copy of an account's attributes, lists copied and frozen too, so a
 * snapshot shares nothing with its input, and every snapshot of the account
 * can share the one copy.
 */
function frozenAttributes(account: Account): Readonly<Record<string, AttributeValue>> {
  const { attributes } = account;
  if (attributes === undefined) return noAttributes;
  // A spread copies the own fields in one step and keeps the input's shape, where adding them one by
  // one under keys known only at run time goes through the engine's slowest path; only lists need more.
  const copy: Record<string, AttributeValue> = { ...attributes };
  for (const key in copy) {
    const value = copy[key];
    if (Array.isArray(value)) setOwn(copy, key, Object.freeze([...value]) as string[]);
  }
  return Object.freeze(copy);
}
