import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileRule,
  defineRule,
  explainRule,
  Rule,
  type ConditionExplanation,
  type RuleExplanation,
  type RuleInput,
} from '../../src/rules/index';
import { deepFreeze } from '../freeze';
import { unfrozenParts } from './frozen-parts';
import { condition, context, record, referenceResult, rule, ruleDocument } from './rule-arbitraries';

const runs = { numRuns: 1_000 };

/** The condition explanations of a tree, in rule order. */
function leavesOf(explanation: RuleExplanation): ConditionExplanation[] {
  if ('all' in explanation) return explanation.all.flatMap(leavesOf);
  if ('any' in explanation) return explanation.any.flatMap(leavesOf);
  if ('not' in explanation) return leavesOf(explanation.not);
  return [explanation];
}

describe('rule properties', () => {
  it('every operator agrees with an independent reference evaluator on random conditions and records', () => {
    fc.assert(
      fc.property(condition, record, context, (input, source, evaluation) => {
        expect(compileRule(defineRule(input))(source, evaluation)).toBe(referenceResult(input, source, evaluation));
      }),
      { numRuns: 20_000 },
    );
  });

  it('compileRule agrees with an independent reference evaluator on random rules and records', () => {
    fc.assert(
      fc.property(rule, record, context, (input, source, evaluation) => {
        expect(compileRule(defineRule(input))(source, evaluation)).toBe(referenceResult(input, source, evaluation));
      }),
      runs,
    );
  });

  it('explainRule(r, x).result equals compileRule(r)(x) on random rules and records', () => {
    fc.assert(
      fc.property(rule, record, context, (input, source, evaluation) => {
        const defined = defineRule(input);
        expect(explainRule(defined, source, evaluation).result).toBe(compileRule(defined)(source, evaluation));
      }),
      runs,
    );
  });

  it('a condition whose explanation calls its value missing or of the wrong type did not hold', () => {
    const wrongKind = /(, not (a date|a number|text|text or a list|true or false)| is missing)$/;
    fc.assert(
      fc.property(rule, record, context, (input, source, evaluation) => {
        const contradicted = leavesOf(explainRule(defineRule(input), source, evaluation)).filter(
          (leaf) => leaf.op !== 'missing' && leaf.result && wrongKind.test(leaf.summary),
        );
        expect(contradicted).toEqual([]);
      }),
      runs,
    );
  });

  it('not(not(r)) is r', () => {
    fc.assert(
      fc.property(rule, record, context, (input, source, evaluation) => {
        const defined = defineRule(input);
        const twice = defineRule({ not: { not: input } });
        const expected = compileRule(defined)(source, evaluation);
        expect(compileRule(twice)(source, evaluation)).toBe(expected);
        expect(explainRule(twice, source, evaluation).result).toBe(expected);
      }),
      runs,
    );
  });

  it("obeys De Morgan's laws: not(all[a, b]) is any[not a, not b] and not(any[a, b]) is all[not a, not b]", () => {
    fc.assert(
      fc.property(rule, rule, record, context, (a, b, source, evaluation) => {
        const holds = (input: RuleInput): boolean => compileRule(defineRule(input))(source, evaluation);
        const explained = (input: RuleInput): boolean => explainRule(defineRule(input), source, evaluation).result;
        expect(holds({ not: { all: [a, b] } })).toBe(holds({ any: [{ not: a }, { not: b }] }));
        expect(holds({ not: { any: [a, b] } })).toBe(holds({ all: [{ not: a }, { not: b }] }));
        expect(explained({ not: { all: [a, b] } })).toBe(holds({ not: { all: [a, b] } }));
        expect(explained({ not: { any: [a, b] } })).toBe(holds({ not: { any: [a, b] } }));
      }),
      runs,
    );
  });

  it('splicing nested groups of the same kind changes nothing: all[a, all[b, c]] is all[a, b, c]', () => {
    fc.assert(
      fc.property(rule, rule, rule, record, context, (a, b, c, source, evaluation) => {
        const holds = (input: RuleInput): boolean => compileRule(defineRule(input))(source, evaluation);
        expect(holds({ all: [a, { all: [b, c] }] })).toBe(holds({ all: [a, b, c] }));
        expect(holds({ any: [{ any: [a, b] }, c] })).toBe(holds({ any: [a, b, c] }));
      }),
    );
  });

  it('never mutates the rule, the record or the previous snapshot', () => {
    fc.assert(
      fc.property(rule, record, context, (input, source, evaluation) => {
        const frozenInput = deepFreeze(structuredClone(input));
        const frozenRecord = deepFreeze(structuredClone(source));
        const frozenContext = deepFreeze(structuredClone(evaluation));
        const defined = defineRule(frozenInput);
        compileRule(defined)(frozenRecord, frozenContext);
        explainRule(defined, frozenRecord, frozenContext);
        expect(frozenInput).toEqual(input);
        expect(frozenRecord).toEqual(source);
      }),
      { numRuns: 300 },
    );
  });

  it('defineRule returns a deep-frozen copy equal to its input', () => {
    fc.assert(
      fc.property(rule, (input) => {
        const defined = defineRule(input);
        expect(defined).toEqual(input);
        expect(defined).not.toBe(input);
        expect(unfrozenParts(defined)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('explanations are plain JSON', () => {
    fc.assert(
      fc.property(rule, record, context, (input, source, evaluation) => {
        const explanation = explainRule(defineRule(input), source, evaluation);
        expect(JSON.parse(JSON.stringify(explanation))).toEqual(explanation);
        expect(explanation.summary).not.toBe('');
      }),
      { numRuns: 300 },
    );
  });

  it('the zod Rule schema accepts a document exactly when defineRule does', () => {
    fc.assert(
      fc.property(ruleDocument, (document) => {
        let accepted = true;
        try {
          defineRule(document);
        } catch {
          accepted = false;
        }
        expect({ document, accepted }).toEqual({ document, accepted: Rule.safeParse(document).success });
      }),
      runs,
    );
  });
});
