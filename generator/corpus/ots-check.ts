// What the declarations of each component schema mean to the TypeScript checker, for openapi-typescript's named
// declarations and for sdkgen's SDK, one program per batch of specs (compare-openapi-typescript.ts).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { SchemaClass, SchemaFacts, UploadFacts } from './ots-classes.js';
import type { Names } from './ots-worker.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Counters of one tool over a set of schemas; sums of per-schema facts. */
export interface Tally {
  /** Schemas whose declaration was found. */
  schemas: number;
  /** Schemas typed `never` (no value fits) or `unknown`/`any` as a whole. */
  neverSchemas: number;
  unknownSchemas: number;
  /** Spec properties (own and `allOf`); those absent from the type; typed `unknown`/`any`. */
  props: number;
  missingProps: number;
  unknownProps: number;
  /**
   * Properties present that take no value: read as `never` or only `undefined` (`string & number`), or
   * rejected by a write probe, `const w: X = { ...x, p: v }` with `v` of the property's own read type
   * (e.g. `{ p?: number } & { [key: string]: boolean }`). Write probes run for schemas of the classes in PROBED.
   */
  unwritableProps: number;
  probedProps: number;
  writeRejected: number;
  /** `allOf` conflicts: conflicting properties, and those that take no value. */
  conflicts: number;
  conflictsUnwritable: number;
  /** Objects with an index signature (additionalProperties). */
  indexSignatures: number;
  /** Nullable properties and roots, and those whose type accepts `null`. */
  nullable: number;
  nullAccepted: number;
  /** Properties that are a `$ref` with a `nullable: true` sibling, and those whose type accepts `null`. */
  nullableRef: number;
  nullableRefAccepted: number;
  /** Root enums, and those printed as a closed set (no plain string/number fits). */
  enums: number;
  enumsClosed: number;
  /** `format: binary` properties, and those that accept a `File`. */
  binary: number;
  binaryAcceptsFile: number;
  /** Object shapes nested in the declarations: given a name (hoisted), and left anonymous (inline literal). */
  nestedNamed: number;
  nestedInline: number;
  /** Characters of the declarations (JSDoc inside them included). */
  chars: number;
}

export const emptyTally = (): Tally => ({
  schemas: 0,
  neverSchemas: 0,
  unknownSchemas: 0,
  props: 0,
  missingProps: 0,
  unknownProps: 0,
  unwritableProps: 0,
  probedProps: 0,
  writeRejected: 0,
  conflicts: 0,
  conflictsUnwritable: 0,
  indexSignatures: 0,
  nullable: 0,
  nullAccepted: 0,
  nullableRef: 0,
  nullableRefAccepted: 0,
  enums: 0,
  enumsClosed: 0,
  binary: 0,
  binaryAcceptsFile: 0,
  nestedNamed: 0,
  nestedInline: 0,
  chars: 0,
});

export function addTally(into: Tally, t: Tally): void {
  for (const k of Object.keys(into) as (keyof Tally)[]) into[k] += t[k];
}

/** Classes whose schemas get write probes on every property (the rest are read through the checker only). */
export const PROBED: SchemaClass[] = [
  'allof-conflict',
  'additional-with-properties',
  'boolean-schema',
  'non-identifier-key',
  'binary',
];

/** Both tools over the schemas both declared: overall, and per class. */
export interface SpecCheck {
  /** Schemas found in both outputs (the ones compared). */
  compared: number;
  ots: Tally;
  sdkgen: Tally;
  classes: Partial<Record<SchemaClass, { ots: Tally; sdkgen: Tally }>>;
  /**
   * Request bodies with `format: binary` fields (operations both tools typed): the fields, and those whose type
   * accepts a `File` (openapi-typescript: `paths[p][m]["requestBody"]["content"][type]` of its tree; sdkgen: the
   * method's params type).
   */
  uploads: { operations: number; fields: number; ots: number; sdkgen: number };
  /** Up to a few schemas where the tools differ, as `name: what`. */
  examples: string[];
}

