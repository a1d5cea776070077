// The public surface of successkit/forecast.
export {
  BgNbdCustomer,
  BgNbdForecastInput,
  BgNbdParameters,
  BgNbdPurchaseCountInput,
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
} from './bg-nbd.js';
export { CustomerHistory } from './customer-history.js';
export {
  CustomerLifetimeValueInput,
  customerLifetimeValue,
  type CustomerLifetimeValue,
} from './customer-lifetime-value.js';
export { fitBgNbd, type BgNbdFit } from './fit-bg-nbd.js';
export { fitGammaGamma, type GammaGammaFit } from './fit-gamma-gamma.js';
export { FitOptions } from './fit-options.js';
export { fitShiftedBetaGeometric, fitShiftedBetaGeometricCohorts, type SbgFit } from './fit-shifted-beta-geometric.js';
export { GammaGammaCustomer, GammaGammaParameters, gammaGammaExpectedSpend } from './gamma-gamma.js';
export {
  renewalCountsFromCohorts,
  type CohortTableInput,
  type DroppedCohort,
  type DroppedCohortReason,
  type RenewalCohort,
  type RenewalCounts,
} from './renewal-counts-from-cohorts.js';
export {
  RetentionImpactInput,
  retentionImpact,
  type RetentionImpact,
  type RetentionImpactYear,
} from './retention-impact.js';
export {
  SbgDerlInput,
  SbgLifetimeOptions,
  SbgParameters,
  sbgDerl,
  sbgExpectedLifetime,
  sbgRetention,
  sbgSurvival,
} from './shifted-beta-geometric.js';
export {
  CustomerTransaction,
  SummarizeTransactionsInput,
  summarizeTransactions,
  type CustomerSummary,
} from './summarize-transactions.js';
