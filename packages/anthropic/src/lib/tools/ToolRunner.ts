/**
 * Older import path of the tool runner, kept so deep imports written against 0.74.0 keep working.
 * The implementation lives in `BetaToolRunner.ts`.
 */
export { BetaToolRunner, type BetaToolRunnerParams } from './BetaToolRunner.js';
