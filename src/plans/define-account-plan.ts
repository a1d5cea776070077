import {
  parseWith,
  quoteText,
  SuccessKitError,
  type PathSegment,
  type SuccessKitErrorCode,
  type SuccessKitIssue,
} from '../core/internal.js';
import { AccountPlan, type AccountPlanInput, type PlanContact } from './account-plan.js';

// The brand exists only in the type; the WeakSet below is what the run time trusts.
declare const definedAccountPlanBrand: unique symbol;

/**
 * An account plan that {@link defineAccountPlan} checked and froze; the
 * review, coverage and readiness functions take it without a second check.
 *
 * @example
 * ```ts
 * import { defineAccountPlan, type DefinedAccountPlan } from 'successkit/plans';
 *
 * const plan: DefinedAccountPlan = defineAccountPlan({ id: 'p1', accountId: 'acme', contacts: [] });
 * ```
 */
export type DefinedAccountPlan = AccountPlan & { readonly [definedAccountPlanBrand]: true };

/** The org chart of a defined plan, computed once when it is defined. @internal */
export interface OrgChart {
  readonly contactById: ReadonlyMap<string, PlanContact>;
  /** Per contact, in plan order: 1 at the top of the chart, 2 for whoever reports to a top contact, … */
  readonly levels: readonly number[];
  /** Per contact, the index of its manager in `contacts`, or -1 at the top. */
  readonly managers: readonly number[];
  readonly depth: number;
}

const defined = new WeakSet<object>();
const charts = new WeakMap<object, OrgChart>();

/** At most this many issues are reported; past it the plan is broken wholesale. */
const maximumIssues = 100;

function thrower(code: SuccessKitErrorCode, issues: readonly SuccessKitIssue[]): void {
  if (issues.length > 0) throw new SuccessKitError(code, issues.slice(0, maximumIssues));
}

const lists = ['contacts', 'purchaseReasons', 'successCriteria', 'redFlags', 'initiatives', 'nextSteps'] as const;

function duplicateIssues(plan: AccountPlan): SuccessKitIssue[] {
  const issues: SuccessKitIssue[] = [];
  for (const list of lists) {
    const seen = new Map<string, number>();
    plan[list].forEach((item, index) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, index);
      else
        issues.push({
          path: [list, index, 'id'],
          message: `duplicate id ${quoteText(item.id, 80)}, first used at ${list}[${String(first)}]`,
        });
    });
  }
  return issues;
}

function historyIssues(plan: AccountPlan): SuccessKitIssue[] {
  const issues: SuccessKitIssue[] = [];
  plan.successCriteria.forEach((criterion, index) => {
    let previous: (typeof criterion.history)[number] | undefined;
    criterion.history.forEach((entry, at) => {
      const path: PathSegment[] = ['successCriteria', index, 'history', at];
      if (previous === undefined && entry.change !== 'added')
        issues.push({
          path: [...path, 'change'],
          message: `a criterion's history starts with "added", got "${entry.change}"`,
        });
      if (previous !== undefined && entry.date < previous.date)
        issues.push({
          path: [...path, 'date'],
          message: `expected a date on or after ${previous.date}, got ${entry.date}`,
        });
      if (
        previous !== undefined &&
        (previous.change === 'achieved' || previous.change === 'dropped') &&
        entry.change !== 'added'
      )
        issues.push({
          path: [...path, 'change'],
          message: `a criterion ${previous.change} can only be "added" again, got "${entry.change}"`,
        });
      previous = entry;
    });
  });
  plan.purchaseReasons.forEach((reason, index) => {
    if (reason.lastReviewedDate !== undefined && reason.lastReviewedDate < reason.recordedDate)
      issues.push({
        path: ['purchaseReasons', index, 'lastReviewedDate'],
        message: `expected a date on or after recordedDate ${reason.recordedDate}, got ${reason.lastReviewedDate}`,
      });
  });
  plan.redFlags.forEach((flag, index) => {
    if (flag.resolvedDate !== undefined && flag.resolvedDate < flag.raisedDate)
      issues.push({
        path: ['redFlags', index, 'resolvedDate'],
        message: `expected a date on or after raisedDate ${flag.raisedDate}, got ${flag.resolvedDate}`,
      });
  });
  return issues;
}

function referenceIssues(plan: AccountPlan, contactById: ReadonlyMap<string, PlanContact>): SuccessKitIssue[] {
  const issues: SuccessKitIssue[] = [];
  const check = (id: string | undefined, path: PathSegment[], what: string, known: ReadonlyMap<string, unknown>) => {
    if (id !== undefined && !known.has(id))
      issues.push({ path, message: `no ${what} has the id ${quoteText(id, 80)}` });
  };
  plan.contacts.forEach((contact, index) => {
    check(contact.reportsTo, ['contacts', index, 'reportsTo'], 'contact', contactById);
  });
  plan.redFlags.forEach((flag, index) => {
    check(flag.contactId, ['redFlags', index, 'contactId'], 'contact', contactById);
  });
  plan.initiatives.forEach((initiative, index) => {
    check(initiative.ownerContactId, ['initiatives', index, 'ownerContactId'], 'contact', contactById);
  });
  const initiatives = new Map(plan.initiatives.map((initiative) => [initiative.id, initiative]));
  plan.nextSteps.forEach((step, index) => {
    check(step.ownerContactId, ['nextSteps', index, 'ownerContactId'], 'contact', contactById);
    check(step.initiativeId, ['nextSteps', index, 'initiativeId'], 'initiative', initiatives);
  });
  return issues;
}

