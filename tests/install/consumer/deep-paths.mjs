// Imports every 0.74.0-style deep path through the ESM entry points, and checks internal/ stays private.
import { readFileSync } from 'node:fs';

const paths = JSON.parse(readFileSync(new URL('./deep-paths.json', import.meta.url), 'utf8'));
const unresolved = [];
for (const path of paths) {
  await import(path).catch((err) => unresolved.push(`${path}: ${err.code ?? err.message}`));
}
const internal = await import('@sdkgen/anthropic/internal/headers').then(
  () => 'importable',
  (err) => err.code,
);
console.log(JSON.stringify({ unresolved, internal }));
