import type { ResolvedConfig } from '../config/index.js';
import type { IROperation } from '../ir/types.js';

/**
 * An operation's header params as the SDK exposes them: a header the client always sends
 * (`client.defaultHeaders`) is no method param, and a `headerParams` entry gives a header its SDK name
 * (`anthropic-beta` -> `betas`). Returns a copy when anything changes.
 */
export function sdkHeaders(op: IROperation, config: ResolvedConfig): IROperation {
  const names = new Map<string, string>();
  for (const [sdkName, hp] of Object.entries(config.headerParams))
    names.set(hp.header.toLowerCase(), sdkName);
  const hidden = new Set(Object.keys(config.client.defaultHeaders).map((h) => h.toLowerCase()));
  const header = op.params.header
    .filter((p) => !hidden.has(p.name.toLowerCase()))
    .map((p) => {
      const sdkName = names.get(p.name.toLowerCase());
      return sdkName ? { ...p, sdkName } : p;
    });
  const same = header.length === op.params.header.length && header.every((p, i) => p === op.params.header[i]);
  return same ? op : { ...op, params: { ...op.params, header } };
}
