import { GeneratorError } from '../errors.js';

/**
 * The few structural checks the generator relies on (OpenAPI 3.1, section 4.8). Redocly's bundler has
 * already resolved references; a full lint is the spec's own job (`pnpm spec:lint`), so this stays cheap.
 */
export function validateStructure(doc: Record<string, any>): void {
  const version = doc.openapi;
  if (typeof version !== 'string' || !/^3\.[01]\./.test(version)) {
    throw new GeneratorError(
      'load',
      '#/openapi',
      `expected an OpenAPI 3.0 or 3.1 document, got ${JSON.stringify(version)}`,
    );
  }
  if (typeof doc.paths !== 'object' || doc.paths === null) {
    throw new GeneratorError('load', '#/paths', 'the document has no paths object');
  }
  if (typeof doc.info?.title !== 'string') {
    throw new GeneratorError('load', '#/info/title', 'info.title is required');
  }
}
