// Requires every 0.74.0-style deep path through the CommonJS entry points, checks internal/ stays private and that
// every class a deep path shares with the root entry is the same object there.
const paths = require('./deep-paths.json');

const root = require('@sdkgen/anthropic');
const unresolved = [];
// A class or function a deep path exports under a root export's name must be that same object (one definition).
const split = [];
for (const path of paths) {
  let mod = {};
  try {
    mod = require(path);
  } catch (err) {
    unresolved.push(`${path}: ${err.code ?? err.message}`);
  }
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value === 'function' && typeof root[name] === 'function' && value !== root[name]) {
      split.push(`${path}#${name}`);
    }
  }
}
let internal = 'importable';
try {
  require('@sdkgen/anthropic/internal/headers');
} catch (err) {
  internal = err.code;
}
console.log(JSON.stringify({ unresolved, internal, split }));
