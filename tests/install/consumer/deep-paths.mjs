// Imports every 0.74.0-style deep path through the ESM entry points, checks internal/ stays private and that
// every class a deep path shares with the root entry is the same object there.
import { readFileSync } from 'node:fs';

const paths = JSON.parse(readFileSync(new URL('./deep-paths.json', import.meta.url), 'utf8'));
const root = await import('@sdkgen/anthropic');
const unresolved = [];
// A class or function a deep path exports under a root export's name must be that same object (one definition).
const split = [];
for (const path of paths) {
  const mod = await import(path).catch((err) => unresolved.push(`${path}: ${err.code ?? err.message}`));
  for (const [name, value] of Object.entries(mod ?? {})) {
    if (typeof value === 'function' && typeof root[name] === 'function' && value !== root[name]) {
      split.push(`${path}#${name}`);
    }
  }
}
const internal = await import('@sdkgen/anthropic/internal/headers').then(
  () => 'importable',
  (err) => err.code,
);
console.log(JSON.stringify({ unresolved, internal, split }));
