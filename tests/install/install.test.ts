/**
 * The release path, end to end: `pnpm pack` every publishable package (which builds it), lint the tarballs with
 * publint and @arethetypeswrong/cli, install them with plain npm into a throwaway project under the OS temp folder,
 * then run an ES module script and a CommonJS script against a local API double and type-check a TypeScript
 * consumer under `moduleResolution` node16 and bundler. The same project carries the consumer matrix
 * (matrix.ts): one program under jest, vitest, node, webpack and esbuild, and three type-check modes.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestProject } from 'vitest/node';
import type { FaultServer } from '../helpers/fault-server.js';
import setupMockServer from '../mock-server/global-setup.js';
import { MESSAGE_TEXT, MODEL_IDS, RESULT_IDS, startApiDouble } from './api-double.js';
import { MATRIX_TOOLS, matrixTests } from './matrix.js';
import { installProject, PACKAGE_DIRS, type Packed, packCached, REPO, runNode, typecheck } from './pack.js';

const CONSUMER = fileURLToPath(new URL('./consumer/', import.meta.url));
const ATTW = join(REPO, 'tests', 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');
const exec = promisify(execFile);
const PLATFORM_CLASSES: Record<string, string> = {
  bedrock: 'AnthropicBedrock',
  vertex: 'AnthropicVertex',
  foundry: 'AnthropicFoundry',
};

const expected = {
  created: MESSAGE_TEXT,
  mock: { type: 'message', role: 'assistant', listed: true },
  streamed: MESSAGE_TEXT,
  final: MESSAGE_TEXT,
  isMessageStream: true,
  models: MODEL_IDS,
  results: RESULT_IDS,
  errorClasses: true,
};

/** Starts the generator's spec-driven mock server (Prism + query-alias proxy) outside vitest's globalSetup. */
async function startMockServer(): Promise<{ url: string; close: () => Promise<void> }> {
  let url = '';
  const provide = (_key: string, value: string) => {
    url = value;
  };
  const close = await setupMockServer({ provide } as unknown as TestProject);
  return { url, close };
}

