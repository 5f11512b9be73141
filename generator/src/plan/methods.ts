import type { ResolvedConfig } from '../config/index.js';
import { GeneratorError } from '../errors.js';
import type { IR, IROperation, IRParameter, IRProperty, IRType } from '../ir/types.js';
import { exampleFor } from './examples.js';
import { allProperties } from './flatten.js';
import { localName, pascalCase, plural, singular, toIdentifier } from './names.js';
import type {
  BoundMethod,
  BoundResource,
  ParamMember,
  PlannedMethod,
  PlannedPathParam,
  PlannedProperty,
  PlannedRules,
  PlannedTimeout,
  PlannedType,
  TypeHome,
} from './types.js';

/** What planning one method adds: the method, and the types it declares in its module. */
export interface MethodPlan {
  method: PlannedMethod;
  params: PlannedType[];
  responses: PlannedType[];
  pages: PlannedType[];
}

interface Site {
  ir: IR;
  config: ResolvedConfig;
  homes: Record<string, TypeHome>;
  resource: BoundResource;
  clientPath: string;
  /** Schema type names and the stems of auto-bound methods so far (see `methodStem`). */
  stems: Set<string>;
}

/**
 * `<Singular><Method>`, the prefix of a method's params and response type names. For resources bound by
 * `autoResources` it is numbered when its names would repeat a schema's or another method's
 * (`keypairs.list` and `keypair.list`); configured resources keep theirs (their modules tell them apart).
 */
function methodStem(site: Site, m: BoundMethod): string {
  const stem = `${singular(site.resource.className)}${pascalCase(m.name)}`;
  if (!site.resource.pointer.endsWith('#/autoResources')) return stem;
  const clash = (s: string) => ['', 'Params', 'Response', 'Event'].some((x) => site.stems.has(`${s}${x}`));
  let out = stem;
  for (let i = 2; clash(out); i++) out = `${stem}${i}`;
  for (const x of ['', 'Params', 'Response', 'Event']) site.stems.add(`${out}${x}`);
  return out;
}

/** Plans one method: argument shape, params/response/page type names, transport and examples. */
export function planMethod(site: Site, m: BoundMethod): MethodPlan {
  const op = m.operation;
  const stem = methodStem(site, m);
  const out: MethodPlan = { method: undefined as never, params: [], responses: [], pages: [] };
  const body = bodyShape(site.ir, op);
  // A non-object body is passed whole, so every path param must be positional and other params are dropped.
  const pathParams = planPathParams(site.config, op, body.whole !== undefined);
  const members = body.whole ? [] : paramMembers(op, pathParams, body.props);
  const typeName = m.paramsType ?? `${stem}Params`;
  const method: PlannedMethod = {
    name: m.name,
    operationId: op.id,
    httpMethod: op.method,
    pathParts: op.pathParts,
    fixedQuery: op.fixedQuery,
    pathParams,
    multipart: op.body?.encoding === 'multipart',
    response: {
      kind: op.response.kind,
      ...(op.response.examples ? { examples: op.response.examples } : {}),
      ...(op.response.streamEnd ? { streamEnd: op.response.streamEnd } : {}),
    },
    headerDefaults: m.headerDefaults,
    clientPath: site.clientPath,
    exampleArgs: [],
    minimalArgs: [],
    pointer: op.pointer,
    ...docsOf(op),
  };
  if (body.whole) method.wholeBody = body.whole;
  if (m.accept) method.accept = m.accept;
  if (m.urlFrom) method.urlFrom = urlSource(site, m.urlFrom);
  if (m.stripFilenames !== undefined) method.stripFilenames = m.stripFilenames;
  if (m.timeout) method.timeout = timeoutPolicy(site.config, m);
  const rules = requestRules(site.config, `${site.resource.path}.${m.name}`);
  if (rules) method.rules = rules;
  if (members.length > 0) {
    method.params = {
      typeName,
      required: members.some((p) => p.required) || (body.required && body.props.length === 0),
      query: wireNames(members, 'query', pathParams),
      headers: wireNames(members, 'header', pathParams),
      pathMembers: wireNames(members, 'path', pathParams),
      body: body.props.length > 0 ? 'props' : 'none',
    };
    planParamsTypes(site, op, method, members, out);
  }
  planResponse(site, op, stem, method, m, out);
  planExamples(site.ir, op, method, members, body.props.length > 0);
  out.method = method;
  return out;
}

