export { jsonSchemaOutputFormat } from './json-schema.js';
export { zodOutputFormat } from './zod.js';
