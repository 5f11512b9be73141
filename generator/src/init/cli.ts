import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { GeneratorError, Warnings } from '../errors.js';
import { init } from './index.js';

const USAGE = 'usage: sdkgen init --spec <openapi.yaml> [--out <sdk.config.yaml>] [--force]';

/** `sdkgen init`: argv -> starter config file. Exit 0 written, 2 bad input or the file exists (no `--force`). */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      spec: { type: 'string' },
      out: { type: 'string', default: 'sdk.config.yaml' },
      force: { type: 'boolean', default: false },
    },
  });
  if (!values.spec) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const out = values.out!;
  if (existsSync(out) && !values.force) {
    process.stderr.write(`sdkgen: ${out} exists; pass --force to overwrite it\n`);
    return 2;
  }
  const warnings = new Warnings();
  try {
    const text = await init({ specPath: values.spec, configPath: out }, warnings);
    for (const w of warnings.format()) process.stderr.write(`${w}\n`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, text);
    process.stderr.write(`sdkgen: wrote ${out}; next: sdkgen generate --config ${out} --out <dir>\n`);
    return 0;
  } catch (err) {
    if (err instanceof GeneratorError) {
      process.stderr.write(`sdkgen: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
