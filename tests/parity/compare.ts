/**
 * Compares a reference package's public surface with ours: the subpaths come from the reference's `exports` map
 * (wildcards expanded to the declaration files shipped under them), and each difference is one readable line that
 * an allowlist entry can match.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { RuntimeSurface } from './runtime.js';
import type { ExportShape, Surface } from './surface.js';

/** Lists `*.d.ts` files under `dir`, as paths relative to it without the extension. */
function declarationFiles(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : declarationFiles(full, base);
    return name.endsWith('.d.ts') ? [relative(base, full).slice(0, -'.d.ts'.length)] : [];
  });
}

/**
 * Every public subpath of the package installed at `pkgDir`: exact keys as written (`client`, `client.js`,
 * `client.mjs`), and for a pattern such as `./resources/*.mjs` one subpath per declaration file under its folder.
 */
export function publicSubpaths(pkgDir: string): string[] {
  const exportsMap = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).exports ?? {};
  const out = new Set<string>();
  for (const key of Object.keys(exportsMap)) {
    if (key === './package.json') continue;
    const sub = key === '.' ? '' : key.slice(2);
    const star = sub.indexOf('*');
    if (star < 0) {
      out.add(sub);
      continue;
    }
    const [prefix, suffix] = [sub.slice(0, star), sub.slice(star + 1)];
    for (const file of declarationFiles(join(pkgDir, prefix))) out.add(`${prefix}${file}${suffix}`);
  }
  return [...out].sort();
}

const missing = (ours: string[], ref: string[]) => {
  const have = new Set(ours);
  return ref.filter((n) => !have.has(n));
};

/** Differences of one export: meanings, properties and optionality, statics, namespace members. */
function compareExport(where: string, ref: ExportShape, ours: ExportShape): string[] {
  const out: string[] = [];
  if (ref.value && !ours.value) out.push(`${where}: is a value in the reference, type-only here`);
  if (ref.type && !ours.type) out.push(`${where}: is a type in the reference, value-only here`);
  const oursProps = new Set(ours.props);
  for (const p of ref.props) {
    const name = p.replace(/\?$/, '');
    if (oursProps.has(p)) continue;
    if (p.endsWith('?') && oursProps.has(name))
      out.push(`${where}: property ${name} is required here, optional in the reference`);
    else if (!p.endsWith('?') && oursProps.has(`${name}?`))
      out.push(`${where}: property ${name} is optional here, required in the reference`);
    else out.push(`${where}: missing property ${name}`);
  }
  const refNames = new Set(ref.props.map((p) => p.replace(/\?$/, '')));
  const extrasMatter = !ref.isClass && !ours.isClass;
  for (const p of ours.props)
    if (extrasMatter && !p.endsWith('?') && !refNames.has(p))
      out.push(`${where}: extra required property ${p}`);
  for (const s of missing(ours.statics, ref.statics))
    out.push(`${where}: missing static ${s.replace(/\?$/, '')}`);
  for (const m of missing(ours.members, ref.members)) out.push(`${where}: missing namespace member ${m}`);
  return out;
}

/** Declared-surface differences, each line prefixed with `label` (package and condition). */
export function compareSurfaces(label: string, ref: Surface, ours: Surface): string[] {
  const out: string[] = [];
  for (const [sub, refModule] of Object.entries(ref)) {
    const at = `${label} '${sub || '.'}'`;
    const ourModule = ours[sub];
    if ('error' in refModule) continue;
    if (!ourModule || 'error' in ourModule) {
      out.push(`${at}: does not resolve${ourModule && 'error' in ourModule ? ` (${ourModule.error})` : ''}`);
      continue;
    }
    for (const [name, shape] of Object.entries(refModule.exports)) {
      const mine = ourModule.exports[name];
      if (!mine) out.push(`${at}: missing export ${name}`);
      else out.push(...compareExport(`${at} ${name}`, shape, mine));
    }
  }
  return out;
}

/** Runtime differences: subpaths that load in the reference but not here, and missing export keys. */
export function compareRuntime(label: string, ref: RuntimeSurface, ours: RuntimeSurface): string[] {
  const out: string[] = [];
  for (const [sub, refModule] of Object.entries(ref)) {
    if ('error' in refModule) continue;
    const at = `${label} '${sub || '.'}'`;
    const mine = ours[sub];
    if (!mine || 'error' in mine)
      out.push(`${at}: does not load${mine && 'error' in mine ? ` (${mine.error})` : ''}`);
    else for (const k of missing(mine.keys, refModule.keys)) out.push(`${at}: missing runtime export ${k}`);
  }
  return out;
}

/** One allowlisted difference: `match` is the line, where `*` stands for any run of characters. */
export interface AllowedDifference {
  match: string;
  reason: string;
  /** Someone is fixing it: the entry may stop matching without being reported as stale. */
  pending?: boolean;
}

/** `match` as a regular expression: `*` is any run of characters, everything else literal. */
export function globPattern(match: string): RegExp {
  const parts = match.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`);
}

/** Splits differences into allowed and unexpected ones, and lists (non-pending) entries that matched nothing. */
export function applyAllowlist(diffs: string[], allowed: AllowedDifference[]) {
  const used = new Set<AllowedDifference>();
  const patterns = new Map(allowed.map((a) => [a, globPattern(a.match)]));
  const matches = (a: AllowedDifference, d: string) => patterns.get(a)?.test(d) ?? false;
  const unexpected = diffs.filter((d) => {
    const hit = allowed.find((a) => matches(a, d));
    if (hit) used.add(hit);
    return !hit;
  });
  return { unexpected, unused: allowed.filter((a) => !used.has(a) && !a.pending) };
}
