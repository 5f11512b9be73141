import { printStructure, type SourceFileStructure, StructureKind } from 'ts-morph';

/**
 * Prints a source file structure once, with the generated-file header as its first line. ts-morph's structure
 * printer writes the text directly (two-space indent, single quotes): no source file is created, so nothing is
 * parsed (parsing the printed text was 2 s of GitHub's spec). Line breaking is the formatter's (`format.ts`),
 * which runs over every emitted file.
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
  return `${header}\n${tidy}`;
}
