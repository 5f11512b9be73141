import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import { AnthropicError } from '../core/error.js';
import { formatSchemaIssues, validateJSONSchema } from '../lib/json-schema-validator.js';
import type { AutoParseableOutputFormat } from '../lib/parser.js';
import { transformJSONSchema } from '../lib/transform-json-schema.js';

type NoInfer<T> = T extends infer R ? R : never;

/** An object JSON Schema, written inline (`as const` is implied by the `const` type parameter). */
export type ObjectJSONSchema = Exclude<JSONSchema, boolean> & { type: 'object' };

/**
 * Builds a JSON-schema output format from a JSON Schema literal; `parsed_output` is typed from the schema
 * and validated against it (the original schema, before the strict-subset transform) at run time.
 * The schema is transformed to the API's strict subset unless `transform: false`; the input is not mutated.
 *
 * @example
 * ```ts
 * const format = jsonSchemaOutputFormat({
 *   type: 'object',
 *   properties: { answer: { type: 'number' } },
 *   required: ['answer'],
 * });
 * const message = await client.messages.parse({ ...params, output_config: { format } });
 * message.parsed_output?.answer; // number
 * ```
 */
export function jsonSchemaOutputFormat<const Schema extends ObjectJSONSchema>(
  jsonSchema: Schema,
  options?: { transform?: boolean },
): AutoParseableOutputFormat<NoInfer<FromSchema<Schema>>> {
  return buildJSONSchemaFormat(jsonSchema, options) as AutoParseableOutputFormat<NoInfer<FromSchema<Schema>>>;
}

/** The GA and beta builders differ only in the wording of their errors, which follows 0.74.0's. */
const WORDING = {
  ga: {
    notObject: 'JSON schema must be an object, but got',
    badJSON: (error: unknown) => (error instanceof Error ? error.message : String(error)),
  },
  beta: { notObject: 'JSON schema for tool must be an object, but got', badJSON: String },
} as const;

/** Shared by the GA and beta builders; `variant` picks 0.74.0's wording of each. */
export function buildJSONSchemaFormat(
  jsonSchema: ObjectJSONSchema,
  options?: { transform?: boolean },
  variant: keyof typeof WORDING = 'ga',
) {
  const wording = WORDING[variant];
  if (jsonSchema.type !== 'object') {
    throw new Error(`${wording.notObject} ${String(jsonSchema.type)}`);
  }
  const schema = options?.transform === false ? { ...jsonSchema } : transformJSONSchema(jsonSchema);
  return {
    type: 'json_schema' as const,
    schema,
    parse: (content: string) => {
      let value: unknown;
      try {
        value = JSON.parse(content);
      } catch (error) {
        throw new AnthropicError(`Failed to parse structured output: ${wording.badJSON(error)}`);
      }
      const issues = validateJSONSchema(jsonSchema as Record<string, unknown>, value);
      if (issues.length) {
        throw new AnthropicError(
          `Failed to parse structured output: output does not match the schema:\n${formatSchemaIssues(issues)}`,
        );
      }
      return value;
    },
  };
}
