import type { BaseAnthropic } from './base-client.js';

/**
 * Base of every generated resource class; holds the client the resource's methods call.
 *
 * @example
 * ```ts
 * class Models extends APIResource { retrieve(id: string) { return this._client.get(path`/v1/models/${id}`); } }
 * ```
 */
export abstract class APIResource {
  protected _client: BaseAnthropic;

  constructor(client: BaseAnthropic) {
    this._client = client;
  }
}
