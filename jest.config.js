/**
 * One Jest run for every package (native ESM: `node --experimental-vm-modules`), TypeScript through SWC.
 * Client tests run in jest-fixed-jsdom (jsdom with fetch/Request for MSW); the others in Node.
 */
const swc = (tsx, moduleType = 'es6') => [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx },
      transform: tsx ? { react: { runtime: 'automatic' } } : undefined,
      target: 'es2022',
    },
    module: { type: moduleType },
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
  globalSetup: '<rootDir>/scripts/jest-global-setup.mjs',
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
      // react-dsfr ships ES modules in a package Node reads as CommonJS: SWC turns them into CommonJS.
      transform: { '^.+\\.tsx?$': swc(true), 'node_modules/.+\\.js$': swc(false, 'commonjs') },
      transformIgnorePatterns: ['node_modules/(?!(\\.pnpm|@codegouvfr)/)'],
      moduleNameMapper: { '\\.css$': '<rootDir>/src/testing/style-stub.js', '^@/(.*)$': '<rootDir>/src/$1' },
      setupFilesAfterEnv: ['<rootDir>/src/testing/setup-tests.ts'],
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
    },
  ],
};
