// Requires every 0.74.0-style deep path through the CommonJS entry points, and checks internal/ stays private.
const paths = require('./deep-paths.json');

const unresolved = [];
for (const path of paths) {
  try {
    require(path);
  } catch (err) {
    unresolved.push(`${path}: ${err.code ?? err.message}`);
  }
}
let internal = 'importable';
try {
  require('@sdkgen/anthropic/internal/headers');
} catch (err) {
  internal = err.code;
}
console.log(JSON.stringify({ unresolved, internal }));
