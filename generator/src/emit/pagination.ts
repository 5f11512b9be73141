import {
  type ClassDeclarationStructure,
  type ImportDeclarationStructure,
  type InterfaceDeclarationStructure,
  type StatementStructures,
  StructureKind,
} from 'ts-morph';
import { GeneratorError } from '../errors.js';
import type { Plan, PlannedPageScheme } from '../plan/types.js';
import { printSource } from './print.js';
import { specifier } from './runtime-imports.js';
import { wrapDoc } from './type-printer.js';

const FILE = 'core/pagination';

type Role = keyof PlannedPageScheme['response'];
/** Field declaration order in the response interface and the class. */
const ROLES: Role[] = ['items', 'hasMore', 'firstId', 'lastId', 'nextPage', 'nextUrl'];

/**
 * The generated `core/pagination.ts`: for each config page scheme `<Name>`, the request params interface
 * (`paramsType`), `<Name>Response<Item>` (the response fields by role) and `class <Name><Item>` over
 * `AbstractPage`, which reads those fields and builds the next request from the scheme's rules. Re-exports
 * the generic half (`AbstractPage`, `PagePromise`) from the hand-written `core/abstract-page.ts`.
 * Returns undefined when the config has no schemes.
 */
export function paginationFile(plan: Plan, header: string): string | undefined {
  const statements = paginationModule(plan);
  if (!statements) return undefined;
  return printSource(`${FILE}.ts`, header, { statements });
}

/** The statements of {@link paginationFile}. */
export function paginationModule(plan: Plan): (string | StatementStructures)[] | undefined {
  const schemes = plan.client.paginationSchemes;
  if (schemes.length === 0) return undefined;
  for (const s of schemes) check(s);
  const usesQuery = schemes.some((s) => s.next || s.previous);
  const imports: ImportDeclarationStructure[] = [
    importOf(specifier(FILE, 'internal/request-options'), {
      isTypeOnly: true,
      namedImports: ['FinalRequestOptions'],
    }),
    ...(usesQuery
      ? [importOf(specifier(FILE, 'internal/utils/values'), { namedImports: ['maybeObj'] })]
      : []),
    importOf(specifier(FILE, 'core/abstract-page'), {
      namedImports: ['AbstractPage', 'type PageRequestOptions'],
    }),
    importOf(specifier(FILE, plan.client.baseModule), {
      isTypeOnly: true,
      namedImports: [plan.client.baseClassName],
    }),
  ];
  return [
    ...imports,
    `\nexport { AbstractPage, PagePromise, type PageRequestOptions } from '${specifier(FILE, 'core/abstract-page')}';`,
    ...schemes.flatMap((s) => [
      paramsInterface(s),
      responseInterface(s),
      pageClass(s, plan.client.baseClassName),
    ]),
  ];
}

const importOf = (
  moduleSpecifier: string,
  rest: Partial<ImportDeclarationStructure>,
): ImportDeclarationStructure => ({ kind: StructureKind.ImportDeclaration, moduleSpecifier, ...rest });

/** Rules must read response fields the scheme names (a rule `from` a field the page does not keep reads nothing). */
function check(s: PlannedPageScheme): void {
  const fields = new Set(Object.values(s.response));
  for (const [rule, r] of [
    ['next', s.next],
    ['previous', s.previous],
  ] as const) {
    if (r && !fields.has(r.from))
      throw new GeneratorError(
        'emit',
        `${s.pointer}/${rule}/from`,
        `"${r.from}" is not one of the scheme's response fields (${[...fields].join(', ')})`,
      );
  }
  for (const [name, type] of Object.entries(s.request)) requestType(type, `${s.pointer}/request/${name}`);
}

const SCALARS: Record<string, string> = {
  string: 'string',
  integer: 'number',
  number: 'number',
  boolean: 'boolean',
  null: 'null',
};

