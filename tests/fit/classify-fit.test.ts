import { describe, expect, it } from 'vitest';
import { classifyFit, defineFitModel, type FitModelInput } from '../../src/fit/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';

// Three criteria of weights 1, 1 and 2 (total 4): perfect from 0.75, good from 0.5.
const model = defineFitModel({
  criteria: [
    { id: 'size', label: '50+ employees', weight: 1, rule: { field: 'employees', op: 'gte', value: 50 } },
    {
      id: 'csat',
      label: 'Satisfied',
      weight: 1,
      rule: { field: 'csatSatisfiedShare', op: 'gte', value: 0.8 },
    },
    {
      id: 'usage',
      label: 'Seats in use',
      weight: 2,
      rule: { field: 'licenseUtilization', op: 'gte', value: 0.6 },
      knownFrom: { tenureDays: 60 },
    },
  ],
  thresholds: { perfect: 0.75, good: 0.5 },
  dealBreakers: [
    {
      id: 'scope',
      label: 'Out-of-scope demands',
      rule: { field: 'featureRequestsOutOfScope', op: 'gte', value: 3 },
      knownFrom: { milestone: 'ebr_1' },
    },
  ],
});

const known = { milestones: { ebr_1: '2026-03-01' }, featureRequestsOutOfScope: 0 };

