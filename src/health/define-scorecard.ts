import * as z from 'zod/mini';
import {
  formatPath,
  isObjectRecord,
  parseWith,
  quoteText,
  SuccessKitError,
  type PathSegment,
  type SuccessKitIssue,
} from '../core/internal.js';
import { defineRule, FieldCatalog, type DefinedRule, type FieldType } from '../rules/index.js';
import { snapshotFields } from '../snapshot/index.js';
import {
  ScorecardInput,
  type HealthBand,
  type MeasureGroup,
  type RuleOverride,
  type ThresholdRange,
} from './scorecard.js';

// The brand exists only in the type; the WeakSet below is what the run time trusts.
declare const scorecardBrand: unique symbol;

/**
 * A scorecard that {@link defineScorecard} validated and froze: its rule
 * overrides hold defined rules, and every default is filled in. The
 * scoring functions take it without a second check.
 *
 * @example
 * ```ts
 * import { defaultScorecard, type Scorecard } from 'successkit/health';
 *
 * const scorecard: Scorecard = defaultScorecard;
 * scorecard.bands.map((band) => band.id); // => ['red', 'yellow', 'green']
 * ```
 */
export type Scorecard = Readonly<
  Omit<z.output<typeof ScorecardInput>, 'overrides' | 'groups' | 'bands'> & {
    readonly groups: readonly Readonly<MeasureGroup>[];
    readonly bands: readonly Readonly<HealthBand>[];
    readonly overrides: readonly (Readonly<Omit<RuleOverride, 'when'>> & { readonly when: DefinedRule })[];
  }
> & { readonly [scorecardBrand]: true };

/**
 * Options of {@link defineScorecard}.
 *
 * @example
 * ```ts
 * import type { DefineScorecardOptions } from 'successkit/health';
 * import { extendFields, snapshotFields } from 'successkit/snapshot';
 *
 * const options: DefineScorecardOptions = {
 *   fields: extendFields(snapshotFields, { 'custom.reports_built': { type: 'number', label: 'Reports built' } }),
 * };
 * ```
 */
export interface DefineScorecardOptions {
  /** The fields measures, staleness dates and override rules may read. Default `snapshotFields`. */
  readonly fields?: FieldCatalog;
}

const Options = z.strictObject({ fields: z.optional(FieldCatalog) });

function typeOf(catalog: FieldCatalog, field: string): FieldType | undefined {
  if (!Object.hasOwn(catalog, field)) return undefined;
  const definition = catalog[field];
  return typeof definition === 'string' ? definition : definition?.type;
}

const scoringFieldType = { thresholds: 'number', linear: 'number', bands: 'string', boolean: 'boolean' } as const;

interface Check {
  readonly issues: SuccessKitIssue[];
  readonly catalog: FieldCatalog;
}

function issue(check: Check, path: readonly PathSegment[], message: string): void {
  check.issues.push({ path, message });
}

function checkField(check: Check, field: string, expected: FieldType, path: readonly PathSegment[]): void {
  const type = typeOf(check.catalog, field);
  if (type === undefined) issue(check, path, `unknown field ${quoteText(field, 60)}`);
  else if (type !== expected)
    issue(check, path, `expected a ${expected} field, got ${quoteText(field, 60)}, a ${type}`);
}

function checkUnique(check: Check, ids: readonly (readonly [string, readonly PathSegment[]])[], what: string): void {
  const seen = new Set<string>();
  for (const [id, path] of ids) {
    if (seen.has(id)) issue(check, path, `duplicate ${what} id ${quoteText(id, 60)}`);
    seen.add(id);
  }
}

type ParsedScorecard = z.output<typeof ScorecardInput>;
type ParsedMeasure = ParsedScorecard['groups'][number]['measures'][number];

