import type { BaseClient } from './base-client.js';

/**
 * Base of every generated resource class; holds the client the resource's methods call.
 *
 * @example
 * ```ts
 * class Models extends APIResource { retrieve(id: string) { return this._client.get(path`/v1/models/${id}`); } }
 * ```
 */
export abstract class APIResource {
  protected _client: BaseClient;

  constructor(client: BaseClient) {
    this._client = client;
  }
}