/**
 * Walks `reportsTo` upward from every contact with a loop, never recursion,
 * so a 10,000-deep chain costs no stack: each contact is visited once.
 */
function chartOf(contacts: readonly PlanContact[], contactById: ReadonlyMap<string, PlanContact>): OrgChart {
  const indexOf = new Map<string, number>();
  contacts.forEach((contact, index) => indexOf.set(contact.id, index));
  const levels = new Array<number>(contacts.length).fill(0);
  const managers = contacts.map((contact) =>
    contact.reportsTo === undefined ? -1 : (indexOf.get(contact.reportsTo) ?? -1),
  );
  // 0: not reached, -1: on the path being walked, > 0: its level.
  const path: number[] = [];
  let depth = 0;
  for (let start = 0; start < contacts.length; start++) {
    let current = start;
    while (current !== -1 && levels[current] === 0) {
      levels[current] = -1;
      path.push(current);
      current = managers[current] ?? -1;
    }
    if (current !== -1 && levels[current] === -1) {
      const cycleStart = path.indexOf(current);
      const names = path.slice(cycleStart).map((index) => quoteText(contacts[index]?.id ?? '', 40));
      const message =
        names.length === 1
          ? 'a contact cannot report to themselves'
          : `reporting cycle: ${[...names, names[0] ?? ''].join(' reports to ')}`;
      throw new SuccessKitError('invalid_reference', [{ path: ['contacts', current, 'reportsTo'], message }]);
    }
    let level = current === -1 ? 0 : (levels[current] ?? 0);
    for (let at = path.length - 1; at >= 0; at--) {
      level++;
      levels[path[at] ?? 0] = level;
    }
    if (level > depth) depth = level;
    path.length = 0;
  }
  return { contactById, levels, managers, depth };
}

function freezePlan(plan: AccountPlan): AccountPlan {
  for (const list of lists) {
    for (const item of plan[list]) Object.freeze(item);
    Object.freeze(plan[list]);
  }
  for (const criterion of plan.successCriteria) {
    for (const entry of criterion.history) Object.freeze(entry);
    Object.freeze(criterion.history);
  }
  return Object.freeze(plan);
}

/**
 * Validates an account plan written as JSON and returns a frozen, branded
 * copy. Rejected: anything its schema rejects (`invalid_input`); duplicate
 * ids within a list, a criterion history that does not start with `added`,
 * goes back in time or changes a criterion after it was achieved or dropped
 * without adding it again, and review or resolution dates before the dates
 * they follow (`invalid_definition`); a `reportsTo`, `contactId`,
 * `ownerContactId` or `initiativeId` that names nothing, and reporting
 * cycles (`invalid_reference`). The reporting chain is walked with a loop,
 * so a 10,000-deep chain is fine. The input is never mutated.
 *
 * @param input - the plan, as parsed from JSON or written in code
 * @returns the checked plan, frozen, every list present
 * @throws {@link core!SuccessKitError} `invalid_input`, `invalid_definition` or `invalid_reference` with the path of each problem
 *
 * @example
 * ```ts
 * import { defineAccountPlan } from 'successkit/plans';
 *
 * const plan = defineAccountPlan({
 *   id: 'p1',
 *   accountId: 'acme',
 *   contacts: [
 *     { id: 'ana', name: 'Ana Ruiz', role: 'champion', reportsTo: 'bo' },
 *     { id: 'bo', name: 'Bo Chen', role: 'leader' },
 *   ],
 * });
 * Object.isFrozen(plan); // => true
 *
 * defineAccountPlan({ id: 'p1', accountId: 'acme', contacts: [{ id: 'ana', name: 'Ana', role: 'champion', reportsTo: 'zoe' }] }); // throws invalid_reference
 * defineAccountPlan({
 *   id: 'p1',
 *   accountId: 'acme',
 *   contacts: [
 *     { id: 'ana', name: 'Ana', role: 'champion', reportsTo: 'bo' },
 *     { id: 'bo', name: 'Bo', role: 'leader', reportsTo: 'ana' },
 *   ],
 * }); // throws invalid_reference
 * ```
 */
export function defineAccountPlan(input: AccountPlanInput): DefinedAccountPlan {
  const plan = parseWith(AccountPlan, input);
  thrower('invalid_definition', [...duplicateIssues(plan), ...historyIssues(plan)]);
  const contactById = new Map(plan.contacts.map((contact) => [contact.id, contact]));
  thrower('invalid_reference', referenceIssues(plan, contactById));
  const chart = chartOf(plan.contacts, contactById);
  const frozen = freezePlan(plan);
  defined.add(frozen);
  charts.set(frozen, chart);
  return frozen as DefinedAccountPlan;
}

/**
 * `plan` itself when {@link defineAccountPlan} returned it, otherwise `plan` defined first.
 *
 * @internal
 */
export function definedAccountPlan(plan: unknown): DefinedAccountPlan {
  return typeof plan === 'object' && plan !== null && defined.has(plan)
    ? (plan as DefinedAccountPlan)
    : defineAccountPlan(plan as AccountPlanInput);
}

/**
 * The org chart of a plan, defining it first when it was not.
 *
 * @internal
 */
export function orgChartOf(plan: unknown): { readonly plan: DefinedAccountPlan; readonly chart: OrgChart } {
  const checked = definedAccountPlan(plan);
  // Every plan in `defined` has its chart, recorded with it; the fallback only satisfies the type.
  const chart =
    charts.get(checked) ?? chartOf(checked.contacts, new Map(checked.contacts.map((contact) => [contact.id, contact])));
  return { plan: checked, chart };
}