function docsOf(op: IROperation): Pick<PlannedMethod, 'description' | 'deprecated' | 'title'> {
  const d: Pick<PlannedMethod, 'description' | 'deprecated' | 'title'> = {};
  const text = op.description ?? op.summary;
  if (text) d.description = text;
  if (op.summary && op.description) d.title = op.summary;
  if (op.deprecated) d.deprecated = true;
  return d;
}

/**
 * Names a generated method body already uses (its arguments, imports and locals); a param whose local would be
 * one of them gets a `Param` suffix. The one list: emit prints the locals decided here.
 */
const TAKEN_LOCALS = new Set(['path', 'options', 'params', 'body', 'query', 'buildHeaders', 'url', 'source']);
const untaken = (id: string): string => (TAKEN_LOCALS.has(id) ? `${id}Param` : id);

/** The local a params member is destructured into: a safe identifier that no positional argument has. */
function memberLocal(pathParams: PlannedPathParam[], sdkName: string): string {
  const local = untaken(toIdentifier(sdkName));
  return pathParams.some((p) => p.positional && p.local === local) ? `${local}Param` : local;
}

function planPathParams(config: ResolvedConfig, op: IROperation, allPositional: boolean): PlannedPathParam[] {
  const all = op.params.path;
  return all.map((p, i) => ({
    wire: p.name,
    local: untaken(localName(p.name)),
    positional: allPositional || config.pathParams.positional === 'all' || i === all.length - 1,
    type: p.type,
  }));
}

function resolveObject(ir: IR, t: IRType | undefined): IRType | undefined {
  let cur = t;
  for (let i = 0; cur?.kind === 'ref' && i < 10; i++) cur = ir.schemas[cur.name]?.type;
  return cur;
}

function bodyShape(ir: IR, op: IROperation): { props: IRProperty[]; whole?: IRType; required: boolean } {
  if (!op.body) return { props: [], required: false };
  const props = allProperties(ir, op.body.type);
  if (props) return { props, required: op.body.required };
  return { props: [], whole: op.body.type, required: op.body.required };
}

type Member = PlannedProperty & { location: 'path' | 'query' | 'header' | 'body'; wire: string };

function wireNames(
  members: Member[],
  location: Member['location'],
  pathParams: PlannedPathParam[],
): ParamMember[] {
  return members
    .filter((p) => p.location === location)
    .map((p) => ({ sdkName: p.name, wire: p.wire, local: memberLocal(pathParams, p.name) }));
}

function paramMembers(op: IROperation, pathParams: PlannedPathParam[], bodyProps: IRProperty[]): Member[] {
  const fromParam = (p: IRParameter): Member => ({
    ...p,
    name: p.sdkName,
    wire: p.name,
    location: p.location,
    type: p.type,
  });
  const path = op.params.path.filter((p) => pathParams.some((pp) => pp.wire === p.name && !pp.positional));
  const members: Member[] = [
    ...path.map(fromParam),
    ...op.params.query.map(fromParam),
    ...bodyProps.filter((p) => !p.readOnly).map((p) => ({ ...p, wire: p.name, location: 'body' as const })),
    ...op.params.header.map(fromParam),
  ];
  return disambiguate(members);
}

/**
 * One name in two locations (`maxResults` in the query and the body) would declare a params member twice: the
 * body keeps it (its members are sent as the rest of the params object), the others become `<location>_<name>`.
 */
function disambiguate(members: Member[]): Member[] {
  const keeper = new Map<string, Member>();
  for (const m of members) if (!keeper.has(m.name) || m.location === 'body') keeper.set(m.name, m);
  const taken = new Set(members.map((m) => m.name));
  return members.map((m) => {
    if (keeper.get(m.name) === m) return m;
    let name = `${m.location}_${m.name}`;
    for (let i = 2; taken.has(name); i++) name = `${m.location}_${m.name}${i}`;
    taken.add(name);
    return { ...m, name };
  });
}

const PREFIX = { path: 'Path param', query: 'Query param', header: 'Header param', body: 'Body param' };

