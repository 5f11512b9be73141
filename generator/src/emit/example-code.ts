import { FILE_MARKER } from '../plan/examples.js';
import { isIdentifierName } from '../plan/names.js';
import type { PlannedMethod } from '../plan/types.js';
import { literal } from './type-printer.js';

/** How an example file upload is written: in docs a read stream, in tests an in-memory file. */
export type FileStyle = 'docs' | 'test';

/** Renders a JSON-like value as TypeScript, compact when it fits in `width`, else one entry per line. */
export function renderValue(v: unknown, files: FileStyle, indent = '', width = 70): string {
  if (v === FILE_MARKER)
    return files === 'docs'
      ? "fs.createReadStream('path/to/file')"
      : "await toFile(Buffer.from('Example data'), 'README.md')";
  if (v === null || typeof v !== 'object') return v === undefined ? 'undefined' : literal(v);
  const inner = `${indent}  `;
  const entries = Array.isArray(v)
    ? v.map((x) => renderValue(x, files, inner, width))
    : Object.entries(v).map(
        ([k, x]) => `${isIdentifierName(k) ? k : literal(k)}: ${renderValue(x, files, inner, width)}`,
      );
  const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{ ', ' }'];
  if (entries.length === 0) return Array.isArray(v) ? '[]' : '{}';
  const flat = `${open}${entries.join(', ')}${close}`;
  if (flat.length + indent.length <= width && !flat.includes('\n')) return flat;
  return `${open.trim()}\n${entries.map((e) => `${inner}${e},`).join('\n')}\n${indent}${close.trim()}`;
}

/** Variable name for a result: `messageBatch` for `MessageBatch`. */
function resultName(typeName: string | undefined): string {
  if (!typeName) return 'result';
  const last = typeName.split('.').pop()!;
  return last.charAt(0).toLowerCase() + last.slice(1);
}

/** The `@example` body for a method, calling it through the client with the planned example arguments. */
export function methodExample(m: PlannedMethod, resultTypeName: string | undefined): string {
  const args = m.minimalArgs.map((a) => renderValue(a, 'docs', '')).join(', ');
  const call = `${m.clientPath}.${m.name}(${args})`;
  if (m.page) {
    const v = resultName(resultTypeName);
    return `// Automatically fetches more pages as needed.\nfor await (const ${v} of ${call}) {\n  // ...\n}`;
  }
  switch (m.response.kind) {
    case 'binary':
      return `const response = await ${call};\n\nconst content = await response.blob();\nconsole.log(content);`;
    case 'empty':
      return `await ${call};`;
    case 'sse':
      return `const stream = await ${call};\nfor await (const event of stream) {\n  console.log(event);\n}`;
    case 'jsonl':
      return `const results = await ${call};\nfor await (const entry of results) {\n  console.log(entry);\n}`;
    default:
      return `const ${resultName(resultTypeName)} = await ${call};`;
  }
}
