import { describeValue, GeneratorError } from '../errors.js';
import { checkVersion } from './root.js';

/**
 * The few structural checks the generator relies on (OpenAPI 3.1, section 4.8). Redocly's bundler has
 * already resolved references; a full lint is the spec's own job (`pnpm spec:lint`), so this stays cheap.
 */
export function validateStructure(doc: Record<string, any>): void {
  checkVersion(doc);
  if (doc.paths === undefined)
    throw new GeneratorError('load', '#/paths', 'the document has no paths object');
  if (typeof doc.paths !== 'object' || doc.paths === null || Array.isArray(doc.paths)) {
    throw new GeneratorError('load', '#/paths', `paths must be an object, got ${describeValue(doc.paths)}`);
  }
  if (typeof doc.info?.title !== 'string') {
    throw new GeneratorError('load', '#/info/title', 'info.title is required');
  }
}
