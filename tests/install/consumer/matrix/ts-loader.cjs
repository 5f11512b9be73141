// A transpile-only TypeScript loader for the webpack build (what ts-loader does with transpileOnly: true).
const ts = require('typescript');

module.exports = function transpile(source) {
  const compilerOptions = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 };
  return ts.transpileModule(source, { fileName: this.resourcePath, compilerOptions }).outputText;
};
