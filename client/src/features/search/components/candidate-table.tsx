/**
 * Several patients match: the professional compares them with the patient in front of them and picks one.
 * Only demographics are shown; each choice leads to the confirmation page by the candidate's opaque `ref`.
 */
import type { Ref } from 'react';
import { Link } from 'react-router';
import { fr } from '@codegouvfr/react-dsfr';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { PatientCandidate } from '@sesali/shared';
import { formatBirthDate, genderLabel, NOT_GIVEN, patientName } from '@/components/patient/patient-identity';

export function CandidateTable({
  candidates,
  headingRef,
}: {
  candidates: PatientCandidate[];
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  return (
    <section aria-labelledby="patients-trouves" className={fr.cx('fr-mt-6w')}>
      <h2 id="patients-trouves" ref={headingRef} tabIndex={-1}>
        {candidates.length} patients correspondent à votre recherche
      </h2>
      <p>Vérifiez avec le patient, ou sur sa pièce d’identité, lequel il est.</p>
      <Table
        caption="Patients correspondant à votre recherche"
        noCaption
        headers={['Nom', 'Date de naissance', 'Sexe', 'Adresse', <span className={fr.cx('fr-sr-only')}>Choix</span>]}
        data={candidates.map((candidate) => {
          const name = patientName(candidate);
          const birthDate = formatBirthDate(candidate.birthDate);
          return [
            name,
            birthDate,
            genderLabel(candidate.gender),
            candidate.address ?? NOT_GIVEN,
            <Link className={fr.cx('fr-btn', 'fr-btn--sm')} to={`/patient/${candidate.ref}`}>
              C’est ce patient
              <span className={fr.cx('fr-sr-only')}>
                {' '}
                : {name}, {birthDate}
              </span>
            </Link>,
          ];
        })}
      />
    </section>
  );
}
