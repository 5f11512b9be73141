import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compareStrings } from '../src/errors.js';

/** One spec of the corpus: its APIs.guru id (`provider` or `provider/service`) and its file. */
export interface CorpusSpec {
  id: string;
  provider: string;
  file: string;
}

/** Every spec file of the directory, by provider, in code-unit order. */
function byProvider(apiDir: string): Map<string, CorpusSpec[]> {
  const out = new Map<string, CorpusSpec[]>();
  for (const entry of readdirSync(apiDir).sort(compareStrings)) {
    const path = join(apiDir, entry);
    if (statSync(path).isDirectory()) {
      const files = readdirSync(path)
        .filter((f) => f.endsWith('.json'))
        .sort(compareStrings);
      out.set(
        entry,
        files.map((f) => ({ id: `${entry}/${f.slice(0, -5)}`, provider: entry, file: join(path, f) })),
      );
    } else if (entry.endsWith('.json')) {
      const provider = entry.slice(0, -5);
      out.set(provider, [{ id: provider, provider, file: path }]);
    }
  }
  return out;
}

/**
 * The corpus: every provider, at most `cap` specs each, taken evenly spaced from its sorted list (so a provider
 * with 600 services is sampled across its range, not from its first letters). Deterministic: no randomness.
 */
export function selectSpecs(apiDir: string, cap: number): CorpusSpec[] {
  const out: CorpusSpec[] = [];
  for (const specs of byProvider(apiDir).values()) {
    const n = Math.min(cap, specs.length);
    for (let i = 0; i < n; i++) out.push(specs[Math.floor((i * specs.length) / n)]!);
  }
  return out;
}

/** A file-system-safe name for a spec id. */
export function slug(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]+/g, '_');
}
