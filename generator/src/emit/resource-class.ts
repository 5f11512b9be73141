import {
  type ClassDeclarationStructure,
  type GetAccessorDeclarationStructure,
  type MethodDeclarationOverloadStructure,
  type MethodDeclarationStructure,
  type OptionalKind,
  type ParameterDeclarationStructure,
  type PropertyDeclarationStructure,
  StructureKind,
} from 'ts-morph';
import type { PlannedMethod, PlannedModule } from '../plan/types.js';
import { methodExample } from './example-code.js';
import { destructure, headersExpression, paramsArgName, pathExpression } from './method-body.js';
import { ruleLines } from './request-rules.js';
import { docText, literal, type PrintScope, printType } from './type-printer.js';

type Param = OptionalKind<ParameterDeclarationStructure>;

/** The resource class: lazily created sub-resources, then one method per operation. */
export function resourceClass(mod: PlannedModule, scope: PrintScope): ClassDeclarationStructure {
  const r = mod.resource!;
  const alias = (module: string) => mod.imports.find((i) => i.module === module)!.alias;
  const properties: PropertyDeclarationStructure[] = r.subresources.map((s) => ({
    kind: StructureKind.Property,
    name: `#${s.prop}`,
    type: `${alias(s.module)}.${s.className} | undefined`,
  }));
  const getAccessors: GetAccessorDeclarationStructure[] = r.subresources.map((s) => ({
    kind: StructureKind.GetAccessor,
    name: s.prop,
    returnType: `${alias(s.module)}.${s.className}`,
    statements: `return (this.#${s.prop} ??= new ${alias(s.module)}.${s.className}(this._client));`,
  }));
  scope.uses.add('APIResource');
  return {
    kind: StructureKind.Class,
    name: r.className,
    isExported: true,
    extends: 'APIResource',
    properties,
    getAccessors,
    methods: r.methods.map((m) => method(m, scope)),
  };
}

function typeText(t: PlannedMethod['response']['type'], scope: PrintScope): string {
  return t ? printType(t, scope, 'response') : 'unknown';
}

function resultTypeName(m: PlannedMethod, scope: PrintScope): string | undefined {
  const t = m.page?.item ?? m.response.type;
  return t?.kind === 'ref' ? scope.homes[t.name]?.name : undefined;
}

