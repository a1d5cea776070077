import { describe, expect, it } from 'vitest';
import {
  defineJourney,
  journeyFunnel,
  journeyTimeline,
  stageExperience,
  thinkFeelDoGaps,
} from '../../src/journey/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { day, record, threeStages } from './fixtures';

// A timeline or an experience read back from storage can come back damaged:
// each damage is named at its path, never met with a TypeError.
const journey = defineJourney(threeStages);
const timeline = journeyTimeline(journey, [day('2026-01-31', record('a', '2026-01-31'))]);
const account = timeline.accounts[0]!;
const visit = account.visits[0]!;
const experience = stageExperience(journey, { timeline, responses: [], asOf: '2026-01-31' });
const stage = experience.stages[0]!;

const withAccount = (change: object) => ({ ...timeline, accounts: [{ ...account, ...change }] });
const withVisit = (change: object) => withAccount({ visits: [{ ...visit, ...change }] });
const withStage = (change: object) => ({
  ...experience,
  stages: [{ ...stage, ...change }, ...experience.stages.slice(1)],
});

describe('damaged timelines and experiences', () => {
  it.each([
    ['dates', { ...timeline, dates: [] }, 'source.dates'],
    ['step', { ...timeline, step: 'daily' }, 'source.step'],
    ['precisionDays', { ...timeline, precisionDays: Number.NaN }, 'source.precisionDays'],
    ['accounts', { ...timeline, accounts: {} }, 'source.accounts'],
    ['an account', { ...timeline, accounts: [null] }, 'source.accounts[0]'],
    ['accountId', withAccount({ accountId: 7 }), 'source.accounts[0].accountId'],
    ['visits', withAccount({ visits: null }), 'source.accounts[0].visits'],
    ['statuses', withAccount({ statuses: [] }), 'source.accounts[0].statuses'],
    ['stages', withAccount({ stages: [] }), 'source.accounts[0].stages'],
    ['a visit', withAccount({ visits: [7] }), 'source.accounts[0].visits[0]'],
    ['stageId', withVisit({ stageId: 7 }), 'source.accounts[0].visits[0].stageId'],
    ['censored', withVisit({ censored: 'yes' }), 'source.accounts[0].visits[0].censored'],
    ['outcomeMet', withVisit({ outcomeMet: 1 }), 'source.accounts[0].visits[0].outcomeMet'],
    ['exit', withVisit({ exit: 'vanished' }), 'source.accounts[0].visits[0].exit'],
    ['an unknown stage', withVisit({ stageId: 'renewal' }), 'source.accounts[0].visits[0].stageId'],
    ['the whole value', 42, 'source'],
  ])('names a damaged %s of a timeline at its path', (_, damaged, path) => {
    const error = catchSuccessKitError(() => journeyFunnel(journey, damaged as never));
    expect([error.code, issuePaths(error)]).toEqual(['invalid_input', [path]]);
  });

  it.each([
    ['minimumSample', { ...experience, minimumSample: 0 }, 'experience.minimumSample'],
    ['asOf', { ...experience, asOf: 7 }, 'experience.asOf'],
    ['a stage', { ...experience, stages: [null, ...experience.stages.slice(1)] }, 'experience.stages[0]'],
    ['stageId', withStage({ stageId: 'adoption' }), 'experience.stages[0].stageId'],
    ['counts', withStage({ outcome: { stays: -1, met: 0, share: null } }), 'experience.stages[0]'],
    ['shares', withStage({ csat: { ...stage.csat, share: 2 } }), 'experience.stages[0]'],
    ['the whole value', 'experience', 'experience'],
  ])('names a damaged %s of an experience at its path', (_, damaged, path) => {
    const error = catchSuccessKitError(() => thinkFeelDoGaps(journey, damaged as never));
    expect([error.code, issuePaths(error)]).toEqual(['invalid_input', [path]]);
  });
});