/** One spec of a check batch: openapi-typescript's output dir, and sdkgen's package (when it generated). */
export interface CheckInput {
  id: string;
  otsDir: string;
  sdkDir?: string;
}

const FLAG_NEVER = ts.TypeFlags.Never;
const FLAG_UNKNOWN = ts.TypeFlags.Unknown | ts.TypeFlags.Any;

type Tool = 'ots' | 'sdkgen';

/** One schema of the batch: the spec's facts, where each tool declared it, and each tool's tally. */
interface Row {
  spec: number;
  facts: SchemaFacts;
  decl: Record<Tool, { file: string; name: string } | undefined>;
  tally: Partial<Record<Tool, Tally>>;
}

/** A write probe: one line of the probe module. */
interface Probe {
  row: Row;
  tool: Tool;
  prop: string;
}

let batchNo = 0;

/** Checks a batch of specs in one program; returns each spec's comparison. `onRow` sees each schema's tallies. */
export function checkBatch(
  workDir: string,
  inputs: CheckInput[],
  onRow?: (spec: string, schema: SchemaFacts, ots: Tally, sdkgen: Tally) => void,
): Map<string, SpecCheck> {
  const sdkFile = (dir: string, module: string) => join(dir, 'src/resources', `${module}.ts`);
  const rows: Row[] = [];
  const roots: string[] = [];
  const uploads: {
    spec: number;
    facts: UploadFacts;
    tree: string;
    params?: { file: string; name: string };
  }[] = [];
  inputs.forEach((input, spec) => {
    const names = JSON.parse(readFileSync(join(input.otsDir, 'names.json'), 'utf8')) as Names;
    const read = JSON.parse(readFileSync(join(input.otsDir, 'facts.json'), 'utf8')) as {
      schemas: SchemaFacts[];
      uploads: UploadFacts[];
    };
    const facts = new Map(read.schemas.map((f) => [f.name, f]));
    const named = join(input.otsDir, 'named/index.ts');
    roots.push(named);
    for (const n of names.schemas) {
      const f = facts.get(n.spec);
      if (!f) continue;
      const home =
        input.sdkDir && n.home && !n.home.inline ? sdkFile(input.sdkDir, n.home.module) : undefined;
      if (home && existsSync(home) && !roots.includes(home)) roots.push(home);
      rows.push({
        spec,
        facts: f,
        decl: {
          ots: { file: named, name: n.name },
          sdkgen: home ? { file: home, name: n.home!.name } : undefined,
        },
        tally: {},
      });
    }
    for (const u of read.uploads) {
      const tree = join(input.otsDir, 'tree/index.ts');
      if (!roots.includes(tree)) roots.push(tree);
      const m = names.methods.find((x) => x.pointer === u.pointer);
      const file = input.sdkDir && m?.params ? sdkFile(input.sdkDir, m.module) : undefined;
      if (file && existsSync(file) && !roots.includes(file)) roots.push(file);
      uploads.push({ spec, facts: u, tree, ...(file ? { params: { file, name: m!.params! } } : {}) });
    }
  });

  // The probe module: `File`, and a write probe per property of the schemas in PROBED classes, one per line.
  const probeFile = join(workDir, `probe-${process.pid}-${batchNo++}.mts`);
  const imports: string[] = [];
  const aliases = new Map<string, string>();
  const alias = (file: string) => {
    if (!aliases.has(file)) {
      const a = `M${aliases.size}`;
      aliases.set(file, a);
      let rel = relative(workDir, file).replace(/\.ts$/, '.js');
      if (!rel.startsWith('.')) rel = `./${rel}`;
      imports.push(`import type * as ${a} from ${JSON.stringify(rel)};`);
    }
    return aliases.get(file)!;
  };
  const body: string[] = [];
  const probes: Probe[] = [];
  for (const row of rows) {
    if (!row.facts.properties || !row.facts.classes.some((c) => PROBED.includes(c))) continue;
    for (const tool of ['ots', 'sdkgen'] as const) {
      const d = row.decl[tool];
      if (!d) continue;
      const x = `${alias(d.file)}.${d.name}`;
      // Properties of `X | null` are those of X.
      const o = `NonNullable<${x}>`;
      for (const prop of row.facts.properties) {
        const key = JSON.stringify(prop);
        probes.push({ row, tool, prop });
        body.push(
          `export const w${body.length}: ${x} = { ...v<${o}>(), ${key}: v<Exclude<${o}[${key}], undefined>>() };`,
        );
      }
    }
  }
  // openapi-typescript's request body type of each upload, one alias per line.
  const uploadLines = uploads.map((u) => {
    const q = JSON.stringify;
    const at = `${alias(u.tree)}.paths[${q(u.facts.path)}][${q(u.facts.method)}]`;
    body.push(
      `export type U${body.length} = NonNullable<${at}["requestBody"]>["content"][${q(u.facts.mediaType)}];`,
    );
    return body.length - 1;
  });
  const header = [...imports, 'declare function v<T>(): T;', 'export type FileProbe = File;'];
  writeFileSync(probeFile, `${[...header, ...body].join('\n')}\n`);

  const program = ts.createProgram([probeFile, ...roots], compilerOptions());
  const checker = program.getTypeChecker();
  const exportsCache = new Map<string, Map<string, ts.Symbol>>();
  const exportsOf = (file: string): Map<string, ts.Symbol> => {
    if (exportsCache.has(file)) return exportsCache.get(file)!;
    const sf = program.getSourceFile(file);
    const mod = sf && checker.getSymbolAtLocation(sf);
    const out = new Map<string, ts.Symbol>();
    if (mod)
      for (const e of checker.getExportsOfModule(mod))
        out.set(e.name, e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e);
    exportsCache.set(file, out);
    return out;
  };
  const fileType = checker.getDeclaredTypeOfSymbol(exportsOf(probeFile).get('FileProbe')!);
  const symbols = new Map<Row, Record<Tool, ts.Symbol | undefined>>();
  for (const row of rows) {
    const sym = (tool: Tool) => {
      const d = row.decl[tool];
      return d ? exportsOf(d.file).get(d.name) : undefined;
    };
    const s = { ots: sym('ots'), sdkgen: sym('sdkgen') };
    symbols.set(row, s);
    for (const tool of ['ots', 'sdkgen'] as const)
      if (s[tool]) row.tally[tool] = tally(checker, fileType, s[tool]!, row.facts);
  }
  // Write probes the checker rejects: a property that exists, is settable by its read type, yet takes no value.
  const probeSf = program.getSourceFile(probeFile)!;
  const rejected = new Set<number>();
  for (const d of program.getSemanticDiagnostics(probeSf))
    if (d.start !== undefined)
      rejected.add(probeSf.getLineAndCharacterOfPosition(d.start).line - header.length);
  for (const [line, p] of probes.entries()) {
    const t = p.row.tally[p.tool];
    if (!t) continue;
    const sym = symbols.get(p.row)![p.tool]!;
    const type = checker.getNonNullableType(checker.getDeclaredTypeOfSymbol(sym));
    const pt = checker.getPropertyOfType(type, p.prop);
    if (!pt || !settable(checker.getTypeOfSymbol(pt))) continue;
    t.probedProps++;
    if (!rejected.has(line)) continue;
    t.writeRejected++;
    t.unwritableProps++;
    if (p.row.facts.conflicts?.includes(p.prop)) t.conflictsUnwritable++;
  }
  const uploadTotals = new Map<number, SpecCheck['uploads']>();
  const probeExports = exportsOf(probeFile);
  uploads.forEach((u, i) => {
    const line = uploadLines[i]!;
    const otsSym = rejected.has(line) ? undefined : probeExports.get(`U${line}`);
    const sdkSym = u.params && exportsOf(u.params.file).get(u.params.name);
    if (!otsSym || !sdkSym) return;
    const t = uploadTotals.get(u.spec) ?? { operations: 0, fields: 0, ots: 0, sdkgen: 0 };
    uploadTotals.set(u.spec, t);
    t.operations++;
    const ots = checker.getDeclaredTypeOfSymbol(otsSym);
    const sdk = checker.getDeclaredTypeOfSymbol(sdkSym);
    for (const field of u.facts.fields) {
      t.fields++;
      if (fieldAcceptsFile(checker, fileType, ots, field)) t.ots++;
      if (fieldAcceptsFile(checker, fileType, sdk, field)) t.sdkgen++;
    }
  });
  rmSync(probeFile, { force: true });

  const out = new Map<string, SpecCheck>();
  inputs.forEach((input, spec) => {
    const check: SpecCheck = {
      compared: 0,
      ots: emptyTally(),
      sdkgen: emptyTally(),
      classes: {},
      uploads: uploadTotals.get(spec) ?? { operations: 0, fields: 0, ots: 0, sdkgen: 0 },
      examples: [],
    };
    for (const row of rows) {
      const { ots, sdkgen } = row.tally;
      if (row.spec !== spec || !ots || !sdkgen) continue;
      check.compared++;
      onRow?.(input.id, row.facts, ots, sdkgen);
      addTally(check.ots, ots);
      addTally(check.sdkgen, sdkgen);
      for (const c of row.facts.classes) {
        const per = (check.classes[c] ??= { ots: emptyTally(), sdkgen: emptyTally() });
        addTally(per.ots, ots);
        addTally(per.sdkgen, sdkgen);
      }
      const diff = differences(ots, sdkgen);
      if (diff && check.examples.length < 3) check.examples.push(`${row.facts.name}: ${diff}`);
    }
    out.set(input.id, check);
  });
  return out;
}

