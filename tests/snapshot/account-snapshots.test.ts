import { describe, expect, it } from 'vitest';
import { parsePortfolio, type Portfolio } from '../../src/core/index';
import { nps } from '../../src/metrics/index';
import { accountSnapshots, type AccountSnapshot } from '../../src/snapshot/index';

const acme = {
  id: 'acc-1',
  name: 'Acme',
  arr: 48_000,
  startDate: '2025-01-01',
  renewalDate: '2026-12-31',
  segment: 'mid-market',
  plan: 'growth',
  currency: 'EUR',
  attributes: { hasSso: true, products: ['core', 'api'] },
};

function portfolioOf(parts: Record<string, unknown>): Portfolio {
  return parsePortfolio({ asOf: '2026-06-30', accounts: [acme], ...parts });
}

function snapshotOf(portfolio: Portfolio, asOf = '2026-06-30', windowDays = 90): AccountSnapshot {
  const [snapshot] = accountSnapshots(portfolio, { asOf, windowDays }).snapshots;
  if (snapshot === undefined) throw new Error('expected a snapshot');
  return snapshot;
}

let eventCount = 0;
function event(date: string, type: string, details: Record<string, unknown> = {}): Record<string, unknown> {
  eventCount++;
  return { id: `e${String(eventCount)}`, accountId: 'acc-1', date, type, ...details };
}

describe('account fields', () => {
  it('come from the account record, absent ones as null, attributes copied', () => {
    const portfolio = portfolioOf({});
    const snapshot = snapshotOf(portfolio);
    expect(snapshot).toMatchObject({
      id: 'acc-1',
      asOf: '2026-06-30',
      name: 'Acme',
      parentId: null,
      segment: 'mid-market',
      plan: 'growth',
      industry: null,
      region: null,
      employees: null,
      currency: 'EUR',
      csmId: null,
      attributes: { hasSso: true, products: ['core', 'api'] },
    });
    expect(snapshot.attributes.products).not.toBe(portfolio.accounts[0]?.attributes?.products);
    expect([Object.isFrozen(snapshot.attributes), Object.isFrozen(snapshot.attributes.products)]).toEqual([true, true]);
  });

  it('of an account with nothing else are null, and its counts 0', () => {
    const snapshot = snapshotOf(
      parsePortfolio({ asOf: '2026-06-30', accounts: [{ id: 'a', name: 'A', arr: 0, startDate: '2026-06-30' }] }),
    );
    expect(snapshot).toEqual({
      id: 'a',
      asOf: '2026-06-30',
      name: 'A',
      parentId: null,
      segment: null,
      plan: null,
      industry: null,
      region: null,
      employees: null,
      currency: null,
      csmId: null,
      attributes: {},
      mrr: null,
      arr: null,
      mrrChange30Days: null,
      mrrChange90Days: null,
      startDate: '2026-06-30',
      renewalDate: null,
      churnDate: null,
      status: 'active',
      tenureDays: 0,
      daysToRenewal: null,
      usagePeriodStart: null,
      activeUsers: null,
      activeUsersChange: null,
      licenses: null,
      licenseUtilization: null,
      licenseUtilizationChange: null,
      stickiness: null,
      logins: null,
      featuresAdopted: null,
      lastLoginDate: null,
      daysSinceLastLogin: null,
      npsResponses: 0,
      nps: null,
      npsDetractors: 0,
      lastNpsScore: null,
      lastNpsDate: null,
      lastNpsCategory: null,
      csatResponses: 0,
      csatSatisfiedShare: null,
      lastCsatScore: null,
      lastCsatScale: null,
      lastCsatDate: null,
      cesResponses: 0,
      cesLowEffortShare: null,
      ticketsOpened: 0,
      urgentTicketsOpened: 0,
      openTickets: 0,
      escalations: 0,
      highestEscalationSeverity: null,
      contacts: 0,
      championNamed: false,
      championLeft: false,
      championLeftDate: null,
      sponsorChanged: false,
      sponsorChangedDate: null,
      featureRequests: 0,
      featureRequestsOffRoadmap: 0,
      featureRequestsOutOfScope: 0,
      overdueAmount: 0,
      overdueDays: null,
      milestones: {},
      valueRealized: null,
      valueRealizedDate: null,
      lastMeetingDate: null,
      daysSinceLastMeeting: null,
      lastEbrDate: null,
      daysSinceLastEbr: null,
      custom: {},
    });
  });
});

