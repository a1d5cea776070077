import * as z from 'zod/mini';
import { Id } from '../core/internal.js';

const Points = z.number().check(z.minimum(0), z.maximum(100));
const Weight = z.number().check(z.minimum(0));
const Label = z.string().check(z.minLength(1), z.maxLength(200));
const Bound = z.number();

/**
 * One value range of a `thresholds` scoring: values from `from` (included)
 * up to `below` (excluded) earn `points` (0–100). The first range may leave
 * `from` out (no lower end), the last may leave `below` out (no upper end).
 *
 * @example
 * ```ts
 * import type { ThresholdRange } from 'successkit/health';
 *
 * const none: ThresholdRange = { below: 1, points: 100 };
 * ```
 */
export const ThresholdRange = z.strictObject({
  from: z.optional(Bound),
  below: z.optional(Bound),
  points: Points,
});

/**
 * One value range of a `thresholds` scoring; see the {@link ThresholdRange} schema.
 *
 * @example
 * ```ts
 * import type { ThresholdRange } from 'successkit/health';
 *
 * const many: ThresholdRange = { from: 4, points: 0 };
 * ```
 */
export type ThresholdRange = z.infer<typeof ThresholdRange>;

/**
 * How a measure turns its field's value into 0–100 points:
 *
 * | type | field type | points |
 * |---|---|---|
 * | `thresholds` | number | the `points` of the range the value falls in; ranges ascend and touch (each `from` is the `below` before it) |
 * | `linear` | number | 0 at `min`, 100 at `max`, straight in between, clamped; `invert: true` gives 100 at `min` |
 * | `bands` | string | the points of the value's category; an unlisted value earns `otherwise`, or counts as missing |
 * | `boolean` | boolean | `whenTrue` (default 100) or `whenFalse` (default 0) |
 *
 * @example
 * ```ts
 * import { MeasureScoring } from 'successkit/health';
 *
 * MeasureScoring.parse({ type: 'linear', min: 0.2, max: 0.9 }).type; // => 'linear'
 * ```
 */
export const MeasureScoring = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('thresholds'), ranges: z.array(ThresholdRange).check(z.minLength(1)) }),
  z.strictObject({ type: z.literal('linear'), min: Bound, max: Bound, invert: z.optional(z.boolean()) }),
  z.strictObject({
    type: z.literal('bands'),
    points: z.record(z.string().check(z.minLength(1)), Points),
    otherwise: z.optional(Points),
  }),
  z.strictObject({ type: z.literal('boolean'), whenTrue: z.optional(Points), whenFalse: z.optional(Points) }),
]);

/**
 * How a measure scores its value; see the {@link MeasureScoring} schema.
 *
 * @example
 * ```ts
 * import type { MeasureScoring } from 'successkit/health';
 *
 * const nps: MeasureScoring = { type: 'bands', points: { promoter: 100, passive: 60, detractor: 0 } };
 * ```
 */
export type MeasureScoring = z.infer<typeof MeasureScoring>;

/**
 * What a measure does when its value is missing (or stale):
 * `'redistribute'` drops it and shares its weight among the others of its
 * group (or, when its whole group is gone, among the other groups);
 * `{ neutral: points }` scores it at fixed points (0–100); `'zero'` scores it
 * 0; `'fail'` makes the whole score `null`, with the reason.
 *
 * @example
 * ```ts
 * import { MissingPolicy } from 'successkit/health';
 *
 * MissingPolicy.parse({ neutral: 100 }); // => { neutral: 100 }
 * ```
 */
export const MissingPolicy = z.union([z.enum(['redistribute', 'zero', 'fail']), z.strictObject({ neutral: Points })]);

/**
 * A missing-data policy; see the {@link MissingPolicy} schema.
 *
 * @example
 * ```ts
 * import type { MissingPolicy } from 'successkit/health';
 *
 * const policy: MissingPolicy = 'redistribute';
 * ```
 */
export type MissingPolicy = z.infer<typeof MissingPolicy>;

/**
 * When a measure's value is too old to trust: its `dateField` (a date field
 * of the catalog, such as `lastNpsDate`) is more than `maxAgeDays` days
 * before the snapshot's `asOf`, or unknown. `policy` (default
 * `'redistribute'`) says what a stale value counts as, as for missing data.
 *
 * @example
 * ```ts
 * import type { Staleness } from 'successkit/health';
 *
 * const halfYear: Staleness = { dateField: 'lastNpsDate', maxAgeDays: 180 };
 * ```
 */
export const Staleness = z.strictObject({
  dateField: z.string().check(z.minLength(1)),
  maxAgeDays: z.int().check(z.minimum(0), z.maximum(36_500)),
  policy: z.optional(MissingPolicy),
});

/**
 * A staleness check; see the {@link Staleness} schema.
 *
 * @example
 * ```ts
 * import type { Staleness } from 'successkit/health';
 *
 * const quarter: Staleness = { dateField: 'lastCsatDate', maxAgeDays: 90, policy: 'zero' };
 * ```
 */
export type Staleness = z.infer<typeof Staleness>;

/**
 * One measure of a scorecard: a snapshot field, how it scores (0–100), its
 * weight within its group (any number ≥ 0; weights are normalised), and what
 * missing or stale data counts as (`missing` defaults to `'redistribute'`).
 *
 * @example
 * ```ts
 * import type { Measure } from 'successkit/health';
 *
 * const seats: Measure = {
 *   id: 'seats',
 *   label: 'Seats in use',
 *   field: 'licenseUtilization',
 *   weight: 2,
 *   scoring: { type: 'linear', min: 0.2, max: 0.9 },
 * };
 * ```
 */
