/**
 * The simulated member states for contact-point tests: an assertion signer with the test key, and MSW
 * handlers that verify its assertions, answering on `baseUrl` from the given fixtures.
 */
import { createLocalJWKSet } from 'jose';
import { setupServer } from 'msw/node';
import { memberStateHandlers, type FixtureStore } from '@sesali/mocks/member-states';
import { createAssertionSigner } from '../contact-point/assertions';
import { TEST_ASSERTION_PEM } from './test-dependencies';

export async function startSimulatedMemberStates(baseUrl: string, fixtures: FixtureStore) {
  const signer = await createAssertionSigner({
    pem: TEST_ASSERTION_PEM,
    issuer: 'http://localhost:3999',
    audience: baseUrl,
    ttlSeconds: 60,
  });
  const server = setupServer(
    ...memberStateHandlers({ baseUrl, fixtures, keys: createLocalJWKSet(signer.jwks), audience: baseUrl }),
  );
  server.listen({ onUnhandledRequest: 'error' });
  return { signer, server };
}
