import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { SPEC_DIR } from './paths.js';

/** One schema definition found in a split schema file. */
export interface IndexEntry {
  name: string;
  /** Path relative to `spec/`, with forward slashes, e.g. `schemas/errors/errors.yaml`. */
  file: string;
}

export const BEGIN_MARKER = '# BEGIN schema index';
export const END_MARKER = '# END schema index';

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...yamlFiles(full));
    else if (name.endsWith('.yaml')) out.push(full);
  }
  return out;
}

/** Every top-level key of every `spec/schemas/**\/*.yaml`, in file then key order. Throws on duplicate names. */
export function collectSchemas(specDir = SPEC_DIR): IndexEntry[] {
  const seen = new Map<string, string>();
  const entries: IndexEntry[] = [];
  for (const full of yamlFiles(join(specDir, 'schemas'))) {
    const file = relative(specDir, full).split('\\').join('/');
    const doc = parse(readFileSync(full, 'utf8')) as Record<string, unknown> | null;
    for (const name of Object.keys(doc ?? {})) {
      const prior = seen.get(name);
      if (prior)
        throw new Error(`schema ${name} is defined in both ${prior} and ${file}; names must be unique`);
      seen.set(name, file);
      entries.push({ name, file });
    }
  }
  return entries;
}

/** Renders the lines that go between the index markers (4-space indent under `components.schemas`). */
export function renderIndex(entries: IndexEntry[]): string {
  return entries.map((e) => `    ${e.name}: { $ref: './${e.file}#/${e.name}' }`).join('\n');
}

/** Returns `rootText` with the marked block replaced by `body`. Throws when the markers are missing. */
export function replaceIndex(rootText: string, body: string): string {
  const start = rootText.indexOf(BEGIN_MARKER);
  const end = rootText.indexOf(END_MARKER);
  if (start < 0 || end < start)
    throw new Error(`openapi.yaml: markers "${BEGIN_MARKER}" / "${END_MARKER}" not found`);
  const headEnd = rootText.indexOf('\n', start) + 1;
  const tailStart = rootText.lastIndexOf('\n', end) + 1;
  return `${rootText.slice(0, headEnd)}${body ? `${body}\n` : ''}${rootText.slice(tailStart)}`;
}
