/** Re-exports `@sdkgen/anthropic/core/streaming`, as the official platform packages do. */
export * from '@sdkgen/anthropic/core/streaming';
