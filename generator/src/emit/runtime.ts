import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  IndentationText,
  type InterfaceDeclaration,
  type JSDocableNode,
  ModuleKind,
  ModuleResolutionKind,
  Project,
  QuoteKind,
  Scope,
  type SourceFile,
  ts,
} from 'ts-morph';
import { RUNTIME_SRC } from '../load/runtime-source.js';
import type { PlannedRuntime } from '../plan/runtime.js';
import { formatTypeScript } from './format.js';
import type { RenderedFile } from './rendered-file.js';

/** Folders of the runtime copied into each SDK's `src/`. */
const RUNTIME_DIRS = ['core', 'internal'];
/** Written from the plan instead of copied. */
const FACTS = 'internal/sdk-facts.ts';
/** Members of the runtime's example that stand for one credential option; replaced per SDK. */
const CREDENTIAL_TAG = 'credential';

/**
 * The runtime instantiated for one SDK: every file of `runtime/src/{core,internal}` with the runtime's class names
 * replaced by the SDK's (`BaseClient` -> `BaseAnthropic`), the base class and `ClientOptions` given one
 * property and one auth method per credential option of the config, and `internal/sdk-facts.ts` written from the
 * config. Everything is done on the syntax tree (ts-morph), so a rename never touches a string or a longer name.
 *
 * @example
 * ```ts
 * const files = runtimeFiles(plan.runtime, header); // [{ path: 'src/core/base-client.ts', content: ... }, ...]
 * ```
 */
export function runtimeFiles(rt: PlannedRuntime, header: string): RenderedFile[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: { module: ModuleKind.NodeNext, moduleResolution: ModuleResolutionKind.NodeNext },
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Single,
      useTrailingCommas: true,
    },
  });
  const sources = runtimeSources().map((rel) => ({
    rel,
    sf: project.createSourceFile(`/src/${rel}`, readFileSync(join(RUNTIME_SRC, rel), 'utf8')),
  }));
  for (const { rel, sf } of sources) {
    if (rel === FACTS) writeFacts(sf, rt);
    if (rel === 'core/base-client.ts') instantiateBaseClient(sf, rt);
    if (rel === 'core/client-options.ts') instantiateClientOptions(sf, rt);
  }
  const rename = renameClasses(project, rt.renames);
  const files = sources.map(({ rel, sf }) => {
    const path = `src/${rel}`;
    const content = `${header}\n${rename(sf)}`;
    // The facts module is printed here, not copied: it alone goes through the formatter.
    return { path, content: rel === FACTS ? formatTypeScript(path, content) : content };
  });
  files.push({
    path: 'src/version.ts',
    content: `${header}\n/** Version of this package. */\nexport const VERSION = ${JSON.stringify(rt.version)};\n`,
  });
  return files;
}

/** Runtime files, relative to `runtime/src`, in a stable order; tests are not part of it. */
function runtimeSources(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
        out.push(relative(RUNTIME_SRC, path).split('\\').join('/'));
    }
  };
  for (const d of RUNTIME_DIRS) walk(join(RUNTIME_SRC, d));
  return out;
}

/** Where the runtime declares each class that takes the SDK's name. */
const RENAMED_CLASSES: Record<string, string> = {
  BaseClient: '/src/core/base-client.ts',
  SDKError: '/src/internal/api-errors.ts',
};

/**
 * The text of each runtime file with its classes renamed to the SDK's names on the syntax tree: every identifier
 * of that name (the declaration, its imports and exports, each use, and the error class's static of the same name
 * on the base class, `Anthropic.AnthropicError`) and every whole-word mention in a comment, doc comments
 * included; strings, template text and longer names are left alone. The runtime has no other binding of these
 * names, so this is what the language service's rename (with `renameInComments`) did, without building and
 * binding a program for it (about 1 s per run).
 */
function renameClasses(project: Project, renames: Record<string, string>): (sf: SourceFile) => string {
  const words = new Map(Object.entries(renames).filter(([from, to]) => from !== to));
  for (const from of words.keys()) {
    const file = RENAMED_CLASSES[from];
    if (!file) throw new Error(`runtime: no class ${from} to rename`);
    project.getSourceFileOrThrow(file).getClassOrThrow(from);
  }
  const pattern = new RegExp(`(?<![\\w$])(${[...words.keys()].join('|')})(?![\\w$])`, 'g');
  return (sf) => {
    const text = sf.getFullText();
    pattern.lastIndex = 0;
    return words.size > 0 && pattern.test(text) ? renameIn(sf.compilerNode, text, words, pattern) : text;
  };
}

/** The text of a parsed file with the identifiers and the comment words of `words` replaced. */
function renameIn(sf: ts.SourceFile, text: string, words: Map<string, string>, pattern: RegExp): string {
  /** [start, end, replacement], in no particular order. */
  const edits: [number, number, string][] = [];
  const comments = new Set<number>();
  const commentsAt = (pos: number) => {
    for (const r of ts.getLeadingCommentRanges(text, pos) ?? []) {
      if (comments.has(r.pos)) continue;
      comments.add(r.pos);
      const body = text.slice(r.pos, r.end);
      const renamed = body.replace(pattern, (w) => words.get(w)!);
      if (renamed !== body) edits.push([r.pos, r.end, renamed]);
    }
  };
  const walk = (node: ts.Node) => {
    for (const child of node.getChildren(sf)) {
      // Doc comments are comments here (their text is renamed word for word), not trees.
      if (ts.isJSDoc(child)) continue;
      commentsAt(child.pos);
      if (ts.isIdentifier(child)) {
        const to = words.get(child.text);
        if (to) edits.push([child.getStart(sf), child.end, to]);
      } else if (child.kind >= ts.SyntaxKind.FirstNode) walk(child);
    }
  };
  walk(sf);
  edits.sort((a, b) => b[0] - a[0]);
  let out = text;
  for (const [start, end, to] of edits) out = out.slice(0, start) + to + out.slice(end);
  return out;
}

