export { ScoreAccountOptions } from './account-context.js';
export { defaultScorecard } from './default-scorecard.js';
export { defineScorecard, type DefineScorecardOptions, type Scorecard } from './define-scorecard.js';
export {
  ManualOverride,
  PreviousHealth,
  type AppliedOverride,
  type AppliedPolicy,
  type GroupContribution,
  type HealthNullReason,
  type HealthScore,
  type HealthTrend,
  type MeasureContribution,
  type MeasureStatus,
} from './health-score.js';
export { scoreAccount } from './score-account.js';
export {
  HealthBand,
  Measure,
  MeasureGroup,
  MeasureScoring,
  MissingPolicy,
  RuleOverride,
  ScorecardInput,
  Staleness,
  ThresholdRange,
  TrendSettings,
} from './scorecard.js';
export { compileScorecard, type CompiledScorecard, type HealthColumns } from './compile-scorecard.js';
export { explainChange, type MeasureChange, type ScoreChange } from './explain-change.js';
export { ScorePortfolioOptions, scorePortfolio } from './score-portfolio.js';
export { scoreColumns, type ScoreColumnsOptions } from './score-columns.js';
export { pathToBand, type BandPath, type ProposedChange } from './path-to-band.js';
export type { Auc } from './auc.js';
export {
  ChurnOutcome,
  EvaluateScorecardInput,
  evaluateScorecard,
  type BandChurn,
  type MeasureAuc,
  type ScorecardEvaluation,
} from './evaluate-scorecard.js';
export { SuggestWeightsInput, suggestWeights, type SuggestedWeight, type WeightSuggestion } from './suggest-weights.js';
export { bandDistribution, type BandDistribution } from './band-distribution.js';
export { movers, type Mover, type Movers } from './movers.js';
export { RollUpOptions, rollUp, type RolledUpHealth } from './roll-up.js';
