// Compiles program.ts for the plain node harnesses, as tsc would per file: build/program.mjs (ES module) and
// build/program.cjs (CommonJS with esModuleInterop).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';

const source = readFileSync('program.ts', 'utf8');
const targets = { mjs: ts.ModuleKind.ESNext, cjs: ts.ModuleKind.CommonJS };
mkdirSync('build', { recursive: true });
for (const [extension, module] of Object.entries(targets)) {
  const { outputText } = ts.transpileModule(source, {
    fileName: 'program.ts',
    compilerOptions: { module, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  writeFileSync(`build/program.${extension}`, outputText);
}
