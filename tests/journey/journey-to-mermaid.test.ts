import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCsJourney, defineJourney, journeyToMermaid } from '../../src/journey/index';
import { threeStages } from './fixtures';

// Mermaid's own parser needs a browser DOM and cannot be installed here, so
// the diagram is checked against a grammar of our own: the subset of
// Mermaid's flowchart syntax journeyToMermaid writes. Every line is a
// header, a subgraph with a quoted title, a direction, a node of one of
// three shapes with a quoted label, an edge between declared ids, or `end`;
// subgraphs balance; a label holds no raw quote and every `#` starts a
// Mermaid entity code (`#quot;`, `#35;`).
const id = '[A-Za-z][A-Za-z0-9_]*';
const label = '"((?:[^"#]|#[a-z0-9]+;)*)"';
const grammar: readonly (readonly [kind: string, pattern: RegExp])[] = [
  ['header', /^flowchart LR$/],
  ['subgraph', new RegExp(`^\\s*subgraph (${id})\\[${label}\\]$`)],
  ['direction', /^\s*direction (TB|LR)$/],
  ['node', new RegExp(`^\\s*(${id})(?:\\[${label}\\]|\\(\\[${label}\\]\\)|>${label}\\])$`)],
  ['edge', new RegExp(`^\\s*(${id}) (?:-->|-\\.->) (${id})$`)],
  ['end', /^\s*end$/],
];

/** The problems of a diagram under the grammar above: lines that parse as nothing, unbalanced subgraphs, edges to undeclared ids. */
function grammarProblems(diagram: string): string[] {
  const problems: string[] = [];
  const declared = new Set<string>();
  const edges: [string, string][] = [];
  let depth = 0;
  diagram.split('\n').forEach((line, index) => {
    const match = grammar.find(([, pattern]) => pattern.test(line));
    if (match === undefined) {
      problems.push(`line ${String(index + 1)}: ${line}`);
      return;
    }
    const [kind, pattern] = match;
    const groups = pattern.exec(line) ?? [];
    if (kind === 'header' && index !== 0) problems.push(`line ${String(index + 1)}: header again`);
    if (kind === 'subgraph' || kind === 'node') declared.add(groups[1] ?? '');
    if (kind === 'subgraph') depth++;
    if (kind === 'end') depth--;
    if (depth < 0) problems.push(`line ${String(index + 1)}: end without subgraph`);
    if (kind === 'edge') edges.push([groups[1] ?? '', groups[2] ?? '']);
  });
  if (depth !== 0) problems.push('unbalanced subgraphs');
  for (const [from, to] of edges) if (!declared.has(from) || !declared.has(to)) problems.push(`edge ${from} -> ${to}`);
  return problems;
}

describe('journeyToMermaid', () => {
  it('draws the default journey as a flowchart the grammar accepts', () => {
    const diagram = journeyToMermaid(defaultCsJourney);
    expect(grammarProblems(diagram)).toEqual([]);
    expect(diagram.split('\n').slice(0, 5)).toEqual([
      'flowchart LR',
      '  subgraph stage0["Trial (30 days)"]',
      '    direction TB',
      '    stage0_goals["Think: This could replace the manual work my team hates, and I can see it working on our own data.<br/>Feel: Curious and unblocked: someone is helping me succeed, not just selling to me.<br/>Do: Signs in, connects real data, invites the team and decides to buy."]',
      '    stage0_m0(["Day 0: Trial started"])',
    ]);
    expect(diagram).toContain(
      '    stage1_t1>"Success plan agreed with the sponsor (meeting, csm, 3 days after Configuration complete)"]',
    );
    expect(diagram).toContain('    stage1_m1 -.-> stage1_t1');
  });

  it('escapes quotes, #, brackets, ampersands, backticks and line breaks so text cannot break the diagram', () => {
    const journey = defineJourney({
      ...threeStages,
      stages: [{ ...threeStages.stages[0], name: 'On"board #1: <go> & `live`]', think: 'a\nb' }],
    });
    const diagram = journeyToMermaid(journey);
    expect(diagram.split('\n')[1]).toBe(
      '  subgraph stage0["On#quot;board #35;1: #lt;go#gt; #amp; #96;live#96;] (30 days)"]',
    );
    expect(diagram).toContain('Think: a<br/>b');
    expect(grammarProblems(diagram)).toEqual([]);
  });

  it('keeps any text of any stage, milestone or touchpoint inside its label', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }), (text) => {
        const [first] = threeStages.stages;
        const journey = defineJourney({
          ...threeStages,
          stages: [
            {
              ...first,
              name: text,
              feel: text,
              milestones: [{ ...first.milestones[0], name: text }, first.milestones[1]],
              touchpoints: [{ ...first.touchpoints[0], name: text, owner: text }],
            },
          ],
        });
        expect(grammarProblems(journeyToMermaid(journey))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('finds what the grammar is there to find: a raw quote, a stray #, an unknown id, an open subgraph', () => {
    expect(grammarProblems('flowchart LR\n  a["say "hi""]')).toEqual(['line 2:   a["say "hi""]']);
    expect(grammarProblems('flowchart LR\n  a["#1"]')).toEqual(['line 2:   a["#1"]']);
    expect(grammarProblems('flowchart LR\n  a["x"]\n  a --> b')).toEqual(['edge a -> b']);
    expect(grammarProblems('flowchart LR\n  subgraph s["x"]')).toEqual(['unbalanced subgraphs']);
  });
});
