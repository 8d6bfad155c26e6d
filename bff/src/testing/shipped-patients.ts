/** Search helpers over the shipped fixtures (mocks/fixtures), for BFF integration tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { searchFormSchema } from '@sesali/shared';
import { shippedFixturesDir } from '@sesali/mocks/fixtures-dir';
import { patientFixtureSchema } from '@sesali/mocks/member-states';
import type { Agent } from './harness';

export function shippedPatient(cc: string, folder: string) {
  return patientFixtureSchema.parse(
    JSON.parse(readFileSync(join(shippedFixturesDir, cc, 'patients', folder, 'patient.json'), 'utf8')),
  );
}

/** The search form filled with a shipped patient's identifiers: the first group its identifiers cover. */
export async function searchValuesFor(
  agent: Agent,
  cc: string,
  folder: string,
): Promise<{ group: number; values: Record<string, string> }> {
  const form = searchFormSchema.parse((await agent.get(`/api/countries/${cc}/search-form`).expect(200)).body);
  const { identifiers, demographics } = shippedPatient(cc, folder);
  const group = form.identifierGroups.findIndex((g) =>
    g.fields.every((f) => identifiers.some((id) => id.root === f.domain)),
  );
  if (group < 0) throw new Error(`${cc}/${folder}: no identifier group of the mask fits the fixture`);
  const values: Record<string, string> = {};
  for (const field of form.identifierGroups[group]?.fields ?? []) {
    values[field.key] = identifiers.find((id) => id.root === field.domain)?.extension ?? '';
  }
  for (const field of form.otherFields) {
    if (field.kind === 'birthDate' && demographics.birthDate) values[field.key] = demographics.birthDate;
  }
  return { group, values };
}

export async function searchShipped(agent: Agent, cc: string, folder: string) {
  return agent.post('/api/patients/search').send({ countryCode: cc, ...(await searchValuesFor(agent, cc, folder)) });
}

/** The ref of a shipped patient found by `agent`'s session. */
export async function refOf(agent: Agent, cc: string, folder: string): Promise<string> {
  const response = await searchShipped(agent, cc, folder);
  if (response.status !== 200) throw new Error(`${cc}/${folder}: search answered ${response.status}`);
  return (response.body as { candidates: { ref: string }[] }).candidates[0]?.ref as string;
}

/** The consent a professional attests for a treatment, in the notice's language. */
export const treatmentConsent = (noticeLanguage: string) => ({
  noticeLanguage,
  purposeOfUse: 'TREATMENT',
  attestations: { noticeGiven: true, consentSigned: true, noticeKept: true },
});

/** A shipped patient found, and consent recorded for treatment: the ref to ask documents with. */
export async function consentedRef(agent: Agent, cc: string, folder: string, noticeLanguage: string): Promise<string> {
  const ref = await refOf(agent, cc, folder);
  await agent.post(`/api/patients/${ref}/consent`).send(treatmentConsent(noticeLanguage)).expect(201);
  return ref;
}