describe('money', () => {
  const portfolio = portfolioOf({
    mrr: [
      { accountId: 'acc-1', month: '2026-03-01', mrr: 3_000 },
      { accountId: 'acc-1', month: '2026-04-01', mrr: 3_500 },
      { accountId: 'acc-1', month: '2026-05-01', mrr: 4_000 },
      { accountId: 'acc-1', month: '2026-06-01', mrr: 4_500 },
    ],
  });
  const money = (asOf: string): unknown[] => {
    const { mrr, arr, mrrChange30Days, mrrChange90Days } = snapshotOf(portfolio, asOf);
    return [mrr, arr, mrrChange30Days, mrrChange90Days];
  };

  it('is the MRR of the last month that has ended, ARR 12 times it, changes against 30 and 90 days before', () => {
    // 30 days before June 30 is May 31 (May); 90 days before is April 1 (March, the last month ended by then).
    expect(money('2026-06-30')).toEqual([4_500, 54_000, 500, 1_500]);
  });

  it('does not count a month before its last day', () => {
    expect(money('2026-06-29')).toEqual([4_000, 48_000, 500, 1_000]);
  });

  it('is null before the first MRR month has ended, with changes null until both ends have MRR', () => {
    expect(money('2026-03-30')).toEqual([null, null, null, null]);
    expect(money('2026-03-31')).toEqual([3_000, 36_000, null, null]);
  });

  it('is 0 in a month without a snapshot after months with one', () => {
    expect(money('2026-07-31')).toEqual([0, 0, -4_500, -3_500]);
  });
});

describe('dates', () => {
  const churning = parsePortfolio({
    asOf: '2026-06-30',
    accounts: [{ ...acme, renewalDate: undefined, churnDate: '2026-05-15' }],
  });

  it('give tenure and days to renewal in days', () => {
    const { tenureDays, daysToRenewal, status, churnDate } = snapshotOf(portfolioOf({}));
    expect([tenureDays, daysToRenewal, status, churnDate]).toEqual([545, 184, 'active', null]);
  });

  it('show a churn only from the churn date on', () => {
    const status = (asOf: string): unknown[] => {
      const snapshot = snapshotOf(churning, asOf);
      return [snapshot.status, snapshot.churnDate];
    };
    expect(status('2026-05-14')).toEqual(['active', null]);
    expect(status('2026-05-15')).toEqual(['churned', '2026-05-15']);
  });

  it('leave out accounts that start after asOf, and count them', () => {
    const result = accountSnapshots(portfolioOf({}), { asOf: '2024-12-31' });
    expect([result.snapshots, result.notStarted, result.asOf, result.windowDays]).toEqual([[], 1, '2024-12-31', 90]);
    expect(
      accountSnapshots(portfolioOf({}), { asOf: '2025-01-01' }).snapshots.map((snapshot) => snapshot.tenureDays),
    ).toEqual([0]);
  });
});

describe('usage', () => {
  const month = (periodStart: string, activeUsers: number, extra: Record<string, unknown> = {}) => ({
    accountId: 'acc-1',
    periodStart,
    period: 'month',
    activeUsers,
    ...extra,
  });
  const portfolio = portfolioOf({
    usage: [
      month('2026-04-01', 40, { licenses: 50, averageDailyActiveUsers: 10, logins: 400, featuresAdopted: 6 }),
      month('2026-05-01', 45, { licenses: 50, averageDailyActiveUsers: 18, logins: 500, featuresAdopted: 7 }),
      month('2026-06-01', 30, { licenses: 60 }),
    ],
  });

  it('reads the latest period that has ended and the one before it', () => {
    const snapshot = snapshotOf(portfolio, '2026-06-30');
    expect(snapshot).toMatchObject({
      usagePeriodStart: '2026-06-01',
      activeUsers: 30,
      activeUsersChange: -15,
      licenses: 60,
      licenseUtilization: 0.5,
      stickiness: null,
      logins: null,
      featuresAdopted: null,
    });
    expect(snapshot.licenseUtilizationChange).toBeCloseTo(0.5 - 0.9, 12);
  });

  it('ignores a period that straddles asOf: its figures cover days after it', () => {
    const snapshot = snapshotOf(portfolio, '2026-06-29');
    expect(snapshot).toMatchObject({
      usagePeriodStart: '2026-05-01',
      activeUsers: 45,
      activeUsersChange: 5,
      licenses: 50,
      licenseUtilization: 0.9,
      stickiness: 0.4,
      logins: 500,
      featuresAdopted: 7,
    });
    expect(snapshot.licenseUtilizationChange).toBeCloseTo(0.1, 12);
  });

  it('counts a week from its seventh day and a day on the day', () => {
    const weekly = portfolioOf({
      usage: [
        { accountId: 'acc-1', periodStart: '2026-06-22', period: 'week', activeUsers: 5 },
        { accountId: 'acc-1', periodStart: '2026-06-29', period: 'day', activeUsers: 2, licenses: 0 },
      ],
    });
    expect(snapshotOf(weekly, '2026-06-27').activeUsers).toBe(null);
    expect(snapshotOf(weekly, '2026-06-28').activeUsers).toBe(5);
    expect([snapshotOf(weekly, '2026-06-29').activeUsers, snapshotOf(weekly, '2026-06-29').licenseUtilization]).toEqual(
      [2, null],
    );
  });

  it('takes the last login from login events', () => {
    const snapshot = snapshotOf(
      portfolioOf({
        events: [event('2026-06-01', 'login'), event('2026-06-20', 'login'), event('2026-07-01', 'login')],
      }),
    );
    expect([snapshot.lastLoginDate, snapshot.daysSinceLastLogin]).toEqual(['2026-06-20', 10]);
  });
});

