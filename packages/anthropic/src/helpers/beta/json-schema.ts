import type { FromSchema } from 'json-schema-to-ts';
import type { AutoParseableBetaOutputFormat } from '../../lib/beta-parser.js';
import { formatSchemaIssues, validateJSONSchema } from '../../lib/json-schema-validator.js';
import type { BetaRunnableTool, Promisable } from '../../lib/tools/BetaRunnableTool.js';
import { ToolError } from '../../lib/tools/ToolError.js';
import type { BetaToolResultContentBlockParam } from '../../resources/beta/messages/messages.js';
import { buildJSONSchemaFormat, type ObjectJSONSchema } from '../json-schema.js';

type NoInfer<T> = T extends infer R ? R : never;

/**
 * Defines a runnable tool from a JSON Schema literal. `run`'s argument is typed from the schema, and the
 * model's input is validated against it at run time; invalid input becomes an `is_error` tool result
 * naming each bad field (e.g. `/days: expected integer, got string`) instead of reaching `run`.
 *
 * @example
 * ```ts
 * const weather = betaTool({
 *   name: 'get_weather',
 *   description: 'Current weather for a city',
 *   inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
 *   run: ({ city }) => `Sunny in ${city}`,
 * });
 * ```
 */
export function betaTool<const Schema extends ObjectJSONSchema>(options: {
  name: string;
  inputSchema: Schema;
  description: string;
  run: (args: NoInfer<FromSchema<Schema>>) => Promisable<string | Array<BetaToolResultContentBlockParam>>;
}): BetaRunnableTool<NoInfer<FromSchema<Schema>>> {
  if (options.inputSchema.type !== 'object') {
    throw new Error(
      `JSON schema for tool "${options.name}" must be an object, but got ${String(options.inputSchema.type)}`,
    );
  }
  const schema = options.inputSchema as Record<string, unknown>;
  return {
    type: 'custom',
    name: options.name,
    input_schema: options.inputSchema,
    description: options.description,
    run: options.run,
    parse: (input: unknown) => {
      const issues = validateJSONSchema(schema, input);
      if (issues.length)
        throw new ToolError(`Invalid input for tool '${options.name}':\n${formatSchemaIssues(issues)}`);
      return input as FromSchema<Schema>;
    },
  } as unknown as BetaRunnableTool<NoInfer<FromSchema<Schema>>>;
}

/**
 * Beta variant of `jsonSchemaOutputFormat`.
 *
 * @example
 * ```ts
 * const format = betaJSONSchemaOutputFormat({ type: 'object', properties: { ok: { type: 'boolean' } } });
 * ```
 */
export function betaJSONSchemaOutputFormat<const Schema extends ObjectJSONSchema>(
  jsonSchema: Schema,
  options?: { transform?: boolean },
): AutoParseableBetaOutputFormat<NoInfer<FromSchema<Schema>>> {
  return buildJSONSchemaFormat(jsonSchema, options, 'beta') as AutoParseableBetaOutputFormat<
    NoInfer<FromSchema<Schema>>
  >;
}
