import { describe, expect, it } from 'vitest';
import type { AccountEvent } from '../../src/core/index';
import {
  defaultPlanReviewPolicy,
  defineAccountPlan,
  definePlanReviewPolicy,
  reviewAccountPlan,
  type PlanFindingCode,
} from '../../src/plans/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { asOf, healthyPlan } from './plan-fixtures';

function codes(
  plan: Parameters<typeof reviewAccountPlan>[0],
  input: Parameters<typeof reviewAccountPlan>[1] = { asOf },
): PlanFindingCode[] {
  return reviewAccountPlan(plan, input).findings.map((finding) => finding.code);
}

const event = (fields: Record<string, unknown>) => ({ accountId: 'acme', ...fields }) as AccountEvent;

describe('reviewAccountPlan', () => {
  it('finds nothing missing in a plan with every building block, which scores 100', () => {
    const review = reviewAccountPlan(healthyPlan(), { asOf });
    expect(review.findings).toEqual([]);
    expect(review.completeness.score).toBe(100);
    expect(review.orgChartDepth).toBe(3);
    expect(review.activeCriteria).toBe(2);
    expect(review.coverage.engaged).toBe(4);
  });

  it('reports no_contacts, critical, for an empty org chart', () => {
    const review = reviewAccountPlan({ ...healthyPlan(), contacts: [], initiatives: [] }, { asOf });
    expect(review.findings[0]).toEqual({
      code: 'no_contacts',
      severity: 'critical',
      message: 'no current contact on the org chart',
      fix: 'map the team: the champion, their peers and two levels of leadership above them',
      subjectId: null,
      evidence: [],
    });
    expect(review.completeness.parts.filter((part) => !part.met).map((part) => part.block)).toEqual([
      'champion',
      'leadership',
      'multiThreaded',
      'initiatives',
    ]);
  });

  it('reports no_champion when the only champion has left', () => {
    const plan = healthyPlan();
    plan.contacts[2] = { ...plan.contacts[2]!, leftDate: '2026-03-01' };
    expect(codes(plan)).toEqual(['no_champion']);
  });

  it('walks reportsTo: a champion with one leader above has a leadership gap', () => {
    const plan = healthyPlan();
    plan.contacts[1] = { id: 'bo', name: 'Bo Chen', role: 'leader', lastEngagedDate: '2026-06-10' };
    const review = reviewAccountPlan(plan, { asOf });
    expect(
      review.findings.map((finding) => [finding.code, finding.severity, finding.message, finding.subjectId]),
    ).toEqual([['leadership_gap', 'high', 'Ana Ruiz has 1 of 2 levels of leadership mapped above them', 'ana']]);
  });

  it('does not count a leader who left as a level above the champion', () => {
    const plan = healthyPlan();
    plan.contacts[0] = { ...plan.contacts[0]!, leftDate: '2026-01-01' };
    expect(codes(plan)).toEqual(['leadership_gap']);
  });

  it('reports a single-threaded account with one contact', () => {
    const plan = {
      ...healthyPlan(),
      contacts: [{ id: 'ana', name: 'Ana Ruiz', role: 'champion' as const, lastEngagedDate: '2026-06-20' }],
      initiatives: [],
    };
    expect(codes(plan)).toEqual(['leadership_gap', 'single_threaded']);
  });

  it('reports a champion not engaged within the policy window, or never', () => {
    const plan = healthyPlan();
    plan.contacts[2] = { ...plan.contacts[2]!, lastEngagedDate: '2026-05-01' };
    const review = reviewAccountPlan(plan, { asOf });
    expect(review.findings.map((finding) => finding.message)).toEqual(['champion Ana Ruiz last engaged 60 days ago']);
    plan.contacts[2] = { id: 'ana', name: 'Ana Ruiz', role: 'champion', reportsTo: 'bo' };
    expect(reviewAccountPlan(plan, { asOf }).findings[0]?.message).toBe(
      'no engagement with champion Ana Ruiz on record',
    );
  });

  it('counts an event naming the champion as engagement', () => {
    const plan = healthyPlan();
    plan.contacts[2] = { id: 'ana', name: 'Ana Ruiz', role: 'champion', reportsTo: 'bo' };
    const events = [
      event({ id: 'e1', type: 'meeting', meetingKind: 'check_in', date: '2026-06-25', contactId: 'ana' }),
    ];
    expect(codes(plan, { asOf, events })).toEqual([]);
  });

  it('reports missing, unrevisited and struggling purchase reasons', () => {
    expect(codes({ ...healthyPlan(), purchaseReasons: [] })).toEqual(['no_purchase_reasons']);
    const review = reviewAccountPlan(
      {
        ...healthyPlan(),
        purchaseReasons: [
          { id: 'r1', challenge: 'Slow tickets', status: 'open', recordedDate: '2025-10-01' },
          {
            id: 'r2',
            challenge: 'No reporting',
            status: 'struggling',
            recordedDate: '2025-06-01',
            lastReviewedDate: '2025-12-01',
          },
          { id: 'r3', challenge: 'Solved long ago', status: 'solved', recordedDate: '2024-01-01' },
        ],
      },
      { asOf },
    );
    expect(review.findings.map((finding) => [finding.code, finding.message])).toEqual([
      ['purchase_reason_struggling', 'the customer still struggles with "No reporting", a reason they bought'],
      ['purchase_reason_not_revisited', 'purchase reason "Slow tickets" never revisited since 2025-10-01'],
      ['purchase_reason_not_revisited', 'purchase reason "No reporting" last revisited 211 days ago'],
    ]);
  });

  it('reports fewer than two and more than three active success criteria', () => {
    const plan = healthyPlan();
    const [first, second] = plan.successCriteria ?? [];
    expect(codes({ ...plan, successCriteria: [first!] })).toEqual(['too_few_success_criteria']);
    const more = ['s3', 's4'].map((id) => ({
      id,
      area: `Area ${id}`,
      history: [{ date: '2026-06-01', change: 'added' as const }],
    }));
    expect(codes({ ...plan, successCriteria: [first!, second!, ...more] })).toEqual(['too_many_success_criteria']);
    const done = {
      id: 's5',
      area: 'Done',
      history: [
        { date: '2026-01-01', change: 'added' as const },
        { date: '2026-03-01', change: 'achieved' as const },
      ],
    };
    expect(reviewAccountPlan({ ...plan, successCriteria: [first!, done] }, { asOf }).activeCriteria).toBe(1);
  });

  it('does not know a criterion added after asOf', () => {
    const plan = healthyPlan();
    const later = { id: 's3', area: 'Later', history: [{ date: '2026-07-15', change: 'added' as const }] };
    expect(
      reviewAccountPlan({ ...plan, successCriteria: [...(plan.successCriteria ?? []), later] }, { asOf })
        .activeCriteria,
    ).toBe(2);
  });

  it('reports a criterion not reviewed in the policy window', () => {
    const plan = healthyPlan();
    const review = reviewAccountPlan(plan, { asOf: '2026-09-01' });
    expect(
      review.findings.filter((finding) => finding.code === 'criterion_not_reviewed').map((finding) => finding.message),
    ).toEqual([
      'success criterion "First-response time" not reviewed in 109 days',
      'success criterion "Self-serve deflection" not reviewed in 92 days',
    ]);
    expect(codes(plan, { asOf, policy: { criteriaReviewDays: 30 } })).toEqual(['criterion_not_reviewed']);
  });

  it('splits overdue next steps by who owes them, with the evidence', () => {
    const review = reviewAccountPlan(
      {
        ...healthyPlan(),
        nextSteps: [
          { id: 'n1', action: 'Send the deck', owner: 'us', dueDate: '2026-06-20', status: 'open' },
          {
            id: 'n2',
            action: 'Share usage export',
            owner: 'client',
            ownerContactId: 'ana',
            dueDate: '2026-06-29',
            status: 'open',
          },
          { id: 'n3', action: 'Done already', owner: 'us', dueDate: '2026-01-01', status: 'done' },
          { id: 'n4', action: 'Due today', owner: 'client', dueDate: '2026-06-30', status: 'open' },
        ],
      },
      { asOf },
    );
    expect(review.findings.map((finding) => [finding.code, finding.severity, finding.message])).toEqual([
      ['overdue_next_steps_us', 'high', 'we owe 1 overdue next step(s)'],
      ['overdue_next_steps_client', 'medium', 'the client owes 1 overdue next step(s)'],
    ]);
    expect(review.overdueNextSteps.client).toEqual([
      {
        id: 'n2',
        action: 'Share usage export',
        owner: 'client',
        ownerContactId: 'ana',
        dueDate: '2026-06-29',
        daysOverdue: 1,
      },
    ]);
    expect(review.findings[0]?.evidence).toEqual([
      { source: 'plan', id: 'n1', date: '2026-06-20', description: 'Send the deck: 10 days overdue' },
    ]);
    expect(review.completeness.parts.find((part) => part.block === 'nothingOverdue')?.met).toBe(false);
  });

  it('reports a plan with no open next step', () => {
    expect(codes({ ...healthyPlan(), nextSteps: [] })).toEqual(['no_next_steps']);
  });

  it('detects staffing changes from events and contacts who left, with the evidence', () => {
    const plan = healthyPlan();
    plan.contacts.push({ id: 'eve', name: 'Eve Lund', role: 'user', reportsTo: 'ana', leftDate: '2026-06-15' });
    const events = [
      event({ id: 'e1', type: 'sponsor_changed', date: '2026-06-01' }),
      event({ id: 'e2', type: 'sponsor_changed', date: '2026-01-01' }),
      event({ id: 'e3', type: 'sponsor_changed', date: '2026-06-01', accountId: 'other' }),
    ];
    const review = reviewAccountPlan(plan, { asOf, events });
    expect(review.findings.map((finding) => [finding.code, finding.message, finding.fix])).toEqual([
      [
        'red_flag_staffing_change',
        'staffing change at the account: executive sponsor changed; Eve Lund (user) left (not on the plan)',
        "record it on the plan's red flags; find the new owner of the relationship, re-map the org chart and raise it to management",
      ],
    ]);
    expect(review.redFlags[0]?.evidence.map((item) => item.id)).toEqual(['e1', 'eve']);
  });

  it('detects the champion leaving from a champion_left event', () => {
    const events = [event({ id: 'e1', type: 'champion_left', date: '2026-06-01', contactId: 'ana' })];
    expect(reviewAccountPlan(healthyPlan(), { asOf, events }).redFlags).toEqual([
      {
        kind: 'staffing_change',
        recorded: false,
        evidence: [{ source: 'event', id: 'e1', date: '2026-06-01', description: 'champion left: Ana Ruiz' }],
      },
    ]);
  });

  it('flags feature requests only at the policy volume', () => {
    const requests = (count: number) =>
      Array.from({ length: count }, (_, index) =>
        event({
          id: `f${String(index)}`,
          type: 'feature_request',
          title: `Request ${String(index)}`,
          date: '2026-06-10',
        }),
      );
    expect(codes(healthyPlan(), { asOf, events: requests(4) })).toEqual([]);
    expect(codes(healthyPlan(), { asOf, events: requests(5) })).toEqual(['red_flag_feature_requests']);
    expect(codes(healthyPlan(), { asOf, events: requests(3), policy: { featureRequestLimit: 3 } })).toEqual([
      'red_flag_feature_requests',
    ]);
  });

  it('detects escalations, and knows when the plan already records the flag', () => {
    const plan = {
      ...healthyPlan(),
      redFlags: [
        {
          id: 'f1',
          kind: 'escalation' as const,
          description: 'Outage escalated',
          raisedDate: '2026-06-03',
          raisedToManagement: true,
        },
      ],
    };
    const events = [event({ id: 'e1', type: 'escalation', severity: 'high', reason: 'outage', date: '2026-06-02' })];
    const review = reviewAccountPlan(plan, { asOf, events });
    expect(review.findings.map((finding) => [finding.code, finding.message])).toEqual([
      ['red_flag_escalation', 'escalated support issues: escalation (high): outage'],
    ]);
    expect(review.redFlags[0]?.recorded).toBe(true);
  });

  it('reads red flags from the snapshot when no event shows them', () => {
    const snapshot = {
      id: 'acme',
      asOf,
      championLeft: true,
      championLeftDate: '2026-06-05',
      sponsorChanged: false,
      sponsorChangedDate: null,
      featureRequests: 7,
      escalations: 2,
      highestEscalationSeverity: 'critical' as const,
      mrr: 1_000,
    };
    const review = reviewAccountPlan(healthyPlan(), { asOf, snapshot });
    expect(review.findings.map((finding) => finding.code)).toEqual([
      'red_flag_staffing_change',
      'red_flag_escalation',
      'red_flag_feature_requests',
    ]);
    expect(review.redFlags.map((flag) => flag.evidence[0]?.description)).toEqual([
      'the champion left',
      '7 feature requests in the window',
      '2 escalation(s), highest critical',
    ]);
  });

  it('rejects the snapshot of another account as invalid_reference', () => {
    const snapshot = {
      id: 'other',
      asOf,
      championLeft: false,
      championLeftDate: null,
      sponsorChanged: false,
      sponsorChangedDate: null,
      featureRequests: 0,
      escalations: 0,
      highestEscalationSeverity: null,
    };
    const error = catchSuccessKitError(() => reviewAccountPlan(healthyPlan(), { asOf, snapshot }));
    expect(error.code).toBe('invalid_reference');
    expect(issuePaths(error)).toEqual(['options.snapshot.id']);
  });

  it('reports open red flags not raised to management', () => {
    const plan = {
      ...healthyPlan(),
      redFlags: [{ id: 'f1', kind: 'other' as const, description: 'Budget freeze', raisedDate: '2026-06-01' }],
    };
    expect(reviewAccountPlan(plan, { asOf }).findings.map((finding) => [finding.code, finding.subjectId])).toEqual([
      ['red_flag_not_raised', 'f1'],
    ]);
    expect(codes({ ...plan, redFlags: [{ ...plan.redFlags[0]!, resolvedDate: '2026-06-10' }] })).toEqual([]);
  });

  it('orders findings most severe first', () => {
    const review = reviewAccountPlan({ id: 'p', accountId: 'acme', contacts: [] }, { asOf });
    expect(review.findings.map((finding) => finding.severity)).toEqual(['critical', 'medium', 'medium', 'low']);
  });

  it('rejects bad options at their path', () => {
    expect(issuePaths(catchSuccessKitError(() => reviewAccountPlan(healthyPlan(), { asOf: '2026-02-30' })))).toEqual([
      'options.asOf',
    ]);
    expect(issuePaths(catchSuccessKitError(() => reviewAccountPlan(healthyPlan(), null as never)))).toEqual([
      'options',
    ]);
    const policy = catchSuccessKitError(() =>
      reviewAccountPlan(healthyPlan(), { asOf, policy: { engagementDays: 0 } }),
    );
    expect(issuePaths(policy)).toEqual(['options.policy.engagementDays']);
    expect(
      issuePaths(
        catchSuccessKitError(() => reviewAccountPlan(healthyPlan(), { asOf, events: [{ id: 'e' } as never] })),
      ),
    ).toEqual(['options.events[0].type']);
  });

  it('reviews a defined plan the same as its JSON', () => {
    const plan = healthyPlan();
    expect(reviewAccountPlan(defineAccountPlan(plan), { asOf })).toEqual(reviewAccountPlan(plan, { asOf }));
  });
});

describe('definePlanReviewPolicy', () => {
  it('fills in the defaults and freezes the policy', () => {
    const policy = definePlanReviewPolicy({ engagementDays: 30 });
    expect(policy).toEqual({ ...defaultPlanReviewPolicy, engagementDays: 30 });
    expect(Object.isFrozen(policy)).toBe(true);
    expect(reviewAccountPlan(healthyPlan(), { asOf, policy }).coverage.engagedWithinDays).toBe(30);
  });

  it('rejects a minimum of criteria above the maximum as invalid_definition', () => {
    const error = catchSuccessKitError(() => definePlanReviewPolicy({ minimumCriteria: 4, maximumCriteria: 3 }));
    expect(error.code).toBe('invalid_definition');
    expect(error.issues).toEqual([
      { path: ['minimumCriteria'], message: 'expected at most maximumCriteria (3), got 4' },
    ]);
  });
});
