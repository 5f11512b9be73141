/**
 * Tags objects built by SDK helpers (MCP converters, tool builders) so requests can report which
 * helpers were used in the `x-stainless-helper` header, as the API's SDK telemetry expects.
 */
import { buildHeaders, type HeadersLike } from '../internal/headers.js';
import type { BetaMessageParam, BetaToolUnion } from '../resources/beta/messages/messages.js';

/** Property key holding the name of the helper that created an object. */
export const SDK_HELPER_SYMBOL: unique symbol = Symbol('anthropic.sdk.stainlessHelper');

type Tagged = { [SDK_HELPER_SYMBOL]: string };

/**
 * True if `value` was created by an SDK helper.
 * @example
 * ```ts
 * wasCreatedByStainlessHelper(mcpTool(tool, client)); // true
 * ```
 */
export function wasCreatedByStainlessHelper(value: unknown): value is Tagged {
  return typeof value === 'object' && value !== null && SDK_HELPER_SYMBOL in value;
}

/**
 * The distinct helper names found on tools, messages and message content blocks.
 * @example
 * ```ts
 * collectStainlessHelpers(params.tools, params.messages); // ['mcpTool']
 * ```
 */
export function collectStainlessHelpers(
  tools: readonly unknown[] | undefined,
  messages: readonly BetaMessageParam[] | undefined,
): string[] {
  const found = new Set<string>();
  const visit = (value: unknown) => {
    if (wasCreatedByStainlessHelper(value)) found.add(value[SDK_HELPER_SYMBOL]);
  };
  tools?.forEach(visit);
  for (const message of messages ?? []) {
    visit(message);
    if (Array.isArray(message.content)) message.content.forEach(visit);
  }
  return [...found];
}

/**
 * The `x-stainless-helper` header for a request, or `{}` when no helper objects are involved.
 * @example
 * ```ts
 * stainlessHelperHeader(params.tools, params.messages); // { 'x-stainless-helper': 'mcpTool' }
 * ```
 */
export function stainlessHelperHeader(
  tools: readonly BetaToolUnion[] | readonly unknown[] | undefined,
  messages: readonly BetaMessageParam[] | undefined,
): { 'x-stainless-helper'?: string } {
  const names = collectStainlessHelpers(tools, messages);
  return names.length ? { 'x-stainless-helper': names.join(', ') } : {};
}

/**
 * The `x-stainless-helper` header for an upload whose file was made by a helper, or `{}`.
 * @example
 * ```ts
 * stainlessHelperHeaderFromFile(mcpResourceToFile(resource));
 * ```
 */
export function stainlessHelperHeaderFromFile(file: unknown): { 'x-stainless-helper'?: string } {
  return wasCreatedByStainlessHelper(file) ? { 'x-stainless-helper': file[SDK_HELPER_SYMBOL] } : {};
}

/**
 * Request options carrying the `x-stainless-helper` header for the helper-made tools and messages of `body`,
 * merged in front of the caller's headers so that an explicit caller header (or `null`) wins, as 0.74.0's
 * `messages.create` merges them. Returns `options` unchanged when no helper objects are involved.
 *
 * @example
 * ```ts
 * super.create(body, withStainlessHelperHeader(body, options));
 * ```
 */
export function withStainlessHelperHeader<Options extends { headers?: HeadersLike }>(
  body: { tools?: readonly unknown[] | null | undefined; messages?: readonly unknown[] | null | undefined },
  options: Options | undefined,
): Options | undefined {
  const header = stainlessHelperHeader(
    body.tools ?? undefined,
    body.messages as BetaMessageParam[] | undefined,
  );
  if (!header['x-stainless-helper']) return options;
  return { ...options, headers: buildHeaders([header, options?.headers]) } as Options;
}
