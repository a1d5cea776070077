import * as z from 'zod/mini';
import {
  checked,
  isCalendarDate,
  isCount,
  isObjectRecord,
  type CalendarDate,
  type PathSegment,
} from '../core/internal.js';
import { AccountSnapshot } from '../snapshot/index.js';

/**
 * The fields of an `AccountSnapshot` that progress and calibration read:
 * `id`, `asOf`, `startDate`, `churnDate`, `segment`, `plan`, `employees`,
 * `featuresAdopted`, `milestones`, `valueRealized` and `valueRealizedDate`.
 * Any other field may be there (a whole snapshot passes); evidence rules
 * read the fields they name.
 *
 * @example
 * ```ts
 * import { BaselineSnapshot } from 'successkit/baseline';
 *
 * Object.keys(BaselineSnapshot.shape).length; // => 11
 * ```
 */
export const BaselineSnapshot = z.looseObject(
  z.pick(AccountSnapshot, {
    id: true,
    asOf: true,
    startDate: true,
    churnDate: true,
    segment: true,
    plan: true,
    employees: true,
    featuresAdopted: true,
    milestones: true,
    valueRealized: true,
    valueRealizedDate: true,
  }).shape,
);

/**
 * A snapshot as progress reads it, checked; see the {@link BaselineSnapshot} schema.
 *
 * @example
 * ```ts
 * import type { BaselineSnapshot } from 'successkit/baseline';
 *
 * const valueShare: BaselineSnapshot['valueRealized'] = 0.75;
 * ```
 */
export type BaselineSnapshot = z.infer<typeof BaselineSnapshot>;

/**
 * A snapshot as a host writes it: {@link BaselineSnapshot} with plain
 * `YYYY-MM-DD` strings for its dates (checked when read). Every
 * `AccountSnapshot` is one.
 *
 * @example
 * ```ts
 * import type { BaselineSnapshotInput } from 'successkit/baseline';
 *
 * const account: BaselineSnapshotInput = {
 *   id: 'acc-1', asOf: '2026-06-30', startDate: '2026-06-01', churnDate: null, segment: 'smb', plan: 'growth',
 *   employees: 40, featuresAdopted: 3, milestones: { first_login: '2026-06-04' }, valueRealized: null, valueRealizedDate: null,
 * };
 * ```
 */
export type BaselineSnapshotInput = z.input<typeof BaselineSnapshot>;

const isText = (value: unknown): boolean => typeof value === 'string';
const isNullableText = (value: unknown): boolean => value === null || typeof value === 'string';
const isNullableDate = (value: unknown): boolean => value === null || isCalendarDate(value);
const isNullableCount = (value: unknown): boolean => value === null || isCount(value);
const isNullableShare = (value: unknown): boolean =>
  value === null || (typeof value === 'number' && value >= 0 && value <= 1);

// A book's snapshots share one asOf: the last one seen valid is not checked again.
let lastAsOf = '';

function isAsOf(value: unknown): boolean {
  if (value === lastAsOf) return true;
  if (!isCalendarDate(value)) return false;
  lastAsOf = value;
  return true;
}

function isDateRecord(value: unknown): boolean {
  if (!isObjectRecord(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (Object.hasOwn(value, key) && !isCalendarDate(value[key])) return false;
  return true;
}

/** The hand-written twin of {@link BaselineSnapshot}: nothing it accepts does the schema reject. @internal */
export function isBaselineSnapshot(value: unknown): value is BaselineSnapshot {
  if (!isObjectRecord(value)) return false;
  return (
    isText(value.id) &&
    isAsOf(value.asOf) &&
    isCalendarDate(value.startDate) &&
    isNullableDate(value.churnDate) &&
    isNullableText(value.segment) &&
    isNullableText(value.plan) &&
    isNullableCount(value.employees) &&
    isNullableCount(value.featuresAdopted) &&
    isDateRecord(value.milestones) &&
    isNullableShare(value.valueRealized) &&
    isNullableDate(value.valueRealizedDate)
  );
}

/** The snapshot, checked: fast for a well-formed one, the schema's messages for any other. @internal */
export function checkedSnapshot(snapshot: unknown, path: readonly PathSegment[]): BaselineSnapshot {
  return checked(BaselineSnapshot, snapshot, isBaselineSnapshot, path);
}

/** The milestone's date in the snapshot's `milestones`, when reached on or before `asOf`. @internal */
export function reachedOn(snapshot: BaselineSnapshot, milestoneId: string): CalendarDate | undefined {
  const date = Object.hasOwn(snapshot.milestones, milestoneId) ? snapshot.milestones[milestoneId] : undefined;
  return date !== undefined && date <= snapshot.asOf ? date : undefined;
}