describe('surveys', () => {
  const answer = (id: string, date: string, kind: string, score: number, scale?: number) => ({
    id,
    accountId: 'acc-1',
    date,
    kind,
    score,
    ...(scale === undefined ? {} : { scale }),
  });
  const portfolio = portfolioOf({
    surveys: [
      answer('s1', '2026-04-01', 'nps', 0),
      answer('s2', '2026-04-02', 'nps', 10),
      answer('s3', '2026-05-10', 'nps', 6),
      answer('s4', '2026-06-30', 'nps', 9),
      answer('s5', '2026-07-01', 'nps', 0),
      answer('s6', '2026-04-01', 'csat', 1),
      answer('s7', '2026-05-01', 'csat', 4),
      answer('s8', '2026-06-30', 'csat', 6, 7),
      answer('s9', '2026-06-30', 'csat', 2),
      answer('s10', '2026-06-01', 'ces', 5),
      answer('s11', '2026-06-02', 'ces', 3, 5),
    ],
  });

  it('count answers of the window, whose first day is asOf minus windowDays plus one, and answers on asOf', () => {
    const snapshot = snapshotOf(portfolio);
    // The 90-day window ending 2026-06-30 starts on 2026-04-02: s1 and s6 fall outside, s5 is after asOf.
    expect(snapshot).toMatchObject({
      npsResponses: 3,
      npsDetractors: 1,
      lastNpsScore: 9,
      lastNpsDate: '2026-06-30',
      lastNpsCategory: 'promoter',
      csatResponses: 3,
      csatSatisfiedShare: 2 / 3,
      lastCsatScore: 2,
      lastCsatScale: 5,
      lastCsatDate: '2026-06-30',
      cesResponses: 2,
      cesLowEffortShare: 0.5,
    });
    expect(snapshot.nps).toBe(nps([10, 6, 9]).score);
  });

  it('keep the latest answer when the window has none', () => {
    const snapshot = snapshotOf(portfolio, '2026-06-30', 1);
    expect([snapshot.npsResponses, snapshot.nps, snapshot.lastNpsScore, snapshot.csatResponses]).toEqual([
      1, 100, 9, 2,
    ]);
    const quiet = snapshotOf(portfolio, '2026-09-30', 30);
    expect([quiet.npsResponses, quiet.nps, quiet.lastNpsScore, quiet.lastNpsDate]).toEqual([0, null, 0, '2026-07-01']);
  });
});