/** `integer` -> `number`, `string | null` -> `string | null`. */
function requestType(type: string, pointer: string): string {
  return type
    .split('|')
    .map((part) => {
      const t = SCALARS[part.trim()];
      if (!t)
        throw new GeneratorError(
          'emit',
          pointer,
          `unknown request param type "${type}" (use string, integer, number or boolean, optionally \`| null\`)`,
        );
      return t;
    })
    .join(' | ');
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
/** A property or object-literal key. */
const key = (name: string) => (IDENT.test(name) ? name : `'${name.replace(/'/g, "\\'")}'`);
/** `this.<field>` or `this['<field>']`. */
const self = (name: string) => (IDENT.test(name) ? `this.${name}` : `this[${key(name)}]`);
const body = (name: string) => (IDENT.test(name) ? `body.${name}` : `body[${key(name)}]`);
const code = (name: string) => `\`${name}\``;

/** Response fields in role order, each once (two roles may name the same field). */
function fields(s: PlannedPageScheme): { name: string; role: Role }[] {
  const seen = new Set<string>();
  const out: { name: string; role: Role }[] = [];
  for (const role of ROLES) {
    const name = s.response[role];
    if (name === undefined || seen.has(name)) continue;
    seen.add(name);
    out.push({ name, role });
  }
  return out;
}

function fieldType(role: Role): string {
  if (role === 'items') return 'Array<Item>';
  if (role === 'hasMore') return 'boolean';
  return 'string | null';
}

function fieldDefault(role: Role): string {
  if (role === 'items') return '[]';
  if (role === 'hasMore') return 'false';
  return 'null';
}

function paramsInterface(s: PlannedPageScheme): InterfaceDeclarationStructure {
  const docFor = (name: string): string | undefined => {
    if (s.next?.param === name) return `Set from a page's ${code(s.next.from)} to fetch the page after it.`;
    if (s.previous?.param === name)
      return `Set from a page's ${code(s.previous.from)} to fetch the page before it (paging backwards).`;
    return undefined;
  };
  return {
    kind: StructureKind.Interface,
    isExported: true,
    name: s.paramsType,
    docs: [`Query parameters of ${code(s.name)} endpoints.`],
    properties: Object.entries(s.request).map(([name, type]) => {
      const doc = docFor(name);
      return {
        name: key(name),
        hasQuestionToken: true,
        type: requestType(type, `${s.pointer}/request/${name}`),
        ...(doc ? { docs: [doc] } : {}),
      };
    }),
  };
}

function responseInterface(s: PlannedPageScheme): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    isExported: true,
    name: `${s.name}Response`,
    typeParameters: ['Item'],
    docs: [`Body shape of ${code(s.name)} endpoints.`],
    properties: fields(s).map((f) => ({ name: key(f.name), type: fieldType(f.role) })),
  };
}

/** How the class moves on, in words, for its JSDoc. */
function describe(s: PlannedPageScheme): string {
  const r = s.response;
  const parts: string[] = [];
  if (s.next) parts.push(`Continues with ${code(s.next.param)} = ${code(s.next.from)}`);
  else if (r.nextUrl) parts.push(`Continues at the URL in ${code(r.nextUrl)}`);
  else parts.push('Has no next-page rule: each list is a single page');
  if (s.previous)
    parts.push(
      `when the first request carried ${code(s.previous.param)}, pages backwards with ${code(s.previous.param)} = ${code(s.previous.from)}`,
    );
  const end = !s.next && r.nextUrl ? 'the link' : 'the cursor';
  const stop = r.hasMore
    ? `Stops when ${code(r.hasMore)} is false, the page is empty or ${end} is null.`
    : `Stops when the page is empty or ${end} is null.`;
  return wrapDoc(`${code(s.name)} page. ${parts.join('; ')}. ${stop}`);
}

function nextStatements(s: PlannedPageScheme): string[] {
  const withParam = (param: string, from: string) =>
    `${self(from)} ? { ...this.options, query: { ...query, ${key(param)}: ${self(from)} } } : null`;
  if (s.next || s.previous) {
    const out = ['const query = maybeObj(this.options.query) as Record<string, unknown>;'];
    if (s.previous)
      out.push(
        `if (query[${literal(s.previous.param)}]) {\n  return ${withParam(s.previous.param, s.previous.from)};\n}`,
      );
    out.push(s.next ? `return ${withParam(s.next.param, s.next.from)};` : 'return null;');
    return out;
  }
  const link = s.response.nextUrl;
  if (link)
    return [
      `const link = ${self(link)};`,
      'if (!link) return null;',
      "// The link's query replaces the previous request's; a relative link resolves against this page's URL.",
      'const path = this.response.url ? new URL(link, this.response.url).toString() : link;',
      'return { ...this.options, path, query: {} };',
    ];
  return ['return null;'];
}

const literal = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function pageClass(s: PlannedPageScheme, baseClass: string): ClassDeclarationStructure {
  const fs = fields(s);
  const hasMore = s.response.hasMore;
  return {
    kind: StructureKind.Class,
    isExported: true,
    name: s.name,
    typeParameters: ['Item'],
    extends: 'AbstractPage<Item>',
    implements: [`${s.name}Response<Item>`],
    docs: [describe(s)],
    properties: fs.map((f) => ({ name: key(f.name), type: fieldType(f.role) })),
    ctors: [
      {
        parameters: [
          { name: 'client', type: baseClass },
          { name: 'response', type: 'Response' },
          { name: 'body', type: `${s.name}Response<Item>` },
          { name: 'options', type: 'FinalRequestOptions' },
        ],
        statements: [
          'super(client, response, body, options);',
          ...fs.map((f) => `${self(f.name)} = ${body(f.name)} || ${fieldDefault(f.role)};`),
        ],
      },
    ],
    methods: [
      {
        name: 'getPaginatedItems',
        returnType: 'Item[]',
        statements: [`return ${self(s.response.items)} ?? [];`],
      },
      ...(hasMore
        ? [
            {
              name: 'hasNextPage',
              hasOverrideKeyword: true,
              returnType: 'boolean',
              statements: [`return ${self(hasMore)} !== false && super.hasNextPage();`],
            },
          ]
        : []),
      {
        name: 'nextPageRequestOptions',
        returnType: 'PageRequestOptions | null',
        statements: [nextStatements(s).join('\n')],
      },
    ],
  };
}
