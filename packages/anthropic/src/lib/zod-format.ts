import * as z from 'zod';
import { transformJSONSchema } from './transform-json-schema.js';

/** JSON Schema for a zod schema in the strict subset the API accepts (shared `$defs` kept as refs). */
export function zodToStrictJSONSchema(schema: z.ZodType): Record<string, unknown> {
  return transformJSONSchema(z.toJSONSchema(schema, { reused: 'ref' }) as Record<string, unknown>);
}

/** One line per issue (`path: message`), at most `limit` lines plus a count of the rest. */
export function formatZodIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  limit = 5,
): string {
  const lines = issues
    .slice(0, limit)
    .map((issue) => `  - ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  if (issues.length > limit) lines.push(`  ... and ${issues.length - limit} more issue(s)`);
  return lines.join('\n');
}

/**
 * Parses `content` as JSON and validates it with `schema`; errors say which step failed and list the
 * offending paths.
 */
export function parseWithZod<T extends z.ZodType>(schema: T, content: string): z.infer<T> {
  const parsed: unknown = JSON.parse(content);
  const result = schema.safeParse(parsed);
  if (!result.success) {
    throw new Error(`output does not match the schema:\n${formatZodIssues(result.error.issues)}`);
  }
  return result.data;
}
