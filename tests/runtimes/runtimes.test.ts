/**
 * Where the SDK runs: the packed `@sdkgen/anthropic` installed with plain npm next to Node 22, Deno, Bun and
 * workerd (each from its registry package), every runtime running one scenario (programs/scenario.mjs) against
 * the API double, the fault double and the Prism mock server on loopback: create, stream, auto-pagination,
 * batch results (JSONL), multipart upload, binary download, abort mid-stream and a retry after a 529.
 * Prints the `runtime | version | result` table and writes it to tests/.tmp/runtimes.md.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestProject } from 'vitest/node';
import type { FaultServer } from '../helpers/fault-server.js';
import { startApiDouble } from '../install/api-double.js';
import setupMockServer from '../mock-server/global-setup.js';
import { startFaultDouble } from './fault-double.js';
import { prepareProject } from './project.js';
import { binaries, COMMAND_RUNTIMES, type RunOutput, runCommand, version } from './runtimes.js';
import { failedSteps, markdownTable, type Row } from './table.js';
import { bundleWorker, runWorkerd } from './workerd.js';

const TABLE_FILE = fileURLToPath(new URL('../.tmp/runtimes.md', import.meta.url));
const IDS = [...COMMAND_RUNTIMES.map((rt) => rt.id), 'workerd'];

type Closable = { url: string; close: () => Promise<void> };

/** Starts the spec-driven mock server (Prism + query-alias proxy) outside vitest's globalSetup. */
async function startMockServer(): Promise<Closable> {
  let url = '';
  const provide = (_key: string, value: string) => {
    url = value;
  };
  const close = await setupMockServer({ provide } as unknown as TestProject);
  return { url, close };
}

const installedVersion = (project: string, name: string) =>
  JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')).version as string;

const tail = (text: string) => (text.length > 3000 ? `...${text.slice(-3000)}` : text);

describe('the packed SDK in every runtime', () => {
  let work = '';
  let project = '';
  let servers: Closable[] = [];
  let urls = { api: '', fault: '', mock: '' };
  let fault: (FaultServer & { attempts: Map<string, number> }) | undefined;
  const versions: Record<string, string> = {};
  const rows: Row[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'sdkgen-runtimes-'));
    const started = await Promise.allSettled([
      prepareProject(work),
      startApiDouble(),
      startFaultDouble(),
      startMockServer(),
    ] as const);
    servers = started.slice(1).flatMap((s) => (s.status === 'fulfilled' ? [s.value as Closable] : []));
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    const [p, api, faultServer, mock] = started.map((s) => (s as PromiseFulfilledResult<any>).value);
    [project, fault, urls] = [p, faultServer, { api: api.url, fault: faultServer.url, mock: mock.url }];
    await bundleWorker(project);
    const bins = binaries(project);
    for (const [name, file] of Object.entries(bins)) versions[name] = await version(file);
    versions.workerd = `${versions.workerd} (npm workerd ${installedVersion(project, 'workerd')})`;
  }, 8 * 60_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    if (rows.length > 0) {
      const table = markdownTable(rows);
      console.log(`\n${table}\n`);
      mkdirSync(join(TABLE_FILE, '..'), { recursive: true });
      writeFileSync(TABLE_FILE, `${table}\n`);
    }
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it.concurrent.each(IDS)(
    '%s runs the scenario',
    async (id) => {
      const argsJson = JSON.stringify({ urls, runId: id });
      const command = COMMAND_RUNTIMES.find((rt) => rt.id === id);
      const out: RunOutput = command
        ? await runCommand(command, project, join(work, 'scratch', id), argsJson)
        : await runWorkerd(project, argsJson);
      const binary = command?.binary ?? 'workerd';
      const runtimeName = binary.startsWith('node') ? 'node' : binary;
      const failures = out.failure ? [out.failure] : failedSteps(out.results, runtimeName);
      if (out.results && fault?.attempts.get(id) !== 2) {
        failures.push(`retry: the fault double saw ${fault?.attempts.get(id)} attempts, expected 2`);
      }
      rows.push({ id, version: versions[binary] ?? '?', failures });
      const diagnostics = `${id} (${versions[binary]})\n--- stdout\n${tail(out.stdout)}\n--- stderr\n${tail(out.stderr)}`;
      expect(failures, diagnostics).toEqual([]);
    },
    150_000,
  );
});