function hasTag(node: JSDocableNode, tag: string): boolean {
  return node.getJsDocs().some((d) => d.getTags().some((t) => t.getTagName() === tag));
}

/** `internal/sdk-facts.ts`: the runtime's interfaces, and `SDK` set to this SDK's facts. */
function writeFacts(sf: SourceFile, rt: PlannedRuntime): void {
  sf.getVariableDeclarationOrThrow('SDK').setInitializer(JSON.stringify(rt.facts, null, 2));
  const doc = sf.getStatements()[0];
  const first = sf.getLeadingCommentRanges()[0] ?? doc?.getLeadingCommentRanges()[0];
  if (first)
    sf.replaceText(
      [first.getPos(), first.getEnd()],
      `/**\n * The facts of the ${rt.clientName} SDK that its runtime reads (written from the SDK config): its name,\n * where requests go, which credentials it takes and how they travel, the headers every request carries, what\n * its event streams look like.\n */`,
    );
}

/** Per credential: a `string | null` property and a protected auth method; config statics; no unused policy. */
function instantiateBaseClient(sf: SourceFile, rt: PlannedRuntime): void {
  const cls = sf.getClassOrThrow('BaseClient');
  for (const m of [...cls.getProperties(), ...cls.getMethods()]) if (hasTag(m, CREDENTIAL_TAG)) m.remove();
  cls.insertProperties(
    0,
    rt.facts.credentials.map((c) => ({
      name: c.option,
      type: 'string | null',
      initializer: 'null',
      docs: [`Credential sent as \`${c.header}\`${c.env ? `; read from \`${c.env}\` when not passed` : ''}.`],
    })),
  );
  const after = cls.getMethodOrThrow('authHeaders').getChildIndex() + 1;
  cls.insertMethods(
    after,
    rt.facts.credentials.map((c, i) => ({
      name: c.method,
      scope: Scope.Protected,
      isAsync: true,
      parameters: [{ name: '_opts', type: 'FinalRequestOptions' }],
      returnType: 'Promise<NullableHeaders | undefined>',
      docs: [`Headers for \`${c.option}\` (\`${c.header}\`).`],
      statements: `return this.credentialHeaders(SDK.credentials[${i}]!);`,
    })),
  );
  if (!rt.facts.nonStreamingLimit)
    for (const name of ['calculateNonstreamingTimeout', '_calculateNonstreamingTimeout'])
      cls.getMethod(name)?.remove();
  const timeout = cls.getStaticPropertyOrThrow('DEFAULT_TIMEOUT');
  cls.insertProperties(timeout.getChildIndex(), [
    { name: rt.clientName, isStatic: true, initializer: 'this' },
    ...rt.statics.map((s) => ({ name: s.name, isStatic: true, initializer: JSON.stringify(s.value) })),
  ]);
}

/** `ClientOptions` gets one member per credential option. */
function instantiateClientOptions(sf: SourceFile, rt: PlannedRuntime): void {
  const opts: InterfaceDeclaration = sf.getInterfaceOrThrow('ClientOptions');
  for (const p of opts.getProperties()) if (hasTag(p, CREDENTIAL_TAG)) p.remove();
  opts.insertProperties(
    0,
    rt.facts.credentials.map((c) => ({
      name: c.option,
      hasQuestionToken: true,
      type: 'string | ApiKeySetter | null | undefined',
      docs: [
        `Credential sent as \`${c.header}: ${c.format.replace('{value}', '<value>')}\`; a function is called before each\nrequest and must resolve to a non-empty string.\n@default ${c.env ? `process.env['${c.env}'] ?? null` : 'null'}`,
      ],
    })),
  );
  setDefault(opts, 'baseURL', `${envDefault(rt.facts.baseURLEnv)}'${rt.facts.baseURL}'`);
  setDefault(opts, 'logLevel', `${envDefault(rt.facts.logLevelEnv)}'warn'`);
  setDefault(opts, 'timeout', String(rt.facts.timeoutMs));
  setDefault(opts, 'maxRetries', String(rt.facts.maxRetries));
}

const envDefault = (env: string | undefined) => (env ? `process.env['${env}'] ?? ` : '');

/** Rewrites the `@default` tag of one property's JSDoc. */
function setDefault(opts: InterfaceDeclaration, name: string, value: string): void {
  const tag = opts
    .getPropertyOrThrow(name)
    .getJsDocs()
    .flatMap((d) => d.getTags())
    .find((t) => t.getTagName() === 'default');
  if (!tag) throw new Error(`runtime: ClientOptions.${name} has no @default tag`);
  tag.replaceWithText(`@default ${value}`);
}
