import { dirname, relative } from 'node:path/posix';
import { type ImportDeclarationStructure, StructureKind } from 'ts-morph';
import { compareStrings } from '../errors.js';

/** Where each runtime name the generated code uses is exported from (paths relative to `src/`). */
const RUNTIME: Record<string, { module: string; type?: boolean }> = {
  APIResource: { module: 'core/resource' },
  APIPromise: { module: 'core/api-promise' },
  PagePromise: { module: 'core/pagination' },
  Stream: { module: 'core/streaming' },
  Uploadable: { module: 'core/uploads', type: true },
  buildHeaders: { module: 'internal/headers' },
  RequestOptions: { module: 'internal/request-options', type: true },
  JSONLDecoder: { module: 'internal/decoders/jsonl' },
  path: { module: 'internal/utils/path' },
  multipartFormRequestOptions: { module: 'internal/uploads' },
  ErrorClass: { module: 'core/error' },
};

/** Relative import specifier from the file at `fromFile` to module `toModule` (both relative to `src/`). */
export function specifier(fromFile: string, toModule: string): string {
  const rel = relative(dirname(fromFile), toModule);
  return `${rel.startsWith('.') ? rel : `./${rel}`}.js`;
}

/**
 * Import declarations for the runtime names in `uses` (`page:<Scheme>` and `pageParams:<Type>` name
 * pagination classes and param interfaces), grouped per runtime module in a fixed order.
 */
export function runtimeImports(
  fromFile: string,
  uses: Set<string>,
  errorClass: string,
): ImportDeclarationStructure[] {
  const byModule = new Map<string, { name: string; type: boolean }[]>();
  const add = (module: string, name: string, type: boolean) => {
    const list = byModule.get(module) ?? byModule.set(module, []).get(module)!;
    if (!list.some((n) => n.name === name)) list.push({ name, type });
  };
  for (const use of [...uses].sort()) {
    if (use.startsWith('page:')) add('core/pagination', use.slice(5), false);
    else if (use.startsWith('pageParams:')) add('core/pagination', use.slice(11), true);
    else if (RUNTIME[use])
      add(RUNTIME[use]!.module, use === 'ErrorClass' ? errorClass : use, RUNTIME[use]!.type === true);
  }
  return [...byModule.keys()].sort().map((module) => {
    const names = byModule.get(module)!.sort((a, b) => compareStrings(a.name, b.name));
    const allTypes = names.every((n) => n.type);
    return {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: specifier(fromFile, module),
      isTypeOnly: allTypes,
      namedImports: names.map((n) => (n.type && !allTypes ? `type ${n.name}` : n.name)),
    };
  });
}
