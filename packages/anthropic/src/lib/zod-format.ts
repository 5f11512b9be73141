import * as z from 'zod';
import { AnthropicError } from '../core/error.js';
import { transformJSONSchema } from './transform-json-schema.js';

/** JSON Schema for a zod schema in the strict subset the API accepts (shared `$defs` kept as refs). */
export function zodToStrictJSONSchema(schema: z.ZodType): Record<string, unknown> {
  return transformJSONSchema(z.toJSONSchema(schema, { reused: 'ref' }) as Record<string, unknown>);
}

/**
 * One line per issue (`  - path: message`), at most `limit` lines plus a count of the rest, as 0.74.0's
 * `zodOutputFormat` lists them; `root` names the empty path (0.74.0 leaves it empty).
 */
export function formatZodIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  limit = 5,
  root = '',
): string {
  const lines = issues
    .slice(0, limit)
    .map((issue) => `  - ${issue.path.map(String).join('.') || root}: ${issue.message}`);
  if (issues.length > limit) lines.push(`  ... and ${issues.length - limit} more issue(s)`);
  return lines.join('\n');
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * `zodOutputFormat`'s `parse`: JSON, then validation, each failure an `AnthropicError` worded as 0.74.0's
 * (`Failed to parse structured output as JSON: ...`, `Failed to parse structured output: ...\nValidation issues:`).
 */
export function parseWithZod<T extends z.ZodType>(schema: T, content: string): z.infer<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    throw new AnthropicError(`Failed to parse structured output as JSON: ${messageOf(error)}`);
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    throw new AnthropicError(
      `Failed to parse structured output: ${result.error.message}\nValidation issues:\n${formatZodIssues(result.error.issues)}`,
    );
  }
  return result.data;
}

/**
 * `betaZodOutputFormat`'s `parse`, worded as 0.74.0's: a JSON `SyntaxError` propagates as is, and a validation
 * failure is an `AnthropicError` ending in ` cause: ` plus the issues array in its `String()` form.
 */
export function parseWithZodBeta<T extends z.ZodType>(schema: T, content: string): z.infer<T> {
  const result = schema.safeParse(JSON.parse(content));
  if (!result.success) {
    throw new AnthropicError(
      `Failed to parse structured output: ${result.error.message} cause: ${String(result.error.issues)}`,
    );
  }
  return result.data;
}
