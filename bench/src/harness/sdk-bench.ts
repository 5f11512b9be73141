import type { Emit } from './bench.js';
import { loadSdk, packageVersion, type SdkClient } from './subjects.js';

/**
 * Shared start of every SDK bench worker: loads the subject's client factory and reports its version, or
 * reports "unavailable" (and returns null) when the package cannot be imported yet. `lean` needs no client.
 */
export async function clientFactory(
  subject: string,
  emit: Emit,
): Promise<((base: string) => SdkClient) | 'lean' | null> {
  if (subject === 'lean') return 'lean';
  try {
    const make = await loadSdk(subject);
    const version = packageVersion(subject);
    if (version) emit({ version });
    return make;
  } catch (err) {
    emit({ unavailable: (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200) });
    return null;
  }
}

/** Throws when a run saw a different count than the server sent: a broken decoder must not look fast. */
export function expectCount(what: string, got: number, want: number | undefined): void {
  if (want !== undefined && got !== want) throw new Error(`${what}: got ${got}, expected ${want}`);
}
