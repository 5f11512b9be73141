import { parseArgs } from 'node:util';
import { GeneratorError } from './errors.js';
import { type GenerateOptions, generate } from './pipeline.js';

/** Extra subcommands registered by other modules (the release teammate's `diff` lives in `src/diff/`). */
export type Subcommand = (argv: string[]) => Promise<number>;
const subcommands: Record<string, () => Promise<Subcommand>> = {
  diff: async () => ((await import('./diff/cli.js')) as { run: Subcommand }).run,
  init: async () => ((await import('./init/cli.js')) as { run: Subcommand }).run,
};

const USAGE = `usage: sdkgen generate [--spec <openapi.yaml>] [--config <sdk.config.yaml>] [--out <dir>] [--check | --dry-run] [--dump ir|plan]
       sdkgen init --spec <openapi.yaml> [--out <sdk.config.yaml>] [--force]
       sdkgen diff ...`;

/** argv -> pipeline -> exit code (0 ok, 1 drift in --check, 2 generator error). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command && subcommands[command]) return (await subcommands[command]!())(rest);
  if (command !== 'generate') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      spec: { type: 'string' },
      config: { type: 'string', default: 'spec/sdk.config.yaml' },
      out: { type: 'string', default: 'packages/anthropic' },
      check: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      dump: { type: 'string' },
      changeset: { type: 'boolean', default: false },
    },
  });
  const opts: GenerateOptions = {
    configPath: values.config!,
    outDir: values.out!,
    mode: values.check ? 'check' : values['dry-run'] ? 'dry-run' : 'write',
    ...(values.spec ? { specPath: values.spec } : {}),
    ...(values.dump === 'ir' || values.dump === 'plan' ? { dump: values.dump } : {}),
  };
  try {
    const result = await generate(opts);
    for (const w of result.warnings) process.stderr.write(`${w}\n`);
    if (result.dump) {
      process.stdout.write(`${result.dump}\n`);
      return 0;
    }
    process.stderr.write(`sdkgen: ${result.timings.map(([s, ms]) => `${s} ${ms}ms`).join(', ')}\n`);
    const code = report(opts, result.write!);
    if (code === 0 && values.changeset && opts.mode === 'write') await changeset(opts);
    return code;
  } catch (err) {
    if (err instanceof GeneratorError) {
      process.stderr.write(`sdkgen: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

/** `--changeset`: the release teammate's step in `src/diff/`, run after a successful write. */
async function changeset(opts: GenerateOptions): Promise<void> {
  const { writeChangesetSince } = await import('./diff/index.js');
  const { config } = await import('./config/index.js');
  const cfg = config({ configPath: opts.configPath, ...(opts.specPath ? { specPath: opts.specPath } : {}) });
  await writeChangesetSince({
    specPath: cfg.specPath,
    configPath: cfg.configPath,
    packageName: cfg.package.name,
  });
}

function report(
  opts: GenerateOptions,
  w: NonNullable<Awaited<ReturnType<typeof generate>>['write']>,
): number {
  const label = { added: 'new', changed: 'changed', stale: 'stale' };
  if (opts.mode === 'check') {
    if (w.changed.length === 0) {
      process.stderr.write(`sdkgen: ${opts.outDir} is up to date\n`);
      return 0;
    }
    for (const c of w.changed) process.stdout.write(`${c.diff}\n`);
    process.stderr.write(
      `sdkgen: ${w.changed.length} generated file(s) drifted (hand-edited or stale); run \`pnpm generate\`:\n`,
    );
    for (const c of w.changed) process.stderr.write(`  ${label[c.status]}: ${c.path}\n`);
    return 1;
  }
  const verb = opts.mode === 'dry-run' ? 'would write' : 'wrote';
  for (const c of w.changed) process.stderr.write(`  ${verb} (${label[c.status]}) ${c.path}\n`);
  process.stderr.write(`sdkgen: ${verb} ${w.changed.length} file(s), ${w.unchanged} unchanged\n`);
  return 0;
}
