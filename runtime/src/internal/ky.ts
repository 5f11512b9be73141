/**
 * The one place the SDK imports ky. The build replaces this module's compiled output (ESM and CommonJS) with a
 * bundle that has ky inlined (see scripts/vendor-ky.mjs), so the published package has no runtime dependency on
 * ky: ky ships only ES modules, which `require()` under jest, older bundlers and `require` hooks cannot load.
 * Only what the transport uses is exported, so the bundle keeps just that part of ky.
 */
export { default, ForceRetryError, isTimeoutError } from 'ky';
