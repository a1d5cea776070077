import { definedJourney } from './define-journey.js';
import type { Journey, JourneyInput, JourneyStage, JourneyTouchpoint, MilestoneCelebration } from './journey.js';

/**
 * Mermaid's entity codes for the characters that could end a quoted label
 * or start markup inside one: a quote ends the label, `#` starts an entity,
 * `<` `>` `&` are HTML in labels, and a backtick starts a markdown string.
 */
const entities: Readonly<Record<string, string>> = {
  '"': '#quot;',
  '#': '#35;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '`': '#96;',
};

/** Text made safe inside a quoted Mermaid label: entities for the characters above, line breaks as `<br/>`, other control characters as spaces. */
function escaped(text: string): string {
  let out = '';
  for (const character of text) {
    const entity = entities[character];
    if (entity !== undefined) out += entity;
    else if (character === '\n') out += '<br/>';
    else if (character < ' ' || character === '\u007f') out += ' ';
    else out += character;
  }
  return out;
}

const celebrations: Readonly<Record<MilestoneCelebration, string>> = {
  celebrate: 'celebrate',
  referral: 'celebrate, ask for a referral',
  advocacy: 'celebrate, invite to advocacy',
};

function when(touchpoint: JourneyTouchpoint, stage: JourneyStage): string {
  if (touchpoint.after === undefined) return `day ${String(touchpoint.day ?? 0)}`;
  const milestone = stage.milestones.find((candidate) => candidate.id === touchpoint.after);
  const days = touchpoint.daysAfter ?? 0;
  return `${days === 0 ? '' : `${String(days)} days `}after ${milestone?.name ?? touchpoint.after}`;
}

function stageLines(stage: JourneyStage, index: number): string[] {
  const id = `stage${String(index)}`;
  const lines = [
    `  subgraph ${id}["${escaped(`${stage.name} (${String(stage.expectedDays)} days)`)}"]`,
    '    direction TB',
    `    ${id}_goals["${escaped(`Think: ${stage.think}`)}<br/>${escaped(`Feel: ${stage.feel}`)}<br/>${escaped(`Do: ${stage.do}`)}"]`,
  ];
  let previous = `${id}_goals`;
  stage.milestones.forEach((milestone, at) => {
    const node = `${id}_m${String(at)}`;
    const ask = milestone.celebration === undefined ? '' : ` · ${celebrations[milestone.celebration]}`;
    lines.push(`    ${node}(["${escaped(`Day ${String(milestone.dueDay)}: ${milestone.name}${ask}`)}"])`);
    lines.push(`    ${previous} --> ${node}`);
    previous = node;
  });
  stage.touchpoints.forEach((touchpoint, at) => {
    const node = `${id}_t${String(at)}`;
    const label = `${touchpoint.name} (${touchpoint.channel}, ${touchpoint.owner}, ${when(touchpoint, stage)})`;
    lines.push(`    ${node}>"${escaped(label)}"]`);
    const after = touchpoint.after === undefined ? -1 : stage.milestones.findIndex((m) => m.id === touchpoint.after);
    lines.push(`    ${after < 0 ? `${id}_goals` : `${id}_m${String(after)}`} -.-> ${node}`);
  });
  lines.push('  end');
  return lines;
}

/**
 * A Mermaid flowchart of the journey: a box per stage, left to right, with
 * its think/feel/do goals, its milestones in due order (with the
 * celebration and the referral or advocacy ask) and its touchpoints
 * (channel, owner, when), dotted from the milestone they follow. All text
 * is escaped with Mermaid's entity codes (`#quot;`, `#35;`, `#lt;`, …), so
 * names with quotes, colons, `#`, brackets or line breaks cannot break the
 * diagram; node ids are generated (`stage0_m1`), never taken from the
 * journey's ids.
 *
 * @param journey - a journey from {@link defineJourney}, or its plain input
 * @returns the diagram's source text, starting `flowchart LR`
 * @throws {@link core!SuccessKitError} as {@link defineJourney} for a bad journey
 *
 * @example
 * ```ts
 * import { defaultCsJourney, journeyToMermaid } from 'successkit/journey';
 *
 * const diagram = journeyToMermaid(defaultCsJourney);
 * diagram.split('\n')[0]; // => 'flowchart LR'
 * diagram.includes('stage1_m2(["Day 30: Go-live · celebrate, ask for a referral"])'); // => true
 * diagram.includes('stage3 --> stage4'); // => true
 * ```
 */
export function journeyToMermaid(journey: Journey | JourneyInput): string {
  const defined = definedJourney(journey);
  const lines = ['flowchart LR'];
  defined.stages.forEach((stage, index) => {
    lines.push(...stageLines(stage, index));
  });
  for (let index = 1; index < defined.stages.length; index++)
    lines.push(`  stage${String(index - 1)} --> stage${String(index)}`);
  return lines.join('\n');
}