function planParamsTypes(
  site: Site,
  op: IROperation,
  method: PlannedMethod,
  members: Member[],
  out: MethodPlan,
): void {
  const scheme = op.pagination ? site.config.pagination[op.pagination.scheme] : undefined;
  const inherited = new Set(scheme ? Object.keys(scheme.request) : []);
  const properties = paramsProperties(members, inherited);
  const ext = scheme && op.params.query.some((q) => inherited.has(q.name)) ? [scheme.paramsType] : [];
  const name = method.params!.typeName;
  const streamParam = op.response.kind === 'json+sse' ? op.response.streamParam : undefined;
  const streamProp = streamParam ? properties.find((p) => p.name === streamParam) : undefined;
  const iface = (
    n: string,
    props: PlannedProperty[],
    extendsList: string[],
    hidden = false,
  ): PlannedType => ({
    name: n,
    pointer: op.pointer,
    request: true,
    ...(hidden ? { hidden } : {}),
    decl: { kind: 'interface', properties: props, extends: extendsList },
  });
  if (!streamProp) {
    out.params.push(iface(name, properties, ext));
    return;
  }
  const s = {
    param: streamParam!,
    base: `${name}Base`,
    streaming: `${name}Streaming`,
    nonStreaming: `${name}NonStreaming`,
  };
  method.streaming = s;
  const lit = (value: boolean): PlannedProperty => ({
    ...streamProp,
    required: value,
    type: { kind: 'literal', value, pointer: streamProp.pointer },
  });
  const union: PlannedType = {
    name,
    pointer: op.pointer,
    request: true,
    decl: { kind: 'alias', text: `${s.nonStreaming} | ${s.streaming}` },
    members: [s.nonStreaming, s.streaming].map((n) => ({ name: n, text: n })),
  };
  out.params.push(
    union,
    iface(s.base, properties, ext, true),
    iface(s.nonStreaming, [lit(false)], [s.base]),
    iface(s.streaming, [lit(true)], [s.base]),
  );
}

/** Params members minus those the page params type supplies; docs say where each goes when locations mix. */
function paramsProperties(members: Member[], inherited: Set<string>): PlannedProperty[] {
  const mixed = new Set(members.map((m) => m.location)).size > 1;
  return members
    .filter((m) => !(m.location === 'query' && inherited.has(m.name)))
    .map(({ location, ...m }) => {
      if (!mixed) return m;
      const text = m.description ?? m.title;
      return { ...m, description: text ? `${PREFIX[location]}: ${text}` : PREFIX[location] };
    });
}

/** Gives inline response/item types a name (`SkillListResponse`) so signatures can refer to them. */
function nameInline(site: Site, t: IRType, name: string, out: PlannedType[]): IRType {
  if (t.kind === 'ref' || t.kind === 'unknown' || t.kind === 'null') return t;
  const key = `$local:${site.resource.module}:${name}`;
  site.homes[key] = { module: site.resource.module, name };
  const decl: PlannedType['decl'] =
    t.kind === 'object'
      ? {
          kind: 'interface',
          properties: t.properties,
          extends: [],
          ...(t.additionalProperties ? { additional: t.additionalProperties } : {}),
        }
      : { kind: 'alias', type: t };
  out.push({ name, pointer: t.pointer, decl, ...(t.description ? { description: t.description } : {}) });
  return { kind: 'ref', name: key, pointer: t.pointer };
}

function planResponse(
  site: Site,
  op: IROperation,
  stem: string,
  method: PlannedMethod,
  m: BoundMethod,
  out: MethodPlan,
): void {
  const r = op.response;
  if (op.pagination) {
    const item = nameInline(site, op.pagination.item, `${stem}Response`, out.responses);
    const itemName = item.kind === 'ref' ? (site.homes[item.name]?.name ?? item.name) : 'Item';
    const alias = m.pageType ?? `${plural(itemName)}${op.pagination.scheme}`;
    method.page = { scheme: op.pagination.scheme, alias, item };
    out.pages.push({
      name: alias,
      pointer: op.pointer,
      decl: { kind: 'alias', generic: { name: op.pagination.scheme, arg: item } },
    });
    method.response = { kind: 'json', type: item };
    return;
  }
  if (r.type) method.response.type = nameInline(site, r.type, `${stem}Response`, out.responses);
  if (r.eventType) method.response.eventType = nameInline(site, r.eventType, `${stem}Event`, out.responses);
}

