import { dirname, relative, resolve } from 'node:path';
import { Document, isMap, isSeq, type Node, visit } from 'yaml';
import { userConfigSchema } from '../config/schema.js';
import { GeneratorError, type Warnings } from '../errors.js';
import { load } from '../load/index.js';
import { clientClassName, envPrefix, initAuth, packageName, serverURL } from './client.js';
import { PageSchemes } from './pages.js';
import { initResources } from './resources.js';

/** Options of `sdkgen init`. */
export interface InitOptions {
  /** The OpenAPI document to derive the config from. */
  specPath: string;
  /** Where the config will be written (its `spec` key is relative to this file's folder). */
  configPath: string;
}

/**
 * Derives a starter SDK config from a spec: tags (or leading path segments) -> resources with CRUD method
 * names, security schemes -> `client.auth`, the first server -> `client.baseURL`, page-shaped list
 * responses -> `pagination` schemes, the title -> class, package and env var names. Returns the YAML text;
 * the caller writes it. The result is validated against the config schema before it is returned.
 *
 * @example
 * ```ts
 * const yamlText = await init({ specPath: 'my.yaml', configPath: 'sdk.config.yaml' }, warnings);
 * ```
 */
export async function init(opts: InitOptions, warnings: Warnings): Promise<string> {
  const spec = await load(resolve(opts.specPath), warnings);
  const doc = spec.document;
  const title = String(doc.info?.title ?? 'API');
  const prefix = envPrefix(title);
  const { auth, skipped } = initAuth(doc, prefix);
  for (const name of skipped)
    warnings.add('config', `#/components/securitySchemes/${name}`, 'security scheme not supported; left out');
  const schemes = new PageSchemes();
  const resources = initResources(doc, schemes);
  const baseURL = serverURL(doc);
  const specRel = relative(dirname(resolve(opts.configPath)), resolve(opts.specPath))
    .split('\\')
    .join('/');
  const config = {
    version: 1,
    spec: specRel.startsWith('.') ? specRel : `./${specRel}`,
    package: { name: packageName(title), version: '0.1.0', description: description(doc, title) },
    client: {
      className: clientClassName(title),
      ...(baseURL ? { baseURL: { default: baseURL, env: `${prefix}_BASE_URL` } } : {}),
      ...(auth.length > 0 ? { auth } : {}),
    },
    ...(Object.keys(schemes.table).length > 0 ? { pagination: schemes.table } : {}),
    resources,
  };
  const parsed = userConfigSchema.safeParse(config);
  if (!parsed.success)
    throw new GeneratorError(
      'config',
      `#/${parsed.error.issues[0]!.path.join('/')}`,
      parsed.error.issues[0]!.message,
    );
  return toYaml(config, title, specRel);
}

/** The first paragraph of `info.description`, on one line. */
function description(doc: Record<string, any>, title: string): string {
  const text = typeof doc.info?.description === 'string' ? doc.info.description : '';
  const first = text
    .split(/\n\s*\n/)[0]!
    .replace(/\s+/g, ' ')
    .trim();
  return first || `TypeScript client for the ${title}.`;
}

/** Block YAML with small leaf maps (method entries, page fields, auth entries) on one line each. */
function toYaml(config: object, title: string, specRel: string): string {
  const doc = new Document(config);
  visit(doc, {
    Map(_key, node: Node) {
      if (!isMap(node)) return;
      const leafy = node.items.every((p) => !isMap(p.value) && !isSeq(p.value));
      if (leafy && JSON.stringify(node.toJSON()).length <= 120) node.flow = true;
    },
  });
  doc.commentBefore = [
    ` Starter SDK config for ${title}, written by \`sdkgen init\` from ${specRel}.`,
    ' Edit freely: every key is described in the config reference of the generator README.',
    ' Regenerate the SDK with `sdkgen generate --config <this file> --out <dir>`.',
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}
