import * as z from 'zod/mini';
import type { ReadonlyPlanData } from './plan-context.js';
import { CalendarDate, fail, Id, parseWith, quoteText, toEpochDay, atPath } from '../core/internal.js';
import type { AccountPlanInput, RedFlag } from './account-plan.js';
import { definedAccountPlan, type DefinedAccountPlan } from './define-account-plan.js';
import { overdueSteps, type OverdueNextStep } from './review-account-plan.js';

/**
 * A customer meeting and its preparation, as seed 002 ("Murphy's Law")
 * lists it: the client's conferencing tool confirmed with them (remote) or
 * projection checked (in person), the deck sent as a PDF to the main
 * contact, slow product pages preloaded, names and company double-checked,
 * a backup PDF open; and the plan entries (red flag and next-step ids) put
 * on the agenda.
 *
 * @example
 * ```ts
 * import { CustomerMeeting } from 'successkit/plans';
 *
 * CustomerMeeting.parse({ id: 'm1', date: '2026-07-02' }).format; // => 'remote'
 * ```
 */
export const CustomerMeeting = z.strictObject({
  id: Id,
  accountId: z.optional(Id),
  title: z.optional(z.string().check(z.minLength(1), z.maxLength(10_000))),
  date: CalendarDate,
  format: z._default(z.enum(['remote', 'in_person']), 'remote'),
  /** The client's main point of contact; default: the plan's champion. */
  mainContactId: z.optional(Id),
  conferencingTool: z.optional(
    z.strictObject({ name: z.string().check(z.minLength(1), z.maxLength(200)), confirmedWithClient: z.boolean() }),
  ),
  projectionChecked: z._default(z.boolean(), false),
  deckSentAsPdf: z.optional(z.strictObject({ sentTo: Id, sentDate: CalendarDate })),
  slowPagesPreloaded: z._default(z.boolean(), false),
  namesDoubleChecked: z._default(z.boolean(), false),
  backupPdfReady: z._default(z.boolean(), false),
  /** Ids of the plan's red flags and next steps put on the agenda. */
  agenda: z._default(z.array(Id), () => []),
});

/**
 * A customer meeting and its preparation.
 *
 * @example
 * ```ts
 * import type { CustomerMeeting } from 'successkit/plans';
 *
 * const ebr: CustomerMeeting = { id: 'm1', date: '2026-07-02' as never, format: 'remote', projectionChecked: false, slowPagesPreloaded: true, namesDoubleChecked: true, backupPdfReady: true, agenda: [] };
 * ```
 */
export type CustomerMeeting = z.infer<typeof CustomerMeeting>;

/**
 * A customer meeting as written: the checklist flags default to not done.
 *
 * @example
 * ```ts
 * import type { CustomerMeetingInput } from 'successkit/plans';
 *
 * const ebr: CustomerMeetingInput = { id: 'm1', date: '2026-07-02', backupPdfReady: true };
 * ```
 */
export type CustomerMeetingInput = ReadonlyPlanData<z.input<typeof CustomerMeeting>>;

const MeetingOptions = z.strictObject({ asOf: CalendarDate, plan: z.optional(z.unknown()) });

/**
 * What {@link meetingReadiness} reads besides the meeting: the day and, optionally, the account plan.
 *
 * @example
 * ```ts
 * import type { MeetingReadinessInput } from 'successkit/plans';
 *
 * const input: MeetingReadinessInput = { asOf: '2026-06-30' };
 * ```
 */
export interface MeetingReadinessInput {
  readonly asOf: string;
  readonly plan?: DefinedAccountPlan | AccountPlanInput;
}

/**
 * The item codes of a meeting checklist.
 *
 * @example
 * ```ts
 * import { meetingChecklistItems } from 'successkit/plans';
 *
 * meetingChecklistItems.includes('backup_pdf_ready'); // => true
 * ```
 */
export const meetingChecklistItems = [
  'conferencing_tool_confirmed',
  'projection_checked',
  'deck_sent_as_pdf',
  'slow_pages_preloaded',
  'names_double_checked',
  'backup_pdf_ready',
  'raise_red_flag',
  'raise_overdue_next_step',
] as const;

