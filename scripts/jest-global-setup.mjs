// Once per Jest run, before its workers start (they inherit the environment): the RSA key every Pro Santé Connect
// simulator of the tests signs with (bff/src/testing/test-config.ts). Making one takes 0.1–0.4 s of CPU, and
// each test file of the BFF starts at least one simulator, twice per `npm test` (Node 20 and Node 24).
import { generateKeyPairSync } from 'node:crypto';

export default function globalSetup() {
  process.env.SESALI_TEST_PSC_JWK ??= JSON.stringify(
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
  );
}
