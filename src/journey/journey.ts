import * as z from 'zod/mini';
import type { DefinedRule, RuleInput } from '../rules/index.js';

const Id = z.string().check(z.minLength(1), z.maxLength(256));
const Text = z.string().check(z.minLength(1), z.maxLength(2000));
const Days = z.int().check(z.minimum(0), z.maximum(3650));
/** A rule of the rules module, checked by `defineRule` once the shape is known, so its issues carry its own paths. */
const RuleField = z.custom<RuleInput>((value: unknown) => value !== undefined);

/**
 * How a touchpoint reaches the customer: a `call`, a `meeting` (video or in
 * person), an `email`, an `in_app` message, an `onsite` visit or a `webinar`.
 *
 * @example
 * ```ts
 * import { TouchpointChannel } from 'successkit/journey';
 *
 * TouchpointChannel.options; // => ['call', 'meeting', 'email', 'in_app', 'onsite', 'webinar']
 * ```
 */
export const TouchpointChannel = z.enum(['call', 'meeting', 'email', 'in_app', 'onsite', 'webinar']);

/**
 * A touchpoint channel; see the {@link TouchpointChannel} schema.
 *
 * @example
 * ```ts
 * import type { TouchpointChannel } from 'successkit/journey';
 *
 * const channel: TouchpointChannel = 'meeting';
 * ```
 */
export type TouchpointChannel = z.infer<typeof TouchpointChannel>;

/**
 * What happens when a milestone succeeds: `'celebrate'` (tell the customer
 * and the team), `'referral'` (celebrate, then ask for a referral, internal
 * or external) or `'advocacy'` (celebrate, then invite them to the advocacy
 * program: reference calls, case studies, the customer council).
 *
 * @example
 * ```ts
 * import { MilestoneCelebration } from 'successkit/journey';
 *
 * MilestoneCelebration.options; // => ['celebrate', 'referral', 'advocacy']
 * ```
 */
export const MilestoneCelebration = z.enum(['celebrate', 'referral', 'advocacy']);

/**
 * A milestone celebration; see the {@link MilestoneCelebration} schema.
 *
 * @example
 * ```ts
 * import type { MilestoneCelebration } from 'successkit/journey';
 *
 * const ask: MilestoneCelebration = 'referral';
 * ```
 */
export type MilestoneCelebration = z.infer<typeof MilestoneCelebration>;

const SinceField = z.union([
  Id,
  z.strictObject({ field: Id, offsetDays: z._default(z.int().check(z.minimum(-3650), z.maximum(3650)), 0) }),
]);

const MilestoneInput = z.strictObject({
  id: Id,
  name: Text,
  dueDay: Days,
  evidence: RuleField,
  celebration: z.optional(MilestoneCelebration),
});

const TouchpointInput = z.strictObject({
  id: Id,
  name: Text,
  channel: TouchpointChannel,
  owner: Id,
  day: z.optional(Days),
  after: z.optional(Id),
  daysAfter: z.optional(Days),
});

const TargetsInput = z.strictObject({
  minimumNps: z.optional(z.number().check(z.minimum(-100), z.maximum(100))),
  minimumCsatShare: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  minimumOutcomeShare: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
});

const StageInput = z.strictObject({
  id: Id,
  name: Text,
  think: Text,
  feel: Text,
  do: Text,
  outcome: RuleField,
  entry: RuleField,
  exit: z.optional(RuleField),
  since: z.optional(z.union([SinceField, z.array(SinceField).check(z.maxLength(10))])),
  expectedDays: z.int().check(z.minimum(1), z.maximum(3650)),
  recurring: z.optional(z.boolean()),
  milestones: z._default(z.array(MilestoneInput).check(z.maxLength(100)), []),
  touchpoints: z._default(z.array(TouchpointInput).check(z.maxLength(100)), []),
  targets: z.optional(TargetsInput),
});