export const Measure = z.strictObject({
  id: Id,
  label: Label,
  field: z.string().check(z.minLength(1)),
  weight: Weight,
  scoring: MeasureScoring,
  missing: z.optional(MissingPolicy),
  stale: z.optional(Staleness),
  description: z.optional(z.string()),
});

/**
 * One measure; see the {@link Measure} schema.
 *
 * @example
 * ```ts
 * import type { Measure } from 'successkit/health';
 *
 * const champion: Measure = { id: 'champion', label: 'Champion', field: 'championNamed', weight: 1, scoring: { type: 'boolean' } };
 * ```
 */
export type Measure = z.infer<typeof Measure>;

/**
 * A group of measures with its weight among the groups (any number ≥ 0;
 * normalised), like Gainsight's measure groups: usage, surveys, support.
 *
 * @example
 * ```ts
 * import type { MeasureGroup } from 'successkit/health';
 *
 * const relationship: MeasureGroup = {
 *   id: 'relationship',
 *   label: 'Relationship',
 *   weight: 10,
 *   measures: [{ id: 'champion', label: 'Champion', field: 'championNamed', weight: 1, scoring: { type: 'boolean' } }],
 * };
 * ```
 */
export const MeasureGroup = z.strictObject({
  id: Id,
  label: Label,
  weight: Weight,
  measures: z.array(Measure),
  description: z.optional(z.string()),
});

/**
 * A group of measures; see the {@link MeasureGroup} schema.
 *
 * @example
 * ```ts
 * import type { MeasureGroup } from 'successkit/health';
 *
 * const empty: Omit<MeasureGroup, 'measures'> = { id: 'usage', label: 'Usage', weight: 40 };
 * ```
 */
export type MeasureGroup = z.infer<typeof MeasureGroup>;

/**
 * One health band: scores from `from` (0–100, included) up to the next
 * band's `from` fall in it. Bands ascend; the first starts at 0.
 *
 * @example
 * ```ts
 * import type { HealthBand } from 'successkit/health';
 *
 * const green: HealthBand = { id: 'green', label: 'Green', from: 75 };
 * ```
 */
export const HealthBand = z.strictObject({ id: Id, label: Label, from: Points });

/**
 * One health band; see the {@link HealthBand} schema.
 *
 * @example
 * ```ts
 * import type { HealthBand } from 'successkit/health';
 *
 * const red: HealthBand = { id: 'red', label: 'Red', from: 0 };
 * ```
 */
export type HealthBand = z.infer<typeof HealthBand>;

/**
 * A rule-based override: when the rule `when` holds for the snapshot (with
 * the previous snapshot, when given), the account's band is `band`
 * whatever its score. Overrides apply in the order listed; the first that
 * holds wins.
 *
 * @example
 * ```ts
 * import type { RuleOverride } from 'successkit/health';
 *
 * const critical: RuleOverride = {
 *   id: 'critical-escalation',
 *   label: 'Open critical escalation',
 *   when: { field: 'highestEscalationSeverity', op: 'eq', value: 'critical' },
 *   band: 'red',
 * };
 * ```
 */
export const RuleOverride = z.strictObject({ id: Id, label: Label, when: z.unknown(), band: Id });

/**
 * A rule-based override; see the {@link RuleOverride} schema.
 *
 * @example
 * ```ts
 * import type { RuleOverride } from 'successkit/health';
 *
 * const sponsor: RuleOverride = { id: 'sponsor', label: 'Sponsor changed', when: { field: 'sponsorChanged', op: 'eq', value: true }, band: 'yellow' };
 * ```
 */
export type RuleOverride = z.infer<typeof RuleOverride>;

/**
 * How the score's trend is told: a change smaller than `flatWithin` points
 * (default 1) either way is `'flat'`.
 *
 * @example
 * ```ts
 * import { TrendSettings } from 'successkit/health';
 *
 * TrendSettings.parse({}); // => { flatWithin: 1 }
 * ```
 */
export const TrendSettings = z.strictObject({ flatWithin: z._default(z.number().check(z.minimum(0)), 1) });

/**
 * How the trend is told; see the {@link TrendSettings} schema.
 *
 * @example
 * ```ts
 * import type { TrendSettings } from 'successkit/health';
 *
 * const settings: TrendSettings = { flatWithin: 2 };
 * ```
 */
export type TrendSettings = z.infer<typeof TrendSettings>;

/**
 * A health scorecard as plain JSON: weighted groups of measures, the bands
 * with their hysteresis margin (points, default 0), rule overrides in
 * precedence order, and how the trend is told.
 *
 * @example
 * ```ts
 * import { ScorecardInput } from 'successkit/health';
 *
 * Object.keys(ScorecardInput.shape); // => ['id', 'label', 'groups', 'bands', 'hysteresis', 'overrides', 'trend', 'description']
 * ```
 */
export const ScorecardInput = z.strictObject({
  id: Id,
  label: Label,
  groups: z.array(MeasureGroup).check(z.minLength(1)),
  bands: z.array(HealthBand).check(z.minLength(1)),
  hysteresis: z._default(z.number().check(z.minimum(0), z.maximum(50)), 0),
  overrides: z._default(z.array(RuleOverride), []),
  trend: z._default(TrendSettings, { flatWithin: 1 }),
  description: z.optional(z.string()),
});

/**
 * A scorecard as written, before {@link defineScorecard}; see the
 * {@link ScorecardInput} schema.
 *
 * @example
 * ```ts
 * import type { ScorecardInput } from 'successkit/health';
 *
 * const bands: ScorecardInput['bands'] = [{ id: 'red', label: 'Red', from: 0 }, { id: 'green', label: 'Green', from: 70 }];
 * ```
 */
export type ScorecardInput = z.input<typeof ScorecardInput>;