function checkThresholds(check: Check, ranges: readonly ThresholdRange[], path: readonly PathSegment[]): void {
  ranges.forEach((range, index) => {
    const at = [...path, 'ranges', index];
    if (range.from !== undefined && range.below !== undefined && !(range.from < range.below)) {
      issue(check, [...at, 'below'], `expected below > from (${String(range.from)}), got ${String(range.below)}`);
    }
    if (index > 0 && range.from === undefined) issue(check, [...at, 'from'], 'only the first range may leave from out');
    if (index < ranges.length - 1 && range.below === undefined) {
      issue(check, [...at, 'below'], 'only the last range may leave below out');
    }
    const before = ranges[index - 1]?.below;
    if (index > 0 && before !== undefined && range.from !== undefined && range.from !== before) {
      const how = range.from < before ? 'overlaps the range before' : 'leaves a gap after the range before';
      issue(check, [...at, 'from'], `${how}: expected from ${String(before)}, got ${String(range.from)}`);
    }
  });
}

function checkMeasure(check: Check, measure: ParsedMeasure, path: readonly PathSegment[]): void {
  const { scoring } = measure;
  checkField(check, measure.field, scoringFieldType[scoring.type], [...path, 'field']);
  if (measure.stale !== undefined) checkField(check, measure.stale.dateField, 'date', [...path, 'stale', 'dateField']);
  const at = [...path, 'scoring'];
  if (scoring.type === 'thresholds') checkThresholds(check, scoring.ranges, at);
  if (scoring.type === 'linear' && !(scoring.min < scoring.max)) {
    issue(check, [...at, 'max'], `expected max > min (${String(scoring.min)}), got ${String(scoring.max)}`);
  }
  if (scoring.type === 'bands' && Object.keys(scoring.points).length === 0) {
    issue(check, [...at, 'points'], 'expected at least one category');
  }
}

function checkGroups(check: Check, groups: ParsedScorecard['groups']): void {
  let groupWeights = 0;
  groups.forEach((group, index) => {
    groupWeights += group.weight;
    const path = ['groups', index];
    if (group.measures.length === 0) issue(check, [...path, 'measures'], 'a group needs at least one measure');
    else if (group.measures.every((measure) => measure.weight === 0)) {
      issue(check, [...path, 'measures'], 'the weights of the measures sum to 0');
    }
    group.measures.forEach((measure, at) => {
      checkMeasure(check, measure, [...path, 'measures', at]);
    });
  });
  if (groupWeights === 0) issue(check, ['groups'], 'the weights of the groups sum to 0');
  checkUnique(
    check,
    groups.map((group, index) => [group.id, ['groups', index, 'id']]),
    'group',
  );
  checkUnique(
    check,
    groups.flatMap((group, index) =>
      group.measures.map((measure, at) => [measure.id, ['groups', index, 'measures', at, 'id']] as const),
    ),
    'measure',
  );
}

function checkBands(check: Check, bands: readonly HealthBand[]): void {
  if (bands[0] !== undefined && bands[0].from !== 0) {
    issue(check, ['bands', 0, 'from'], `the first band starts at 0, got ${String(bands[0].from)}`);
  }
  bands.forEach((band, index) => {
    const before = bands[index - 1];
    if (before !== undefined && !(band.from > before.from)) {
      issue(
        check,
        ['bands', index, 'from'],
        `expected bands in ascending order, from > ${String(before.from)}, got ${String(band.from)}`,
      );
    }
  });
  checkUnique(
    check,
    bands.map((band, index) => [band.id, ['bands', index, 'id']]),
    'band',
  );
}

function defineOverride(
  check: Check,
  override: RuleOverride,
  index: number,
  bandIds: ReadonlySet<string>,
): DefinedRule | undefined {
  if (!bandIds.has(override.band)) {
    issue(check, ['overrides', index, 'band'], `unknown band ${quoteText(override.band, 60)}`);
  }
  try {
    return defineRule(override.when, { fields: check.catalog });
  } catch (error) {
    if (!(error instanceof SuccessKitError)) throw error;
    for (const inner of error.issues) issue(check, ['overrides', index, 'when', ...inner.path], inner.message);
    return undefined;
  }
}

