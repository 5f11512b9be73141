import { IndentationText, Project, QuoteKind, type SourceFileStructure, StructureKind } from 'ts-morph';

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
 * project never type-checks; it only serves ts-morph's structure printer. Line breaking is the formatter's
 * (`format.ts`), which runs over every emitted file.
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
  return `${header}\n${tidy}`;
}
