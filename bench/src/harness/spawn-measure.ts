import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const HOOK = pathToFileURL(new URL('./rss-hook.mjs', import.meta.url).pathname).href;

/** Wall time and peak RSS of one command run. */
export interface ProcessRun {
  ms: number;
  /** Largest peak RSS of any node process of the run, in bytes. */
  peakRss: number;
}

/**
 * Runs a node command to completion and measures its wall time (`process.hrtime.bigint`) and the peak RSS
 * of the largest node process it started (reported by a preloaded exit hook). Killed after `timeoutMs`.
 *
 * @example
 * ```ts
 * const run = await measureProcess(['node_modules/openapi-typescript/bin/cli.js', 'spec.yaml', '-o', 'out.ts'], cwd, 60_000);
 * ```
 */
export async function measureProcess(args: string[], cwd: string, timeoutMs: number): Promise<ProcessRun> {
  const dir = mkdtempSync(join(tmpdir(), 'sdkgen-rss-'));
  const rssFile = join(dir, 'rss');
  const env = {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${HOOK}`.trim(),
    SDKGEN_BENCH_RSS_FILE: rssFile,
  };
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-4000)));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  let rss: number[] = [];
  try {
    rss = readFileSync(rssFile, 'utf8').split('\n').filter(Boolean).map(Number);
  } catch {}
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0) {
    const why = stderr.split('\n').find((l) => /error/i.test(l)) ?? stderr.trim().split('\n').at(-1) ?? '';
    throw new Error(
      code === null ? `killed after ${timeoutMs / 1000} s` : `exit ${code}: ${why.slice(0, 200)}`,
    );
  }
  return { ms, peakRss: Math.max(0, ...rss) * 1024 };
}
