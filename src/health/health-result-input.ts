import * as z from 'zod/mini';
import { parseWith, type PathSegment } from '../core/internal.js';
import type { HealthScore } from './health-score.js';

const Contribution = z.looseObject({
  id: z.string(),
  label: z.string(),
  value: z.nullable(z.union([z.number(), z.string(), z.boolean(), z.array(z.string())])),
  points: z.nullable(z.number().check(z.minimum(0), z.maximum(100))),
  contributed: z.number().check(z.minimum(0), z.maximum(100)),
  status: z.enum(['ok', 'missing', 'stale']),
});

/** What the portfolio functions read of a {@link HealthScore}. @internal */
export const HealthResultInput = z.looseObject({
  accountId: z.string(),
  score: z.nullable(z.number().check(z.minimum(0), z.maximum(100))),
  band: z.nullable(z.string()),
  contributions: z.array(Contribution),
});

/** Checks one result; the caller's object is returned as it was. @internal */
export function checkResult(value: unknown, path: readonly PathSegment[]): HealthScore {
  parseWith(HealthResultInput, value, { path });
  return value as HealthScore;
}

/** Checks a list of results. @internal */
export function checkResults(value: unknown, path: readonly PathSegment[]): readonly HealthScore[] {
  parseWith(z.array(HealthResultInput), value, { path });
  return value as readonly HealthScore[];
}
