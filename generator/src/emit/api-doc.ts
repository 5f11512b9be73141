import { compareStrings } from '../errors.js';
import type { Plan, PlannedModule } from '../plan/types.js';
import { render } from './templates.js';

/** `api.md`: every resource with its types and methods (signature and HTTP route), via `templates/api.md.hbs`. */
export function apiDoc(plan: Plan): string {
  const sections = plan.modules
    .filter((m) => m.resource || m.types.length > 0)
    .sort((a, b) => compareStrings(sectionKey(a), sectionKey(b)))
    .map((m) => ({
      title: m.resource ? m.resource.dottedPath.split('.').map(titleCase).join(' > ') : `Shared (${m.path})`,
      depth: m.resource ? '#'.repeat(Math.min(1 + m.resource.dottedPath.split('.').length, 6)) : '##',
      module: `src/resources/${m.path}.ts`,
      types: m.types.map((t) => t.name),
      methods: (m.resource?.methods ?? []).map((mm) => ({
        call: `${mm.clientPath}.${mm.name}(${signature(mm)}) -> ${returns(plan, mm)}`,
        route: `${mm.httpMethod.toUpperCase()} ${mm.pathParts.map((p, i) => (i % 2 ? `{${p}}` : p)).join('')}${mm.fixedQuery ? `?${mm.fixedQuery}` : ''}`,
      })),
    }));
  return render('api.md', { className: plan.client.className, sections });
}

type Method = NonNullable<PlannedModule['resource']>['methods'][number];

/** What a method resolves to, by type name (`MessageBatchesPage`, `Stream<RawMessageStreamEvent>`, ...). */
function returns(plan: Plan, m: Method): string {
  const name = (t: Method['response']['type']) =>
    t?.kind === 'ref' ? (plan.typeHomes[t.name]?.name ?? 'unknown') : 'unknown';
  if (m.page) return m.page.alias;
  switch (m.response.kind) {
    case 'binary':
      return 'Response';
    case 'empty':
      return 'void';
    case 'jsonl':
      return `JSONLDecoder<${name(m.response.type)}>`;
    case 'sse':
      return `Stream<${name(m.response.eventType)}>`;
    case 'json+sse':
      return m.streaming
        ? `${name(m.response.type)} | Stream<${name(m.response.eventType)}>`
        : name(m.response.type);
    default:
      return m.response.type ? name(m.response.type) : 'unknown';
  }
}

function sectionKey(m: PlannedModule): string {
  return m.resource ? `1 ${m.resource.dottedPath}` : `0 ${m.path}`;
}

function titleCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function signature(
  m: PlannedModule['resource'] extends infer R ? (R extends { methods: (infer M)[] } ? M : never) : never,
): string {
  const parts = m.pathParams.filter((p) => p.positional).map((p) => p.local);
  if (m.wholeBody) parts.push('body');
  else if (m.params) parts.push(m.params.required ? 'params' : 'params?');
  return parts.join(', ');
}
