import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../src/core/calendar-date';
import { daysBetween } from '../../src/core/date-arithmetic';
import { parsePortfolio, type Portfolio } from '../../src/core/portfolio';
import {
  earliestSampleAsOf,
  latestSampleAsOf,
  samplePortfolio,
  SamplePortfolioInput,
} from '../../src/sample/sample-portfolio';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';

const asOf = calendarDate('2026-06-30');
const portfolio = samplePortfolio({ accounts: 1_000, seed: 11, asOf });

function share<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  return items.filter(predicate).length / items.length;
}

function byAccount<Row extends { accountId: string }>(rows: readonly Row[], accountId: string): Row[] {
  return rows.filter((row) => row.accountId === accountId);
}

describe('samplePortfolio', () => {
  it('is the same byte for byte for the same options', () => {
    const again = samplePortfolio({ accounts: 1_000, seed: 11, asOf });
    expect(JSON.stringify(again)).toBe(JSON.stringify(portfolio));
    expect(JSON.stringify(samplePortfolio({ accounts: 1_000, seed: 12, asOf }))).not.toBe(JSON.stringify(portfolio));
  });

  it('gives an account the same data whatever the portfolio size', () => {
    const small = samplePortfolio({ accounts: 10, seed: 11, asOf });
    const accountId = 'acc-00007';
    for (const list of ['contacts', 'usage', 'surveys', 'subscriptions', 'mrr', 'events'] as const) {
      expect(byAccount<{ accountId: string }>(small[list], accountId)).toEqual(
        byAccount<{ accountId: string }>(portfolio[list], accountId),
      );
    }
    expect(small.accounts[6]?.name).toBe(portfolio.accounts[6]?.name);
  });

  it('passes its own validation, references included', () => {
    expect(() => parsePortfolio(portfolio)).not.toThrow();
  });

  it('defaults to 500 accounts and seed 1', () => {
    const defaults = samplePortfolio({ asOf });
    expect(defaults.accounts).toHaveLength(500);
    expect(JSON.stringify(defaults.accounts.slice(0, 3))).toBe(
      JSON.stringify(samplePortfolio({ asOf, accounts: 3, seed: 1 }).accounts),
    );
  });

  it('has nothing after asOf but renewal dates', () => {
    const dates: string[] = [
      ...portfolio.accounts.flatMap((account) => [account.startDate, account.churnDate ?? account.startDate]),
      ...portfolio.usage.map((usage) => usage.periodStart),
      ...portfolio.surveys.map((survey) => survey.date),
      ...portfolio.mrr.map((snapshot) => snapshot.month),
      ...portfolio.events.map((event) => event.date),
      ...portfolio.events.flatMap((event) =>
        event.type === 'ticket' && event.resolvedDate ? [event.resolvedDate] : [],
      ),
      ...portfolio.contacts.flatMap((contact) => (contact.leftDate ? [contact.leftDate] : [])),
    ];
    expect(dates.filter((date) => date > asOf)).toEqual([]);
    expect(
      portfolio.accounts.filter((account) => account.renewalDate !== undefined && account.renewalDate <= asOf),
    ).toEqual([]);
  });

  it('spreads accounts over three segments with skewed ARR', () => {
    const active = portfolio.accounts.filter((account) => account.churnDate === undefined);
    const segmentShare = (segment: string) => share(portfolio.accounts, (account) => account.segment === segment);
    expect(segmentShare('enterprise')).toBeGreaterThan(0.07);
    expect(segmentShare('enterprise')).toBeLessThan(0.17);
    expect(segmentShare('mid-market')).toBeGreaterThan(0.25);
    expect(segmentShare('smb')).toBeGreaterThan(0.45);
    const arr = active.map((account) => account.arr).sort((a, b) => b - a);
    const total = arr.reduce((sum, value) => sum + value, 0);
    const topTenth = arr.slice(0, Math.ceil(arr.length / 10)).reduce((sum, value) => sum + value, 0);
    expect(topTenth / total).toBeGreaterThan(0.4);
    expect(new Set(portfolio.accounts.map((account) => account.plan)).size).toBe(4);
  });

  it('keeps ARR, seats, MRR and subscriptions consistent', () => {
    const lastMonth = portfolio.mrr.at(-1)?.month;
    for (const account of portfolio.accounts.slice(0, 200)) {
      const subscriptions = byAccount(portfolio.subscriptions, account.id);
      const open = subscriptions.filter((subscription) => subscription.endDate === undefined);
      if (account.churnDate === undefined) {
        expect(open).toHaveLength(1);
        expect(account.arr).toBe((open[0]?.mrr ?? 0) * 12);
        expect(account.renewalDate).toBeDefined();
        expect(daysBetween(asOf, account.renewalDate!)).toBeLessThanOrEqual(366);
      } else {
        expect(account.arr).toBe(0);
        expect(open).toHaveLength(0);
        expect(subscriptions.at(-1)?.endDate).toBe(account.churnDate);
        expect(byAccount(portfolio.mrr, account.id).filter((snapshot) => snapshot.month >= account.churnDate!)).toEqual(
          [],
        );
      }
      const latest = byAccount(portfolio.mrr, account.id).at(-1);
      if (account.churnDate === undefined && latest !== undefined && latest.month === lastMonth)
        expect(latest.mrr).toBeGreaterThan(0);
    }
  });

  it('has some churned and some reactivated accounts', () => {
    const churned = share(portfolio.accounts, (account) => account.churnDate !== undefined);
    expect(churned).toBeGreaterThan(0.05);
    expect(churned).toBeLessThan(0.35);
    const reactivated = portfolio.accounts.filter(
      (account) => byAccount(portfolio.subscriptions, account.id).length > 1,
    );
    expect(reactivated.length).toBeGreaterThan(5);
  });

  it('has 24 months of MRR with new, expansion, contraction, churn and reactivation', () => {
    const months = [...new Set(portfolio.mrr.map((snapshot) => snapshot.month))].sort();
    expect(months).toHaveLength(24);
    expect(months.at(-1)).toBe('2026-06-01');
    const mrrIn = new Map<string, Map<string, number>>();
    for (const snapshot of portfolio.mrr) {
      let byMonth = mrrIn.get(snapshot.accountId);
      if (!byMonth) mrrIn.set(snapshot.accountId, (byMonth = new Map<string, number>()));
      byMonth.set(snapshot.month, snapshot.mrr);
    }
    const kinds = new Set<string>();
    for (const byMonth of mrrIn.values()) {
      months.forEach((month, index) => {
        if (index === 0) return;
        const before = byMonth.get(months[index - 1]!) ?? 0;
        const now = byMonth.get(month) ?? 0;
        const everBefore = months.slice(0, index - 1).some((earlier) => (byMonth.get(earlier) ?? 0) > 0);
        if (before === 0 && now > 0) kinds.add(everBefore ? 'reactivation' : 'new');
        else if (before > 0 && now === 0) kinds.add('churn');
        else if (now > before) kinds.add('expansion');
        else if (now < before) kinds.add('contraction');
      });
    }
    expect([...kinds].sort()).toEqual(['churn', 'contraction', 'expansion', 'new', 'reactivation']);
  });

  it('has 12 months of usage for paying accounts, within seats most of the time', () => {
    const months = new Set(portfolio.usage.map((usage) => usage.periodStart));
    expect(months.size).toBe(12);
    expect(portfolio.usage.filter((usage) => (usage.averageDailyActiveUsers ?? 0) > usage.activeUsers)).toEqual([]);
    expect(share(portfolio.usage, (usage) => usage.activeUsers <= (usage.licenses ?? 0))).toBeGreaterThan(0.9);
    const overNinety = share(portfolio.usage, (usage) => usage.activeUsers > 0.9 * (usage.licenses ?? 0));
    expect(overNinety).toBeGreaterThan(0.02);
  });

  it('puts most accounts on the onboarding baseline, some ahead and some behind', () => {
    const starts = new Map(portfolio.accounts.map((account) => [account.id, account.startDate]));
    const pace = portfolio.events
      .filter((event) => event.type === 'milestone_reached' && event.milestoneId === 'ebr_1')
      .map((event) => daysBetween(starts.get(event.accountId)!, event.date) / 90);
    expect(share(pace, (ratio) => ratio < 0.88)).toBeGreaterThan(0.08);
    expect(share(pace, (ratio) => ratio >= 0.88 && ratio <= 1.2)).toBeGreaterThan(0.45);
    expect(share(pace, (ratio) => ratio > 1.2)).toBeGreaterThan(0.08);
    const milestones = new Set(
      portfolio.events.flatMap((event) => (event.type === 'milestone_reached' ? [event.milestoneId] : [])),
    );
    expect([...milestones].sort()).toEqual([
      'configuration_complete',
      'ebr_1',
      'ebr_2',
      'expanded',
      'first_login',
      'go_live',
      'trial_converted',
      'trial_started',
    ]);
  });

  it('moves accounts through the journey: trials that convert, go-live after configuration, expansion when MRR rises', () => {
    const reached = new Map<string, Map<string, string>>();
    for (const event of portfolio.events) {
      if (event.type !== 'milestone_reached') continue;
      const days = reached.get(event.accountId) ?? new Map<string, string>();
      if (!days.has(event.milestoneId)) days.set(event.milestoneId, event.date);
      reached.set(event.accountId, days);
    }
    const starts = new Map(portfolio.accounts.map((account) => [account.id, account.startDate]));
    const trials = [...reached].filter(([, days]) => days.has('trial_started'));
    expect(trials.length / portfolio.accounts.length).toBeGreaterThan(0.15);
    expect(trials.length / portfolio.accounts.length).toBeLessThan(0.45);
    expect(trials.filter(([id, days]) => days.get('trial_started') !== starts.get(id))).toEqual([]);
    const converted = trials.filter(([, days]) => days.has('trial_converted'));
    expect(converted.length / trials.length).toBeGreaterThan(0.85);
    expect(converted.length).toBeLessThan(trials.length);
    const goLiveBeforeConfiguration = [...reached].filter(
      ([, days]) => days.has('go_live') && !(days.get('configuration_complete')! < days.get('go_live')!),
    );
    expect(goLiveBeforeConfiguration).toEqual([]);
    const expanded = [...reached].filter(([, days]) => days.has('expanded')).length;
    expect(expanded / portfolio.accounts.length).toBeGreaterThan(0.1);
  });

  it('records value realized at each EBR: ahead of the 75% and 100% targets for early accounts, behind for late ones', () => {
    const starts = new Map(portfolio.accounts.map((account) => [account.id, account.startDate]));
    const firstReview = portfolio.events.flatMap((event) =>
      event.type === 'milestone_reached' && event.milestoneId === 'ebr_1'
        ? [
            {
              accountId: event.accountId,
              date: event.date,
              pace: daysBetween(starts.get(event.accountId)!, event.date) / 90,
            },
          ]
        : [],
    );
    const values = new Map<string, number>(
      portfolio.events.flatMap((event) =>
        event.type === 'value_realized' ? [[`${event.accountId} ${event.date}`, event.share] as const] : [],
      ),
    );
    const valueOn = (accountId: string, date: string): number | undefined => values.get(`${accountId} ${date}`);
    const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
    const early = firstReview
      .filter((review) => review.pace < 0.88)
      .map((review) => valueOn(review.accountId, review.date) ?? 0);
    const late = firstReview
      .filter((review) => review.pace > 1.2)
      .map((review) => valueOn(review.accountId, review.date) ?? 0);
    expect(firstReview.filter((review) => valueOn(review.accountId, review.date) === undefined)).toEqual([]);
    expect(mean(early)).toBeGreaterThan(0.8);
    expect(mean(late)).toBeLessThan(0.65);
  });

  it('flags feature requests off the roadmap and out of scope, some of each but not all', () => {
    const requests = portfolio.events.flatMap((event) => (event.type === 'feature_request' ? [event] : []));
    expect(share(requests, (request) => request.onRoadmap === false)).toBeGreaterThan(0.2);
    expect(share(requests, (request) => request.onRoadmap === false)).toBeLessThan(0.8);
    expect(share(requests, (request) => request.outOfScope === true)).toBeGreaterThan(0.03);
    expect(share(requests, (request) => request.outOfScope === true)).toBeLessThan(0.5);
  });

  it('has every kind of event and survey', () => {
    expect(new Set(portfolio.events.map((event) => event.type))).toEqual(
      new Set([
        'milestone_reached',
        'meeting',
        'ticket',
        'escalation',
        'feature_request',
        'champion_left',
        'sponsor_changed',
        'payment_overdue',
        'value_realized',
      ]),
    );
    const nps = portfolio.surveys.filter((survey) => survey.kind === 'nps');
    const promoters = share(nps, (survey) => survey.score >= 9);
    const detractors = share(nps, (survey) => survey.score <= 6);
    expect(promoters).toBeGreaterThan(0.2);
    expect(detractors).toBeGreaterThan(0.1);
    expect(new Set(portfolio.surveys.map((survey) => survey.kind))).toEqual(new Set(['nps', 'csat', 'ces']));
  });

  it('builds an org chart per account with a sponsor at the top', () => {
    for (const account of portfolio.accounts.slice(0, 100)) {
      const contacts = byAccount(portfolio.contacts, account.id);
      const sponsor = contacts.find((contact) => contact.role === 'executive_sponsor');
      expect(sponsor?.reportsTo).toBeUndefined();
      expect(contacts.filter((contact) => contact.role === 'champion')).toHaveLength(1);
    }
  });

  it('answers surveys only from contacts who were still there', () => {
    const contacts = new Map(portfolio.contacts.map((contact) => [contact.id, contact]));
    const answeredAfterLeaving = portfolio.surveys.filter((survey) => {
      const leftDate = survey.contactId === undefined ? undefined : contacts.get(survey.contactId)?.leftDate;
      return leftDate !== undefined && survey.date >= leftDate;
    });
    expect(answeredAfterLeaving).toEqual([]);
    const departures = portfolio.events.filter((event) => event.type === 'champion_left');
    expect(departures.length).toBeGreaterThan(0);
    for (const departure of departures) expect(contacts.get(departure.contactId)?.leftDate).toBe(departure.date);
  });

  it('works for one account and for any seed', () => {
    for (const seed of [0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER]) {
      const single: Portfolio = samplePortfolio({ accounts: 1, seed, asOf });
      expect(single.accounts).toHaveLength(1);
      expect(() => parsePortfolio(single)).not.toThrow();
    }
  });

  it('does not change its options', () => {
    const options = deepFreeze({ accounts: 3, seed: 2, asOf: '2026-06-30' });
    expect(samplePortfolio(options).accounts).toHaveLength(3);
  });

  it('rejects bad options with invalid_input', () => {
    const pathsOf = (options: unknown) => {
      const error = catchSuccessKitError(() => samplePortfolio(options as never));
      expect(error.code).toBe('invalid_input');
      return issuePaths(error);
    };
    expect(pathsOf({ asOf: '2026-02-30' })).toEqual(['asOf']);
    expect(pathsOf({})).toEqual(['asOf']);
    expect(pathsOf({ asOf, accounts: 0 })).toEqual(['accounts']);
    expect(pathsOf({ asOf, accounts: 2.5 })).toEqual(['accounts']);
    expect(pathsOf({ asOf, accounts: 1_000_001 })).toEqual(['accounts']);
    expect(pathsOf({ asOf, seed: 0.5 })).toEqual(['seed']);
    expect(pathsOf({ asOf, acounts: 5 })).toEqual(['acounts']);
    expect(SamplePortfolioInput.parse({ asOf })).toEqual({ asOf, accounts: 500, seed: 1 });
  });

  it('rejects an asOf whose history or renewals would leave the years 0000–9999 with invalid_date', () => {
    for (const tooEarly of ['0000-01-01', '0003-01-31', '0004-12-31']) {
      const error = catchSuccessKitError(() => samplePortfolio({ asOf: tooEarly, accounts: 1 }));
      expect(error.code).toBe('invalid_date');
      expect(error.issues).toEqual([
        {
          path: ['asOf'],
          message: `expected a date from 0005-01-01 to 9998-12-31, so that five years of history before it and renewals a year after it are real dates, got "${tooEarly}"`,
        },
      ]);
    }
    for (const tooLate of ['9999-01-01', '9999-12-31']) {
      const error = catchSuccessKitError(() => samplePortfolio({ asOf: tooLate, accounts: 1 }));
      expect(error.code).toBe('invalid_date');
      expect(issuePaths(error)).toEqual(['asOf']);
    }
  });

  it('writes only real dates at both ends of the supported asOf range', () => {
    expect([earliestSampleAsOf, latestSampleAsOf]).toEqual(['0005-01-01', '9998-12-31']);
    const earliest = samplePortfolio({ asOf: earliestSampleAsOf, accounts: 3_000, seed: 3 });
    expect(() => parsePortfolio(earliest)).not.toThrow();
    expect(earliest.accounts.map((account) => account.startDate).sort()[0]).toBe('0000-01-04');
    expect(earliest.mrr.map((snapshot) => snapshot.month).sort()[0]).toBe('0003-01-01');
    const latest = samplePortfolio({ asOf: latestSampleAsOf, accounts: 3_000, seed: 3 });
    expect(() => parsePortfolio(latest)).not.toThrow();
    const renewals = latest.accounts.flatMap((account) =>
      account.renewalDate === undefined ? [] : [account.renewalDate],
    );
    expect(renewals.sort().at(-1)).toBe('9999-12-31');
  });

  it('is pinned: 500 accounts of seed 1 as of 2026-06-30 hash to the same JSON on every machine and run', () => {
    // A deliberate change to the generator changes this hash: update the
    // literal in the same commit and add a CHANGELOG line, since users who
    // pinned sample output in their own tests see it change too.
    const json = JSON.stringify(samplePortfolio({ accounts: 500, seed: 1, asOf: '2026-06-30' }));
    expect(createHash('sha256').update(json).digest('hex')).toBe(
      '1efb589f913e55846a57b6b27af4c3c20ba4d1482833a019a9dd78942b96c28e',
    );
  });
});
