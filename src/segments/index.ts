export { defaultArrBreakpoints, defaultSegmentation } from './default-segmentation.js';
export { defineSegmentation, type DefineSegmentationOptions } from './define-segmentation.js';
export {
  segmentAccounts,
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
