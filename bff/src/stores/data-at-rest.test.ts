/**
 * Patient data at rest in the embedded session store: after logout, nothing of the patient the session found
 * and consulted can be read anywhere in the store's files (database, WAL, shared memory), and the files are
 * readable by the service's user only.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from '../testing/harness';
import { consentedRef, shippedPatient } from '../testing/shipped-patients';

let directory: string;
let harness: Harness;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'sesali-rest-'));
  harness = await startHarness({ env: { SESSION_SQLITE_PATH: join(directory, 'sessions.sqlite') } });
});
afterAll(async () => {
  await harness.close();
  rmSync(directory, { recursive: true, force: true });
});

/** Every file of the store's folder, as bytes. */
const storeFiles = () =>
  readdirSync(directory).map((name) => ({
    name,
    bytes: readFileSync(join(directory, name)),
    mode: statSync(join(directory, name)).mode & 0o777,
  }));

describe('session store at rest', () => {
  it('keeps nothing of the patient readable after logout, in files only the service can read', async () => {
    const patient = shippedPatient('PT', 'complete');
    const secrets = [
      patient.identifiers[0]?.extension ?? '?',
      'Monteiro',
      patient.demographics.birthDate ?? '?',
      patient.demographics.streetAddress ?? '?',
    ];
    const doctor = await harness.loggedIn('medecin-generaliste');
    const ref = await consentedRef(doctor, 'PT', 'complete', 'pt');
    await doctor.get(`/api/patients/${ref}/summary`).expect(200);

    // While the session lives, the patient is in it: the check below can see it.
    const during = storeFiles();
    expect(during.some(({ bytes }) => bytes.includes('Monteiro'))).toBe(true);
    for (const { name, mode } of during) expect({ name, mode: mode.toString(8) }).toEqual({ name, mode: '600' });

    await doctor.post('/auth/logout').expect(200);
    for (const { name, bytes } of storeFiles())
      for (const secret of secrets)
        expect({ name, secret, found: bytes.includes(secret) }).toEqual({ name, secret, found: false });
  });
});
