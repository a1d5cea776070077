import type { AccountEvent } from 'successkit/core';
import { defineAccountPlan, reviewAccountPlan, type AccountPlanInput, type DefinedAccountPlan } from 'successkit/plans';
import { medianMs, report } from './report.js';

// Requirement: reviewAccountPlan for 10,000 plans of 50 contacts each in
// ≤ 1 s. Beside it, a hand-written loop making the same checks on the same
// plans with no library code and no validation: index the contacts, walk
// reportsTo from the champion for two levels of leaders, count active and
// engaged contacts, active and stale success criteria, unrevisited purchase
// reasons, overdue next steps by owner and red flags from the events, and
// build the findings — the least a host would write for these checks.
const asOf = '2026-06-30';
const asOfDay = Date.UTC(2026, 5, 30) / 86_400_000;
const plansCount = 10_000;
const contactsPerPlan = 50;
const roles = ['peer', 'user', 'user', 'leader'] as const;

function day(text: string): number {
  return Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))) / 86_400_000;
}

function planOf(index: number): AccountPlanInput {
  const accountId = `a${String(index)}`;
  const contacts = Array.from({ length: contactsPerPlan }, (_, at) => ({
    id: `c${String(at)}`,
    name: `Contact ${String(at)}`,
    role:
      at === 0
        ? ('executive_sponsor' as const)
        : at === 1
          ? ('leader' as const)
          : at === 2
            ? ('champion' as const)
            : (roles[at % 4] ?? 'user'),
    ...(at === 0 ? {} : { reportsTo: `c${String(at <= 2 ? at - 1 : 1 + (at % 2))}` }),
    ...(at % 3 === 0 ? { lastEngagedDate: `2026-0${String(1 + (at % 6))}-15` } : {}),
    ...(at % 17 === 16 ? { leftDate: '2026-05-10' } : {}),
  }));
  return {
    id: `p${String(index)}`,
    accountId,
    contacts,
    purchaseReasons: [
      {
        id: 'r1',
        challenge: 'Tickets take days',
        status: 'improving',
        recordedDate: '2025-09-01',
        lastReviewedDate: '2026-03-01',
      },
      {
        id: 'r2',
        challenge: 'No reporting',
        status: index % 5 === 0 ? 'struggling' : 'open',
        recordedDate: '2025-09-01',
      },
    ],
    successCriteria: [
      {
        id: 's1',
        area: 'Response time',
        history: [
          { date: '2026-01-10', change: 'added' },
          { date: '2026-05-01', change: 'reviewed' },
        ],
      },
      { id: 's2', area: 'Deflection', history: [{ date: '2026-02-01', change: 'added' }] },
      {
        id: 's3',
        area: 'Cost',
        history: [
          { date: '2026-02-01', change: 'added' },
          { date: '2026-04-01', change: 'achieved' },
        ],
      },
    ],
    redFlags:
      index % 4 === 0 ? [{ id: 'f1', kind: 'escalation', description: 'Outage', raisedDate: '2026-06-01' }] : [],
    initiatives: [{ id: 'i1', name: 'Rollout', owner: 'client', status: 'open' }],
    nextSteps: [
      { id: 'n1', action: 'Send deck', owner: 'us', dueDate: '2026-06-20', status: 'open' },
      { id: 'n2', action: 'Share export', owner: 'client', dueDate: '2026-07-20', status: 'open' },
      { id: 'n3', action: 'Old', owner: 'client', dueDate: '2026-01-20', status: 'done' },
    ],
  };
}

function eventsOf(index: number): AccountEvent[] {
  const accountId = `a${String(index)}`;
  const events: AccountEvent[] = [
    {
      id: `e${String(index)}-1`,
      accountId,
      type: 'meeting',
      meetingKind: 'check_in',
      date: '2026-06-12',
      contactId: 'c2',
    } as AccountEvent,
  ];
  if (index % 3 === 0)
    events.push({
      id: `e${String(index)}-2`,
      accountId,
      type: 'escalation',
      severity: 'high',
      date: '2026-06-02',
    } as AccountEvent);
  if (index % 7 === 0)
    events.push({ id: `e${String(index)}-3`, accountId, type: 'sponsor_changed', date: '2026-05-02' } as AccountEvent);
  return events;
}

const severityOrder = ['critical', 'high', 'medium', 'low'];

interface HandFinding {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
}

