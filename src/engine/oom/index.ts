/** The OOM countdown: forecast memory against its limit and warn early, without false alarms. */
export { backtestOom, warningIntervals } from './backtest';
export type { BacktestRange, IntervalPoint, OomBacktest, OomWarningInterval } from './backtest';
export { normaliseLimit, OomForecaster } from './forecast';
export type { OomForecast, ResetCause } from './forecast';
export { holtSmooth, HoltSmoother, holtVarianceFactor } from './holt';
export type { HoltSeries, HoltSmoothOptions } from './holt';
export { buildOomOptions, DEFAULT_OOM_OPTIONS, InvalidOomOptionError, MIB } from './options';
export type { OomOptions, OomOptionsInput } from './options';
export { backtestPredictLinear, DEFAULT_PREDICT_LINEAR_OPTIONS, predictLinearAt } from './predictLinear';
export type { PredictLinearBacktest, PredictLinearEvaluation, PredictLinearOptions } from './predictLinear';
export { evaluateSeries, OomTracker } from './tracker';
export { describeOomEvaluation } from './describe';
export { blockerOf, OomWarningMachine } from './warning';
export type { OomEvaluation, OomReason, OomState } from './warning';
