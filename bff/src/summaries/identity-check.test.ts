import type { PatientDemographics } from '@sesali/shared';
import { checkDocumentPatient, normaliseName, PatientMismatchError, type DocumentPatient } from './identity-check';

const identified: PatientDemographics = {
  patientId: [{ root: '2.16.620.1.101.10.1.1', extension: '284613705' }],
  givenName: 'Ana Rita',
  familyName: 'Sousa Monteiro',
  birthDate: '1990-02-11',
};
const name = (family: string[]) => ({ given: ['Ana'], family, prefix: [], suffix: [] });
const document = (patient: Partial<DocumentPatient>): DocumentPatient => ({ identifiers: [], names: [], ...patient });

describe('checkDocumentPatient', () => {
  it('passes on an identifier in common (same root and extension)', () => {
    expect(
      checkDocumentPatient(
        identified,
        document({ identifiers: [{ root: 'urn:oid:2.16.620.1.101.10.1.1', extension: ' 284613705' }] }),
      ),
    ).toEqual({ method: 'identifier', compared: ['identifier'] });
  });

  it('does not take the same extension under another root as the same patient', () => {
    expect(() =>
      checkDocumentPatient(
        identified,
        document({ identifiers: [{ root: '2.16.620.1.101.10.1.2', extension: '284613705' }] }),
      ),
    ).toThrow(PatientMismatchError);
  });

  it('else compares family name (case, accents, spaces normalised) and birth date, both required', () => {
    expect(
      checkDocumentPatient(
        identified,
        document({ names: [name(['SOUSA', 'MONTEIRO'])], birthDate: '1990-02-11T00:00' }),
      ),
    ).toEqual({ method: 'nameAndBirthDate', compared: ['familyName', 'birthDate'] });
    expect(normaliseName('Dvořáková')).toBe(normaliseName('DVORAKOVA'));
    // Name alone, birth date alone, or part of the family name: refused.
    for (const patient of [
      document({ names: [name(['Sousa Monteiro'])], birthDate: '1991-02-11' }),
      document({ names: [name(['Ferreira'])], birthDate: '1990-02-11' }),
      document({ names: [name(['Sousa'])], birthDate: '1990-02-11' }),
      document({ names: [name(['Sousa Monteiro'])] }),
    ])
      expect(() => checkDocumentPatient(identified, patient)).toThrow(PatientMismatchError);
  });

  it('refuses when the identified patient has no name or birth date to compare and no identifier matches', () => {
    const bare = { patientId: identified.patientId };
    expect(() =>
      checkDocumentPatient(bare, document({ names: [name(['Sousa Monteiro'])], birthDate: '1990-02-11' })),
    ).toThrow(PatientMismatchError);
  });
});
