/**
 * Builds the API documentation model with typedoc (the options of
 * typedoc.json, warnings as errors) without writing the site, and checks that
 * every public export has TSDoc with an @example.
 *
 * Usage: tsx scripts/check-api-docs.ts
 */
import { Application, type Comment, type DeclarationReflection } from 'typedoc';

const app = await Application.bootstrapWithPlugins({ options: 'typedoc.json' });
const project = await app.convert();
if (project === undefined) {
  console.error('api docs: typedoc could not convert the project');
  process.exit(1);
}
app.validate(project);

/** The comment that documents an export: a function's lives on its signature. */
function commentOf(reflection: DeclarationReflection): Comment | undefined {
  return reflection.comment ?? reflection.signatures?.[0]?.comment;
}

// With several entry points the project's children are the modules, and theirs are the exports.
const exports = (project.children ?? []).flatMap((module) => module.children ?? []);
const missing = exports.filter((reflection) => commentOf(reflection)?.getTag('@example') === undefined);

for (const reflection of missing) console.error(`api docs: ${reflection.getFriendlyFullName()} has no @example`);
const problems = app.logger.errorCount + app.logger.warningCount + missing.length;
console.log(`api docs: ${String(exports.length)} exports checked, ${String(problems)} problems`);
if (problems > 0) process.exitCode = 1;
