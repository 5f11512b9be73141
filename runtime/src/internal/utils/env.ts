/**
 * Reads an environment variable, trimmed; `undefined` when unset, when there is no environment (browsers,
 * Workers), or when reading it is not allowed (Deno without `--allow-env` throws `NotCapable`): a client
 * given its options explicitly then needs no permission at all. Deno is also read through `Deno.env`.
 */
export function readEnv(name: string): string | undefined {
  const g = globalThis as any;
  try {
    if (typeof g.process !== 'undefined') return g.process.env?.[name]?.trim() || undefined;
    if (typeof g.Deno !== 'undefined') return g.Deno.env?.get?.(name)?.trim() || undefined;
  } catch {
    // denied: treat as unset
  }
  return undefined;
}
