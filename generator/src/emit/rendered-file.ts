/** One output file, relative to the output package root: what emit returns and write puts on disk. */
export interface RenderedFile {
  path: string;
  content: string;
}
