// The public surface of successkit/fit.
export { classifyFit, type DecidingCriterion, type FitClassification } from './classify-fit.js';
export { defaultFitModel } from './default-fit-model.js';
export { defineFitModel, type DefineFitModelOptions } from './define-fit-model.js';
export { FitClass } from './fit-class.js';
export { fitHistory, type FitHistory, type FitHistoryPoint } from './fit-history.js';
export {
  DealBreaker,
  FitCriterion,
  FitModelInput,
  FitThresholds,
  type DefinedDealBreaker,
  type DefinedFitCriterion,
  type FitModel,
} from './fit-model.js';
export { KnownFrom } from './known-from.js';
export { enhancementWorth, EnhancementInput, type EnhancementWorth } from './enhancement-worth.js';
export { FitNorms, fitNorms } from './fit-norms.js';
export {
  FitSignalThresholds,
  fitSignals,
  SignalSeverity,
  type FitSignal,
  type FitSignals,
  type FitSignalsOptions,
} from './fit-signals.js';
export { investmentDecision, InvestmentInput, type InvestmentDecision } from './investment-decision.js';
