import * as z from 'zod/mini';
import {
  CalendarDate,
  fail,
  isObjectRecord,
  parseWith,
  SuccessKitError,
  type PathSegment,
  underPath,
} from '../core/internal.js';
import { defineRule, explainRule, type DefinedRule } from '../rules/index.js';
import { snapshotFields } from '../snapshot/index.js';
import { BaselineInput, definedBaseline, type Baseline } from './baseline.js';

/**
 * Baselines chosen by rules: `choices` tried in order, each a `name`, a
 * rule over the snapshot (`when`, see `successkit/rules`) and the
 * `baseline` it selects; `fallback`, the baseline of every account no rule
 * selects (required: every account gets a baseline).
 *
 * @example
 * ```ts
 * import { BaselineSelection } from 'successkit/baseline';
 *
 * BaselineSelection.shape.choices.def.type; // => 'array'
 * ```
 */
export const BaselineSelection = z.strictObject({
  choices: z
    .array(
      z.strictObject({
        name: z.string().check(z.minLength(1), z.maxLength(200)),
        when: z.unknown().check(z.refine((rule) => rule !== undefined, { error: 'required' })),
        baseline: BaselineInput,
      }),
    )
    .check(z.maxLength(1000)),
  fallback: BaselineInput,
});

/**
 * A selection as written; see the {@link BaselineSelection} schema.
 *
 * @example
 * ```ts
 * import type { BaselineSelection } from 'successkit/baseline';
 *
 * const selection: BaselineSelection = { choices: [], fallback: { name: 'Typical', milestones: [{ id: 'first_login', name: 'First login', dueDay: 5 }] } };
 * ```
 */
export type BaselineSelection = z.infer<typeof BaselineSelection>;

/**
 * A selection as a host writes it in code: a {@link BaselineSelection} whose
 * baselines may be defined ones (`defaultBaseline`) as well as plain input.
 *
 * @example
 * ```ts
 * import { defaultBaseline, type BaselineSelectionInput } from 'successkit/baseline';
 *
 * const selection: BaselineSelectionInput = { choices: [], fallback: defaultBaseline };
 * ```
 */
export interface BaselineSelectionInput {
  readonly choices: readonly {
    readonly name: string;
    /** A rule over the snapshot (see `successkit/rules`). */
    readonly when: unknown;
    readonly baseline: Baseline | BaselineInput;
  }[];
  readonly fallback: Baseline | BaselineInput;
}

declare const definedSelectionBrand: unique symbol;

/**
 * A selection {@link defineBaselineSelection} validated: rules defined
 * against `snapshotFields`, baselines defined, all frozen.
 *
 * @example
 * ```ts
 * import { defaultBaseline, defineBaselineSelection, type DefinedBaselineSelection } from 'successkit/baseline';
 *
 * const selection: DefinedBaselineSelection = defineBaselineSelection({ choices: [], fallback: defaultBaseline });
 * ```
 */
export interface DefinedBaselineSelection {
  readonly choices: readonly { readonly name: string; readonly when: DefinedRule; readonly baseline: Baseline }[];
  readonly fallback: Baseline;
  readonly [definedSelectionBrand]: true;
}

/**
 * The baseline chosen for an account: `baseline`, `choice` (the name of the
 * choice whose rule held, `null` for the fallback) and `reason`: the rule
 * that held, or why each rule tried did not.
 *
 * @example
 * ```ts
 * import { defaultBaseline, type BaselineChoice } from 'successkit/baseline';
 *
 * const choice: BaselineChoice = { baseline: defaultBaseline, choice: null, reason: 'no choice applies: Enterprise (segment is smb, not enterprise); the fallback' };
 * ```
 */
export interface BaselineChoice {
  readonly baseline: Baseline;
  readonly choice: string | null;
  readonly reason: string;
}

const defined = new WeakSet<object>();

/** What baselineFor needs of a snapshot besides the fields its rules read. */
const SnapshotDay = z.looseObject({ asOf: CalendarDate });

function rebased(error: unknown, path: readonly PathSegment[]): unknown {
  return error instanceof SuccessKitError ? underPath(error, path) : error;
}