function planExamples(
  ir: IR,
  op: IROperation,
  method: PlannedMethod,
  members: Member[],
  hasBodyProps: boolean,
): void {
  const positional = method.pathParams.filter((p) => p.positional).map((p) => exampleOrName(p.wire, op));
  const build = (requiredOnly: boolean): unknown[] => {
    if (method.wholeBody) return [...positional, exampleFor(ir, method.wholeBody, requiredOnly)];
    if (!method.params) return positional;
    const obj: Record<string, unknown> = {};
    const bodyExample = hasBodyProps && isRecord(op.bodyExample) ? op.bodyExample : undefined;
    for (const mem of members) {
      if (requiredOnly && !mem.required) continue;
      if (mem.location === 'path') obj[mem.name] = exampleOrName(mem.name, op);
      else if (isBinary(ir, mem.type)) obj[mem.name] = exampleFor(ir, mem.type, true);
      else if (mem.location === 'body' && bodyExample && mem.name in bodyExample)
        obj[mem.name] = bodyExample[mem.name];
      else if (!(mem.location === 'body' && bodyExample && !requiredOnly))
        obj[mem.name] = mem.example ?? exampleFor(ir, mem.type, requiredOnly);
    }
    if (method.streaming && !requiredOnly) delete obj[method.streaming.param];
    return Object.keys(obj).length === 0 && !method.params.required ? positional : [...positional, obj];
  };
  method.minimalArgs = build(true);
  method.exampleArgs = build(false);
}

function exampleOrName(wire: string, op: IROperation): unknown {
  const p = op.params.path.find((x) => x.name === wire);
  return p?.example ?? wire;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A file field (`format: binary`, or an array of them): examples are always a synthesized upload. */
function isBinary(ir: IR, t: IRType): boolean {
  const r = resolveObject(ir, t);
  if (r?.kind === 'array') return isBinary(ir, r.items);
  if (r?.kind === 'union') return r.variants.some((v) => v.kind !== 'null' && isBinary(ir, v));
  return r?.kind === 'string' && r.format === 'binary';
}

/** Resolves a method's `timeout` name against the config's `timeouts` table. */
function timeoutPolicy(config: ResolvedConfig, m: BoundMethod): PlannedTimeout {
  const t = config.timeouts[m.timeout!] as Record<string, unknown> | undefined;
  if (!t)
    throw new GeneratorError(
      'plan',
      `${m.pointer}/timeout`,
      `no timeout policy "${m.timeout}" in the config`,
    );
  const defaultMs = typeof t.defaultMs === 'number' ? t.defaultMs : 600_000;
  if (typeof t.maxTokensParam !== 'string') return { kind: 'clientDefault', defaultMs };
  return {
    kind: 'fromMaxTokens',
    maxTokensParam: t.maxTokensParam,
    modelParam: typeof t.modelParam === 'string' ? t.modelParam : 'model',
    defaultMs,
    table: (t.modelMaxNonStreamingTokens ?? {}) as Record<string, number>,
  };
}

/** The method whose response carries the URL, plus what the 'not ready' error names (`batch`, its `id`). */
function urlSource(
  site: Site,
  from: NonNullable<BoundMethod['urlFrom']>,
): NonNullable<PlannedMethod['urlFrom']> {
  const source = site.resource.methods.find((x) => x.name === from.method);
  const type = source ? resolveObject(site.ir, source.operation.response.type) : undefined;
  const hasId = type?.kind === 'object' && type.properties.some((p) => p.name === 'id');
  return { ...from, noun: singular(site.resource.className).toLowerCase(), hasId };
}

/** The config's `requestRules` that name this method (`messages.create`). */
function requestRules(config: ResolvedConfig, id: string): PlannedRules | undefined {
  const r = config.requestRules;
  const out: PlannedRules = { warnings: [], moves: [] };
  const d = r.deprecatedModels;
  if (d?.methods.includes(id)) out.deprecated = { param: d.param, message: d.message, table: d.models };
  const w = r.thinkingEnabledWarning;
  if (w?.when && w.methods.includes(id)) {
    const param = d?.param ?? 'model';
    out.warnings.push({
      param,
      models: w.models,
      path: w.when.path,
      equals: w.when.equals,
      message: w.message,
    });
  }
  for (const mv of r.paramMoves)
    if (mv.methods.includes(id))
      out.moves.push({ from: mv.from, to: mv.to, conflictError: mv.conflictError });
  return out.deprecated || out.warnings.length > 0 || out.moves.length > 0 ? out : undefined;
}
