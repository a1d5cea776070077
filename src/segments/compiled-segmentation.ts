import { compileRule, type RulePredicate } from '../rules/index.js';
import type { Segmentation } from './segmentation.js';

/** A segmentation's rules compiled once: the predicates of every segment but the fallback, in order. */
export interface CompiledSegmentation {
  readonly predicates: readonly RulePredicate[];
}

const compiled = /* @__PURE__ */ new WeakMap<Segmentation, CompiledSegmentation>();

/**
 * The compiled rules of a defined segmentation, compiled on first use and
 * kept for as long as the segmentation is.
 *
 * @internal
 */
export function compiledSegmentation(segmentation: Segmentation): CompiledSegmentation {
  let found = compiled.get(segmentation);
  if (found === undefined) {
    const predicates: RulePredicate[] = [];
    for (const segment of segmentation.segments) if (segment.rule !== null) predicates.push(compileRule(segment.rule));
    found = { predicates };
    compiled.set(segmentation, found);
  }
  return found;
}
