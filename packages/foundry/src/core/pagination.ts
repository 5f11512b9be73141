/** Re-exports `@sdkgen/anthropic/core/pagination`, as the official platform packages do. */
export * from '@sdkgen/anthropic/core/pagination';