function deepFreeze<Value>(value: Value): Value {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/**
 * Validates a scorecard written as plain JSON and returns a frozen, typed,
 * branded copy with its defaults filled in. Checked: every field a measure,
 * a staleness date or an override reads is in the catalog with the type its
 * scoring needs; thresholds ascend and touch (no overlap, no gap); linear
 * scorings have `min < max`; weights are ≥ 0 and not all 0; groups are not
 * empty; ids are unique; bands start at 0 and ascend; overrides name a
 * band and hold a valid rule. Every problem is reported with its path.
 *
 * @param input - the scorecard; see {@link ScorecardInput}
 * @param options - the field catalog; see {@link DefineScorecardOptions}
 * @returns the scorecard, deep-frozen and branded as a {@link Scorecard}
 * @throws {@link core!SuccessKitError} `invalid_definition` listing every problem; `invalid_rule` for a malformed override rule (path `overrides[i].when…`); `invalid_input` for bad options
 *
 * @example
 * ```ts
 * import { defineScorecard } from 'successkit/health';
 *
 * const scorecard = defineScorecard({
 *   id: 'starter',
 *   label: 'Starter health',
 *   groups: [
 *     {
 *       id: 'usage',
 *       label: 'Usage',
 *       weight: 1,
 *       measures: [{ id: 'seats', label: 'Seats in use', field: 'licenseUtilization', weight: 1, scoring: { type: 'linear', min: 0.2, max: 0.9 } }],
 *     },
 *   ],
 *   bands: [
 *     { id: 'red', label: 'Red', from: 0 },
 *     { id: 'green', label: 'Green', from: 60 },
 *   ],
 * });
 * scorecard.hysteresis; // => 0
 * Object.isFrozen(scorecard.groups[0]); // => true
 * defineScorecard({ ...scorecard, bands: [{ id: 'red', label: 'Red', from: 10 }] }); // throws invalid_definition
 * ```
 */
export function defineScorecard(input: unknown, options: DefineScorecardOptions = {}): Scorecard {
  const { fields } = parseWith(Options, options, { path: ['options'] });
  const parsed = parseWith(ScorecardInput, input, { code: 'invalid_definition' });
  const check: Check = { issues: [], catalog: fields ?? snapshotFields };
  checkGroups(check, parsed.groups);
  checkBands(check, parsed.bands);
  const bandIds = new Set(parsed.bands.map((band) => band.id));
  const overrides = parsed.overrides.map((override, index) => ({
    ...override,
    when: defineOverride(check, override, index, bandIds),
  }));
  checkUnique(
    check,
    parsed.overrides.map((override, index) => [override.id, ['overrides', index, 'id']]),
    'override',
  );
  if (check.issues.length > 0) {
    const ruleOnly = check.issues.every((found) => formatPath(found.path).includes('.when'));
    throw new SuccessKitError(ruleOnly ? 'invalid_rule' : 'invalid_definition', check.issues);
  }
  const scorecard = deepFreeze({ ...parsed, overrides });
  defined.set(scorecard, check.catalog);
  return scorecard as unknown as Scorecard;
}

// What defineScorecard returned, with the catalog it was checked against.
const defined = new WeakMap<object, FieldCatalog>();

/** The field catalog a defined scorecard was checked against. @internal */
export function catalogOf(scorecard: Scorecard): FieldCatalog {
  return defined.get(scorecard) ?? snapshotFields;
}

/**
 * `scorecard` itself when {@link defineScorecard} returned it, otherwise
 * `scorecard` checked by `defineScorecard` against `snapshotFields`.
 *
 * @internal
 */
export function definedScorecard(scorecard: unknown): Scorecard {
  return isObjectRecord(scorecard) && defined.has(scorecard)
    ? (scorecard as unknown as Scorecard)
    : defineScorecard(scorecard);
}
