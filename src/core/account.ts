import * as z from 'zod/mini';
import { CalendarDate, isCalendarDate, notADate } from './calendar-date.js';
import { Attributes, CurrencyCode, Id, inOrder, Money, onceFieldsAreValid } from './fields.js';
import { checked } from './guard.js';
import { fail, parseWith } from './parse.js';

/**
 * A customer account as a CS platform keeps it. Money is in major units of
 * the account's `currency`; dates are {@link CalendarDate}s.
 *
 * | field | meaning |
 * |---|---|
 * | `id`, `name` | identity |
 * | `parentId` | the parent account in a hierarchy (a subsidiary's holding company) |
 * | `segment`, `industry`, `region`, `employees` | segmentation fields (`employees` is the customer's headcount) |
 * | `plan` | the product plan or edition, in the host's own names |
 * | `currency` | ISO 4217 code; absent means the portfolio's reporting currency |
 * | `arr` | annual recurring revenue now; 0 once churned. MRR is `arr / 12` |
 * | `licenses` | seats paid for |
 * | `startDate` | first day as a customer |
 * | `renewalDate` | next renewal (end of the current term) |
 * | `churnDate` | the day the account stopped paying, when it has |
 * | `csmId` | the owning customer success manager; absent for pooled or tech-touch accounts |
 * | `attributes` | custom fields, read by rules as `attributes.<name>` |
 *
 * Unknown fields are rejected (a typo such as `arrr` would otherwise vanish).
 *
 * @example
 * ```ts
 * import { Account } from 'successkit/core';
 *
 * const account = Account.parse({
 *   id: 'acc-1',
 *   name: 'Northwind Logistics',
 *   segment: 'mid-market',
 *   plan: 'growth',
 *   arr: 48_000,
 *   startDate: '2024-04-01',
 *   renewalDate: '2026-04-01',
 * });
 * ```
 */
export const Account = z
  .strictObject({
    id: Id,
    name: z.string().check(z.minLength(1)),
    parentId: z.optional(Id),
    segment: z.optional(z.string().check(z.minLength(1))),
    industry: z.optional(z.string().check(z.minLength(1))),
    region: z.optional(z.string().check(z.minLength(1))),
    employees: z.optional(z.int().check(z.nonnegative())),
    plan: z.optional(z.string().check(z.minLength(1))),
    currency: z.optional(CurrencyCode),
    arr: Money,
    licenses: z.optional(z.int().check(z.nonnegative())),
    startDate: CalendarDate,
    renewalDate: z.optional(CalendarDate),
    churnDate: z.optional(CalendarDate),
    csmId: z.optional(Id),
    attributes: z.optional(Attributes),
  })
  .check(
    z.refine((account) => account.parentId !== account.id, {
      ...onceFieldsAreValid,
      path: ['parentId'],
      error: 'an account cannot be its own parent',
    }),
  )
  .check(
    z.refine((account) => inOrder(account.startDate, account.renewalDate), {
      ...onceFieldsAreValid,
      path: ['renewalDate'],
      error: 'renewalDate is before startDate',
    }),
  )
  .check(
    z.refine((account) => inOrder(account.startDate, account.churnDate), {
      ...onceFieldsAreValid,
      path: ['churnDate'],
      error: 'churnDate is before startDate',
    }),
  );

/**
 * A validated customer account; see the {@link Account} schema for its fields.
 *
 * @example
 * ```ts
 * import { calendarDate, type Account } from 'successkit/core';
 *
 * const account: Account = { id: 'acc-1', name: 'Acme', arr: 12_000, startDate: calendarDate('2025-01-01') };
 * ```
 */
export type Account = z.infer<typeof Account>;

/**
 * Validates one account.
 *
 * @param input - untrusted account data
 * @returns the account, typed
 * @throws {@link SuccessKitError} `invalid_input` naming each bad field
 *
 * @example
 * ```ts
 * import { parseAccount } from 'successkit/core';
 *
 * const account = parseAccount({ id: 'acc-7', name: 'Globex', arr: 250_000, startDate: '2023-07-01' });
 * account.arr; // => 250000
 * parseAccount({ ...account, arr: -1 }); // throws invalid_input
 * ```
 */
export function parseAccount(input: unknown): Account {
  return parseWith(Account, input);
}

/**
 * Tells whether an account is a paying customer on a day: it has started and
 * has not churned by then.
 *
 * @param account - the account
 * @param asOf - the day to look at
 * @returns true when `startDate ≤ asOf` and there is no `churnDate` on or before `asOf`
 * @throws {@link SuccessKitError} `invalid_date` for a bad `asOf`, `invalid_input` when the account has no valid `startDate` or a bad `churnDate`
 *
 * @example
 * ```ts
 * import { calendarDate, isActiveAccount, parseAccount } from 'successkit/core';
 *
 * const account = parseAccount({ id: 'a', name: 'A', arr: 0, startDate: '2024-01-01', churnDate: '2025-06-30' });
 * isActiveAccount(account, calendarDate('2025-06-29')); // => true
 * isActiveAccount(account, calendarDate('2025-06-30')); // => false
 * ```
 */
export function isActiveAccount(account: Account, asOf: CalendarDate): boolean {
  if (!isCalendarDate(asOf)) fail('invalid_date', ['asOf'], notADate(asOf));
  const { startDate, churnDate } = checked(AccountDates, account, hasAccountDates, ['account']);
  return startDate <= asOf && (churnDate === undefined || churnDate > asOf);
}

/** The two fields {@link isActiveAccount} reads; it checks only what it uses, so it stays fast in a loop. */
const AccountDates = z.object({ startDate: CalendarDate, churnDate: z.optional(CalendarDate) });

function hasAccountDates(value: unknown): value is z.output<typeof AccountDates> {
  try {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const { startDate, churnDate } = value as Record<string, unknown>;
    return isCalendarDate(startDate) && (churnDate === undefined || isCalendarDate(churnDate));
  } catch {
    // A revoked proxy or a throwing getter: the schema reports it.
    return false;
  }
}
