import * as z from 'zod/mini';
import { CalendarDate } from './calendar-date.js';
import { Id, Money } from './fields.js';
import { parseWith } from './parse.js';

const eventFields = {
  id: Id,
  accountId: Id,
  date: CalendarDate,
  contactId: z.optional(Id),
  note: z.optional(z.string()),
};

// `Type` keeps the literal ('ticket', not string) in the inferred return type.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
function event<Type extends string, Shape extends z.core.$ZodShape>(type: Type, shape: Shape) {
  return z.extend(z.strictObject({ ...eventFields, type: z.literal(type) }), shape);
}

/**
 * Severity of an escalation, from `low` to `critical` ("code red").
 *
 * @example
 * ```ts
 * import { EscalationSeverity } from 'successkit/core';
 *
 * EscalationSeverity.options; // => ['low', 'medium', 'high', 'critical']
 * ```
 */
export const EscalationSeverity = z.enum(['low', 'medium', 'high', 'critical']);

/**
 * How severe an escalation is: `low`, `medium`, `high` or `critical`; see the {@link EscalationSeverity} schema.
 *
 * @example
 * ```ts
 * import type { EscalationSeverity } from 'successkit/core';
 *
 * const severity: EscalationSeverity = 'high';
 * ```
 */
export type EscalationSeverity = z.infer<typeof EscalationSeverity>;

/**
 * Priority of a support ticket.
 *
 * @example
 * ```ts
 * import { TicketPriority } from 'successkit/core';
 *
 * TicketPriority.parse('urgent'); // => 'urgent'
 * ```
 */
export const TicketPriority = z.enum(['low', 'normal', 'high', 'urgent']);

/**
 * The priority of a support ticket: `low`, `normal`, `high` or `urgent`; see the {@link TicketPriority} schema.
 *
 * @example
 * ```ts
 * import type { TicketPriority } from 'successkit/core';
 *
 * const priority: TicketPriority = 'urgent';
 * ```
 */
export type TicketPriority = z.infer<typeof TicketPriority>;

/**
 * Kinds of customer meeting: `kickoff`, `check_in`, `training`, `onsite`,
 * and `ebr` (executive business review, also called QBR).
 *
 * @example
 * ```ts
 * import { MeetingKind } from 'successkit/core';
 *
 * MeetingKind.parse('ebr'); // => 'ebr'
 * ```
 */
export const MeetingKind = z.enum(['kickoff', 'check_in', 'ebr', 'training', 'onsite']);

/**
 * The kind of a customer meeting: `kickoff`, `check_in`, `ebr`, `training` or `onsite`; see the {@link MeetingKind} schema.
 *
 * @example
 * ```ts
 * import type { MeetingKind } from 'successkit/core';
 *
 * const kind: MeetingKind = 'ebr';
 * ```
 */
export type MeetingKind = z.infer<typeof MeetingKind>;

/**
 * Something that happened at an account on a day, told apart by `type`. All
 * events carry `id`, `accountId`, `date`, and optionally the `contactId`
 * involved and a `note`.
 *
 * | type | extra fields | what it records |
 * |---|---|---|
 * | `login` | — | a user signed in |
 * | `milestone_reached` | `milestoneId` | a journey or onboarding milestone was completed (`first_login`, `configuration_complete`, …) |
 * | `ticket` | `ticketId`, `priority`, `resolvedDate?` | a support ticket was opened (and when it was resolved) |
 * | `escalation` | `severity`, `reason?` | an issue was escalated beyond support |
 * | `feature_request` | `title`, `onRoadmap?`, `outOfScope?` | the customer asked for an enhancement (and whether it is on the roadmap, or outside what the product is for) |
 * | `champion_left` | `contactId` (required) | the main point of contact left the customer |
 * | `sponsor_changed` | `contactId?` (the new sponsor) | the executive sponsor changed |
 * | `meeting` | `meetingKind` | a kickoff, check-in, EBR, training or onsite took place |
 * | `payment_overdue` | `amount` | an invoice went unpaid past its due date (major units) |
 * | `value_realized` | `share` | the customer has realized this share (0–1) of the business value targeted for them, as agreed at an EBR or value review |
 * | `custom` | `name`, `value?` | anything else the host tracks |
 *
 * @example
 * ```ts
 * import { AccountEvent } from 'successkit/core';
 *
 * AccountEvent.parse({ id: 'evt-1', accountId: 'acc-1', date: '2025-03-04', type: 'milestone_reached', milestoneId: 'first_login' });
 * AccountEvent.parse({ id: 'evt-2', accountId: 'acc-1', date: '2025-03-09', type: 'escalation', severity: 'high' });
 * ```
 */
export const AccountEvent = z.discriminatedUnion('type', [
  event('login', {}),
  event('milestone_reached', { milestoneId: Id }),
  event('ticket', { ticketId: Id, priority: TicketPriority, resolvedDate: z.optional(CalendarDate) }),
  event('escalation', { severity: EscalationSeverity, reason: z.optional(z.string()) }),
  event('feature_request', {
    title: z.string().check(z.minLength(1)),
    onRoadmap: z.optional(z.boolean()),
    outOfScope: z.optional(z.boolean()),
  }),
  event('champion_left', { contactId: Id }),
  event('sponsor_changed', {}),
  event('meeting', { meetingKind: MeetingKind }),
  event('payment_overdue', { amount: Money }),
  event('value_realized', { share: z.number().check(z.minimum(0), z.maximum(1)) }),
  event('custom', {
    name: z.string().check(z.minLength(1)),
    value: z.optional(z.union([z.string(), z.number(), z.boolean()])),
  }),
]);

/**
 * A validated account event; see the {@link AccountEvent} schema. Narrow it
 * with `event.type`.
 *
 * @example
 * ```ts
 * import { calendarDate, type AccountEvent } from 'successkit/core';
 *
 * const left: AccountEvent = { id: 'evt-9', accountId: 'acc-1', date: calendarDate('2025-08-01'), type: 'champion_left', contactId: 'con-4' };
 * ```
 */
export type AccountEvent = z.infer<typeof AccountEvent>;

/**
 * The `type` of an {@link AccountEvent}.
 *
 * @example
 * ```ts
 * import type { AccountEventType } from 'successkit/core';
 *
 * const risky: AccountEventType[] = ['escalation', 'champion_left', 'payment_overdue'];
 * ```
 */
export type AccountEventType = AccountEvent['type'];

/**
 * Validates one account event.
 *
 * @param input - untrusted event data
 * @returns the event, typed
 * @throws {@link SuccessKitError} `invalid_input` naming each bad field
 *
 * @example
 * ```ts
 * import { parseAccountEvent } from 'successkit/core';
 *
 * const ticket = parseAccountEvent({ id: 'evt-3', accountId: 'acc-1', date: '2025-03-05', type: 'ticket', ticketId: 'T-88', priority: 'high' });
 * ticket.type; // => 'ticket'
 * ```
 */
export function parseAccountEvent(input: unknown): AccountEvent {
  return parseWith(AccountEvent, input);
}
