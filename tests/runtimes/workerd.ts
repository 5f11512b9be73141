/**
 * workerd, Cloudflare's Workers runtime: the scenario bundled into a module Worker with the project's esbuild
 * (platform neutral, conditions worker/browser, as Wrangler resolves), served by `workerd serve` from a generated
 * Cap'n Proto config on a loopback port, and run by one POST. No `nodejs_compat` flag: the SDK must do without
 * Node built-ins. The config's `internet` service replaces workerd's default outbound network, which allows only
 * public addresses, so the Worker's fetch may reach the local servers.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { binaries, type RunOutput } from './runtimes.js';

const exec = promisify(execFile);
/** Workers' compatibility date: a fixed one, older than any workerd the matrix installs. */
const COMPATIBILITY_DATE = '2025-01-01';

function config(port: number): string {
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .scenario),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);

const scenario :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "worker.bundle.mjs")],
  compatibilityDate = "${COMPATIBILITY_DATE}",
);
`;
}

/** Bundles `worker.mjs` (the SDK from node_modules plus the scenario) into `worker.bundle.mjs`. */
export async function bundleWorker(project: string): Promise<void> {
  const esbuild = join(project, 'node_modules', 'esbuild', 'bin', 'esbuild');
  const args = [
    'worker.mjs',
    '--bundle',
    '--format=esm',
    '--platform=neutral',
    '--conditions=worker,browser',
  ];
  args.push('--main-fields=browser,module,main', '--outfile=worker.bundle.mjs', '--log-level=warning');
  await exec(process.execPath, [esbuild, ...args], { cwd: project, encoding: 'utf8' });
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((ok) => srv.close(() => ok()));
  return port;
}

/** POSTs `body` to the Worker, retrying while workerd is still starting (bounded). */
async function post(url: string, body: string, child: ChildProcess): Promise<Response> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(90_000) });
    } catch (err: any) {
      const refused = err?.cause?.code === 'ECONNREFUSED';
      if (!refused || child.exitCode !== null || Date.now() > deadline) throw err;
      await sleep(100);
    }
  }
}

/** Serves the bundled Worker with workerd, runs the scenario with `argsJson` through it, and stops workerd. */
export async function runWorkerd(project: string, argsJson: string): Promise<RunOutput> {
  const port = await freePort();
  writeFileSync(join(project, 'workerd.capnp'), config(port));
  const child = spawn(binaries(project).workerd, ['serve', 'workerd.capnp', '--verbose'], {
    cwd: project,
    env: { ...process.env, PWD: project },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  try {
    const response = await post(`http://127.0.0.1:${port}/`, argsJson, child);
    const text = await response.text();
    if (!response.ok) return { stdout, stderr, failure: `run: workerd answered ${response.status}: ${text}` };
    return { results: JSON.parse(text), stdout, stderr };
  } catch (err: any) {
    return { stdout, stderr, failure: `run: workerd failed: ${err.message} (${err.cause?.message ?? ''})` };
  } finally {
    const exited = new Promise((ok) => (child.exitCode !== null ? ok(null) : child.once('exit', ok)));
    child.kill('SIGTERM');
    await exited;
  }
}