/**
 * One line of the checklist: done, or what is missing.
 *
 * @example
 * ```ts
 * import type { MeetingChecklistItem } from 'successkit/plans';
 *
 * const item: MeetingChecklistItem = { item: 'backup_pdf_ready', label: 'Backup PDF of the deck open', done: false, missing: 'export the deck to PDF and keep it open', subjectId: null };
 * ```
 */
export interface MeetingChecklistItem {
  readonly item: (typeof meetingChecklistItems)[number];
  readonly label: string;
  readonly done: boolean;
  /** What to do when not done; `null` when done. */
  readonly missing: string | null;
  /** The red flag or next step to raise, for those items. */
  readonly subjectId: string | null;
}

/**
 * How ready a meeting is: the checklist, what the plan says to raise, and the days left.
 *
 * @example
 * ```ts
 * import { meetingReadiness, type MeetingReadiness } from 'successkit/plans';
 *
 * const readiness: MeetingReadiness = meetingReadiness({ id: 'm1', date: '2026-07-02' }, { asOf: '2026-06-30' });
 * readiness.ready; // => false
 * ```
 */
export interface MeetingReadiness {
  readonly meetingId: string;
  readonly date: CalendarDate;
  readonly asOf: CalendarDate;
  /** Whole days from `asOf` to the meeting; negative once it is past. */
  readonly daysUntil: number;
  readonly ready: boolean;
  readonly done: number;
  readonly total: number;
  readonly items: readonly MeetingChecklistItem[];
  readonly toRaise: { readonly redFlags: readonly RedFlag[]; readonly overdueNextSteps: readonly OverdueNextStep[] };
}

function item(
  code: MeetingChecklistItem['item'],
  label: string,
  done: boolean,
  missing: string,
  subjectId: string | null = null,
): MeetingChecklistItem {
  return { item: code, label, done, missing: done ? null : missing, subjectId };
}

function deckItem(
  meeting: CustomerMeeting,
  mainContactId: string | undefined,
  asOf: CalendarDate,
): MeetingChecklistItem {
  const sent = meeting.deckSentAsPdf;
  const label = 'Deck sent as a PDF to the main contact';
  if (sent === undefined || sent.sentDate > asOf)
    return item(
      'deck_sent_as_pdf',
      label,
      false,
      'send the deck as a PDF to the main point of contact ahead of the meeting',
    );
  if (mainContactId !== undefined && sent.sentTo !== mainContactId)
    return item(
      'deck_sent_as_pdf',
      label,
      false,
      `the deck went to ${quoteText(sent.sentTo, 80)}, not the main contact ${quoteText(mainContactId, 80)}: send it to them`,
    );
  return item('deck_sent_as_pdf', label, true, '');
}

/**
 * The readiness checklist of a customer meeting as of a day: seed 002's
 * preparation against Murphy's Law — the client's conferencing tool confirmed
 * with them (or, in person, projection checked), the deck sent as a PDF to
 * the main contact (the plan's champion unless the meeting names one), slow
 * product pages preloaded, names and company double-checked, a backup PDF
 * ready — plus, given the account plan, each open red flag and overdue next
 * step to raise, done once its id is on the meeting's agenda.
 *
 * @param meeting - the meeting and its preparation; see {@link CustomerMeeting}
 * @param input - the day and the account plan; see {@link MeetingReadinessInput}
 * @returns the checklist with what is missing, what to raise and the days left
 * @throws {@link core!SuccessKitError} `invalid_input` for a bad meeting or day; as {@link defineAccountPlan} for the plan (path `['options', 'plan', …]`); `invalid_reference` when the plan is another account's, or the main contact is not on its chart
 *
 * @example
 * ```ts
 * import { meetingReadiness } from 'successkit/plans';
 *
 * const plan = {
 *   id: 'p1',
 *   accountId: 'acme',
 *   contacts: [{ id: 'ana', name: 'Ana Ruiz', role: 'champion' }],
 *   redFlags: [{ id: 'f1', kind: 'escalation', description: 'Outage escalated', raisedDate: '2026-06-20' }],
 * } as const;
 * const readiness = meetingReadiness(
 *   {
 *     id: 'm1',
 *     accountId: 'acme',
 *     date: '2026-07-02',
 *     conferencingTool: { name: 'Teams', confirmedWithClient: true },
 *     deckSentAsPdf: { sentTo: 'ana', sentDate: '2026-06-30' },
 *     slowPagesPreloaded: true,
 *     namesDoubleChecked: true,
 *   },
 *   { asOf: '2026-07-01', plan },
 * );
 * readiness.items.filter((entry) => !entry.done).map((entry) => entry.item); // => ['backup_pdf_ready', 'raise_red_flag']
 * readiness.daysUntil; // => 1
 * ```
 */
