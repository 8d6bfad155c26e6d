/**
 * After all the journeys: the audit trail of the whole run, as an auditor exports it (`npm run audit -- export`
 * and `verify`, on the run's data folder). It holds the journeys' events with the professional's RPPS, a
 * refused login, and no national identifier or patient name in clear.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { dataDir } from '../playwright.config';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(repoRoot, 'mocks', 'fixtures');

/** The audit command on the run's data folder: its exit code and output. */
function audit(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'bff/src/audit/cli.ts', ...args],
      { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir, AUDIT_DATABASE_URL: '' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Every patient's identifiers and names in the shipped fixtures: none may appear in the trail. */
function secrets(): string[] {
  const out: string[] = [];
  for (const cc of readdirSync(fixtures).filter((name) => /^[A-Z]{2}$/.test(name))) {
    let folders: string[];
    try {
      folders = readdirSync(join(fixtures, cc, 'patients'));
    } catch {
      continue;
    }
    for (const folder of folders) {
      const patient = JSON.parse(readFileSync(join(fixtures, cc, 'patients', folder, 'patient.json'), 'utf8')) as {
        identifiers: { extension: string }[];
        demographics: { familyName?: string; givenName?: string };
      };
      for (const id of patient.identifiers) out.push(id.extension);
      for (const name of [patient.demographics.familyName, patient.demographics.givenName])
        if (name && name.length > 3) out.push(name);
    }
  }
  return out;
}

test('the run’s audit trail is whole, complete, and holds nothing of a patient in clear', async () => {
  // Both read the trail, neither writes it: side by side (each command starts a Node process).
  const [verify, exported] = await Promise.all([audit('verify'), audit('export')]);
  expect(verify.stderr).toBe('');
  expect(verify.status).toBe(0);
  expect(verify.stdout).toMatch(/^Audit trail intact: \d+ events/);

  expect(exported.status).toBe(0);
  const events = exported.stdout
    .trim()
    .split('\n')
    .map(
      (line) =>
        JSON.parse(line) as { action: string; outcome: string; actor: { professionalId: string | null } | null },
    );
  const actions = new Set(events.map((event) => event.action));
  for (const action of ['login', 'patient_search', 'consent_attested', 'summary_viewed', 'original_viewed', 'logout'])
    expect(actions).toContain(action);
  // The journeys' consultations carry the professional's national identifier (idNat: 8 + RPPS).
  expect(
    events
      .filter((event) => event.action === 'summary_viewed')
      .every((event) => /^8\d{11}$/.test(event.actor?.professionalId ?? '')),
  ).toBe(true);
  // A refused login (occupational medicine, a revoked card) left its event too.
  expect(events.some((event) => event.action === 'access_refused' && event.outcome === 'refused')).toBe(true);
  for (const secret of secrets()) expect(exported.stdout, secret).not.toContain(secret);
});
