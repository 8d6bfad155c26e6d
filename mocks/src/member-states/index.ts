export { memberStateHandlers, type MemberStateOptions } from './handlers';
export {
  createFixtureStore,
  FIXTURES_RECHECK_MS,
  loadFixtures,
  type FixtureProblem,
  type FixtureStore,
} from './fixture-store';
export * from './fixture-schemas';
export { writeCountry, writePatient } from './test-fixtures';
