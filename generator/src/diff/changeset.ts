import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Change, describeChange, maxBump } from './change.js';
import { count } from './report.js';

/** A changeset file, ready to write (`.changeset/<name>`). */
export interface ChangesetFile {
  name: string;
  content: string;
}

/**
 * Renders a changeset (the `@changesets/cli` format) for `packageName`: the strongest bump in the front matter,
 * one user-facing sentence, then one line per change. The file name derives from the content, so regenerating
 * twice from the same spec rewrites the same file instead of adding a second one. `undefined` when nothing changed.
 *
 * @example
 * ```ts
 * renderChangeset(changes, '@sdkgen/anthropic');
 * // { name: 'sdkgen-1a2b3c4d.md', content: '---\n"@sdkgen/anthropic": major\n---\n\n...' }
 * ```
 */
export function renderChangeset(changes: readonly Change[], packageName: string): ChangesetFile | undefined {
  const bump = maxBump(changes);
  if (!bump) return undefined;
  const tally = (['major', 'minor', 'patch'] as const)
    .map((b) => [b, changes.filter((c) => c.bump === b).length] as const)
    .filter(([, n]) => n > 0)
    .map(([b, n]) => `${n} ${b === 'major' ? 'breaking' : b === 'minor' ? 'additive' : 'documentation'}`);
  const sentence = `Regenerated from an API spec change (${tally.join(', ')}; ${count(changes.length, 'change')} in all).`;
  const body = changes.map((c) => `- ${describeChange(c)}`);
  const content = [
    '---',
    `${JSON.stringify(packageName)}: ${bump}`,
    '---',
    '',
    sentence,
    '',
    ...body,
    '',
  ].join('\n');
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 8);
  return { name: `sdkgen-${hash}.md`, content };
}

/**
 * Writes the changeset into `dir` (normally `<repo>/.changeset`) and returns its path, or `undefined` when there
 * was nothing to write.
 *
 * @example
 * ```ts
 * writeChangeset(changes, '@sdkgen/anthropic', '.changeset');
 * ```
 */
export function writeChangeset(
  changes: readonly Change[],
  packageName: string,
  dir: string,
): string | undefined {
  const file = renderChangeset(changes, packageName);
  if (!file) return undefined;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, file.name);
  writeFileSync(path, file.content);
  return path;
}
