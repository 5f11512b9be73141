/**
 * `@sdkgen/anthropic/resources/beta/files`: the generated module, with `Files` being the class that
 * `client.beta.files` is (whose `upload()` sends the `x-stainless-helper` header of a helper-made file).
 * Explicit exports precede `export *` for the CommonJS build's sake.
 */
import { Anthropic } from '../../../client.js';

/**
 * The beta files resource, `client.beta.files`; its namespace holds the resource's types
 * (`Files.FileMetadata`).
 *
 * @example
 * ```ts
 * import { Files } from '@sdkgen/anthropic/resources/beta/files';
 * const file = await new Files(client).upload({ file: await toFile(bytes, 'notes.txt') });
 * ```
 */
export import Files = Anthropic.Beta.Files;
export * from '../../../resources/beta/files.js';
