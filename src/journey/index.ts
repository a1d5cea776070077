export { defaultCsJourney } from './default-cs-journey.js';
export { defineJourney, type DefineJourneyOptions } from './define-journey.js';
export {
  JourneyInput,
  MilestoneCelebration,
  TouchpointChannel,
  type ExperienceTargets,
  type Journey,
  type JourneyMilestone,
  type JourneyStage,
  type JourneyTouchpoint,
  type StageSince,
} from './journey.js';
export { StageOfOptions, stageOf, type StageMilestone, type StageEvidence, type StagePosition } from './stage-of.js';
export type { DaysInStage } from './days-in-stage.js';
export {
  journeyFunnel,
  type FunnelStage,
  type FunnelTotals,
  type JourneyFunnel,
  type StageExits,
  type StuckAccount,
} from './journey-funnel.js';
export {
  journeyTimeline,
  type AccountJourney,
  type JourneyTimeline,
  type SeriesPoint,
  type SeriesStep,
  type StageTransition,
  type StageVisit,
  type TimelineStatus,
  type TransitionKind,
} from './journey-timeline.js';
export { journeyToMermaid } from './journey-to-mermaid.js';
export {
  StageExperienceOptions,
  stageExperience,
  type StageChurn,
  type StageCsat,
  type StageExperience,
  type StageExperienceInput,
  type StageExperienceResult,
} from './stage-experience.js';
export {
  ThinkFeelDoGapsOptions,
  thinkFeelDoGaps,
  type GapKind,
  type ThinkFeelDoGap,
  type ThinkFeelDoGaps,
} from './think-feel-do-gaps.js';
