import { BUMPS, type Bump, type Change, describeChange, maxBump } from './change.js';

const MARK: Record<Bump, string> = { major: '!', minor: '+', patch: '~' };
const MEANING: Record<Bump, string> = {
  major: 'breaking (major)',
  minor: 'additive (minor)',
  patch: 'documentation and constraints (patch)',
};

/**
 * The human report of `sdkgen diff`: a verdict line, then the changes grouped by bump, strongest first, each with
 * the JSON pointer of the node so it can be found in the spec.
 *
 * @example
 * ```ts
 * console.log(formatReport(changes, { from: 'old/openapi.yaml', to: 'spec/openapi.yaml' }));
 * ```
 */
export function formatReport(changes: readonly Change[], specs: { from: string; to: string }): string {
  const lines = [`sdkgen diff: ${specs.from} -> ${specs.to}`];
  const bump = maxBump(changes);
  if (!bump)
    return [...lines, 'no API change: the generated SDK would be identical apart from file headers.'].join(
      '\n',
    );
  lines.push(`${count(changes.length, 'change')}; the SDK needs a ${bump} release.`);
  for (const level of [...BUMPS].reverse()) {
    const group = changes.filter((c) => c.bump === level);
    if (group.length === 0) continue;
    lines.push('', `${MEANING[level]}: ${group.length}`);
    for (const c of group) lines.push(`  ${MARK[level]} ${describeChange(c)}  (${c.pointer})`);
  }
  return lines.join('\n');
}

/** "1 change", "3 changes". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
