import { z } from 'zod';

/** What a schema says of a value: `[]` when it accepts it, else each issue as `path: code`, to assert in full. */
export function schemaIssues(schema: z.core.$ZodType, value: unknown): string[] {
  const result = z.safeParse(schema, value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`);
}
