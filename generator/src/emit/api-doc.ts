import type { Plan, PlannedModule } from '../plan/types.js';
import { render } from './templates.js';

/** `api.md`: every resource with its types and methods (signature and HTTP route), via `templates/api.md.hbs`. */
export function apiDoc(plan: Plan): string {
  const sections = plan.modules
    .filter((m) => m.resource || m.types.length > 0)
    .sort((a, b) => sectionKey(a).localeCompare(sectionKey(b)))
    .map((m) => ({
      title: m.resource ? m.resource.dottedPath.split('.').map(titleCase).join(' > ') : `Shared (${m.path})`,
      depth: m.resource ? '#'.repeat(Math.min(1 + m.resource.dottedPath.split('.').length, 6)) : '##',
      module: `src/resources/${m.path}.ts`,
      types: m.types.filter((t) => !t.hidden).map((t) => t.name),
      methods: (m.resource?.methods ?? []).map((mm) => ({
        call: `${mm.clientPath}.${mm.name}(${signature(mm)})`,
        route: `${mm.httpMethod.toUpperCase()} ${mm.pathParts.map((p, i) => (i % 2 ? `{${p}}` : p)).join('')}${mm.fixedQuery ? `?${mm.fixedQuery}` : ''}`,
      })),
    }));
  return render('api.md', { className: plan.client.className, sections });
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
