import { camelCase, pascalCase } from '../plan/names.js';

/** One `client.auth` entry as `sdkgen init` writes it. */
export interface InitAuth {
  option: string;
  env: string;
  header: string;
  format: string;
  securityScheme: string;
}

/** The API's name without a trailing `API`/`REST API`/`Service` (`Petstore API` -> `Petstore`). */
export function apiName(title: string): string {
  const words = title
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && /^(api|rest|service|openapi|spec)$/i.test(words[words.length - 1]!)) words.pop();
  return words.join(' ') || 'Client';
}

/** `Petstore` -> `PETSTORE`, `Acme Cloud` -> `ACME_CLOUD`: the prefix of the client's env vars. */
export function envPrefix(title: string): string {
  return apiName(title)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_');
}

/** Client class name from the title: `Petstore API` -> `Petstore`; a leading digit gets an `Api` prefix. */
export function clientClassName(title: string): string {
  const name = pascalCase(apiName(title));
  return /^[A-Za-z]/.test(name) ? name : `Api${name}`;
}

/** npm package name from the title: `Acme Cloud API` -> `acme-cloud`. */
export function packageName(title: string): string {
  return apiName(title)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
}

/** The first server URL with its variables replaced by their defaults, if the spec has an absolute one. */
export function serverURL(doc: Record<string, any>): string | undefined {
  const server = Array.isArray(doc.servers) ? doc.servers[0] : undefined;
  if (typeof server?.url !== 'string') return undefined;
  const url = server.url.replace(/\{([^}]+)\}/g, (_: string, v: string) =>
    String(server.variables?.[v]?.default ?? v),
  );
  return /^https?:\/\//.test(url) ? url.replace(/\/$/, '') : undefined;
}

/** Header, value format and preferred option name of one security scheme, or undefined when unsupported. */
function schemeAuth(scheme: any): { header: string; format: string; option: string } | undefined {
  if (scheme?.type === 'http' && /^bearer$/i.test(scheme.scheme ?? ''))
    return { header: 'Authorization', format: 'Bearer {value}', option: 'authToken' };
  if (scheme?.type === 'http' && /^basic$/i.test(scheme.scheme ?? ''))
    return { header: 'Authorization', format: 'Basic {value}', option: 'basicAuth' };
  if (scheme?.type === 'apiKey' && scheme.in === 'header' && typeof scheme.name === 'string')
    return { header: scheme.name, format: '{value}', option: 'apiKey' };
  if (scheme?.type === 'oauth2' || scheme?.type === 'openIdConnect')
    return { header: 'Authorization', format: 'Bearer {value}', option: 'accessToken' };
  return undefined;
}

/**
 * Client auth options from the security schemes, the globally required ones first. The first option is
 * `apiKey` (what users look for); env vars are `<PREFIX>_<OPTION>` (`PETSTORE_API_KEY`). Schemes the runtime
 * cannot send (API keys in a query or cookie) are returned in `skipped`.
 */
export function initAuth(doc: Record<string, any>, prefix: string): { auth: InitAuth[]; skipped: string[] } {
  const schemes: Record<string, any> = doc.components?.securitySchemes ?? {};
  const global = (Array.isArray(doc.security) ? doc.security : []).flatMap((r: object) => Object.keys(r));
  const names = [...new Set([...global, ...Object.keys(schemes)])].filter((n) => schemes[n]);
  const auth: InitAuth[] = [];
  const skipped: string[] = [];
  for (const name of names) {
    const a = schemeAuth(schemes[name]);
    if (!a) {
      skipped.push(name);
      continue;
    }
    let option = auth.length === 0 ? 'apiKey' : a.option;
    if (auth.some((x) => x.option === option)) option = camelCase(name);
    const env = `${prefix}_${option.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
    auth.push({ option, env, header: a.header, format: a.format, securityScheme: name });
  }
  return { auth, skipped };
}
