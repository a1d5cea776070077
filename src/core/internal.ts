/**
 * The one entry through which the other modules of successkit reach core:
 * its public surface plus the helpers that every module shares but users do
 * not call (message building, the fast validation path, day numbers). Lint
 * forbids importing any other file of core from outside it.
 *
 * @internal
 */
export * from './index.js';
export { notADate } from './calendar-date.js';
export { describeValue, kindOf, quoteText } from './describe-value.js';
export {
  addMonthsToEpochDay,
  civilOf,
  daysInMonth,
  epochDayOf,
  firstDayOfMonthIndex,
  fromEpochDay,
  monthIndexOf,
  toEpochDay,
} from './epoch-day.js';
export { inOrder, onceFieldsAreValid } from './fields.js';
export {
  at,
  checked,
  Count,
  hasKeyCount,
  hasOnlyKeys,
  isArray,
  isArrayOf,
  isCount,
  isNonNegative,
  isObjectRecord,
  isPositive,
  isRecord,
  NonNegativeNumber,
  ObjectRecord,
  PositiveNumber,
} from './guard.js';
export { isAccountEvent, isAccountEventList } from './account-event-guard.js';
export { fail } from './parse.js';
export { setOwn } from './own-record.js';
export { atPath, underPath } from './issue-path.js';
export { readingInput, unreadable } from './unreadable.js';
