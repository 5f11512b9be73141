import { propertyKey } from '../plan/names.js';
import type { PlannedMethod } from '../plan/types.js';
import { literal } from './type-printer.js';

/** Names the argument holding the params object, like Stainless: `body`, `query` or `params`. */
export function paramsArgName(m: PlannedMethod): string {
  const p = m.params;
  if (!p) return m.wholeBody ? 'body' : 'params';
  const onlyBody =
    p.body === 'props' && p.query.length === 0 && p.headers.length === 0 && p.pathMembers.length === 0;
  const onlyQuery =
    p.body === 'none' && p.query.length > 0 && p.headers.length === 0 && p.pathMembers.length === 0;
  return onlyBody ? 'body' : onlyQuery ? 'query' : 'params';
}

/** Path expression: a plain string, or a `path` template when there are path params. */
export function pathExpression(m: PlannedMethod): string {
  const q = m.fixedQuery ? `?${m.fixedQuery}` : '';
  if (m.pathParams.length === 0) return literal(`${m.pathParts.join('')}${q}`);
  const parts = m.pathParts.map((part, i) => {
    if (i % 2 === 0) return part.replace(/[`\\$]/g, '\\$&');
    const pp = m.pathParams.find((p) => p.wire === part)!;
    const member = m.params?.pathMembers.find((p) => p.wire === part);
    return `\${${pp.positional || !member ? pp.local : member.local}}`;
  });
  return `path\`${parts.join('')}${q}\``;
}

/** Destructuring of the params object into header/path/query locals and the remaining body or query. */
export function destructure(
  m: PlannedMethod,
  arg: string,
): { line?: string; rest?: 'body' | 'query'; queryNames: string[] } {
  const p = m.params;
  if (!p || arg !== 'params')
    return { queryNames: [], ...(arg === 'body' || arg === 'query' ? { rest: arg } : {}) };
  const members = [...p.pathMembers, ...p.headers];
  let rest: 'body' | 'query' | undefined;
  let queryNames: string[] = [];
  // The query can be the rest of the params object only when its members are named as on the wire.
  const restQuery = p.body === 'none' && p.query.every((q) => q.sdkName === q.wire);
  if (p.body === 'props' || (p.query.length > 0 && !restQuery)) {
    if (p.body === 'props') rest = 'body';
    queryNames = p.query.map((q) => (q.local === q.wire ? q.local : `${propertyKey(q.wire)}: ${q.local}`));
    members.push(...p.query);
  } else if (p.query.length > 0) rest = 'query';
  const names = members.map((e) => (e.local === e.sdkName ? e.local : `${literal(e.sdkName)}: ${e.local}`));
  if (rest) names.push(`...${rest}`);
  const source = p.required ? arg : `${arg} ?? {}`;
  return { line: `const { ${names.join(', ')} } = ${source};`, ...(rest ? { rest } : {}), queryNames };
}

/** The `headers: buildHeaders([...])` entry, or undefined when the method adds none. */
export function headersExpression(m: PlannedMethod, usesParams: boolean): string | undefined {
  const entries: string[] = [];
  const spreads: string[] = [];
  const handled = new Set<string>();
  for (const h of usesParams ? (m.params?.headers ?? []) : []) {
    const local = h.local;
    const defaults = m.headerDefaults[h.wire.toLowerCase()];
    handled.add(h.wire.toLowerCase());
    if (defaults)
      entries.push(
        `${literal(h.wire)}: [...(${local} ?? []), ${defaults.map(literal).join(', ')}].toString()`,
      );
    else
      spreads.push(
        `...(${local}?.toString() != null ? { ${literal(h.wire)}: ${local}?.toString() } : undefined)`,
      );
  }
  for (const [wire, values] of Object.entries(m.headerDefaults)) {
    if (!handled.has(wire)) entries.push(`${literal(wire)}: ${literal(values.join(','))}`);
  }
  if (m.accept) entries.push(`Accept: ${literal(m.accept)}`);
  else if (m.response.kind === 'empty') entries.push(`Accept: '*/*'`);
  if (entries.length === 0 && spreads.length === 0) return undefined;
  const obj = `{ ${[...entries, ...spreads].join(', ')} }`;
  const flat = `headers: buildHeaders([${obj}, options?.headers])`;
  if (flat.length <= 90) return flat;
  const members = [...entries, ...spreads];
  const objText = obj.length <= 86 ? obj : `{\n${members.map((e) => `    ${e},`).join('\n')}\n  }`;
  return `headers: buildHeaders([\n  ${objText},\n  options?.headers,\n])`;
}
