import { type Account, type AttributeValue, setOwn } from '../core/internal.js';
import { isRecord } from '../core/internal.js';
import { type DayNumbers, optionalDay } from './day-numbers.js';
import { isId, isOptionalCount, isOptionalId, isOptionalText } from './row-fields.js';

/** The day numbers of an account's dates; `NaN` for a date it lacks, `Infinity` for no churn. @internal */
export interface AccountDays {
  readonly start: number;
  readonly renewal: number;
  readonly churn: number;
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

/** A copy of an account's attributes, lists copied too, so a snapshot shares nothing with its input. @internal */
export function copyAttributes(account: Account): Record<string, AttributeValue> {
  // A spread copies the own fields in one step and keeps the input's shape, where adding them one by
  // one under keys known only at run time goes through the engine's slowest path; only lists need more.
  const copy: Record<string, AttributeValue> = { ...account.attributes };
  for (const key in copy) {
    const value = copy[key];
    if (Array.isArray(value)) setOwn(copy, key, [...value]);
  }
  return copy;
}
