// jest 29 in CommonJS mode with the @swc/jest transform.
module.exports = {
  rootDir: __dirname,
  roots: ['<rootDir>'],
  testEnvironment: 'node',
  testMatch: ['<rootDir>/harness.jest.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', {}] },
};
