import type { IR, IROperation, IRParameter, IRSchema } from '../ir/types.js';
import type { BoundResource } from '../plan/types.js';
import { BUMPS, type Change } from './change.js';
import { type CompareContext, compareDocs, compareType, type Direction } from './compare-types.js';
import type { DiffModel } from './load-ir.js';
import { shapeKey } from './type-shape.js';
import { schemaUsage } from './usage.js';

const INPUT: ReadonlySet<Direction> = new Set(['input']);
const OUTPUT: ReadonlySet<Direction> = new Set(['output']);

/**
 * Every difference between two versions of an API, classified by the semver bump it forces on the generated SDK:
 * additions are minor, removals/renames/narrowing/new requirements are major, documentation is a patch.
 * Sorted strongest first, then by subject.
 *
 * @example
 * ```ts
 * const changes = compareIR(await loadIR('old/openapi.yaml'), await loadIR('spec/openapi.yaml'));
 * ```
 */
export function compareIR(before: DiffModel, after: DiffModel): Change[] {
  const out: Change[] = [];
  const renames = detectSchemaRenames(before.schemas, after.schemas, out);
  compareSchemas(before, after, renames, out);
  compareOperations(before, after, renames, out);
  compareResources(before.resources, after.resources, out);
  return dedupe(out).sort(
    (x, y) =>
      BUMPS.indexOf(y.bump) - BUMPS.indexOf(x.bump) ||
      (x.subject < y.subject ? -1 : x.subject > y.subject ? 1 : 0),
  );
}

/** Keeps the first of several reports of one change at one node (docs sit on a property and on its type). */
function dedupe(changes: Change[]): Change[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = `${c.kind}|${c.pointer}|${c.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Pairs a removed schema with an added one of identical shape: a rename, which breaks every import of the name. */
function detectSchemaRenames(a: Record<string, IRSchema>, b: Record<string, IRSchema>, out: Change[]) {
  const renames = new Map<string, string>();
  const added = Object.keys(b).filter((name) => !(name in a));
  for (const name of Object.keys(a).filter((n) => !(n in b))) {
    const key = shapeKey(a[name]!.type);
    const to = added.find((n) => ![...renames.values()].includes(n) && shapeKey(b[n]!.type) === key);
    if (!to) continue;
    renames.set(name, to);
    out.push({
      bump: 'major',
      kind: 'renamed',
      subject: `type \`${name}\``,
      detail: `now \`${to}\``,
      pointer: b[to]!.pointer,
    });
  }
  return renames;
}

function compareSchemas(before: IR, after: IR, renames: Map<string, string>, out: Change[]): void {
  const usage = [schemaUsage(before), schemaUsage(after)];
  const renamedTo = new Set(renames.values());
  for (const [name, schema] of Object.entries(before.schemas)) {
    const newName = renames.get(name) ?? name;
    const next = after.schemas[newName];
    if (!next) {
      out.push({
        bump: 'major',
        kind: 'removed',
        subject: `type \`${name}\``,
        detail: '',
        pointer: schema.pointer,
      });
      continue;
    }
    const dirs = new Set([...(usage[0]!.get(name) ?? []), ...(usage[1]!.get(newName) ?? [])]);
    compareType(schema.type, next.type, newName, { dirs, renames, out });
  }
  for (const [name, schema] of Object.entries(after.schemas)) {
    if (!(name in before.schemas) && !renamedTo.has(name)) {
      out.push({
        bump: 'minor',
        kind: 'added',
        subject: `type \`${name}\``,
        detail: '',
        pointer: schema.pointer,
      });
    }
  }
}

function compareOperations(before: IR, after: IR, renames: Map<string, string>, out: Change[]): void {
  const moved = new Map<string, IROperation>();
  for (const op of Object.values(after.operations)) {
    if (op.id in before.operations) continue;
    const old = Object.values(before.operations).find(
      (o) => o.operationId && o.operationId === op.operationId,
    );
    if (old && !(old.id in after.operations)) moved.set(old.id, op);
    else
      out.push({
        bump: 'minor',
        kind: 'added',
        subject: `operation \`${op.id}\``,
        detail: '',
        pointer: op.pointer,
      });
  }
  for (const op of Object.values(before.operations)) {
    const next = after.operations[op.id] ?? moved.get(op.id);
    if (!next) {
      out.push({
        bump: 'major',
        kind: 'removed',
        subject: `operation \`${op.id}\``,
        detail: '',
        pointer: op.pointer,
      });
      continue;
    }
    if (next.id !== op.id) {
      out.push({
        bump: 'major',
        kind: 'renamed',
        subject: `operation \`${op.id}\``,
        detail: `now \`${next.id}\``,
        pointer: next.pointer,
      });
    }
    compareOperation(op, next, renames, out);
  }
}

