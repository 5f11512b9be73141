// The consumer project's own vitest: only the harness, no watch.
export default { test: { include: ['harness.vitest.ts'], watch: false } };