describe('events', () => {
  const portfolio = portfolioOf({
    contacts: [
      { id: 'c1', accountId: 'acc-1', name: 'Ana', role: 'champion', leftDate: '2026-06-10' },
      { id: 'c2', accountId: 'acc-1', name: 'Ben', role: 'executive_sponsor' },
      { id: 'c3', accountId: 'acc-1', name: 'Cai', role: 'champion', leftDate: '2026-07-15' },
    ],
    events: [
      event('2026-03-01', 'ticket', { ticketId: 'T1', priority: 'urgent' }),
      event('2026-04-02', 'ticket', { ticketId: 'T2', priority: 'urgent', resolvedDate: '2026-04-03' }),
      event('2026-06-30', 'ticket', { ticketId: 'T3', priority: 'normal', resolvedDate: '2026-07-02' }),
      event('2026-07-01', 'ticket', { ticketId: 'T4', priority: 'urgent' }),
      event('2026-05-01', 'escalation', { severity: 'high' }),
      event('2026-05-02', 'escalation', { severity: 'medium' }),
      event('2026-03-01', 'escalation', { severity: 'critical' }),
      event('2026-06-10', 'champion_left', { contactId: 'c1' }),
      event('2026-02-01', 'sponsor_changed'),
      event('2026-05-05', 'feature_request', { title: 'Dark mode' }),
      event('2026-06-05', 'feature_request', { title: 'SSO', onRoadmap: false, outOfScope: true }),
      event('2026-03-05', 'feature_request', { title: 'Old ask', onRoadmap: false }),
      event('2026-06-06', 'feature_request', { title: 'Exports', onRoadmap: true, outOfScope: false }),
      event('2025-04-01', 'value_realized', { share: 0.6 }),
      event('2026-01-15', 'value_realized', { share: 0.8 }),
      event('2026-07-01', 'value_realized', { share: 1 }),
      event('2026-05-20', 'payment_overdue', { amount: 1_200 }),
      event('2026-06-20', 'payment_overdue', { amount: 300.5 }),
      event('2025-01-06', 'milestone_reached', { milestoneId: 'first_login' }),
      event('2025-01-20', 'milestone_reached', { milestoneId: 'first_login' }),
      event('2025-04-01', 'milestone_reached', { milestoneId: 'ebr_1' }),
      event('2026-07-01', 'milestone_reached', { milestoneId: 'ebr_2' }),
      event('2026-01-15', 'meeting', { meetingKind: 'ebr' }),
      event('2026-06-01', 'meeting', { meetingKind: 'check_in' }),
      event('2026-06-15', 'custom', { name: 'seats_added', value: 5 }),
      event('2026-06-16', 'custom', { name: 'seats_added', value: 2.5 }),
      event('2026-06-16', 'custom', { name: 'plan', value: 'pro' }),
      event('2026-01-01', 'custom', { name: 'old', value: 1 }),
    ],
  });
  const snapshot = snapshotOf(portfolio);

  it('count tickets opened in the window and tickets open on asOf', () => {
    // T1 is before the window and still open; T2 was resolved; T3 opened on asOf and is resolved after it.
    expect([snapshot.ticketsOpened, snapshot.urgentTicketsOpened, snapshot.openTickets]).toEqual([2, 1, 2]);
  });

  it('count escalations in the window with their highest severity', () => {
    expect([snapshot.escalations, snapshot.highestEscalationSeverity]).toEqual([2, 'high']);
  });

  it('tell a champion departure and a sponsor change in the window, with the day', () => {
    expect([
      snapshot.championLeft,
      snapshot.championLeftDate,
      snapshot.sponsorChanged,
      snapshot.sponsorChangedDate,
    ]).toEqual([true, '2026-06-10', false, null]);
  });

  it('count contacts who have not left, and whether a champion is among them', () => {
    expect([snapshot.contacts, snapshot.championNamed]).toEqual([2, true]);
    const later = snapshotOf(portfolio, '2026-07-15');
    expect([later.contacts, later.championNamed]).toEqual([1, false]);
  });

  it('count feature requests and overdue payments in the window', () => {
    expect([snapshot.featureRequests, snapshot.overdueAmount, snapshot.overdueDays]).toEqual([3, 1_500.5, 41]);
  });

  it("count the window's feature requests flagged off the roadmap or out of scope, not the unflagged ones", () => {
    expect([snapshot.featureRequestsOffRoadmap, snapshot.featureRequestsOutOfScope]).toEqual([1, 1]);
  });

  it('keep the latest value realized on or before asOf, inside the window or not', () => {
    expect([snapshot.valueRealized, snapshot.valueRealizedDate]).toEqual([0.8, '2026-01-15']);
    const later = snapshotOf(portfolio, '2026-07-01');
    expect([later.valueRealized, later.valueRealizedDate]).toEqual([1, '2026-07-01']);
    const earlier = snapshotOf(portfolio, '2025-03-31');
    expect([earlier.valueRealized, earlier.valueRealizedDate]).toEqual([null, null]);
  });

  it('keep the first day each milestone was reached by asOf', () => {
    expect(snapshot.milestones).toEqual({ first_login: '2025-01-06', ebr_1: '2025-04-01' });
  });

  it('give the last meeting and the last EBR with the days since', () => {
    expect([
      snapshot.lastMeetingDate,
      snapshot.daysSinceLastMeeting,
      snapshot.lastEbrDate,
      snapshot.daysSinceLastEbr,
    ]).toEqual(['2026-06-01', 29, '2026-01-15', 166]);
  });

  it('sum numeric custom events in the window by name', () => {
    expect(snapshot.custom).toEqual({ seats_added: 7.5 });
  });

  it('use the window length asked for', () => {
    const week = snapshotOf(portfolio, '2026-06-30', 7);
    expect([week.ticketsOpened, week.escalations, week.overdueAmount, week.overdueDays, week.custom]).toEqual([
      1,
      0,
      0,
      null,
      {},
    ]);
  });
});
