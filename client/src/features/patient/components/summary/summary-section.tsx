/**
 * One section of the summary: its French title with the document's own title beside it, what it declares
 * absent or unknown as sentences, every other coded entry in translated tables, then its « Texte original »,
 * closed on screen and written out in full on paper — preceded by a note when the document's markup could not
 * be read and the text is shown bare. The narrative is rendered twice for that (a disclosure for the screen, a
 * print-only copy): a closed `details` does not print its content, whatever the style sheet says.
 */
import { useId } from 'react';
import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { SECTION_LOINC, sectionRank, type PatientSummary, type Section } from '@sesali/shared';
import { AbsenceStatements, isAbsence } from './absence-statements';
import { DocumentLanguage } from './coded-value';
import { SectionEntries, type TabulatedEntry } from './entry-tables';
import { Narrative } from './narrative';
import { languageName } from './summary-format';

/** The sections in the display tool's order, then any other in document order, then the unknown ones. */
export function orderedSections(summary: PatientSummary): Section[] {
  // Array.prototype.sort is stable: equal ranks keep the document's order.
  return [
    ...[...summary.sections].sort((a, b) => sectionRank(a.loinc) - sectionRank(b.loinc)),
    ...summary.unknownSections,
  ];
}

export const ALLERGIES_LOINC = SECTION_LOINC.allergies;
export const ACTIVE_PROBLEMS_LOINC = SECTION_LOINC.problems;

export function SummarySection({ section }: { section: Section }) {
  const headingId = useId();
  const missing = section.counts.seen - section.entries.length;
  const absences = section.entries.filter(isAbsence);
  const tabulated = section.entries.filter((entry): entry is TabulatedEntry => !isAbsence(entry));
  return (
    <DocumentLanguage.Provider value={section.lang}>
      <section aria-labelledby={headingId} className={`${fr.cx('fr-mb-6w')} sesali-section`}>
        <h2 id={headingId}>
          {section.titleFr}
          {section.title.trim() !== '' && section.title !== section.titleFr ? (
            <>
              {' '}
              <span className="sesali-section__original-title" lang={section.lang}>
                ({section.title})
              </span>
            </>
          ) : null}
        </h2>
        {section.entries.length === 0 ? (
          <p>Aucune donnée codée dans cette section : son contenu n’est que dans le texte original.</p>
        ) : (
          <>
            <AbsenceStatements absences={absences} />
            <SectionEntries entries={tabulated} pastProblemsApart={section.loinc === ACTIVE_PROBLEMS_LOINC} />
          </>
        )}
        {missing > 0 ? (
          <Alert
            severity="warning"
            small
            description={`Le document compte ${section.counts.seen} éléments dans cette section, ${section.entries.length} sont affichés ici : lisez le texte original.`}
            className={fr.cx('fr-mb-3w')}
          />
        ) : null}
        <OriginalNarrative section={section} />
      </section>
    </DocumentLanguage.Provider>
  );
}

function OriginalNarrative({ section }: { section: Section }) {
  const label = `Texte original (${languageName(section.lang)}, non traduit)`;
  return (
    <>
      {section.narrativeIssue === 'unparsed' ? (
        <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
          La mise en forme du texte original n’a pas pu être lue : il est affiché en texte brut.
        </p>
      ) : null}
      <details className="sesali-narrative-toggle sesali-screen-only">
        <summary>{label}</summary>
        <div className="sesali-narrative" lang={section.lang}>
          <Narrative nodes={section.narrative} />
        </div>
      </details>
      <div className="sesali-print-only">
        <h3 className={fr.cx('fr-h6')}>{label}</h3>
        <div className="sesali-narrative" lang={section.lang}>
          <Narrative nodes={section.narrative} />
        </div>
      </div>
    </>
  );
}
