/**
 * The vocabulary of `sdkgen diff`: one `Change` per difference an SDK user could notice, each with the semver bump
 * it forces on the generated package.
 */

/** A semver bump, weakest first in `BUMPS`. */
export type Bump = 'patch' | 'minor' | 'major';

/** Bumps from weakest to strongest; the index is the rank. */
export const BUMPS: readonly Bump[] = ['patch', 'minor', 'major'];

/** What happened to the subject of a change. */
export type ChangeKind =
  | 'added'
  | 'removed'
  | 'renamed'
  | 'narrowed'
  | 'widened'
  | 'changed'
  | 'made required'
  | 'made optional'
  | 'deprecated'
  | 'docs';

/** One classified difference between two specs. */
export interface Change {
  bump: Bump;
  kind: ChangeKind;
  /** What changed, as a user of the SDK names it: "property `Message.stop_reason`", "operation `get /v1/models`". */
  subject: string;
  /** Extra words, e.g. "type `string` -> `'a' | 'b'`"; may be empty. */
  detail: string;
  /** JSON pointer (into the new spec, or the old one for removals) of the node that changed. */
  pointer: string;
}

/**
 * The strongest bump among `changes`, or `undefined` when there are none.
 *
 * @example
 * ```ts
 * maxBump([{ bump: 'minor', ... }, { bump: 'patch', ... }]); // 'minor'
 * ```
 */
export function maxBump(changes: readonly Pick<Change, 'bump'>[]): Bump | undefined {
  let best = -1;
  for (const c of changes) best = Math.max(best, BUMPS.indexOf(c.bump));
  return best < 0 ? undefined : BUMPS[best];
}

/**
 * One line describing a change: "removed property `Message.id`", "`Message.stop_reason` widened: 'a' -> 'a' | 'b'",
 * "property `Message.id`: description edited".
 */
export function describeChange(change: Change): string {
  const { kind, subject, detail } = change;
  if (kind === 'added' || kind === 'removed') return `${kind} ${subject}${detail ? ` (${detail})` : ''}`;
  if (kind === 'docs') return `${subject}: ${detail || 'docs edited'}`;
  return `${subject} ${kind}${detail ? `: ${detail}` : ''}`;
}
