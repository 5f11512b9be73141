import { IndentationText, Project, QuoteKind, type SourceFileStructure, StructureKind } from 'ts-morph';
import { splitTopLevel } from './split-top-level.js';

let project: Project | undefined;

function getProject(): Project {
  project ??= new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Single,
      useTrailingCommas: true,
    },
  });
  return project;
}

/**
 * Prints a source file structure once, with the generated-file header as its first line. The in-memory
 * project never type-checks; it only serves ts-morph's structure printer.
 */
export function printSource(
  path: string,
  header: string,
  structure: Omit<SourceFileStructure, 'kind'>,
): string {
  const file = getProject().createSourceFile(
    `/${path}`,
    { ...structure, kind: StructureKind.SourceFile },
    { overwrite: true },
  );
  const text = file.getFullText();
  getProject().removeSourceFile(file);
  const tidy = text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\s*$/, '\n');
  return `${header}\n${tidy.split('\n').map(wrapImport).map(wrapSignature).join('\n')}`;
}

/**
 * ts-morph prints a method's parameters on one line; long signatures get one parameter per line.
 * Matches only class-member signatures (`  name(...): T {` or an overload ending in `;`).
 */
function wrapSignature(line: string): string {
  const m = /^( {2,})((?:async |override |get )?[\w$#]+)\((.*)\)(: .+?)( \{|;)$/.exec(line);
  if (!m || line.length <= 110) return line;
  const [, indent, head, params, ret, end] = m as unknown as string[];
  const parts = splitTopLevel(params!, ',');
  if (parts.length < 2) return line;
  const inner = parts.map((p) => `${indent}  ${p.trim()},`).join('\n');
  return `${indent}${head}(\n${inner}\n${indent})${ret}${end}`;
}

/** ts-morph prints named imports on one line; long ones get one name per line. */
function wrapImport(line: string): string {
  const m = /^import (type )?\{ (.+) \} from ('[^']+');$/.exec(line);
  if (!m || line.length <= 110) return line;
  const names = m[2]!.split(', ');
  return `import ${m[1] ?? ''}{\n${names.map((n) => `  ${n},`).join('\n')}\n} from ${m[3]};`;
}
