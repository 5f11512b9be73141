/**
 * A cross-process lock: a directory under the OS temp folder, created atomically with `mkdir`. A lock older
 * than `staleMs` (its holder died) is taken over.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function tryTake(path: string, staleMs: number): boolean {
  try {
    mkdirSync(path);
    return true;
  } catch {
    try {
      if (Date.now() - statSync(path).mtimeMs > staleMs) rmSync(path, { recursive: true, force: true });
    } catch {
      // released meanwhile: try again
    }
    return false;
  }
}

/**
 * Runs `fn` while holding the lock `name`, waiting for it if another process holds it.
 *
 * @example
 * ```ts
 * await withLock('sdkgen-pack', () => buildOnce());
 * ```
 */
export async function withLock<T>(name: string, fn: () => Promise<T>, staleMs = 15 * 60_000): Promise<T> {
  const path = join(tmpdir(), `${name}.lock`);
  while (!tryTake(path, staleMs)) await sleep(500);
  try {
    return await fn();
  } finally {
    rmSync(path, { recursive: true, force: true });
  }
}
