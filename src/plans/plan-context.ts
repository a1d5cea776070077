import * as z from 'zod/mini';
import { AccountEvent, type CalendarDate, parseWith, toEpochDay } from '../core/internal.js';

/** The events of one account (or all, when a host passes the account's own), validated. @internal */
export const EventList = z.array(AccountEvent);

/** Validates `events` at `['options', 'events']`, keeping only those of `accountId`. @internal */
export function eventsOf(events: unknown, accountId: string): readonly AccountEvent[] {
  if (events === undefined) return [];
  return parseWith(EventList, events, { path: ['options', 'events'] }).filter((event) => event.accountId === accountId);
}

/**
 * The last day each contact was engaged: its `lastEngagedDate` or the
 * latest event on or before `asOf` naming it, as an epoch day.
 *
 * @internal
 */
export function lastEngagedDays(
  contacts: readonly { readonly id: string; readonly lastEngagedDate?: CalendarDate | undefined }[],
  events: readonly AccountEvent[],
  asOfDay: number,
): Map<string, number> {
  const last = new Map<string, number>();
  for (const contact of contacts) {
    if (contact.lastEngagedDate !== undefined) {
      const day = toEpochDay(contact.lastEngagedDate);
      if (day <= asOfDay) last.set(contact.id, day);
    }
  }
  for (const event of events) {
    if (event.contactId === undefined || event.type === 'champion_left') continue;
    const day = toEpochDay(event.date);
    if (day > asOfDay) continue;
    const known = last.get(event.contactId);
    if (known === undefined || day > known) last.set(event.contactId, day);
  }
  return last;
}

/** True when the contact has left on or before the day. @internal */
export function hasLeft(contact: { readonly leftDate?: CalendarDate | undefined }, asOf: CalendarDate): boolean {
  return contact.leftDate !== undefined && contact.leftDate <= asOf;
}

/**
 * `Value` with every array and object read-only, so data written `as const`
 * is accepted where a plan, goal, meeting or list of events is expected.
 *
 * @example
 * ```ts
 * import type { ReadonlyPlanData } from 'successkit/plans';
 *
 * const steps: ReadonlyPlanData<{ id: string }[]> = [{ id: 'n1' }] as const;
 * ```
 */
export type ReadonlyPlanData<Value> = Value extends readonly (infer Item)[]
  ? readonly ReadonlyPlanData<Item>[]
  : Value extends object
    ? { readonly [Key in keyof Value]: ReadonlyPlanData<Value[Key]> }
    : Value;
