/**
 * The consumer matrix: one program (`consumer/matrix/program.ts`) run against the installed tarballs under each
 * toolchain a user may bring (jest with @swc/jest or ts-jest, vitest, plain node as ESM and CommonJS, webpack and
 * esbuild bundles) and type-checked under `moduleResolution` node10, node16 and bundler. Each harness writes the
 * program's result to `RESULT_FILE`; the test compares it with `EXPECTED` and, on a mismatch or a failed step,
 * prints which harness it was with every command's stdout and stderr.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { MESSAGE_TEXT, MODEL_IDS, RESULT_IDS, TOOL_INPUT, toolReplyText } from './api-double.js';

const exec = promisify(execFile);

/** Consumer tooling, installed with the tarballs in the one `npm install` of the throwaway project. */
export const MATRIX_TOOLS = [
  'jest@^29',
  '@types/jest@^29',
  'ts-jest@^29',
  '@swc/core@^1',
  '@swc/jest@^0.2',
  'vitest@^4',
  'webpack@^5',
  'webpack-cli@^7',
  'esbuild@^0.28',
  'typescript@~5.9',
];

/** What `run()` in program.ts returns when every step works. */
export const EXPECTED = {
  created: MESSAGE_TEXT,
  mock: { type: 'message', role: 'assistant' },
  stream: { text: MESSAGE_TEXT, final: MESSAGE_TEXT },
  models: MODEL_IDS,
  results: RESULT_IDS,
  toolRunner: {
    calls: [TOOL_INPUT],
    stopReasons: ['tool_use', 'end_turn'],
    final: toolReplyText(`Sunny in ${TOOL_INPUT.city}`),
  },
  // 0.74.0: an aborted request rejects with APIUserAbortError('Request was aborted.'); an aborted
  // MessageStream emits 'abort', reports `aborted` and rejects finalMessage() with APIUserAbortError.
  abortRequest: { isAPIUserAbortError: true, message: 'Request was aborted.' },
  abortStream: {
    text: MESSAGE_TEXT.split(' ')[0],
    abortEvent: true,
    aborted: true,
    isAPIUserAbortError: true,
  },
  notFound: 404,
};

/** One command: a node script under the consumer project with its arguments; `quiet` demands empty stderr. */
type Step = { args: string[]; quiet?: boolean };
type Harness = { name: string; steps: Step[] };

const bin = (path: string) => join('..', 'node_modules', path);
const JEST = bin('jest/bin/jest.js');
const ESBUILD = bin('esbuild/bin/esbuild');
const esbuild = (format: string, out: string): Step => ({
  args: [
    ESBUILD,
    'entry.ts',
    '--bundle',
    '--platform=node',
    `--format=${format}`,
    `--outfile=${out}`,
    '--log-level=warning',
  ],
  quiet: true,
});

/** The harnesses, each a list of commands run in order in `<project>/matrix`. */
export const HARNESSES: Harness[] = [
  {
    name: 'jest 29 + @swc/jest (CommonJS)',
    steps: [{ args: [JEST, '--config', 'jest.swc.config.cjs', '--ci'] }],
  },
  { name: 'jest 29 + ts-jest', steps: [{ args: [JEST, '--config', 'jest.ts-jest.config.cjs', '--ci'] }] },
  { name: 'vitest', steps: [{ args: [bin('vitest/vitest.mjs'), 'run'] }] },
  { name: 'node ESM (.mjs)', steps: [{ args: ['compile.mjs'] }, { args: ['node-esm.mjs'], quiet: true }] },
  { name: 'node CJS (.cjs)', steps: [{ args: ['compile.mjs'] }, { args: ['node-cjs.cjs'], quiet: true }] },
  {
    name: 'webpack 5 bundle (target node)',
    steps: [
      { args: [bin('webpack-cli/bin/cli.js'), '--config', 'webpack.config.cjs', '--fail-on-warnings'] },
      { args: ['dist/webpack/main.cjs'], quiet: true },
    ],
  },
  {
    name: 'esbuild bundle (platform node, format esm)',
    steps: [esbuild('esm', 'dist/esbuild/main.mjs'), { args: ['dist/esbuild/main.mjs'], quiet: true }],
  },
  {
    name: 'esbuild bundle (platform node, format cjs)',
    steps: [esbuild('cjs', 'dist/esbuild/main.cjs'), { args: ['dist/esbuild/main.cjs'], quiet: true }],
  },
];

