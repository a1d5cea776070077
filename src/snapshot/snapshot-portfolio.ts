import * as z from 'zod/mini';
import {
  type Account,
  type AccountEvent,
  CalendarDate,
  type Contact,
  isCalendarDate,
  isRecord,
  type MrrSnapshot,
  type SurveyResponse,
  type UsageSnapshot,
} from '../core/internal.js';

/**
 * What snapshots are built from: a core `Portfolio`, or only the parts of it
 * a host has. Lists left out count as empty; `subscriptions` and any other
 * field are not read (MRR comes from the `mrr` snapshots). `asOf` is the
 * default snapshot day.
 *
 * @example
 * ```ts
 * import { calendarDate } from 'successkit/core';
 * import type { SnapshotPortfolio } from 'successkit/snapshot';
 *
 * const parts: SnapshotPortfolio = {
 *   accounts: [{ id: 'acc-1', name: 'Acme', arr: 12_000, startDate: calendarDate('2025-01-01') }],
 * };
 * ```
 */
export interface SnapshotPortfolio {
  /** The day the data was taken; the default snapshot day. */
  readonly asOf?: CalendarDate | undefined;
  readonly accounts: readonly Account[];
  readonly contacts?: readonly Contact[] | undefined;
  readonly usage?: readonly UsageSnapshot[] | undefined;
  readonly surveys?: readonly SurveyResponse[] | undefined;
  readonly mrr?: readonly MrrSnapshot[] | undefined;
  readonly events?: readonly AccountEvent[] | undefined;
}

/** The lists of a {@link SnapshotPortfolio} besides `accounts`. @internal */
export const portfolioLists = ['contacts', 'usage', 'surveys', 'mrr', 'events'] as const;

const Rows = z.optional(z.array(z.unknown()));

/** The shape of a {@link SnapshotPortfolio}, rows unchecked: the messages for a container that is not one. @internal */
export const SnapshotPortfolioShape = z.looseObject({
  asOf: z.optional(CalendarDate),
  accounts: z.array(z.unknown()),
  contacts: Rows,
  usage: Rows,
  surveys: Rows,
  mrr: Rows,
  events: Rows,
});

/** Whether a value has the shape of a {@link SnapshotPortfolio}, rows unchecked. @internal */
export function isSnapshotPortfolioShape(value: unknown): value is SnapshotPortfolio {
  return (
    isRecord(value) &&
    (value.asOf === undefined || isCalendarDate(value.asOf)) &&
    Array.isArray(value.accounts) &&
    portfolioLists.every((list) => value[list] === undefined || Array.isArray(value[list]))
  );
}
