import * as z from 'zod/mini';
import { CalendarDate, parseWith, toEpochDay } from '../core/internal.js';
import type { PlanContactRole } from './account-plan.js';
import { orgChartOf, type DefinedAccountPlan, type OrgChart } from './define-account-plan.js';
import type { AccountPlanInput } from './account-plan.js';
import { EventList, hasLeft, lastEngagedDays, type ReadonlyPlanData } from './plan-context.js';

/**
 * How many levels the account's org chart has: 1 when nobody reports to
 * anybody, 3 for a champion under a director under a VP, 0 without contacts.
 * Contacts who left still count: the chart is the plan's map of the company.
 *
 * @param plan - a plan from {@link defineAccountPlan} or its JSON
 * @returns the number of levels, a whole number ≥ 0
 * @throws {@link core!SuccessKitError} as {@link defineAccountPlan} for a plan that was not defined
 *
 * @example
 * ```ts
 * import { orgChartDepth } from 'successkit/plans';
 *
 * orgChartDepth({
 *   id: 'p1',
 *   accountId: 'acme',
 *   contacts: [
 *     { id: 'ana', name: 'Ana', role: 'champion', reportsTo: 'bo' },
 *     { id: 'bo', name: 'Bo', role: 'leader', reportsTo: 'cy' },
 *     { id: 'cy', name: 'Cy', role: 'executive_sponsor' },
 *   ],
 * }); // => 3
 * ```
 */
export function orgChartDepth(plan: DefinedAccountPlan | AccountPlanInput): number {
  return orgChartOf(plan).chart.depth;
}

/**
 * Options of {@link coverage}: the day (`asOf`, required), how recent an
 * engagement must be (`engagedWithinDays`, default 60) and events whose
 * `contactId` counts as engaging that contact (default none).
 *
 * @example
 * ```ts
 * import { CoverageInput } from 'successkit/plans';
 *
 * CoverageInput.parse({ asOf: '2026-06-30' }).engagedWithinDays; // => 60
 * ```
 */
export const CoverageInput = z.strictObject({
  asOf: CalendarDate,
  engagedWithinDays: z._default(z.int().check(z.minimum(1), z.maximum(36_600)), 60),
  events: z.optional(EventList),
});

/**
 * The day and engagement window of a coverage count.
 *
 * @example
 * ```ts
 * import type { CoverageInput } from 'successkit/plans';
 *
 * const input: CoverageInput = { asOf: '2026-06-30' as never, engagedWithinDays: 30 };
 * ```
 */
export type CoverageInput = z.input<typeof CoverageInput>;

/**
 * The contacts on one level of the org chart (1 is the top).
 *
 * @example
 * ```ts
 * import type { CoverageLevel } from 'successkit/plans';
 *
 * const top: CoverageLevel = { level: 1, contacts: 1, engaged: 0, left: 0 };
 * ```
 */
export interface CoverageLevel {
  readonly level: number;
  /** Contacts on the level who have not left. */
  readonly contacts: number;
  /** Of those, the ones engaged within the window. */
  readonly engaged: number;
  /** Contacts on the level who left on or before `asOf`. */
  readonly left: number;
}

/**
 * How well the account is covered: contacts and engaged contacts per level and per role.
 *
 * @example
 * ```ts
 * import type { Coverage } from 'successkit/plans';
 *
 * const none: Coverage = { asOf: '2026-06-30' as never, engagedWithinDays: 60, contacts: 0, engaged: 0, engagedShare: null, levels: [], roles: { champion: 0, peer: 0, leader: 0, executive_sponsor: 0, user: 0 } };
 * ```
 */
export interface Coverage {
  readonly asOf: CalendarDate;
  readonly engagedWithinDays: number;
  /** Contacts who have not left. */
  readonly contacts: number;
  /** Of those, the ones engaged within `engagedWithinDays` days up to `asOf`. */
  readonly engaged: number;
  /** `engaged / contacts`, 0–1; `null` without contacts. */
  readonly engagedShare: number | null;
  /** From the top of the chart down, levels with no one left on them included. */
  readonly levels: readonly CoverageLevel[];
  /** Contacts who have not left, per role. */
  readonly roles: Readonly<Record<PlanContactRole, number>>;
}

/** Coverage of a defined plan with checked options. @internal */
export function coverageOf(
  plan: DefinedAccountPlan,
  chart: OrgChart,
  asOf: CalendarDate,
  engagedWithinDays: number,
  last: ReadonlyMap<string, number>,
): Coverage {
  const engagedSince = toEpochDay(asOf) - engagedWithinDays;
  const levels: { level: number; contacts: number; engaged: number; left: number }[] = [];
  for (let level = 1; level <= chart.depth; level++) levels.push({ level, contacts: 0, engaged: 0, left: 0 });
  const roles = { champion: 0, peer: 0, leader: 0, executive_sponsor: 0, user: 0 };
  let contacts = 0;
  let engaged = 0;
  plan.contacts.forEach((contact, index) => {
    const row = levels[(chart.levels[index] ?? 1) - 1];
    if (row === undefined) return;
    if (hasLeft(contact, asOf)) {
      row.left++;
      return;
    }
    row.contacts++;
    contacts++;
    roles[contact.role]++;
    const day = last.get(contact.id);
    if (day !== undefined && day > engagedSince) {
      row.engaged++;
      engaged++;
    }
  });
  return {
    asOf,
    engagedWithinDays,
    contacts,
    engaged,
    engagedShare: contacts === 0 ? null : engaged / contacts,
    levels,
    roles,
  };
}

/**
 * Counts who the account plan covers as of a day: contacts who have not
 * left, per level of the org chart (1 is the top) and per role, and how many
 * of them were engaged in the last `engagedWithinDays` days — by their
 * `lastEngagedDate` or an event naming them.
 *
 * @param plan - a plan from {@link defineAccountPlan} or its JSON
 * @param input - the day and the engagement window; see {@link CoverageInput}
 * @returns contacts and engaged contacts per level and per role
 * @throws {@link core!SuccessKitError} as {@link defineAccountPlan}; `invalid_input` at `['options', …]` for a bad day, window or event
 *
 * @example
 * ```ts
 * import { coverage } from 'successkit/plans';
 *
 * const plan = {
 *   id: 'p1',
 *   accountId: 'acme',
 *   contacts: [
 *     { id: 'ana', name: 'Ana', role: 'champion', reportsTo: 'bo', lastEngagedDate: '2026-06-20' },
 *     { id: 'bo', name: 'Bo', role: 'leader' },
 *   ],
 * } as const;
 * const result = coverage(plan, { asOf: '2026-06-30' });
 * result.levels; // => [{ level: 1, contacts: 1, engaged: 0, left: 0 }, { level: 2, contacts: 1, engaged: 1, left: 0 }]
 * result.engagedShare; // => 0.5
 * ```
 */
export function coverage(
  plan: DefinedAccountPlan | AccountPlanInput,
  input: ReadonlyPlanData<CoverageInput>,
): Coverage {
  const checked = orgChartOf(plan);
  const options = parseWith(CoverageInput, input, { path: ['options'] });
  const events = (options.events ?? []).filter((event) => event.accountId === checked.plan.accountId);
  const last = lastEngagedDays(checked.plan.contacts, events, toEpochDay(options.asOf));
  return coverageOf(checked.plan, checked.chart, options.asOf, options.engagedWithinDays, last);
}
