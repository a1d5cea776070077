import { describe, expect, it } from 'vitest';
import { fitNorms, fitSignals } from '../../src/fit/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';

const quiet = {
  id: 'q',
  asOf: '2026-06-30',
  featureRequests: 0,
  featureRequestsOffRoadmap: 0,
  featureRequestsOutOfScope: 0,
  escalations: 0,
  highestEscalationSeverity: null,
  licenseUtilization: 0.8,
  licenseUtilizationChange: 0.02,
  csatSatisfiedShare: 0.9,
};
const asker = { ...quiet, id: 'a', featureRequests: 1, featureRequestsOffRoadmap: 0 };
const noisy = {
  ...quiet,
  id: 'n',
  featureRequests: 6,
  featureRequestsOffRoadmap: 3,
  featureRequestsOutOfScope: 1,
  escalations: 2,
  highestEscalationSeverity: 'medium',
  licenseUtilization: 0.35,
  licenseUtilizationChange: -0.12,
  csatSatisfiedShare: 0.6,
};
// 16 quiet, 3 asking once, 1 noisy: 20 accounts.
const book = [...Array.from({ length: 16 }, () => quiet), asker, asker, asker, noisy];

describe('fitNorms', () => {
  it('counts the book’s request volume as a distribution and the flagged requests', () => {
    expect(fitNorms(book)).toEqual({
      accounts: 20,
      requestVolume: { values: [0, 1, 6], accounts: [16, 3, 1] },
      requests: 9,
      offRoadmap: 3,
      outOfScope: 1,
    });
  });

  it('refuses a snapshot whose counts are not counts, at its path', () => {
    const error = catchSuccessKitError(() => fitNorms([quiet, { ...quiet, featureRequests: -1 }]));
    expect([error.code, issuePaths(error)]).toEqual(['invalid_input', ['snapshots[1].featureRequests']]);
  });
});

describe('fitSignals', () => {
  const norms = fitNorms(book);

  it('raises each signal with its severity, evidence and counts', () => {
    const result = fitSignals(noisy, { norms });
    expect(result.accountId).toBe('n');
    expect(result.severity).toBe('high');
    expect(result.raised).toBe(3);
    const [requests, usage, expectations] = result.signals;
    // 6 requests: 19 of 20 accounts below, midrank percentile (19 + 0.5) / 20 = 97.5: volume (2 points)
    // and 3 of 6 off the roadmap (2 points) make it high.
    expect(requests).toEqual({
      kind: 'enhancement_requests',
      label: 'Asks for enhancements not worth building',
      severity: 'high',
      evidence: [
        '6 feature requests in the window, at the 98th percentile of the book',
        '3 of 6 requests (50%) are not on the roadmap',
      ],
      counts: { requests: 6, offRoadmap: 3, offRoadmapShare: 0.5, percentile: 97.5, bookAccounts: 20 },
      missing: [],
    });
    expect(usage).toMatchObject({
      severity: 'medium',
      evidence: ['35% of seats in use, below 40%', 'utilization fell 12 points from the period before'],
    });
    expect(expectations).toMatchObject({
      severity: 'medium',
      evidence: [
        '1 request outside what the product is for',
        '60% of CSAT answers satisfied, below 70%',
        '2 escalations in the window',
      ],
      counts: { outOfScope: 1, csatSatisfiedShare: 0.6, escalations: 2 },
    });
  });

  it('raises nothing for a quiet account, and one request is no volume', () => {
    expect(fitSignals(quiet, { norms }).severity).toBe('none');
    expect(fitSignals(asker, { norms }).signals[0]).toMatchObject({ severity: 'none', counts: { percentile: 87.5 } });
  });

  it('reports missing usage and CSAT as missing, not as a signal', () => {
    const result = fitSignals(
      { ...quiet, licenseUtilization: null, licenseUtilizationChange: null, csatSatisfiedShare: null },
      { norms },
    );
    expect(result.signals.map((signal) => [signal.severity, signal.missing])).toEqual([
      ['none', []],
      ['none', ['licenseUtilization', 'licenseUtilizationChange']],
      ['none', ['csatSatisfiedShare']],
    ]);
  });

  it('has no percentile without norms, and takes thresholds', () => {
    expect(fitSignals(noisy).signals[0].counts.percentile).toBeNull();
    expect(fitSignals(noisy, { norms, thresholds: { lowUtilization: 0.3 } }).signals[1].evidence).toEqual([
      'utilization fell 12 points from the period before',
    ]);
  });

  it('checks norms it did not make, and the snapshot’s counts', () => {
    const stored = JSON.parse(JSON.stringify(norms)) as typeof norms;
    expect(fitSignals(noisy, { norms: stored }).signals[0].counts.percentile).toBe(97.5);
    const bad = catchSuccessKitError(() => fitSignals(noisy, { norms: { ...stored, accounts: 3 } }));
    expect([bad.code, issuePaths(bad)]).toEqual(['invalid_input', ['options.norms.requestVolume']]);
    const count = catchSuccessKitError(() => fitSignals({ ...noisy, escalations: 'two' }, { norms }));
    expect([count.code, issuePaths(count)]).toEqual(['invalid_input', ['snapshot.escalations']]);
    const options = catchSuccessKitError(() => fitSignals(noisy, [] as never));
    expect([options.code, issuePaths(options)]).toEqual(['invalid_input', ['options']]);
  });
});
