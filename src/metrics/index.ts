export { accumulate, type Accumulator } from './accumulator.js';
export { CesOptions, ces, cesAccumulator, defaultLowEffortAtLeast, type CesResult } from './ces.js';
export {
  LogoChurnMethod,
  LogoChurnOptions,
  logoChurn,
  logoChurnAccumulator,
  revenueChurn,
  type AccountActivity,
  type LogoChurn,
  type LogoChurnNullReason,
  type LogoCounts,
  type RevenueChurn,
} from './churn.js';
export {
  CohortRetentionOptions,
  cohortRetention,
  cohortRetentionAccumulator,
  type CohortPeriod,
  type CohortRetention,
  type CohortRetentionState,
  type CohortRow,
  type SubscriptionInput,
} from './cohort-retention.js';
export { compareNps, type NpsComparison, type NpsComparisonStatus, type NpsInsufficiency } from './compare-nps.js';
export { ConfidenceLevel } from './confidence-level.js';
export { CsatOptions, csat, csatAccumulator, defaultSatisfiedAtLeast, type CsatResult } from './csat.js';
export {
  groupAccumulator,
  groupMetrics,
  type AnyGroupMetric,
  type GroupKey,
  type GroupMetric,
  type GroupMetricSet,
  type GroupMetricsOptions,
  type GroupState,
  type MetricGroup,
  type MetricResult,
  type StringField,
} from './group-metrics.js';
export {
  paybackMonths,
  simpleLifetimeValue,
  type LifetimeValue,
  type LifetimeValueInput,
  type Payback,
  type PaybackInput,
} from './lifetime-value.js';
export type { MrrByAccount, MrrSnapshotInput } from './mrr-input.js';
export {
  MrrMovementsOptions,
  mrrMovements,
  mrrMovementsAccumulator,
  type AccountMrrChange,
  type AccountMrrMovement,
  type MrrAccountCounts,
  type MrrAmounts,
  type MrrMovement,
  type MrrMovementState,
  type MrrMovementTotals,
  type MrrMovements,
} from './mrr-movements.js';
export { mrrMovementsForMonth, type MonthlyMrrMovements } from './mrr-movements-for-month.js';
export { normalCdf, normalQuantile } from './normal-distribution.js';
export {
  NpsMethod,
  NpsOptions,
  nps,
  npsAccumulator,
  npsCategory,
  type NpsCounts,
  type NpsInput,
  type NpsResult,
} from './nps.js';
export type { RatingScale, ScoreCounts } from './rating-scale.js';
export { RevenueRetentionOptions, revenueRetention, type RevenueRetention } from './revenue-retention.js';
export { toUdaf, type Udaf, type UdafOptions, type UdafState } from './udaf.js';
export {
  ActiveShareOptions,
  activeShare,
  activeShareAccumulator,
  licenseUtilization,
  licenseUtilizationAccumulator,
  stickiness,
  stickinessAccumulator,
  type ActiveCounts,
  type ActiveShare,
  type ActiveUsage,
  type LicenseUtilization,
  type LicenseUtilizationState,
  type SeatUsage,
  type Stickiness,
  type StickinessState,
} from './usage.js';
export { WilsonIntervalOptions, wilsonInterval } from './wilson-interval.js';