/**
 * The shape of a journey definition as a host writes or stores it: an `id`,
 * a `name`, the ordered `stages` (1 to 50) and optionally the `churned` rule
 * (default: `status` is `'churned'`). {@link defineJourney} checks this
 * shape, then the journey's own invariants and its rules.
 *
 * Each stage has:
 *
 * | field | meaning |
 * |---|---|
 * | `id`, `name` | the stage |
 * | `think`, `feel`, `do` | what the customer should think of the product, feel, and do at this stage (text goals) |
 * | `outcome` | a rule over the account snapshot that holds when the Do is achieved |
 * | `entry`, `exit` | rules: an account is in the last stage whose entry holds and whose exit (optional) does not |
 * | `since` | a date field (or fields, the first with a date wins), each with an optional `offsetDays`, giving the day the stage began, e.g. `'milestones.go_live'` or `{ field: 'renewalDate', offsetDays: -90 }` |
 * | `expectedDays` | how long the stage should take, days (1–3650) |
 * | `recurring` | the stage comes back every cycle (renewal): leaving it for an earlier stage is `'cycled'`, not a regression; default `false` |
 * | `milestones` | `{ id, name, dueDay, evidence, celebration? }`: due `dueDay` days after entry, reached when the `evidence` rule holds |
 * | `touchpoints` | `{ id, name, channel, owner, day }` or `{ …, after: milestoneId, daysAfter? }`: the CSM's planned contacts |
 * | `targets` | `minimumNps` (−100..100), `minimumCsatShare` (0–1), `minimumOutcomeShare` (0–1): the experience the stage should deliver |
 *
 * @example
 * ```ts
 * import { JourneyInput } from 'successkit/journey';
 *
 * JourneyInput.safeParse({ id: 'j', name: 'Journey', stages: [] }).success; // => false
 * ```
 */
export const JourneyInput = z.strictObject({
  id: Id,
  name: Text,
  description: z.optional(z.string().check(z.maxLength(4000))),
  stages: z.array(StageInput).check(z.minLength(1), z.maxLength(50)),
  churned: z.optional(RuleField),
});

/**
 * A journey definition as a host writes it; see the {@link JourneyInput} schema.
 *
 * @example
 * ```ts
 * import type { JourneyInput } from 'successkit/journey';
 *
 * const journey: JourneyInput = {
 *   id: 'smb',
 *   name: 'SMB journey',
 *   stages: [
 *     {
 *       id: 'onboarding',
 *       name: 'Onboarding',
 *       think: 'This was easy to set up',
 *       feel: 'Confident',
 *       do: 'Go live',
 *       entry: { field: 'tenureDays', op: 'gte', value: 0 },
 *       outcome: { field: 'milestones.go_live', op: 'exists' },
 *       expectedDays: 30,
 *     },
 *   ],
 * };
 * ```
 */
export type JourneyInput = z.input<typeof JourneyInput>;

/**
 * Where a stage's start date is read: a date field of the snapshot, moved by
 * `offsetDays` days (−90 for "90 days before the renewal date").
 *
 * @example
 * ```ts
 * import type { StageSince } from 'successkit/journey';
 *
 * const renewalWindow: StageSince = { field: 'renewalDate', offsetDays: -90 };
 * ```
 */
export interface StageSince {
  readonly field: string;
  /** Days added to the field's date; negative is earlier. */
  readonly offsetDays: number;
}

/**
 * A milestone of a defined journey.
 *
 * @example
 * ```ts
 * import { defaultCsJourney, type JourneyMilestone } from 'successkit/journey';
 *
 * const goLive: JourneyMilestone | undefined = defaultCsJourney.stages[1]?.milestones.at(-1);
 * goLive?.id; // => 'go_live'
 * ```
 */
