import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { Change } from './change.js';
import { baseSpec, removeTempDirs, tempDir, writeSpec } from './fixtures.js';
import { renderChangeset, runDiff, writeChangesetSince } from './index.js';

const change = (bump: Change['bump'], kind: Change['kind'], subject: string): Change => ({
  bump,
  kind,
  subject,
  detail: '',
  pointer: '#/x',
});

/** Captures console output of one async call. */
async function captured(run: () => Promise<unknown>): Promise<{ out: string; err: string; result: unknown }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  const result = await run();
  return { out: out.join('\n'), err: err.join('\n'), result };
}

afterEach(() => vi.restoreAllMocks());
afterAll(removeTempDirs);

describe('changeset', () => {
  it('carries the strongest bump and one line per change', () => {
    const file = renderChangeset(
      [
        change('minor', 'added', 'operation `get /v1/models`'),
        change('major', 'removed', 'property `Message.id`'),
      ],
      '@sdkgen/anthropic',
    );
    expect(file?.name).toMatch(/^sdkgen-[0-9a-f]{8}\.md$/);
    expect(file?.content.split('\n').slice(0, 3)).toEqual(['---', '"@sdkgen/anthropic": major', '---']);
    expect(file?.content).toContain('- added operation `get /v1/models`\n- removed property `Message.id`\n');
    expect(file?.content).toContain('1 breaking, 1 additive');
  });

  it('is not written when nothing changed', () => {
    expect(renderChangeset([], '@sdkgen/anthropic')).toBeUndefined();
  });
});

describe('sdkgen diff (CLI)', () => {
  const oldDir = writeSpec(baseSpec());
  const next = baseSpec();
  delete next.components.schemas.Message.properties.stop_reason;
  next.components.schemas.Message.required = ['id', 'content'];
  const newDir = writeSpec(next);

  it('prints the report, writes a changeset and trips --fail-on', async () => {
    const out = tempDir('sdkgen-changeset-');
    const args = [oldDir, newDir, '--changeset', out, '--package', '@sdkgen/demo', '--fail-on', 'major'];
    const { out: report, result } = await captured(() => runDiff(args));
    expect(result).toBe(1);
    expect(report).toContain('the SDK needs a major release');
    expect(report).toContain('removed property `Message.stop_reason`');
    const [file] = readdirSync(out);
    expect(readFileSync(join(out, file!), 'utf8')).toContain('"@sdkgen/demo": major');
  });

  it('prints JSON with --json and exits 0 without --fail-on', async () => {
    const { out, result } = await captured(() => runDiff([oldDir, newDir, '--json']));
    expect(result).toBe(0);
    expect(JSON.parse(out)).toContainEqual(expect.objectContaining({ kind: 'removed', bump: 'major' }));
  });

  it('rejects a bad invocation with exit code 2', async () => {
    const { err, result } = await captured(() => runDiff([oldDir]));
    expect(result).toBe(2);
    expect(err).toContain('usage: sdkgen diff');
  });
});

describe('generate --changeset (diff against git HEAD)', () => {
  it('writes a major changeset when a committed field is removed', async () => {
    const repo = tempDir('sdkgen-repo-');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
        cwd: repo,
        stdio: 'pipe',
      });
    git('init', '-q');
    const specDir = writeSpec(baseSpec(), join(repo, 'spec'));
    git('add', '.');
    git('commit', '-q', '-m', 'spec');
    const edited = baseSpec();
    delete edited.components.schemas.ModelInfo.properties.display_name;
    writeFileSync(join(specDir, 'openapi.json'), JSON.stringify(edited));

    const { result } = await captured(() =>
      writeChangesetSince({ specPath: specDir, packageName: '@sdkgen/demo' }),
    );
    const { changes, file } = result as Awaited<ReturnType<typeof writeChangesetSince>>;
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: 'removed', subject: 'property `ModelInfo.display_name`' }),
    );
    expect(file).toBeDefined();
    expect(readFileSync(file!, 'utf8')).toMatch(/^---\n"@sdkgen\/demo": major\n---\n/);
    expect(file!.startsWith(join(realpathSync(repo), '.changeset'))).toBe(true);
  });
});
