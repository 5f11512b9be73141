import type { RequestOptions } from '../internal/request-options.js';
import { Items } from '../resources/stores/items.js';

/** Golden overlay: adds a hand-written method on top of the generated `Items` resource. */
export class ItemsOverlay extends Items {
  /** Resolves to the first item of the first page, if any. */
  async first(storeID: string, options?: RequestOptions): Promise<string | undefined> {
    const page = await this.list(storeID, {}, options);
    return page.data[0]?.id;
  }
}