export interface JourneyMilestone {
  readonly id: string;
  readonly name: string;
  /** Days after the stage's start by which the milestone is due. */
  readonly dueDay: number;
  /** Holds on the snapshot once the milestone is reached. */
  readonly evidence: DefinedRule;
  /** What to do when it succeeds; absent: nothing planned. */
  readonly celebration?: MilestoneCelebration;
}

/**
 * A CSM touchpoint of a defined journey: on a day of the stage, or a number
 * of days after one of its milestones.
 *
 * @example
 * ```ts
 * import { defaultCsJourney, type JourneyTouchpoint } from 'successkit/journey';
 *
 * const first: JourneyTouchpoint | undefined = defaultCsJourney.stages[1]?.touchpoints[0];
 * first?.name; // => 'Kickoff call'
 * ```
 */
export interface JourneyTouchpoint {
  readonly id: string;
  readonly name: string;
  readonly channel: TouchpointChannel;
  /** The role that owns it: `'csm'`, `'ae'`, `'exec_sponsor'`, `'support'`, … */
  readonly owner: string;
  /** Days after the stage's start, when planned by day. */
  readonly day?: number;
  /** The milestone of the same stage it follows, when planned by milestone. */
  readonly after?: string;
  /** Days after that milestone, when planned by milestone (0 when not given). */
  readonly daysAfter?: number;
}

/**
 * The experience a stage should deliver, for {@link thinkFeelDoGaps}.
 *
 * @example
 * ```ts
 * import type { ExperienceTargets } from 'successkit/journey';
 *
 * const targets: ExperienceTargets = { minimumNps: 30, minimumCsatShare: 0.8 };
 * ```
 */
export interface ExperienceTargets {
  /** The lowest acceptable NPS of the stage, −100..100. */
  readonly minimumNps?: number;
  /** The lowest acceptable share of satisfied CSAT answers, 0–1. */
  readonly minimumCsatShare?: number;
  /** The share of accounts in the stage that should reach its Do outcome, 0–1 (0.5 when not given). */
  readonly minimumOutcomeShare?: number;
}

/**
 * A stage of a defined journey.
 *
 * @example
 * ```ts
 * import { defaultCsJourney, type JourneyStage } from 'successkit/journey';
 *
 * const stage: JourneyStage | undefined = defaultCsJourney.stages[0];
 * stage?.id; // => 'trial'
 * ```
 */
export interface JourneyStage {
  readonly id: string;
  readonly name: string;
  /** How the customer should perceive the product at this stage. */
  readonly think: string;
  /** The emotion the customer should have at this stage. */
  readonly feel: string;
  /** The action that marks progress. */
  readonly do: string;
  /** Holds when the Do is achieved. */
  readonly outcome: DefinedRule;
  readonly entry: DefinedRule;
  readonly exit?: DefinedRule;
  /** Where the stage's start is read, in order: the first with a date wins; empty when not given. */
  readonly since: readonly StageSince[];
  /** Expected time in the stage, days. */
  readonly expectedDays: number;
  /** The stage comes back every cycle (renewal): leaving it for an earlier stage is `'cycled'`, not a regression. */
  readonly recurring: boolean;
  readonly milestones: readonly JourneyMilestone[];
  readonly touchpoints: readonly JourneyTouchpoint[];
  readonly targets?: ExperienceTargets;
}

declare const journeyBrand: unique symbol;

/**
 * A journey that {@link defineJourney} validated, copied and froze: the
 * functions of `successkit/journey` take it without a second check.
 *
 * @example
 * ```ts
 * import { defaultCsJourney, type Journey } from 'successkit/journey';
 *
 * const journey: Journey = defaultCsJourney;
 * journey.stages.map((stage) => stage.id); // => ['trial', 'onboarding', 'adoption', 'expansion', 'renewal']
 * ```
 */
export interface Journey {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly stages: readonly JourneyStage[];
  /** Holds for an account that has left: it is in no stage, and its churn is counted against the stage it left. */
  readonly churned: DefinedRule;
  readonly [journeyBrand]: true;
}
