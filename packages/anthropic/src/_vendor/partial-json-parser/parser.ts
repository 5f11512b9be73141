/**
 * The deep import path `@anthropic-ai/sdk/_vendor/partial-json-parser/parser` of 0.74.0, kept for code
 * that imports `partialParse` from it. Not vendored code: it runs on this package's own incremental
 * parser and returns what 0.74.0's `partialParse` returns for every prefix of a JSON document.
 */
import { partialParse as parse } from '../../lib/partial-json/incremental-parser.js';

/**
 * Parses a possibly truncated JSON document (e.g. tool input streamed so far) into its best-effort value.
 * Unfinished strings, keys and literals are left out, as are numbers ending in `-` or `.`; in the
 * innermost open array only the first element and the values up to the last container or literal show.
 *
 * @example
 * ```ts
 * import { partialParse } from '@sdkgen/anthropic/_vendor/partial-json-parser/parser';
 * partialParse('{"city": "Paris", "unit": "cel'); // { city: 'Paris' }
 * ```
 * @throws SyntaxError when nothing can be shown yet (`''`, `"ab`, `tr`) or `text` is not JSON.
 */
export const partialParse = (input: string): unknown => parse(input);