describe('classifyFit', () => {
  it('is final once every criterion is known: 3 of 4 weight met is a perfect fit', () => {
    const result = classifyFit(model, {
      ...known,
      id: 'acc-1',
      asOf: '2026-06-30',
      employees: 10,
      csatSatisfiedShare: 0.9,
      tenureDays: 200,
      licenseUtilization: 0.7,
    });
    expect(result).toMatchObject({
      accountId: 'acc-1',
      asOf: '2026-06-30',
      fitClass: 'perfect',
      provisional: false,
      possibleClasses: ['perfect'],
      scoreRange: [0.75, 0.75],
      knownScore: 0.75,
      met: ['csat', 'usage'],
      unmet: ['size'],
      unknown: [],
      dealBreakers: [],
      unknownDealBreakers: [],
      decidingCriteria: [],
    });
    expect(result.explanation.summary).toBe('Perfect fit (score 0.75): 2 of 3 criteria met');
    expect(result.explanation.contributions.map((part) => [part.id, part.value, part.points])).toEqual([
      ['size', false, 0],
      ['csat', true, 0.25],
      ['usage', true, 0.5],
      ['scope', false, 0],
    ]);
  });

  it('is decided early when the unknown criteria cannot change the class', () => {
    const heavy = defineFitModel({
      criteria: [
        { id: 'segment', label: 'Our segment', weight: 3, rule: { field: 'segment', op: 'in', value: ['mid-market'] } },
        {
          id: 'usage',
          label: 'Seats in use',
          weight: 1,
          rule: { field: 'licenseUtilization', op: 'gte', value: 0.6 },
          knownFrom: { tenureDays: 90 },
        },
      ],
      thresholds: { perfect: 0.9, good: 0.5 },
    });
    const signUp = classifyFit(heavy, { segment: 'smb', tenureDays: 0 });
    expect(signUp).toMatchObject({ fitClass: 'bad', provisional: false, scoreRange: [0, 0.25], unknown: ['usage'] });
    expect(signUp.explanation.summary).toBe(
      'Bad fit (score 0.00–0.25): 0 of 2 criteria met, 1 unknown but unable to change it',
    );
    const promising = classifyFit(heavy, { segment: 'mid-market', tenureDays: 0 });
    expect(promising).toMatchObject({ fitClass: 'perfect', provisional: true, possibleClasses: ['perfect', 'good'] });
  });

  it('stays provisional with the classes still possible, the interval and the next card', () => {
    const result = classifyFit(model, {
      ...known,
      employees: 400,
      csatSatisfiedShare: null,
      tenureDays: 30,
      licenseUtilization: 0.9,
    });
    expect(result.provisional).toBe(true);
    expect(result.scoreRange).toEqual([0.25, 1]);
    expect(result.possibleClasses).toEqual(['perfect', 'good', 'bad']);
    expect(result.knownScore).toBe(1);
    expect(result.fitClass).toBe('perfect');
    expect(result.unknown).toEqual(['csat', 'usage']);
    expect(result.decidingCriteria).toEqual([
      {
        id: 'usage',
        label: 'Seats in use',
        kind: 'criterion',
        weight: 2,
        reason: 'not_yet_known',
        knownFrom: { tenureDays: 60 },
        ifTrue: ['perfect'],
        ifFalse: ['good', 'bad'],
        decides: false,
      },
      {
        id: 'csat',
        label: 'Satisfied',
        kind: 'criterion',
        weight: 1,
        reason: 'missing_data',
        knownFrom: 'signup',
        ifTrue: ['perfect', 'good'],
        ifFalse: ['perfect', 'good', 'bad'],
        decides: false,
      },
    ]);
    expect(result.explanation.summary).toBe(
      'Provisionally perfect fit (score 0.25–1.00; perfect, good or bad still possible): 1 of 3 criteria met, 2 unknown; next card: Seats in use',
    );
    expect(result.explanation.contributions[2]?.note).toBe('unknown: known from tenure day 60');
  });

  it('names the one unknown criterion that decides the class either way', () => {
    const result = classifyFit(model, { ...known, employees: 400, csatSatisfiedShare: 0.9, tenureDays: 30 });
    expect(result.possibleClasses).toEqual(['perfect', 'good']);
    expect(
      result.decidingCriteria.map((criterion) => [
        criterion.id,
        criterion.ifTrue,
        criterion.ifFalse,
        criterion.decides,
      ]),
    ).toEqual([['usage', ['perfect'], ['good'], true]]);
  });

  it('flips from provisional to a final class as the criterion becomes known', () => {
    const snapshot = { ...known, employees: 400, csatSatisfiedShare: 0.9, licenseUtilization: 0.2 };
    const before = classifyFit(model, { ...snapshot, tenureDays: 59 });
    const after = classifyFit(model, { ...snapshot, tenureDays: 60 });
    expect([before.fitClass, before.provisional]).toEqual(['perfect', true]);
    expect([after.fitClass, after.provisional, after.scoreRange]).toEqual(['good', false, [0.5, 0.5]]);
  });

  it('makes a holding deal-breaker a final bad fit whatever the score', () => {
    const result = classifyFit(model, {
      ...known,
      featureRequestsOutOfScope: 4,
      employees: 400,
      csatSatisfiedShare: 0.9,
      tenureDays: 90,
      licenseUtilization: 0.9,
    });
    expect(result).toMatchObject({
      fitClass: 'bad',
      provisional: false,
      possibleClasses: ['bad'],
      dealBreakers: ['scope'],
    });
    expect(result.scoreRange).toEqual([1, 1]);
    expect(result.explanation.summary).toBe('Bad fit: deal-breaker "Out-of-scope demands" holds');
  });

  it('keeps bad possible while a deal-breaker is unknown, and names it as a card', () => {
    const result = classifyFit(model, {
      milestones: {},
      featureRequestsOutOfScope: 0,
      employees: 400,
      csatSatisfiedShare: 0.9,
      tenureDays: 90,
      licenseUtilization: 0.9,
    });
    expect(result.possibleClasses).toEqual(['perfect', 'bad']);
    expect(result.fitClass).toBe('perfect');
    expect(result.decidingCriteria).toEqual([
      expect.objectContaining({
        id: 'scope',
        kind: 'dealBreaker',
        ifTrue: ['bad'],
        ifFalse: ['perfect'],
        decides: true,
      }),
    ]);
  });

  it('reads a missing field as unknown, and any-of a met condition as met even so', () => {
    const anyModel = defineFitModel({
      criteria: [
        {
          id: 'engaged',
          label: 'Engaged',
          weight: 1,
          rule: {
            any: [
              { field: 'nps', op: 'gte', value: 30 },
              { field: 'logins', op: 'gte', value: 100 },
            ],
          },
        },
        {
          id: 'both',
          label: 'Both',
          weight: 1,
          rule: {
            all: [
              { field: 'nps', op: 'gte', value: 30 },
              { field: 'logins', op: 'gte', value: 100 },
            ],
          },
        },
        { id: 'quiet', label: 'Not noisy', weight: 1, rule: { not: { field: 'nps', op: 'lt', value: 0 } } },
      ],
      thresholds: { perfect: 1, good: 0.5 },
    });
    expect(classifyFit(anyModel, { nps: null, logins: 150 })).toMatchObject({
      met: ['engaged'],
      unknown: ['both', 'quiet'],
    });
    expect(classifyFit(anyModel, { nps: null, logins: 10 })).toMatchObject({
      unmet: ['both'],
      unknown: ['engaged', 'quiet'],
    });
    expect(classifyFit(anyModel, { nps: -20, logins: 150 })).toMatchObject({
      met: ['engaged'],
      unmet: ['both', 'quiet'],
    });
  });

  it('knows a criterion once its milestone is reached or its rule holds', () => {
    const staged = defineFitModel({
      criteria: [
        {
          id: 'value',
          label: 'Value',
          weight: 1,
          rule: { field: 'valueRealized', op: 'gte', value: 0.75 },
          knownFrom: { milestone: 'ebr_1' },
        },
        {
          id: 'adopted',
          label: 'Adopted',
          weight: 1,
          rule: { field: 'featuresAdopted', op: 'gte', value: 5 },
          knownFrom: { when: { field: 'lastEbrDate', op: 'withinLastDays', value: 365 } },
        },
      ],
      thresholds: { perfect: 1, good: 0.5 },
    });
    const before = classifyFit(staged, {
      asOf: '2026-06-30',
      valueRealized: 0.9,
      milestones: {},
      featuresAdopted: 9,
      lastEbrDate: null,
    });
    expect(before.unknown).toEqual(['value', 'adopted']);
    const after = classifyFit(staged, {
      asOf: '2026-06-30',
      valueRealized: 0.9,
      milestones: { ebr_1: '2026-02-01' },
      featuresAdopted: 9,
      lastEbrDate: '2026-02-01',
    });
    expect(after.met).toEqual(['value', 'adopted']);
  });

  it('takes a model as written and checks it, at path model', () => {
    const plain: FitModelInput = {
      criteria: [{ id: 'a', label: 'A', weight: 1, rule: { field: 'arr', op: 'gt', value: 0 } }],
      thresholds: { perfect: 1, good: 0.5 },
    };
    expect(classifyFit(plain, { arr: 10 }).fitClass).toBe('perfect');
    const error = catchSuccessKitError(() =>
      classifyFit({ ...plain, thresholds: { perfect: 0.2, good: 0.5 } }, { arr: 10 }),
    );
    expect(error.code).toBe('invalid_definition');
    expect(issuePaths(error)).toEqual(['model.thresholds.perfect']);
  });

  it.each([null, 'acc-1', 3, [1]])('refuses a snapshot that is not an object: %s', (snapshot) => {
    const error = catchSuccessKitError(() => classifyFit(model, snapshot as never));
    expect(error.code).toBe('invalid_input');
    expect(issuePaths(error)).toEqual(['snapshot']);
  });

  it('does not mutate the snapshot', () => {
    const snapshot = { ...known, employees: 400, tenureDays: 30 };
    const copy = structuredClone(snapshot);
    classifyFit(model, snapshot);
    expect(snapshot).toEqual(copy);
  });
});
