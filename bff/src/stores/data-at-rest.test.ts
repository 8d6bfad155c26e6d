/**
 * Patient data at rest in the embedded session store: while a session lives its patients cannot be read in the
 * store's files (encrypted); after logout nothing of them is left anywhere (database, WAL, shared memory), even
 * unencrypted; and the files are readable by the service's user only.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type session from 'express-session';
import { startHarness, type Harness } from '../testing/harness';
import { consentedRef, shippedPatient } from '../testing/shipped-patients';
import { openSessionDatabase } from './session-store';
import { SqliteSessionStore } from './sqlite-session-store';

let directory: string;
let harness: Harness;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'sesali-rest-'));
  harness = await startHarness({ env: { SESSION_SQLITE_PATH: join(directory, 'live', 'sessions.sqlite') } });
});
afterAll(async () => {
  await harness.close();
  rmSync(directory, { recursive: true, force: true });
});

/** Every file of a store's folder, as bytes. */
const storeFiles = (folder: string) =>
  readdirSync(folder).map((name) => ({
    name,
    bytes: readFileSync(join(folder, name)),
    mode: statSync(join(folder, name)).mode & 0o777,
  }));

/** No file of the folder holds any of the secrets: a text as it is, or a pattern over the bytes. */
const expectNoneOf = (folder: string, secrets: (string | RegExp)[]) => {
  for (const { name, bytes } of storeFiles(folder))
    for (const secret of secrets) {
      const found = typeof secret === 'string' ? bytes.includes(secret) : secret.test(bytes.toString('latin1'));
      expect({ name, secret, found }).toEqual({ name, secret, found: false });
    }
};

/**
 * An ID token in clear: a JWT's header and payload, each JSON in base64url (so beginning `eyJ`), joined by a dot.
 * Looking for `eyJ` alone was wrong: the sealed session is base64url text, and three random characters of it
 * spell `eyJ` once in about 260,000, which a WAL of several sealed versions reached now and then.
 */
const JWT_IN_CLEAR = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\./;

describe('session store at rest', () => {
  it('keeps the patient unreadable in the files while the session lives, and nothing of it after logout', async () => {
    const live = join(directory, 'live');
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

    // The session holds the patient, but the store's files show none of it, nor the professional, nor the ID token.
    const files = storeFiles(live);
    expect(files.length).toBeGreaterThan(0);
    for (const { name, mode } of files) expect({ name, mode: mode.toString(8) }).toEqual({ name, mode: '600' });
    expectNoneOf(live, [...secrets, 'MARTIN', JWT_IN_CLEAR]);

    await doctor.post('/auth/logout').expect(200);
    expectNoneOf(live, secrets);
  });

  it('leaves nothing of an ended session in the files even without encryption (secure_delete, WAL emptied)', async () => {
    const folder = join(directory, 'plain');
    // The service's database settings, with plain JSON rows: the deletion alone must erase them.
    const plain = new SqliteSessionStore(openSessionDatabase(join(folder, 'sessions.sqlite')), 30 * 60 * 1000);
    const marker = 'Marker-Patient-Zyxwv';
    const call = (fn: (cb: (error?: unknown) => void) => void) =>
      new Promise<void>((resolve, reject) =>
        fn((error) => (error ? reject(error instanceof Error ? error : new Error('store failure')) : resolve())),
      );
    const data = { cookie: { originalMaxAge: null }, user: { familyName: marker } } as unknown as session.SessionData;
    await call((cb) => plain.set('s1', data, cb));
    expect(storeFiles(folder).some(({ bytes }) => bytes.includes(marker))).toBe(true);
    await call((cb) => plain.destroy('s1', cb));
    expectNoneOf(folder, [marker]);
    plain.close();
  });
});
