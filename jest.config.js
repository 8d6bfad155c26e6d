/**
 * One Jest run for every package (native ESM: `node --experimental-vm-modules`), TypeScript through SWC.
 * Client tests run in jest-fixed-jsdom (jsdom with fetch/Request for MSW); the others in Node.
 */
const swc = (tsx) => [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx },
      transform: tsx ? { react: { runtime: 'automatic' } } : undefined,
      target: 'es2022',
    },
    module: { type: 'es6' },
  },
];

const nodeProject = (name) => ({
  displayName: name,
  rootDir: `<rootDir>/${name}`,
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc(false) },
  testMatch: ['<rootDir>/src/**/*.test.ts'],
});

export default {
  projects: [
    nodeProject('shared'),
    nodeProject('bff'),
    nodeProject('mocks'),
    {
      displayName: 'client',
      rootDir: '<rootDir>/client',
      testEnvironment: 'jest-fixed-jsdom',
      testEnvironmentOptions: { customExportConditions: [''] },
      extensionsToTreatAsEsm: ['.ts', '.tsx'],
      transform: { '^.+\\.tsx?$': swc(true) },
      moduleNameMapper: { '\\.css$': '<rootDir>/src/testing/style-stub.js' },
      setupFilesAfterEnv: ['<rootDir>/src/testing/setup-tests.ts'],
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
    },
  ],
};
