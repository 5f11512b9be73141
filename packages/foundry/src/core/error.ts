/** Re-exports `@sdkgen/anthropic/core/error`, as the official platform packages do. */
export * from '@sdkgen/anthropic/core/error';
