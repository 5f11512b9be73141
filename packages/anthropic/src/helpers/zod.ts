import type { ZodType, infer as zodInfer } from 'zod';
import type { AutoParseableOutputFormat } from '../lib/parser.js';
import { parseWithZod, zodToStrictJSONSchema } from '../lib/zod-format.js';

/**
 * Builds a JSON-schema output format from a zod 4 schema. Passed as `output_config.format` to
 * `client.messages.parse()` or `.stream()`, the response's `parsed_output` is the validated, typed value.
 * (Passed to `.create()` it only constrains the output; nothing is parsed.)
 *
 * @example
 * ```ts
 * const message = await client.messages.parse({
 *   model: 'claude-sonnet-4-5',
 *   max_tokens: 1024,
 *   messages: [{ role: 'user', content: 'Extract: Jane, 34' }],
 *   output_config: { format: zodOutputFormat(z.object({ name: z.string(), age: z.number() })) },
 * });
 * message.parsed_output?.age; // number
 * ```
 */
export function zodOutputFormat<ZodInput extends ZodType>(
  zodObject: ZodInput,
): AutoParseableOutputFormat<zodInfer<ZodInput>> {
  return {
    type: 'json_schema',
    schema: zodToStrictJSONSchema(zodObject),
    parse: (content) => parseWithZod(zodObject, content),
  } as AutoParseableOutputFormat<zodInfer<ZodInput>>;
}
