import type { ZodType, infer as zodInfer } from 'zod';
import * as z from 'zod';
import type { AutoParseableBetaOutputFormat } from '../../lib/beta-parser.js';
import type { BetaRunnableTool, Promisable } from '../../lib/tools/BetaRunnableTool.js';
import { ToolError } from '../../lib/tools/ToolError.js';
import { formatZodIssues, parseWithZodBeta, zodToStrictJSONSchema } from '../../lib/zod-format.js';
import type { BetaToolResultContentBlockParam } from '../../resources/beta/messages/messages.js';

/**
 * Beta variant of `zodOutputFormat`, for `client.beta.messages.parse()`/`.stream()`.
 *
 * @example
 * ```ts
 * const format = betaZodOutputFormat(z.object({ answer: z.number() }));
 * const message = await client.beta.messages.parse({ ...params, output_config: { format } });
 * ```
 */
export function betaZodOutputFormat<ZodInput extends ZodType>(
  zodObject: ZodInput,
): AutoParseableBetaOutputFormat<zodInfer<ZodInput>> {
  return {
    type: 'json_schema',
    schema: zodToStrictJSONSchema(zodObject),
    parse: (content) => parseWithZodBeta(zodObject, content),
  } as AutoParseableBetaOutputFormat<zodInfer<ZodInput>>;
}

/**
 * Defines a runnable tool from a zod 4 object schema: the API receives `z.toJSONSchema(inputSchema)`,
 * and the model's input is validated with the schema before `run` sees it. Invalid input becomes an
 * `is_error` tool result listing the offending fields, so the model can correct itself.
 *
 * @example
 * ```ts
 * const weather = betaZodTool({
 *   name: 'get_weather',
 *   description: 'Current weather for a city',
 *   inputSchema: z.object({ city: z.string(), unit: z.enum(['c', 'f']).optional() }),
 *   run: async ({ city, unit }) => `It is 21°${unit ?? 'c'} in ${city}`,
 * });
 * ```
 */
export function betaZodTool<InputSchema extends ZodType>(options: {
  name: string;
  inputSchema: InputSchema;
  description: string;
  run: (args: zodInfer<InputSchema>) => Promisable<string | Array<BetaToolResultContentBlockParam>>;
}): BetaRunnableTool<zodInfer<InputSchema>> {
  const jsonSchema = z.toJSONSchema(options.inputSchema, { reused: 'ref' });
  if (jsonSchema.type !== 'object') {
    throw new Error(
      `Zod schema for tool "${options.name}" must be an object, but got ${String(jsonSchema.type)}`,
    );
  }
  return {
    type: 'custom',
    name: options.name,
    // Sent as z.toJSONSchema returns it, `$schema` included, like 0.74.0.
    input_schema: jsonSchema as typeof jsonSchema & { type: 'object' },
    description: options.description,
    run: options.run,
    parse: (input: unknown) => {
      const result = options.inputSchema.safeParse(input);
      if (!result.success) {
        throw new ToolError(
          `Invalid input for tool '${options.name}':\n${formatZodIssues(result.error.issues, 10, '(root)')}`,
        );
      }
      return result.data;
    },
  };
}