/** The environment of a harness: no variables of the outer vitest run, which the inner test runners read. */
function harnessEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra, NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|JEST|TEST$|NODE_ENV$|NODE_OPTIONS$)/.test(key)) delete env[key];
  }
  return env;
}

type Ran = { command: string; ok: boolean; stdout: string; stderr: string };

async function runStep(cwd: string, step: Step, env: NodeJS.ProcessEnv): Promise<Ran> {
  const command = `node ${step.args.join(' ')}`;
  const options = { cwd, env, timeout: 120_000, encoding: 'utf8' as const, maxBuffer: 16 << 20 };
  return exec(process.execPath, step.args, options).then(
    ({ stdout, stderr }) => ({ command, ok: true, stdout, stderr }),
    (err) => ({ command, ok: false, stdout: err.stdout ?? '', stderr: err.stderr ?? String(err) }),
  );
}

const tail = (text: string) => (text.length > 3000 ? `...${text.slice(-3000)}` : text);

function transcript(harness: string, ran: Ran[]): string {
  const parts = ran.map(
    (r) => `$ ${r.command}\n--- stdout\n${tail(r.stdout)}\n--- stderr\n${tail(r.stderr)}`,
  );
  return `harness "${harness}"\n${parts.join('\n')}`;
}

/** Runs a harness; throws with its transcript when a step fails or no result was written. */
export async function runHarness(cwd: string, harness: Harness, env: Record<string, string>) {
  mkdirSync(join(cwd, 'results'), { recursive: true });
  const resultFile = join(cwd, 'results', `${harness.name.replace(/\W+/g, '-')}.json`);
  const childEnv = harnessEnv({ ...env, RESULT_FILE: resultFile });
  const ran: Ran[] = [];
  for (const step of harness.steps) {
    const result = await runStep(cwd, step, childEnv);
    ran.push(result);
    if (!result.ok) throw new Error(`${transcript(harness.name, ran)}\nstep failed: ${result.command}`);
    if (step.quiet && result.stderr) {
      throw new Error(`${transcript(harness.name, ran)}\nstep wrote to stderr: ${result.command}`);
    }
  }
  if (!existsSync(resultFile))
    throw new Error(`${transcript(harness.name, ran)}\nno result at ${resultFile}`);
  return { result: JSON.parse(readFileSync(resultFile, 'utf8')), transcript: transcript(harness.name, ran) };
}

/** Registers one test per harness and per type-check mode; call inside the install test's `describe`. */
export function matrixTests(context: () => { project: string; env: Record<string, string> }): void {
  it.each(HARNESSES.map((h) => [h.name, h] as const))(
    'consumer matrix: %s runs the program',
    async (_name, harness) => {
      const { project, env } = context();
      const { result, transcript } = await runHarness(join(project, 'matrix'), harness, env);
      expect(result, transcript).toEqual(EXPECTED);
    },
    180_000,
  );

  it.each(['node10', 'node16', 'bundler'])(
    'consumer matrix: the program type-checks with moduleResolution %s (skipLibCheck false)',
    async (mode) => {
      const { project } = context();
      const step = { args: [bin('typescript/bin/tsc'), '-p', `tsconfig.${mode}.json`] };
      const ran = await runStep(join(project, 'matrix'), step, harnessEnv({}));
      expect(ran.ok, transcript(`tsc ${mode}`, [ran])).toBe(true);
      expect(ran.stdout).toBe('');
    },
    120_000,
  );
}