function method(m: PlannedMethod, scope: PrintScope): MethodDeclarationStructure {
  const { params, argName } = parameters(m, scope);
  const returnType = returnTypeOf(m, scope);
  const example = methodExample(m, resultTypeName(m, scope));
  // An example value such as a crontab (`'*/5 * * * *'`) would close the comment.
  const code = example.replace(/\*\//g, '*\\/');
  const docs = [[docText(m), `@example\n\`\`\`ts\n${code}\n\`\`\``].filter(Boolean).join('\n\n')];
  const out: MethodDeclarationStructure = {
    kind: StructureKind.Method,
    name: m.name,
    parameters: params,
    returnType,
    docs,
    statements: body(m, argName, scope),
  };
  if (m.urlFrom) out.isAsync = true;
  if (m.streaming) {
    out.overloads = overloads(m, params, scope);
    out.overloads[0]!.docs = docs;
    delete out.docs;
  }
  return out;
}

function parameters(m: PlannedMethod, scope: PrintScope): { params: Param[]; argName: string } {
  const params: Param[] = m.pathParams
    .filter((p) => p.positional)
    .map((p) => ({ name: p.local, type: printType(p.type, { ...scope, request: true }, p.local) }));
  const argName = paramsArgName(m);
  if (m.wholeBody)
    params.push({ name: argName, type: printType(m.wholeBody, { ...scope, request: true }, 'body') });
  else if (m.params) {
    const optional = !m.params.required;
    params.push({
      name: argName,
      type: optional ? `${m.params.typeName} | null | undefined` : m.params.typeName,
      ...(optional ? { initializer: '{}' } : {}),
    });
  }
  scope.uses.add('RequestOptions');
  params.push({ name: 'options', type: 'RequestOptions', hasQuestionToken: true });
  return { params, argName };
}

function returnTypeOf(m: PlannedMethod, scope: PrintScope): string {
  const t = typeText(m.response.type, scope);
  if (m.page) {
    scope.uses.add('PagePromise').add(`page:${m.page.scheme}`);
    return `PagePromise<${m.page.alias}, ${t}>`;
  }
  scope.uses.add('APIPromise');
  switch (m.response.kind) {
    case 'binary':
      return 'APIPromise<Response>';
    case 'empty':
      return 'APIPromise<void>';
    case 'jsonl':
      scope.uses.add('JSONLDecoder');
      return m.urlFrom ? `Promise<JSONLDecoder<${t}>>` : `APIPromise<JSONLDecoder<${t}>>`;
    case 'sse':
      scope.uses.add('Stream');
      return `APIPromise<Stream<${typeText(m.response.eventType, scope)}>>`;
    case 'json+sse':
      if (m.streaming) {
        scope.uses.add('Stream');
        return `APIPromise<${t}> | APIPromise<Stream<${typeText(m.response.eventType, scope)}>>`;
      }
      return `APIPromise<${t}>`;
    default:
      return `APIPromise<${t}>`;
  }
}

function overloads(
  m: PlannedMethod,
  params: Param[],
  scope: PrintScope,
): MethodDeclarationOverloadStructure[] {
  const s = m.streaming!;
  const t = typeText(m.response.type, scope);
  const ev = typeText(m.response.eventType, scope);
  const withType = (typeName: string): Param[] =>
    params.map(
      (p) =>
        (p.name === paramsArgName(m)
          ? { name: p.name, type: typeName }
          : { ...p, initializer: undefined }) as Param,
    );
  const overload = (typeName: string, ret: string): MethodDeclarationOverloadStructure => ({
    kind: StructureKind.MethodOverload,
    parameters: withType(typeName),
    returnType: ret,
  });
  return [
    overload(s.nonStreaming, `APIPromise<${t}>`),
    overload(s.streaming, `APIPromise<Stream<${ev}>>`),
    overload(s.base, `APIPromise<Stream<${ev}> | ${t}>`),
  ];
}

function body(m: PlannedMethod, argName: string, scope: PrintScope): string {
  const d = destructure(m, argName);
  const moves = (m.rules?.moves.length ?? 0) > 0;
  const lines: string[] = d.line ? [moves ? d.line.replace(/^const /, 'let ') : d.line] : [];
  lines.push(...ruleLines(m, d.rest === 'body' ? 'body' : argName, scope));
  const opts: string[] = [];
  const timeout = timeoutLines(m, argName, scope);
  lines.push(...timeout.lines);
  if (timeout.option) opts.push(timeout.option);
  if (d.rest === 'query') opts.push('query');
  if (d.queryNames.length > 0) opts.push(`query: { ${d.queryNames.join(', ')} }`);
  if (d.rest === 'body' || m.wholeBody) opts.push('body');
  opts.push('...options');
  const headers = headersExpression(m, argName === 'params');
  if (headers) {
    scope.uses.add('buildHeaders');
    opts.push(headers);
  }
  if (m.streaming) opts.push(`stream: ${argName}.${m.streaming.param} ?? false`);
  if (m.response.kind === 'sse' || m.response.kind === 'jsonl') opts.push('stream: true');
  if (m.response.streamEnd) opts.push(`__streamEnd: ${literal(m.response.streamEnd)}`);
  if (m.response.kind === 'binary' || m.response.kind === 'jsonl') opts.push('__binaryResponse: true');
  if (m.page && m.httpMethod !== 'get') opts.push(`method: ${literal(m.httpMethod)}`);
  const optsText = opts.length === 1 ? 'options' : objectText(opts);
  if (m.pathParams.length > 0) scope.uses.add('path');
  lines.push(...call(m, optsText, argName, scope));
  return lines.join('\n');
}

function call(m: PlannedMethod, optsText: string, argName: string, scope: PrintScope): string[] {
  const path = pathExpression(m);
  const t = typeText(m.response.type, scope);
  if (m.page) {
    scope.uses.add(`page:${m.page.scheme}`);
    return [`return this._client.getAPIList(${path}, ${m.page.scheme}<${t}>, ${optsText});`];
  }
  let opts = optsText;
  if (m.multipart) {
    scope.uses.add('multipartFormRequestOptions');
    opts = `multipartFormRequestOptions(${optsText === 'options' ? '{ body: undefined, ...options }' : optsText}, this._client${m.stripFilenames === false ? ', false' : ''})`;
  }
  if (m.response.kind === 'jsonl') return jsonlCall(m, path, opts, t, argName, scope);
  const cast = m.streaming
    ? ` as APIPromise<${t}> | APIPromise<Stream<${typeText(m.response.eventType, scope)}>>`
    : '';
  return [`return this._client.${m.httpMethod}(${path}, ${opts})${cast};`];
}

function jsonlCall(
  m: PlannedMethod,
  path: string,
  opts: string,
  t: string,
  argName: string,
  scope: PrintScope,
): string[] {
  const unwrap = `._thenUnwrap((_, props) => JSONLDecoder.fromResponse(props.response, props.controller)) as APIPromise<JSONLDecoder<${t}>>;`;
  if (!m.urlFrom) return [`return this._client.${m.httpMethod}(${path}, ${opts})${unwrap}`];
  scope.uses.add('ErrorClass');
  const { method: from, field, statusField, noun, hasId } = m.urlFrom;
  const positional = m.pathParams.filter((p) => p.positional).map((p) => p.local);
  const args = [...positional, ...(m.params ? [argName] : []), 'options'].join(', ');
  const status = statusField ? ` \${source.${statusField}}` : '';
  const id = hasId ? ` - \${source.id}` : '';
  return [
    `const source = await this.${from}(${args});`,
    `const url = source.${field};`,
    `if (!url) {`,
    `  throw new ${scope.errorClass}(\`No ${noun} \\\`${field}\\\`; Has it finished processing?${status}${id}\`);`,
    `}`,
    `return this._client.get(url, ${opts})${unwrap}`,
  ];
}

/** Name of the module-level model table a `fromMaxTokens` timeout policy reads. */
export const TIMEOUT_TABLE = 'MODEL_NONSTREAMING_TOKENS';

/** Statements computing the request timeout, and the `timeout:` option (placed before `...options`). */
function timeoutLines(
  m: PlannedMethod,
  argName: string,
  scope: PrintScope,
): { lines: string[]; option?: string } {
  const t = m.timeout;
  if (!t) return { lines: [] };
  const clientTimeout = '(this._client as any)._options.timeout as number | null | undefined';
  if (t.kind === 'clientDefault')
    return { lines: [], option: `timeout: (${clientTimeout}) ?? ${t.defaultMs}` };
  scope.uses.add('timeoutTable');
  const stream = m.streaming ? `!${argName}.${m.streaming.param} && ` : '';
  return {
    lines: [
      `let timeout = ${clientTimeout};`,
      `if (${stream}timeout == null) {`,
      `  timeout = this._client.calculateNonstreamingTimeout(${argName}.${t.maxTokensParam}, ${TIMEOUT_TABLE}[${argName}.${t.modelParam}]);`,
      '}',
    ],
    option: `timeout: timeout ?? ${t.defaultMs}`,
  };
}

/** `{ a, b }` when short, else one member per line (so generated calls stay readable). */
function objectText(members: string[]): string {
  const flat = `{ ${members.join(', ')} }`;
  return flat.length <= 60
    ? flat
    : `{\n${members.map((m) => `  ${m.replace(/\n/g, '\n  ')},`).join('\n')}\n}`;
}
