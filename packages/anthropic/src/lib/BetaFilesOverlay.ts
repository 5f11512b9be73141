import type { APIPromise } from '../core/api-promise.js';
import { buildHeaders } from '../internal/headers.js';
import type { RequestOptions } from '../internal/request-options.js';
import { type FileMetadata, Files, type FileUploadParams } from '../resources/beta/files.js';
import { stainlessHelperHeaderFromFile } from './stainless-helper-header.js';

/**
 * The beta files resource, whose `upload()` reports a file made by an SDK helper (`mcpResourceToFile`) in the
 * `x-stainless-helper` header, as 0.74.0's does. The generated client instantiates this class as `client.beta.files`.
 *
 * @example
 * ```ts
 * await client.beta.files.upload({ file: mcpResourceToFile(await mcpClient.readResource({ uri })) });
 * ```
 */
export class BetaFilesOverlay extends Files {
  /**
   * Uploads a file, as the generated method does, adding `x-stainless-helper` when the file was made by an SDK
   * helper. A header the caller sets in `options.headers` wins.
   *
   * @example
   * ```ts
   * const fileMetadata = await client.beta.files.upload({ file: await toFile(Buffer.from('hi'), 'hi.txt') });
   * ```
   */
  override upload(params: FileUploadParams, options?: RequestOptions): APIPromise<FileMetadata> {
    const header = stainlessHelperHeaderFromFile(params.file);
    if (!header['x-stainless-helper']) return super.upload(params, options);
    return super.upload(params, { ...options, headers: buildHeaders([header, options?.headers]) });
  }
}
