/**
 * Reads an environment variable, trimmed; `undefined` when unset or when there is no environment
 * (browsers). Deno is supported through `Deno.env`.
 */
export function readEnv(name: string): string | undefined {
  const g = globalThis as any;
  if (typeof g.process !== 'undefined') return g.process.env?.[name]?.trim() || undefined;
  if (typeof g.Deno !== 'undefined') return g.Deno.env?.get?.(name)?.trim() || undefined;
  return undefined;
}
