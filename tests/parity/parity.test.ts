/**
 * Surface parity with the packages we replace: packs ours the way a release does (publishConfig exports, dist
 * declarations), installs them next to `@anthropic-ai/sdk@0.74.0` and the three platform SDKs from npm, and
 * compares every public subpath of each reference package: declared exports, their properties and statics
 * (TypeScript checker: `import` and `require` conditions, and legacy `node10` resolution) and runtime export keys (`require` and `import`).
 * Differences fail the test unless `allowed-differences.json` lists them with a reason.
 */

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { installProject, PACKAGE_DIRS, type Packed, packCached } from '../install/pack.js';
import {
  type AllowedDifference,
  applyAllowlist,
  compareRuntime,
  compareSurfaces,
  globPattern,
  publicSubpaths,
} from './compare.js';
import { readRuntime } from './runtime.js';
import { readSurface } from './surface.js';

/** Reference package -> ours. */
const PAIRS: [string, string][] = [
  ['@anthropic-ai/sdk@0.74.0', '@sdkgen/anthropic'],
  ['@anthropic-ai/bedrock-sdk@0.26.3', '@sdkgen/anthropic-bedrock'],
  ['@anthropic-ai/vertex-sdk@0.14.3', '@sdkgen/anthropic-vertex'],
  ['@anthropic-ai/foundry-sdk@0.2.3', '@sdkgen/anthropic-foundry'],
];
const exec = promisify(execFile);
const nameOf = (spec: string) => spec.slice(0, spec.lastIndexOf('@'));

const allowed: AllowedDifference[] = JSON.parse(
  readFileSync(new URL('./allowed-differences.json', import.meta.url), 'utf8'),
).differences;

/** Every difference between one reference package and ours, declared and at runtime. */
async function differences(root: string, refSpec: string, ours: string): Promise<string[]> {
  const ref = nameOf(refSpec);
  const subs = publicSubpaths(join(root, 'node_modules', ref));
  const out: string[] = [];
  for (const condition of ['import', 'require', 'node10'] as const) {
    const refSurface = readSurface(root, ref, subs, condition);
    out.push(
      ...compareSurfaces(`${ours} types(${condition})`, refSurface, readSurface(root, ours, subs, condition)),
    );
  }
  const [refRuntime, ourRuntime] = await Promise.all([
    readRuntime(root, ref, subs),
    readRuntime(root, ours, subs),
  ]);
  for (const loader of ['require', 'import'] as const) {
    out.push(...compareRuntime(`${ours} runtime(${loader})`, refRuntime[loader], ourRuntime[loader]));
  }
  return out;
}

describe('public surface parity with the reference SDKs', () => {
  let root = '';
  const packed: Packed[] = [];

  beforeAll(async () => {
    const work = mkdtempSync(join(tmpdir(), 'sdkgen-parity-'));
    // One locked, content-keyed pack per change, shared with the install and runtime tests.
    for (const dir of PACKAGE_DIRS) packed.push(await packCached(dir));
    root = join(work, 'consumer');
    const tarballs = packed.flatMap((p) => (p.tarball ? [p.tarball] : []));
    await installProject(root, tarballs, [...PAIRS.map(([ref]) => ref), 'zod@^4', '@types/node@^20']);
  }, 15 * 60_000);

  it('deep-path resource classes carry the overlay methods in the built ESM and CJS trees', async () => {
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(process.cwd() + '/');
      const out = [];
      for (const load of [(s) => require(s), (s) => import(s)]) {
        const ga = (await load('@sdkgen/anthropic/resources/messages/messages')).Messages;
        const beta = (await load('@sdkgen/anthropic/resources/beta/messages/messages')).Messages;
        out.push(typeof ga.prototype.parse, typeof ga.prototype.stream, typeof beta.prototype.toolRunner);
      }
      console.log(out.join(' '));`;
    const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
    expect(stdout.trim()).toBe(Array(6).fill('function').join(' '));
  });

  it.each(PAIRS)(
    '%s -> %s: only allowlisted differences',
    async (refSpec, ours) => {
      const pack = packed.find((p) => p.name === ours);
      expect(pack?.error ?? '', `packing ${ours}`).toBe('');
      const diffs = await differences(root, refSpec, ours);
      // PARITY_DUMP=<dir> writes every difference, allowlisted or not, for updating the allowlist.
      if (process.env.PARITY_DUMP)
        writeFileSync(
          join(process.env.PARITY_DUMP, `${nameOf(refSpec).replace('/', '__')}.txt`),
          `${diffs.join('\n')}\n`,
        );
      // An entry belongs to the packages its first word (a package name, maybe with `*`) matches.
      const mine = allowed.filter((a) => globPattern(a.match.split(' ')[0] as string).test(ours));
      const { unexpected, unused } = applyAllowlist(diffs, mine);
      const report = [
        ...unexpected.map((d) => `  unexpected: ${d}`),
        ...unused.map((a) => `  allowlisted but gone (remove it): ${a.match}`),
      ].join('\n');
      expect(report, `${ours} vs ${refSpec}:\n${report}`).toBe('');
    },
    5 * 60_000,
  );
});
