import { runDiff } from './index.js';

/**
 * The `sdkgen diff` subcommand as `cli.ts` loads it: argv after the word `diff` in, exit code out.
 *
 * @example
 * ```ts
 * process.exitCode = await run(['spec-old', 'spec']);
 * ```
 */
export const run: (argv: string[]) => Promise<number> = runDiff;
