import { printStructure, type SourceFileStructure, StructureKind } from 'ts-morph';
import { splitTopLevel } from './split-top-level.js';

/**
 * Prints a source file structure once, with the generated-file header as its first line. ts-morph's structure
 * printer writes the text directly (two-space indent, single quotes): no source file is created, so nothing is
 * parsed (parsing the printed text was 2 s of GitHub's spec).
 */
export function printSource(
  _path: string,
  header: string,
  structure: Omit<SourceFileStructure, 'kind'>,
): string {
  const text = printStructure(
    { ...structure, kind: StructureKind.SourceFile },
    { indentNumberOfSpaces: 2, useSingleQuote: true, newLine: '\n' },
  );
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
