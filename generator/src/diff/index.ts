import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { GeneratorError } from '../errors.js';
import { BUMPS, type Bump, type Change, maxBump } from './change.js';
import { writeChangeset } from './changeset.js';
import { compareIR } from './compare-ir.js';
import {
  disposeSpec,
  gitTopLevel,
  loadIR,
  locateSpec,
  type SpecLocation,
  specAtRevision,
} from './load-ir.js';
import { formatReport } from './report.js';

export { type Bump, type Change, maxBump } from './change.js';
export { renderChangeset, writeChangeset } from './changeset.js';
export { compareIR } from './compare-ir.js';
export { disposeSpec, loadIR, locateSpec, specAtRevision } from './load-ir.js';
export { formatReport } from './report.js';

const USAGE = `usage: sdkgen diff <old-spec> <new-spec> [options]
       sdkgen diff --since <git-rev> [<spec>] [options]
  <spec> is a root document (openapi.yaml) or its folder; sdk.config.yaml beside it is used when present.
  --json                 print the changes as JSON instead of the report
  --changeset [dir]      also write a changeset (default dir: .changeset)
  --package <name>       package the changeset bumps (default: the config's package.name)
  --fail-on <bump>       exit 1 when the overall bump is at least major|minor|patch`;

/**
 * Compares two specs through the generator's own stages. Used by `sdkgen diff` and `generate --changeset`.
 *
 * @example
 * ```ts
 * const changes = await diffSpecs(locateSpec('old'), locateSpec('spec'));
 * ```
 */
export async function diffSpecs(before: SpecLocation, after: SpecLocation): Promise<Change[]> {
  const [a, b] = await Promise.all([loadIR(before), loadIR(after)]);
  return compareIR(a, b);
}

/** Options of `writeChangesetSince`. */
export interface ChangesetSinceOptions {
  /** Root spec document (or its folder) in the working tree. */
  specPath: string;
  /** SDK config; defaults to `sdk.config.yaml` beside the spec. */
  configPath?: string;
  /** Git revision holding the previous spec. @default 'HEAD' */
  rev?: string;
  /** Package to bump. @default the config's `package.name` */
  packageName: string;
  /** Folder the `.changeset/` directory lives in. @default the root of the git work tree holding the spec */
  cwd?: string;
}

/**
 * The `sdkgen generate --changeset` step: diffs the working-tree spec against the one at `rev` and writes a
 * changeset when the API changed. Returns the changes and the file written (if any).
 *
 * @example
 * ```ts
 * await writeChangesetSince({ specPath: 'spec/openapi.yaml', packageName: '@sdkgen/anthropic' });
 * ```
 */
export async function writeChangesetSince(
  opts: ChangesetSinceOptions,
): Promise<{ changes: Change[]; file?: string }> {
  const current = locateSpec(opts.specPath, opts.configPath);
  const previous = specAtRevision(opts.rev ?? 'HEAD', current);
  if (!existsSync(previous.specPath)) {
    disposeSpec(previous);
    console.log(`sdkgen: no spec at ${opts.rev ?? 'HEAD'}; no changeset written`);
    return { changes: [] };
  }
  const changes = await diffSpecs(previous, current).finally(() => disposeSpec(previous));
  const root = opts.cwd ?? gitTopLevel(dirname(current.specPath));
  const file = writeChangeset(changes, opts.packageName, join(root, '.changeset'));
  console.log(
    file ? `sdkgen: wrote ${file} (${maxBump(changes)})` : 'sdkgen: no API change; no changeset written',
  );
  return file ? { changes, file } : { changes };
}

/**
 * Entry point of `sdkgen diff` (argv after the word `diff`). Prints the report and returns the exit code:
 * 0, 1 when `--fail-on` trips, 2 on a usage or spec error.
 *
 * @example
 * ```ts
 * process.exitCode = await runDiff(['spec-old', 'spec', '--changeset']);
 * ```
 */
export async function runDiff(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (err) {
    console.error(`sdkgen diff: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    const { before, after } = resolveSpecs(args);
    const changes = await diffSpecs(before, after).finally(() => disposeSpec(before));
    const print = args.values.json
      ? JSON.stringify(changes, null, 2)
      : formatReport(changes, { from: args.from, to: args.to });
    console.log(print);
    if (args.values.changeset !== undefined) {
      const name = args.values.package ?? (await packageNameOf(after));
      const file = writeChangeset(changes, name, args.values.changeset || '.changeset');
      console.error(file ? `sdkgen diff: wrote ${file}` : 'sdkgen diff: no API change; no changeset written');
    }
    return failed(changes, args.values['fail-on']) ? 1 : 0;
  } catch (err) {
    if (!(err instanceof GeneratorError)) throw err;
    console.error(err.message);
    return 2;
  }
}

function parse(argv: string[]) {
  // `--changeset` may stand alone (default folder); parseArgs wants a value, so give it an empty one.
  const args = argv.map((a, i) =>
    a === '--changeset' && (argv[i + 1] ?? '--').startsWith('--') ? '--changeset=' : a,
  );
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      since: { type: 'string' },
      json: { type: 'boolean' },
      changeset: { type: 'string' },
      package: { type: 'string' },
      'fail-on': { type: 'string' },
    },
  });
  const failOn = values['fail-on'];
  if (failOn !== undefined && !BUMPS.includes(failOn as Bump))
    throw new Error(`--fail-on takes major, minor or patch`);
  const want = values.since ? [0, 1] : [2, 2];
  if (positionals.length < want[0]! || positionals.length > want[1]!)
    throw new Error('wrong number of specs');
  const from = values.since ? `${positionals[0] ?? 'spec'}@${values.since}` : positionals[0]!;
  const to = values.since ? (positionals[0] ?? 'spec') : positionals[1]!;
  return { values, positionals, from, to };
}

function resolveSpecs(args: ReturnType<typeof parse>): { before: SpecLocation; after: SpecLocation } {
  if (args.values.since) {
    const after = locateSpec(args.to);
    return { before: specAtRevision(args.values.since, after), after };
  }
  return { before: locateSpec(args.positionals[0]!), after: locateSpec(args.positionals[1]!) };
}

async function packageNameOf(where: SpecLocation): Promise<string> {
  if (!where.configPath)
    throw new GeneratorError(
      'config',
      `${where.specPath}#`,
      'no sdk.config.yaml beside the spec; pass --package',
    );
  const { config } = await import('../config/index.js');
  return config({ configPath: where.configPath, specPath: where.specPath }).package.name;
}

function failed(changes: Change[], failOn: string | undefined): boolean {
  const bump = maxBump(changes);
  return failOn !== undefined && bump !== undefined && BUMPS.indexOf(bump) >= BUMPS.indexOf(failOn as Bump);
}
