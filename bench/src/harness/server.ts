import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ServerSpec } from './types.js';

/** A running loopback server process. */
export interface RunningServer {
  /** `http://127.0.0.1:<port>`; each route lives under `/<prefix>`. */
  origin: string;
  /** Bytes (and units) served per path. */
  sizes: Record<string, { bytes: number; units?: number }>;
  close(): Promise<void>;
}

const MAIN = fileURLToPath(new URL('./server-main.ts', import.meta.url));

/**
 * Starts the loopback server in its own process (so serving never competes with the client's thread),
 * waits until it listens, and returns its origin. Fails after 60 s.
 *
 * @example
 * ```ts
 * const srv = await startServer({ chunkSize: 16384, routes: { a: { kind: 'message', params: {} } } });
 * await fetch(`${srv.origin}/a/v1/messages`, { method: 'POST', body: '{}' });
 * await srv.close();
 * ```
 */
export async function startServer(spec: ServerSpec): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, JSON.stringify(spec)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 60 s')), 60_000);
    lines.once('line', (l) => {
      clearTimeout(timer);
      resolve(l);
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
  const { origin, sizes } = JSON.parse(first) as Pick<RunningServer, 'origin' | 'sizes'>;
  return {
    origin,
    sizes,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.end();
        setTimeout(() => child.kill(), 5_000).unref();
      }),
  };
}
