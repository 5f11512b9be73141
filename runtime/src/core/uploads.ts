export { type ToFileInput, toFile } from '../internal/to-file.js';
export type { Uploadable } from '../internal/uploads.js';