function compareOperation(a: IROperation, b: IROperation, renames: Map<string, string>, out: Change[]): void {
  const input: CompareContext = { dirs: INPUT, renames, out };
  const output: CompareContext = { dirs: OUTPUT, renames, out };
  compareDocs(
    { ...a, description: `${a.summary ?? ''}\n${a.description ?? ''}` },
    { ...b, description: `${b.summary ?? ''}\n${b.description ?? ''}` },
    `operation \`${b.id}\``,
    b.pointer,
    input,
  );
  for (const loc of ['path', 'query', 'header'] as const)
    compareParams(a.params[loc], b.params[loc], b, input);
  const body = `\`${b.id}\` request body`;
  if (a.body && !b.body)
    out.push({ bump: 'major', kind: 'removed', subject: body, detail: '', pointer: a.body.pointer });
  if (!a.body && b.body) {
    out.push({
      bump: b.body.required ? 'major' : 'minor',
      kind: 'added',
      subject: body,
      detail: '',
      pointer: b.body.pointer,
    });
  }
  if (a.body && b.body) {
    if (a.body.encoding !== b.body.encoding) {
      out.push({
        bump: 'major',
        kind: 'changed',
        subject: body,
        detail: `${a.body.encoding} -> ${b.body.encoding}`,
        pointer: b.body.pointer,
      });
    }
    compareType(a.body.type, b.body.type, `${b.id} body`, input);
  }
  compareResponse(a, b, output);
}

function compareResponse(a: IROperation, b: IROperation, ctx: CompareContext): void {
  const subject = `\`${b.id}\` response`;
  if (a.response.kind !== b.response.kind) {
    const detail = `${a.response.kind} -> ${b.response.kind}`;
    ctx.out.push({ bump: 'major', kind: 'changed', subject, detail, pointer: b.response.pointer });
  }
  if (a.response.type && b.response.type)
    compareType(a.response.type, b.response.type, `${b.id} response`, ctx);
  if (a.response.eventType && b.response.eventType) {
    compareType(a.response.eventType, b.response.eventType, `${b.id} event`, ctx);
  }
  const [pa, pb] = [a.pagination, b.pagination];
  if ((pa?.scheme ?? 'none') !== (pb?.scheme ?? 'none')) {
    const detail = `pagination ${pa?.scheme ?? 'none'} -> ${pb?.scheme ?? 'none'}`;
    ctx.out.push({ bump: 'major', kind: 'changed', subject, detail, pointer: b.pointer });
  } else if (pa && pb) compareType(pa.item, pb.item, `${b.id} item`, ctx);
}

function compareParams(a: IRParameter[], b: IRParameter[], op: IROperation, ctx: CompareContext): void {
  const before = new Map(a.map((p) => [p.name, p]));
  const after = new Map(b.map((p) => [p.name, p]));
  const subject = (p: IRParameter) => `${p.location} parameter \`${p.name}\` of \`${op.id}\``;
  for (const p of b) {
    if (!before.has(p.name)) {
      const detail = p.required ? 'required' : 'optional';
      ctx.out.push({
        bump: p.required ? 'major' : 'minor',
        kind: 'added',
        subject: subject(p),
        detail,
        pointer: p.pointer,
      });
    }
  }
  for (const p of a) {
    const q = after.get(p.name);
    if (!q) {
      ctx.out.push({ bump: 'major', kind: 'removed', subject: subject(p), detail: '', pointer: p.pointer });
      continue;
    }
    compareDocs(p, q, subject(q), q.pointer, ctx);
    if (!p.required && q.required)
      ctx.out.push({
        bump: 'major',
        kind: 'made required',
        subject: subject(q),
        detail: '',
        pointer: q.pointer,
      });
    if (p.required && !q.required)
      ctx.out.push({
        bump: 'minor',
        kind: 'made optional',
        subject: subject(q),
        detail: '',
        pointer: q.pointer,
      });
    if (p.sdkName !== q.sdkName) {
      ctx.out.push({
        bump: 'major',
        kind: 'renamed',
        subject: subject(q),
        detail: `SDK name ${p.sdkName} -> ${q.sdkName}`,
        pointer: q.pointer,
      });
    }
    compareType(p.type, q.type, `${op.id} ${q.name}`, ctx);
  }
}

/** SDK methods (`client.messages.batches.create`) appear or disappear when the SDK config changes. */
function compareResources(a: BoundResource[], b: BoundResource[], out: Change[]): void {
  const methods = (list: BoundResource[]) => {
    const map = new Map<string, string>();
    const walk = (r: BoundResource) => {
      for (const m of r.methods) map.set(`client.${r.path}.${m.name}`, m.pointer);
      r.subresources.forEach(walk);
    };
    list.forEach(walk);
    return map;
  };
  const [before, after] = [methods(a), methods(b)];
  for (const [name, pointer] of after) {
    if (!before.has(name))
      out.push({ bump: 'minor', kind: 'added', subject: `method \`${name}\``, detail: '', pointer });
  }
  for (const [name, pointer] of before) {
    if (!after.has(name))
      out.push({ bump: 'major', kind: 'removed', subject: `method \`${name}\``, detail: '', pointer });
  }
}