function differences(ots: Tally, sdk: Tally): string | undefined {
  const parts: string[] = [];
  const keys: [keyof Tally, string][] = [
    ['neverSchemas', 'type never'],
    ['unknownSchemas', 'type unknown'],
    ['missingProps', 'spec properties missing'],
    ['unwritableProps', 'properties that take no value'],
    ['unknownProps', 'properties typed unknown'],
    ['nullAccepted', 'nullable fields accepting null'],
    ['nullableRefAccepted', '`$ref` + `nullable` fields accepting null'],
    ['binaryAcceptsFile', 'binary fields accepting a File'],
    ['enumsClosed', 'closed enums'],
  ];
  for (const [k, what] of keys)
    if (ots[k] !== sdk[k]) parts.push(`${what} ${ots[k]} (openapi-typescript) vs ${sdk[k]} (sdkgen)`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** The field's type (an array's items) accepts a `File`. */
function fieldAcceptsFile(checker: ts.TypeChecker, fileType: ts.Type, type: ts.Type, field: string): boolean {
  const p = checker.getPropertyOfType(checker.getNonNullableType(type), field);
  if (!p) return false;
  let t = checker.getNonNullableType(checker.getTypeOfSymbol(p));
  if (checker.isArrayType(t)) t = checker.getTypeArguments(t as ts.TypeReference)[0]!;
  return !(t.flags & (FLAG_NEVER | FLAG_UNKNOWN)) && checker.isTypeAssignableTo(fileType, t);
}

/** A read type some value other than `undefined` fits (not `never`, not only `undefined`). */
function settable(t: ts.Type): boolean {
  const parts = t.isUnion() ? t.types : [t];
  return parts.some((p) => !(p.flags & (FLAG_NEVER | ts.TypeFlags.Undefined)));
}

function tally(checker: ts.TypeChecker, fileType: ts.Type, sym: ts.Symbol, f: SchemaFacts): Tally {
  const t = emptyTally();
  t.schemas = 1;
  const type = checker.getDeclaredTypeOfSymbol(sym);
  // An intersection with conflicting literal members (`{ type: 'a' } & { type: 'b' }`) reduces to `never`.
  if (!(type.flags & ts.TypeFlags.Any) && checker.isTypeAssignableTo(type, checker.getNeverType()))
    t.neverSchemas = 1;
  if (type.flags & FLAG_UNKNOWN) t.unknownSchemas = 1;
  const accepts = (target: ts.Type, source: ts.Type) =>
    !(target.flags & (FLAG_NEVER | FLAG_UNKNOWN)) && checker.isTypeAssignableTo(source, target);
  // Properties of `X | null` are those of X.
  const object = checker.getNonNullableType(type);
  const prop = (name: string): ts.Type | undefined => {
    const p = checker.getPropertyOfType(object, name);
    return p ? checker.getTypeOfSymbol(p) : undefined;
  };
  if (f.properties) {
    for (const name of f.properties) {
      t.props++;
      const pt = prop(name);
      if (!pt) t.missingProps++;
      else if (!settable(pt)) t.unwritableProps++;
      else if (pt.flags & FLAG_UNKNOWN) t.unknownProps++;
    }
    if (checker.getIndexInfosOfType(object).length > 0) t.indexSignatures = 1;
  }
  for (const name of f.conflicts ?? []) {
    t.conflicts++;
    const pt = prop(name);
    if (pt && !settable(pt)) t.conflictsUnwritable++;
  }
  for (const name of f.nullableProps ?? []) {
    t.nullable++;
    const pt = prop(name);
    if (pt && accepts(pt, checker.getNullType())) t.nullAccepted++;
  }
  for (const name of f.nullableRefProps ?? []) {
    t.nullableRef++;
    const pt = prop(name);
    if (pt && accepts(pt, checker.getNullType())) t.nullableRefAccepted++;
  }
  if (f.nullable) {
    t.nullable++;
    if (accepts(type, checker.getNullType())) t.nullAccepted++;
  }
  if (f.enumValues !== undefined) {
    t.enums = 1;
    const open = [checker.getStringType(), checker.getNumberType()].some((p) => accepts(type, p));
    if (!open && !(type.flags & (FLAG_NEVER | FLAG_UNKNOWN))) t.enumsClosed = 1;
  }
  for (const name of f.binaryProps ?? []) {
    t.binary++;
    if (fieldAcceptsFile(checker, fileType, type, name)) t.binaryAcceptsFile++;
  }
  for (const d of sym.declarations ?? []) {
    t.chars += d.getText().length;
    count(d, t, true);
  }
  return t;
}

/** Counts nested object shapes under a declaration: named ones (namespace members) and inline literals. */
function count(node: ts.Node, t: Tally, top: boolean): void {
  if (!top && (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node))) t.nestedNamed++;
  if (ts.isTypeLiteralNode(node) && node.members.some(ts.isPropertySignature) && !isBody(node))
    t.nestedInline++;
  ts.forEachChild(node, (c) => count(c, t, false));
}

/** A literal that is a declaration's body (directly, or a member of its top union/intersection). */
function isBody(node: ts.Node): boolean {
  let p = node.parent;
  while (p && (ts.isUnionTypeNode(p) || ts.isIntersectionTypeNode(p) || ts.isParenthesizedTypeNode(p)))
    p = p.parent;
  return p !== undefined && ts.isTypeAliasDeclaration(p);
}

/** The corpus's tsc options: the repository's strict base, with `exactOptionalPropertyTypes`. */
function compilerOptions(): ts.CompilerOptions {
  const base = ts.readConfigFile(join(ROOT, 'tsconfig.base.json'), ts.sys.readFile).config;
  const parsed = ts.parseJsonConfigFileContent(
    {
      ...base,
      compilerOptions: {
        ...base.compilerOptions,
        noEmit: true,
        typeRoots: [join(ROOT, 'node_modules/@types')],
      },
      files: [],
    },
    ts.sys,
    ROOT,
  );
  return parsed.options;
}
