import { fileURLToPath } from 'node:url';

/** The fixtures shipped with the project (mocks/fixtures). */
export const shippedFixturesDir = fileURLToPath(new URL('../../fixtures', import.meta.url));
