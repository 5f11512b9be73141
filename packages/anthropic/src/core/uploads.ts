export { type Uploadable } from '../internal/uploads.js';
export { toFile, type ToFileInput } from '../internal/to-file.js';