export function meetingReadiness(meeting: CustomerMeetingInput, input: MeetingReadinessInput): MeetingReadiness {
  const checked = parseWith(CustomerMeeting, meeting);
  const options = parseWith(MeetingOptions, input, { path: ['options'] });
  const { asOf } = options;
  const plan =
    options.plan === undefined ? undefined : atPath(['options', 'plan'], () => definedAccountPlan(options.plan));
  if (plan !== undefined && checked.accountId !== undefined && plan.accountId !== checked.accountId)
    fail(
      'invalid_reference',
      ['options', 'plan', 'accountId'],
      `expected the plan of account ${quoteText(checked.accountId, 80)}, got ${quoteText(plan.accountId, 80)}`,
    );
  const champion = plan?.contacts.find(
    (contact) => contact.role === 'champion' && (contact.leftDate === undefined || contact.leftDate > asOf),
  );
  const mainContactId = checked.mainContactId ?? champion?.id;
  if (
    plan !== undefined &&
    checked.mainContactId !== undefined &&
    !plan.contacts.some((contact) => contact.id === checked.mainContactId)
  )
    fail(
      'invalid_reference',
      ['mainContactId'],
      `no contact on the plan has the id ${quoteText(checked.mainContactId, 80)}`,
    );
  const items: MeetingChecklistItem[] = [
    checked.format === 'remote'
      ? item(
          'conferencing_tool_confirmed',
          'Conferencing tool confirmed with the client',
          checked.conferencingTool?.confirmedWithClient === true,
          'ask the client which web-conferencing tool they use and adapt to it; install it and test the link',
        )
      : item(
          'projection_checked',
          'Projection checked at the venue',
          checked.projectionChecked,
          'check how you will project in the room, and bring an adapter',
        ),
    deckItem(checked, mainContactId, asOf),
    item(
      'slow_pages_preloaded',
      'Slow product pages preloaded',
      checked.slowPagesPreloaded,
      'open the slow pages of the product in tabs before the meeting',
    ),
    item(
      'names_double_checked',
      'Names and company double-checked',
      checked.namesDoubleChecked,
      "write down every attendee's name and the company's, and check everything written that goes out",
    ),
    item(
      'backup_pdf_ready',
      'Backup PDF of the deck open',
      checked.backupPdfReady,
      'export the deck to PDF and keep it open in case the presentation app crashes',
    ),
  ];
  const agenda = new Set(checked.agenda);
  const redFlags =
    plan === undefined
      ? []
      : plan.redFlags.filter(
          (flag) => flag.raisedDate <= asOf && (flag.resolvedDate === undefined || flag.resolvedDate > asOf),
        );
  const late =
    plan === undefined
      ? []
      : [...overdueSteps(plan, toEpochDay(asOf)).us, ...overdueSteps(plan, toEpochDay(asOf)).client];
  for (const flag of redFlags)
    items.push(
      item(
        'raise_red_flag',
        `Raise red flag: ${flag.description}`,
        agenda.has(flag.id),
        'put the open red flag on the agenda',
        flag.id,
      ),
    );
  for (const step of late)
    items.push(
      item(
        'raise_overdue_next_step',
        `Raise overdue next step (${step.owner === 'us' ? 'ours' : "the client's"}): ${step.action}`,
        agenda.has(step.id),
        'put the overdue next step on the agenda with a new date',
        step.id,
      ),
    );
  const done = items.filter((entry) => entry.done).length;
  return {
    meetingId: checked.id,
    date: checked.date,
    asOf,
    daysUntil: toEpochDay(checked.date) - toEpochDay(asOf),
    ready: done === items.length,
    done,
    total: items.length,
    items,
    toRaise: { redFlags, overdueNextSteps: late },
  };
}