describe('packed packages in a fresh npm project', () => {
  let work = '';
  let project = '';
  let api: FaultServer | undefined;
  let mock: { url: string; close: () => Promise<void> } | undefined;
  const packed: Packed[] = [];
  let installError = '';

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'sdkgen-install-'));
    // One at a time (each prepack runs tsc twice, and the machine has two cores), once per change (cached).
    for (const dir of PACKAGE_DIRS) packed.push(await packCached(dir));
    project = join(work, 'consumer');
    const tarballs = packed.flatMap((p) => (p.tarball ? [p.tarball] : []));
    try {
      // zod is the SDK's optional peer; the zod helpers among the deep paths need it, as they do for users.
      // The matrix's tools come in the same install: one resolution, one download pass.
      await installProject(project, tarballs, ['@types/node@^20', 'zod@^4', ...MATRIX_TOOLS]);
    } catch (err: any) {
      installError = `${err.stdout ?? ''}${err.stderr ?? err.message}`;
    }
    cpSync(CONSUMER, project, { recursive: true });
    api = await startApiDouble();
    mock = await startMockServer();
  }, 15 * 60_000);

  afterAll(async () => {
    await Promise.all([api?.close(), mock?.close()]);
    if (work) rmSync(work, { recursive: true, force: true });
  }, 120_000);

  /** Fails with the pack or install output when the project could not be set up. */
  function requireInstalled(): void {
    const sdk = packed.find((p) => p.dir === 'anthropic');
    if (sdk?.error) throw new Error(`pnpm pack failed for ${sdk.name}:\n${sdk.error}`);
    if (installError) throw new Error(`npm install failed:\n${installError}`);
  }

  it.each(PACKAGE_DIRS)('packages/%s builds and packs', (dir) => {
    const result = packed.find((p) => p.dir === dir);
    expect(result?.error, result?.error).toBeUndefined();
    expect(result?.tarball).toMatch(/\.tgz$/);
  });

  it('tarballs ship built files only: no sources, tests, fixtures or source maps', async () => {
    requireInstalled();
    for (const p of packed.filter((x) => x.tarball)) {
      const { stdout } = await exec('tar', ['-tzf', p.tarball!]);
      const files = stdout.trim().split('\n');
      const unexpected = files.filter(
        (f) =>
          !/^package\/(dist\/.+\.(js|d\.ts|json)|package\.json|README\.md|LICENSE(\.md)?|CHANGELOG\.md)$/.test(
            f,
          ),
      );
      expect(unexpected, `${p.name} ships unexpected files`).toEqual([]);
      expect(files).toContain('package/dist/esm/index.js');
      expect(files).toContain('package/dist/cjs/index.d.ts');
      expect(files).toContain('package/dist/cjs/package.json');
    }
  });

  it('publint finds no warnings or errors in any tarball', async () => {
    requireInstalled();
    for (const p of packed.filter((x) => x.tarball)) {
      const tarball = readFileSync(p.tarball!);
      const { messages, pkg } = await publint({
        pack: { tarball: new Uint8Array(tarball).buffer },
        level: 'warning',
        strict: true,
      });
      expect(
        messages.map((m) => formatMessage(m, pkg)),
        p.name,
      ).toEqual([]);
    }
  }, 120_000);

  it('@arethetypeswrong/cli finds no resolution problems (node10, node16 CJS/ESM, bundler)', async () => {
    requireInstalled();
    for (const p of packed.filter((x) => x.tarball)) {
      // missing-export-equals: the CommonJS entry is callable (`require(pkg)` is the client class, as in 0.74.0)
      // while its types say `export default`; both `require(pkg)` and `require(pkg).default` work at runtime.
      const args = [
        ATTW,
        p.tarball!,
        '--format',
        'ascii',
        '--no-color',
        '--ignore-rules',
        'missing-export-equals',
      ];
      const problems = await exec(process.execPath, args, { maxBuffer: 16 << 20 }).then(
        () => '',
        (err) => `${err.stdout}${err.stderr}`,
      );
      expect(problems, p.name).toBe('');
    }
  }, 180_000);

  it('an ES module script can create, stream, paginate and read batch results', async () => {
    requireInstalled();
    const { stdout, stderr } = await runNode(project, 'esm.mjs', { API_URL: api!.url, MOCK_URL: mock!.url });
    expect(JSON.parse(stdout)).toEqual(expected);
    expect(stderr).toBe('');
  }, 60_000);

  it('a CommonJS script can do the same, with require() returning a constructor as 0.74.0 does', async () => {
    requireInstalled();
    const { stdout, stderr } = await runNode(project, 'cjs.cjs', { API_URL: api!.url, MOCK_URL: mock!.url });
    expect(JSON.parse(stdout)).toEqual({ ...expected, sameClass: true });
    // The CommonJS build loads the ESM-only ky through require(esm): no ExperimentalWarning or other noise.
    expect(stderr).toBe('');
  }, 60_000);

  it.each(['deep-paths.mjs', 'deep-paths.cjs'])(
    '%s: the 0.74.0 deep import paths load, sharing one definition of each class with the root; internal/ is not exported',
    async (script) => {
      requireInstalled();
      const { stdout } = await runNode(project, script, {});
      expect(JSON.parse(stdout)).toEqual({
        unresolved: [],
        internal: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
        split: [],
      });
    },
    60_000,
  );

  it.each(['platforms.mjs', 'platforms.cjs'])(
    '%s: each platform client extends the installed SDK base client',
    async (script) => {
      requireInstalled();
      const platforms = packed
        .filter((p) => p.dir !== 'anthropic' && p.tarball)
        .map((p) => [p.name, PLATFORM_CLASSES[p.dir]]);
      expect(platforms.length).toBe(PACKAGE_DIRS.length - 1);
      const { stdout } = await runNode(project, script, { PLATFORMS: JSON.stringify(platforms) });
      expect(JSON.parse(stdout)).toEqual(Object.fromEntries(platforms.map(([name]) => [name, true])));
    },
    60_000,
  );

  it.each(['node16', 'bundler'])(
    'a TypeScript consumer type-checks with moduleResolution %s',
    async (mode) => {
      requireInstalled();
      const { ok, output } = await typecheck(project, `tsconfig.${mode}.json`);
      expect(output).toBe('');
      expect(ok).toBe(true);
    },
    120_000,
  );

  matrixTests(() => {
    requireInstalled();
    return { project, env: { API_URL: api!.url, MOCK_URL: mock!.url } };
  });
});