function handWritten(
  plan: DefinedAccountPlan,
  events: readonly AccountEvent[],
): { findings: HandFinding[]; active: number; engaged: number } {
  const findings: HandFinding[] = [];
  const byId = new Map(plan.contacts.map((contact) => [contact.id, contact]));
  const left = (contact: { readonly leftDate?: string | undefined }) =>
    contact.leftDate !== undefined && contact.leftDate <= asOf;
  const lastEngaged = new Map<string, number>();
  for (const contact of plan.contacts)
    if (contact.lastEngagedDate !== undefined) lastEngaged.set(contact.id, day(contact.lastEngagedDate));
  for (const event of events) {
    if (event.contactId === undefined || event.date > asOf) continue;
    const seen = day(event.date);
    if ((lastEngaged.get(event.contactId) ?? -Infinity) < seen) lastEngaged.set(event.contactId, seen);
  }
  let active = 0;
  let engaged = 0;
  let champion = false;
  for (const contact of plan.contacts) {
    if (left(contact)) continue;
    active++;
    if (asOfDay - (lastEngaged.get(contact.id) ?? -Infinity) < 60) engaged++;
    if (contact.role !== 'champion') continue;
    champion = true;
    let above = 0;
    let manager = contact.reportsTo === undefined ? undefined : byId.get(contact.reportsTo);
    while (manager !== undefined && above < 2) {
      if (!left(manager)) above++;
      manager = manager.reportsTo === undefined ? undefined : byId.get(manager.reportsTo);
    }
    if (above < 2)
      findings.push({
        code: 'leadership_gap',
        severity: 'high',
        message: `${contact.name} has ${String(above)} of 2 levels`,
      });
    if (asOfDay - (lastEngaged.get(contact.id) ?? -Infinity) >= 60)
      findings.push({ code: 'champion_not_engaged', severity: 'high', message: contact.name });
  }
  if (!champion) findings.push({ code: 'no_champion', severity: 'critical', message: 'no champion' });
  if (active === 1) findings.push({ code: 'single_threaded', severity: 'high', message: 'one contact' });
  for (const reason of plan.purchaseReasons) {
    if (reason.status !== 'solved' && asOfDay - day(reason.lastReviewedDate ?? reason.recordedDate) > 180)
      findings.push({ code: 'purchase_reason_not_revisited', severity: 'medium', message: reason.challenge });
    if (reason.status === 'struggling')
      findings.push({ code: 'purchase_reason_struggling', severity: 'high', message: reason.challenge });
  }
  let criteria = 0;
  for (const criterion of plan.successCriteria) {
    const last = criterion.history.at(-1);
    if (last === undefined || last.change === 'achieved' || last.change === 'dropped') continue;
    criteria++;
    if (asOfDay - day(last.date) > 90)
      findings.push({ code: 'criterion_not_reviewed', severity: 'medium', message: criterion.area });
  }
  if (criteria < 2 || criteria > 3)
    findings.push({ code: 'criteria_count', severity: 'medium', message: String(criteria) });
  const us: string[] = [];
  const client: string[] = [];
  for (const step of plan.nextSteps)
    if (step.status === 'open' && step.dueDate < asOf) (step.owner === 'us' ? us : client).push(step.id);
  if (us.length > 0) findings.push({ code: 'overdue_next_steps_us', severity: 'high', message: us.join() });
  if (client.length > 0)
    findings.push({ code: 'overdue_next_steps_client', severity: 'medium', message: client.join() });
  let staffing = 0;
  let escalations = 0;
  let requests = 0;
  for (const event of events) {
    if (event.date > asOf || asOfDay - day(event.date) >= 90) continue;
    if (event.type === 'champion_left' || event.type === 'sponsor_changed') staffing++;
    else if (event.type === 'escalation') escalations++;
    else if (event.type === 'feature_request') requests++;
  }
  if (staffing > 0) findings.push({ code: 'red_flag_staffing_change', severity: 'high', message: String(staffing) });
  if (escalations > 0) findings.push({ code: 'red_flag_escalation', severity: 'high', message: String(escalations) });
  if (requests >= 5)
    findings.push({ code: 'red_flag_feature_requests', severity: 'medium', message: String(requests) });
  for (const flag of plan.redFlags)
    if (flag.raisedToManagement !== true && flag.resolvedDate === undefined)
      findings.push({ code: 'red_flag_not_raised', severity: 'medium', message: flag.id });
  findings.sort((a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity));
  return { findings, active, engaged };
}

const inputs = Array.from({ length: plansCount }, (_, index) => planOf(index));
const events = Array.from({ length: plansCount }, (_, index) => eventsOf(index));
// Plans are defined once, as a host defines them when they are saved; define is timed last, so
// its garbage does not weigh on the reviews.
const plans = inputs.map((plan) => defineAccountPlan(plan));

const withEvents = await medianMs(
  'reviewAccountPlan with events',
  () => plans.map((plan, index) => reviewAccountPlan(plan, { asOf, events: events[index] })),
  7,
);
const withoutEvents = await medianMs(
  'reviewAccountPlan',
  () => plans.map((plan) => reviewAccountPlan(plan, { asOf })),
  7,
);
const hand = await medianMs(
  'hand-written',
  () => plans.map((plan, index) => handWritten(plan, events[index] ?? [])),
  7,
);

const defineMs = await medianMs('defineAccountPlan', () => inputs.map((plan) => defineAccountPlan(plan)), 3);

const sample = reviewAccountPlan(inputs[0] ?? planOf(0), { asOf, events: events[0] });
report({
  name: `reviewAccountPlan: ${plansCount.toLocaleString('en-US')} defined plans of ${String(contactsPerPlan)} contacts, 1–3 events each (${String(sample.findings.length)} findings on the first)`,
  ms: withEvents,
  ratioToLimit: Math.round((hand / withEvents) * 1000) / 1000,
  target: '<= 1000 ms',
});
report({
  name: `reviewAccountPlan: the same plans without events`,
  ms: withoutEvents,
  ratioToLimit: Math.round((hand / withoutEvents) * 1000) / 1000,
});
report({ name: 'hand-written loop making the same checks, no validation (the limit)', ms: hand });
report({
  name: `defineAccountPlan: validating the ${plansCount.toLocaleString('en-US')} plans (once per plan, not per review)`,
  ms: defineMs,
});
