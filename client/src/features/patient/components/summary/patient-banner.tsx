/**
 * Who the summary is about and where it comes from: how the BFF made sure the document is this patient's, the
 * patient's names, identifiers, birth date and sex, the sending country, the document's date (its own, with
 * the time zone it gave), language, author and custodian; then the guardians and contacts the document names.
 * Names and organisations are shown as the document spells them.
 */
import { useId, type ReactNode } from 'react';
import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { Author, Contact, Identifier, SummaryHeader, SummaryResponse } from '@sesali/shared';
import { formatBirthDate } from '@/components/patient/patient-identity';
import { Coded, DocumentText, orMissing } from './coded-value';
import { addressText, formatDateWithZone, languageName, personNameText, telecomText } from './summary-format';

export const IDENTITY_CHECK_TEXT: Record<SummaryResponse['identityCheck']['method'], string> = {
  identifier: 'Identité vérifiée : identifiant commun',
  nameAndBirthDate: 'Identité vérifiée : nom de famille et date de naissance',
};

/** « 123456789 (Portugal — Número de utente (SNS)) », or the OID of its issuer when nobody names it. */
function identifierText({ root, extension, issuer }: Identifier): string {
  const by = issuer ?? `OID ${root}`;
  return extension !== undefined ? `${extension} (${by})` : by;
}

function authorView(author: Author): ReactNode {
  const organisation = author.organisation?.name;
  switch (author.kind) {
    case 'device': {
      const software = author.device?.softwareName ?? author.device?.manufacturerModelName ?? 'non précisé';
      return (
        <div className="sesali-value">
          Logiciel : <DocumentText text={software} />
          {organisation ? <> ({organisation})</> : null}
        </div>
      );
    }
    case 'person':
      return (
        <div className="sesali-value">
          {personNameText(author.name) ?? 'Nom non renseigné'}
          {author.function ? (
            <>
              {' '}
              — <Coded value={author.function} />
            </>
          ) : null}
          {organisation ? <> ({organisation})</> : null}
        </div>
      );
    case 'organisation':
      return organisation ?? 'Organisation non précisée';
  }
}

const lines = (items: ReactNode[]) =>
  items.length > 0
    ? items.map((item, i) => (
        <div key={i} className="sesali-line">
          {item}
        </div>
      ))
    : undefined;

export function PatientBanner({
  header,
  source,
  identityCheck,
}: {
  header: SummaryHeader;
  source: SummaryResponse['source'];
  identityCheck: SummaryResponse['identityCheck'];
}) {
  const headingId = useId();
  const { patient } = header;
  const names = patient.names.map(personNameText).filter((n): n is string => n !== undefined);
  // The document's own effectiveTime; the date the country's index gave only when the document has none.
  const documentDate = header.creationDate ?? source.documentDate;
  const rows: [string, ReactNode][] = [
    [names.length > 1 ? 'Noms' : 'Nom', lines(names)],
    [patient.identifiers.length > 1 ? 'Identifiants' : 'Identifiant', lines(patient.identifiers.map(identifierText))],
    ['Date de naissance', patient.birthDate ? formatBirthDate(patient.birthDate) : undefined],
    ['Sexe', patient.gender ? <Coded value={patient.gender} /> : undefined],
    ['Pays d’origine', source.countryName],
    ['Document', <DocumentText text={source.documentTitle} />],
    ['Date du document', documentDate ? formatDateWithZone(documentDate) : undefined],
    ['Langue du document', languageName(header.language)],
    [
      header.authors.length > 1 ? 'Auteurs' : 'Auteur',
      lines(
        header.authors.map((author) => (
          <>
            {authorView(author)}
            {author.time !== undefined ? <> — le {formatDateWithZone(author.time)}</> : null}
          </>
        )),
      ),
    ],
    ['Organisation responsable', header.custodian?.name],
  ];
  if (header.legalAuthenticator) {
    rows.push([
      'Validé par',
      [personNameText(header.legalAuthenticator.name), header.legalAuthenticator.organisation?.name]
        .filter(Boolean)
        .join(', '),
    ]);
  }
  const contacts = [
    ...header.guardians.map((contact) => ({ contact, guardian: true })),
    ...header.contacts.map((contact) => ({ contact, guardian: false })),
  ];

  return (
    <section aria-labelledby={headingId} className={fr.cx('fr-mb-6w')}>
      <h2 id={headingId}>Patient et document</h2>
      <Badge as="p" severity="success" small className={fr.cx('fr-mb-2w')}>
        {IDENTITY_CHECK_TEXT[identityCheck.method]}
      </Badge>
      <dl className={fr.cx('fr-mb-3w')}>
        {rows.map(([term, value]) => (
          <div key={term} className="sesali-identity-row">
            <dt className={fr.cx('fr-text--bold')}>{term}</dt>
            <dd>{orMissing(value)}</dd>
          </div>
        ))}
      </dl>
      <h3 className={fr.cx('fr-h6')}>Contacts</h3>
      {contacts.length === 0 ? (
        <p>Le document ne mentionne ni tuteur ni personne à contacter.</p>
      ) : (
        <ul className="sesali-contacts">
          {contacts.map(({ contact, guardian }, i) => (
            <li key={i}>
              <ContactView contact={contact} guardian={guardian} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ContactView({ contact, guardian }: { contact: Contact; guardian: boolean }) {
  const relationship = contact.relationship ?? contact.function;
  const names = contact.names.map(personNameText).filter(Boolean).join(' ; ');
  const details = [...contact.telecoms.map(telecomText), ...contact.addresses.map(addressText)].filter(
    (d): d is string => d !== undefined,
  );
  return (
    <>
      <div className="sesali-value">
        <strong>{names || contact.organisation || 'Nom non renseigné'}</strong>
        {relationship ? (
          <>
            {' '}
            — <Coded value={relationship} />
          </>
        ) : null}
        {contact.role ? (
          <>
            {' '}
            (<Coded value={contact.role} />)
          </>
        ) : guardian ? (
          <> (Tuteur légal)</>
        ) : null}
      </div>
      {names && contact.organisation ? <div>{contact.organisation}</div> : null}
      {details.map((detail) => (
        <div key={detail}>{detail}</div>
      ))}
    </>
  );
}
