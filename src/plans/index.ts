export {
  AccountPlan,
  CriterionChange,
  CriterionHistoryEntry,
  Initiative,
  NextStep,
  PlanContact,
  PlanContactRole,
  PlanOwner,
  PurchaseReason,
  PurchaseReasonStatus,
  RedFlag,
  RedFlagKind,
  SuccessCriterion,
  WorkStatus,
  type AccountPlanInput,
} from './account-plan.js';
export { defineAccountPlan, type DefinedAccountPlan } from './define-account-plan.js';
export {
  definePlanReviewPolicy,
  defaultPlanReviewPolicy,
  PlanReviewPolicy,
  type DefinedPlanReviewPolicy,
  type PlanReviewPolicyInput,
} from './plan-review-policy.js';
export { planSeverityRank, type PlanFindingEvidence, type PlanFindingSeverity } from './plan-finding.js';
export { PlanSnapshotFields, type DetectedRedFlag } from './detect-red-flags.js';
export { CoverageInput, coverage, orgChartDepth, type Coverage, type CoverageLevel } from './org-chart.js';
export {
  completenessBlocks,
  planFindingCodes,
  reviewAccountPlan,
  ReviewAccountPlanInput,
  type AccountPlanReview,
  type CompletenessPart,
  type OverdueNextStep,
  type PlanFinding,
  type PlanFindingCode,
} from './review-account-plan.js';
export {
  defineSuccessGoal,
  maximumPeriods,
  MetricValue,
  periodTargets,
  SuccessGoal,
  type DefinedSuccessGoal,
  type PeriodTarget,
  type SuccessGoalInput,
} from './success-goal.js';
export {
  checkSmart,
  CheckSmartOptions,
  smartFindingCodes,
  type SmartCheck,
  type SmartFindingCode,
  type SmartResult,
} from './check-smart.js';
export {
  GoalObservations,
  goalProgress,
  GoalProgressInput,
  type GoalPace,
  type GoalProgress,
  type PeriodProgress,
} from './goal-progress.js';
export {
  hitsAndMisses,
  HitsAndMissesInput,
  type GoalHit,
  type GoalMiss,
  type GoalWithoutData,
  type HitsAndMisses,
} from './hits-and-misses.js';
export {
  AcknowledgeDetails,
  AmendDetails,
  AnalyzeDetails,
  AssessDetails,
  AssistDetails,
  OpenRecoveryInput,
  RecoveryCase,
  type RecoveryCaseInput,
  RecoveryChannel,
  RecoveryEvent,
  RecoveryState,
  RecoveryStep,
  RecoveryStepEntry,
  recoveryStepDetails,
} from './recovery-case.js';
export type { ReadonlyPlanData } from './plan-context.js';
export { advanceRecovery, AdvanceRecoveryInput, openRecovery, type DefinedRecoveryCase } from './advance-recovery.js';
export { recoveryStatus, RecoveryStatusInput, type RecoveryStatus, type RecoveryStepTime } from './recovery-status.js';
export {
  CustomerMeeting,
  meetingChecklistItems,
  meetingReadiness,
  type CustomerMeetingInput,
  type MeetingChecklistItem,
  type MeetingReadiness,
  type MeetingReadinessInput,
} from './meeting-readiness.js';
