export {
  BaselineInput,
  defineBaseline,
  type Baseline,
  type DefineBaselineOptions,
  type DefinedMilestone,
} from './baseline.js';
export { BaselineSnapshot, type BaselineSnapshotInput } from './baseline-snapshot.js';
export {
  BaselineSelection,
  baselineFor,
  defineBaselineSelection,
  type BaselineChoice,
  type BaselineSelectionInput,
  type DefinedBaselineSelection,
} from './baseline-for.js';
export {
  CalibrateBaselineOptions,
  calibrateBaseline,
  type BaselineCalibration,
  type CalibrationFinding,
  type MilestoneCalibration,
} from './calibrate-baseline.js';
export { PaceOptions, classifyPace, type PaceClass, type PaceClassification } from './classify-pace.js';
export { defaultBaseline } from './default-baseline.js';
export { TimeToEvent, kaplanMeier, type KaplanMeier, type KaplanMeierStep } from './kaplan-meier.js';
export { Milestone, MilestoneEvidence, defaultToleranceDays } from './milestone.js';
export {
  MilestoneMessageOptions,
  milestoneMessage,
  type MilestoneMessage,
  type MilestoneMessages,
} from './milestone-message.js';
export {
  MilestoneProgress,
  MilestoneState,
  MilestoneStatus,
  ValueProgress,
  milestoneProgress,
} from './milestone-progress.js';
export { paceIndex } from './pace-index.js';
export { PeerMatchOptions, peerMatches, type PeerMatch, type PeerMatches } from './peer-matches.js';
export { StackRankOptions, stackRank, type RankedAccount, type StackRank } from './stack-rank.js';
