import * as z from 'zod/mini';
import { CalendarDate } from './calendar-date.js';
import { Id, onceFieldsAreValid } from './fields.js';
import { parseWith } from './parse.js';

/**
 * The part a contact plays in the relationship:
 * `executive_sponsor` (owns the budget and the outcome), `decision_maker`
 * (signs the renewal), `champion` (day-to-day advocate and main point of
 * contact), `admin` (configures the product), `power_user`, `user`, and
 * `billing`.
 *
 * @example
 * ```ts
 * import { ContactRole } from 'successkit/core';
 *
 * ContactRole.options.includes('champion'); // => true
 * ```
 */
export const ContactRole = z.enum([
  'executive_sponsor',
  'decision_maker',
  'champion',
  'admin',
  'power_user',
  'user',
  'billing',
]);

/**
 * A contact's role; see the {@link ContactRole} schema.
 *
 * @example
 * ```ts
 * import type { ContactRole } from 'successkit/core';
 *
 * const role: ContactRole = 'executive_sponsor';
 * ```
 */
export type ContactRole = z.infer<typeof ContactRole>;

/**
 * A person at a customer account. `reportsTo` links contacts of the same
 * account into an org chart (the champion, their peers, and the leadership
 * levels above them); `leftDate` marks the day they left the customer.
 *
 * @example
 * ```ts
 * import { Contact } from 'successkit/core';
 *
 * const champion = Contact.parse({
 *   id: 'con-12',
 *   accountId: 'acc-1',
 *   name: 'Dana Reyes',
 *   title: 'Operations Manager',
 *   role: 'champion',
 *   reportsTo: 'con-11',
 * });
 * ```
 */
export const Contact = z
  .strictObject({
    id: Id,
    accountId: Id,
    name: z.string().check(z.minLength(1)),
    email: z.optional(z.email()),
    title: z.optional(z.string().check(z.minLength(1))),
    role: ContactRole,
    reportsTo: z.optional(Id),
    leftDate: z.optional(CalendarDate),
  })
  .check(
    z.refine((contact) => contact.reportsTo !== contact.id, {
      ...onceFieldsAreValid,
      path: ['reportsTo'],
      error: 'a contact cannot report to themselves',
    }),
  );

/**
 * A validated contact; see the {@link Contact} schema.
 *
 * @example
 * ```ts
 * import type { Contact } from 'successkit/core';
 *
 * const sponsor: Contact = { id: 'con-1', accountId: 'acc-1', name: 'Sam Ito', role: 'executive_sponsor' };
 * ```
 */
export type Contact = z.infer<typeof Contact>;

/**
 * Validates one contact.
 *
 * @param input - untrusted contact data
 * @returns the contact, typed
 * @throws {@link SuccessKitError} `invalid_input` naming each bad field
 *
 * @example
 * ```ts
 * import { parseContact } from 'successkit/core';
 *
 * parseContact({ id: 'con-3', accountId: 'acc-1', name: 'Lee Park', role: 'admin' }).role; // => 'admin'
 * parseContact({ id: 'con-3', accountId: 'acc-1', name: 'Lee Park', role: 'boss' }); // throws invalid_input
 * ```
 */
export function parseContact(input: unknown): Contact {
  return parseWith(Contact, input);
}
