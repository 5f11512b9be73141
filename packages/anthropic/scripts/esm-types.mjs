// One set of declarations for both module formats: every dist/esm/**/*.d.ts becomes a stub that re-exports the
// matching dist/cjs declaration file, so the package ships the types once (they were ~half of the installed size)
// and an ESM and a CommonJS consumer see the very same class types. The stubs are ES-format declarations (dist/esm
// is "type": "module"), so each condition still resolves types of its own format. A default export is re-exported
// under the name it also has; a file whose default export has no such name keeps its full ESM declarations.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** The name a declaration file's default export also has, `null` for none, `undefined` when it has no name. */
function defaultName(dts) {
  const alias = /\b([A-Za-z_$][\w$]*) as default\b/.exec(dts);
  const plain = /^export default ([A-Za-z_$][\w$]*);$/m.exec(dts);
  const name = alias?.[1] ?? plain?.[1];
  if (!name) return /\bexport default\b|\bas default\b/.test(dts) ? undefined : null;
  const named = new RegExp(
    `export (declare )?(abstract )?(class|function|const|let|var|interface|type|enum|namespace) ${name}\\b|[{,]\\s*${name}\\s*[,}]`,
  );
  return named.test(dts.replace(/\b[A-Za-z_$][\w$]* as default\b/g, '')) ? name : undefined;
}

/** Rewrites dist/esm declarations as re-exports of dist/cjs ones; returns how many files became stubs. */
export function shareTypes(dist) {
  let stubs = 0;
  for (const esmFile of walk(join(dist, 'esm')).filter((f) => f.endsWith('.d.ts'))) {
    const rel = relative(join(dist, 'esm'), esmFile);
    const cjsFile = join(dist, 'cjs', rel);
    let cjs;
    try {
      cjs = readFileSync(cjsFile, 'utf8');
    } catch {
      continue;
    }
    const name = defaultName(cjs);
    if (name === undefined) continue;
    let spec = relative(dirname(esmFile), cjsFile)
      .replace(/\\/g, '/')
      .replace(/\.d\.ts$/, '.js');
    if (!spec.startsWith('.')) spec = `./${spec}`;
    const lines = [`export * from '${spec}';`];
    if (name) lines.push(`export { ${name} as default } from '${spec}';`);
    writeFileSync(esmFile, `${lines.join('\n')}\n`);
    stubs++;
  }
  return stubs;
}
