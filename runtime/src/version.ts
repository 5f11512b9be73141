/** Version of this package (the generator writes each SDK's from its package version). */
export const VERSION = '0.1.0';