/**
 * Validates baselines chosen by rules and returns them frozen and branded:
 * each rule checked against `snapshotFields` (`invalid_rule` at its path),
 * each baseline as {@link defineBaseline} checks it (`invalid_definition`),
 * choice names unique (`invalid_definition`).
 *
 * @param input - the selection; see {@link BaselineSelection} and {@link BaselineSelectionInput}
 * @returns the {@link DefinedBaselineSelection}
 * @throws {@link core!SuccessKitError} `invalid_input` for a malformed selection; `invalid_rule` for a bad rule; `invalid_definition` for a bad baseline or a duplicate choice name
 *
 * @example
 * ```ts
 * import { defaultBaseline, defineBaselineSelection } from 'successkit/baseline';
 *
 * const enterprise = { name: 'Enterprise', milestones: [{ id: 'first_login', name: 'First login', dueDay: 10 }] };
 * defineBaselineSelection({ choices: [{ name: 'Enterprise', when: { field: 'segment', op: 'eq', value: 'enterprise' }, baseline: enterprise }], fallback: defaultBaseline }).choices.length; // => 1
 * defineBaselineSelection({ choices: [{ name: 'Big', when: { field: 'seats', op: 'gt', value: 10 }, baseline: enterprise }], fallback: defaultBaseline }); // throws invalid_rule
 * ```
 */
export function defineBaselineSelection(input: BaselineSelectionInput): DefinedBaselineSelection {
  if (isObjectRecord(input) && defined.has(input)) return input as unknown as DefinedBaselineSelection;
  const parsed = parseWith(BaselineSelection, input);
  const names = new Set<string>();
  const choices = parsed.choices.map((choice, index) => {
    if (names.has(choice.name))
      fail('invalid_definition', ['choices', index, 'name'], `duplicate choice name "${choice.name}"`);
    names.add(choice.name);
    let when: DefinedRule;
    try {
      when = defineRule(choice.when, { fields: snapshotFields });
    } catch (error) {
      throw rebased(error, ['choices', index, 'when']);
    }
    return Object.freeze({
      name: choice.name,
      when,
      baseline: definedBaseline(choice.baseline, ['choices', index, 'baseline']),
    });
  });
  const selection = Object.freeze({
    choices: Object.freeze(choices),
    fallback: definedBaseline(parsed.fallback, ['fallback']),
  }) as unknown as DefinedBaselineSelection;
  defined.add(selection);
  return selection;
}

/**
 * Chooses an account's baseline among per-segment, size or plan baselines:
 * the first choice whose rule holds on the snapshot, else the fallback, with
 * the explanation (the rule that held, or why each did not).
 *
 * @param selection - from {@link defineBaselineSelection} (any other is defined first)
 * @param snapshot - the account's snapshot; its `asOf` is the day rules count from
 * @returns the {@link BaselineChoice}
 * @throws {@link core!SuccessKitError} as {@link defineBaselineSelection} for a bad selection; `invalid_input` for a snapshot that is not an object or without a real `asOf` (path `['snapshot', …]`)
 *
 * @example
 * ```ts
 * import { baselineFor, defaultBaseline, defineBaselineSelection } from 'successkit/baseline';
 *
 * const enterprise = { name: 'Enterprise', milestones: [{ id: 'first_login', name: 'First login', dueDay: 10 }] };
 * const selection = defineBaselineSelection({
 *   choices: [{ name: 'Enterprise', when: { field: 'segment', op: 'eq', value: 'enterprise' }, baseline: enterprise }],
 *   fallback: defaultBaseline,
 * });
 * const smb = { id: 'acc-1', asOf: '2026-06-30', segment: 'smb' };
 * baselineFor(selection, smb).reason; // => 'no choice applies (Enterprise: Segment is smb, not enterprise): the fallback, Typical customer'
 * baselineFor(selection, { ...smb, segment: 'enterprise' }).choice; // => 'Enterprise'
 * ```
 */
export function baselineFor(
  selection: DefinedBaselineSelection | BaselineSelectionInput,
  snapshot: { readonly asOf: string } & Readonly<Record<string, unknown>>,
): BaselineChoice {
  const { choices, fallback } = defineBaselineSelection(selection);
  const { asOf } = parseWith(SnapshotDay, snapshot, { path: ['snapshot'] });
  const misses: string[] = [];
  for (const choice of choices) {
    const explanation = explainRule(choice.when, snapshot, { asOf, fields: snapshotFields });
    if (explanation.result)
      return { baseline: choice.baseline, choice: choice.name, reason: `${choice.name}: ${explanation.summary}` };
    misses.push(`${choice.name}: ${explanation.summary}`);
  }
  const why = misses.length === 0 ? 'no choices' : `no choice applies (${misses.join('; ')})`;
  return { baseline: fallback, choice: null, reason: `${why}: the fallback, ${fallback.name}` };
}
