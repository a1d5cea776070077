export { defaultArrBreakpoints, defaultSegmentation } from './default-segmentation.js';
export { defineSegmentation, type DefineSegmentationOptions } from './define-segmentation.js';
export {
  segmentAccounts,
  type SegmentableSnapshot,
  type SegmentAccountsOptions,
  type SegmentAssignment,
  type SegmentedAccounts,
  type SegmentExplanation,
  type SegmentTally,
  type ShadowedSegment,
  type TierTally,
} from './segment-accounts.js';
export { SegmentationInput, SegmentInput, type Segment, type Segmentation } from './segmentation.js';
export { monthlyHoursPerAccount, ServiceActivity } from './service-model.js';
export { defaultTouchTiers, TouchTier } from './touch-tier.js';
export type { CapacityFinding, CapacityFindingCode, FindingSeverity } from './capacity-findings.js';
export {
  capacityPlan,
  type CapacityMeasure,
  type CapacityNullReason,
  type CapacityPlan,
  type CapacityTotals,
  type RangeStatus,
  type SegmentCapacity,
  type SegmentTallyInput,
} from './capacity-plan.js';
export { CapacityRanges, defaultCapacityRanges, HealthyRange, TierRanges } from './capacity-ranges.js';
export { CapacityPlanInput, CapacityTeam } from './capacity-team.js';
export { CapacityChange, whatIf, type BeforeAfter, type SegmentComparison, type WhatIf } from './what-if.js';
export {
  segmentChanges,
  type SegmentArrival,
  type SegmentChanges,
  type SegmentMove,
  type SegmentPlace,
} from './segment-changes.js';
export {
  suggestSegmentation,
  type SuggestedSegment,
  type SuggestedSegmentation,
  type SuggestSegmentationOptions,
} from './suggest-segmentation.js';
