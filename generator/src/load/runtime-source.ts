import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Project } from 'ts-morph';

/** The runtime's source (`runtime/src` of this repository): written once, instantiated into every SDK. */
export const RUNTIME_SRC = fileURLToPath(new URL('../../../runtime/src/', import.meta.url));

let members: ReadonlySet<string> | undefined;

/**
 * Names of the members of the runtime's base client class (`core/base-client.ts`, any visibility), read from the
 * runtime itself: a generated resource property with one of these names would clash with it (TS2416).
 */
export function baseClientMembers(): ReadonlySet<string> {
  if (members) return members;
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
  const path = join(RUNTIME_SRC, 'core/base-client.ts');
  const cls = project
    .createSourceFile('/base-client.ts', readFileSync(path, 'utf8'))
    .getClassOrThrow('BaseClient');
  members = new Set([
    'constructor',
    ...cls
      .getMembers()
      .flatMap((m) => ('getName' in m && typeof m.getName === 'function' ? [m.getName()] : [])),
  ]);
  return members;
}
