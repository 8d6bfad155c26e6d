/**
 * How a value of the summary reads, and where its words come from. A coded value shows the display the BFF
 * chose, in its own language (`lang`), with a mark when it is not French: « en anglais » (the European
 * reference designation) or « non traduit » (the document's own term). The mark is a disclosure showing the
 * code and its code system, so that a clinician can check the concept; on paper the code is written out.
 * Free text from the document carries « non traduit » too; a missing value reads « — », « non renseigné » for
 * screen readers, never an empty cell.
 *
 * Values sit in divs, not spans: a disclosure (`details`) is not allowed inside phrasing content. The summary's
 * style sheet lays them out inline.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { fr } from '@codegouvfr/react-dsfr';
import type { CodedValue } from '@sesali/shared';

/** The language of the document, or of the section being read: that of original terms and free text. */
export const DocumentLanguage = createContext('und');

export const MARK_LABELS = { en: 'en anglais', original: 'non traduit' } as const;
type MarkLevel = keyof typeof MARK_LABELS;

const markClass = (level: MarkLevel) =>
  fr.cx('fr-badge', 'fr-badge--sm', 'fr-badge--no-icon', level === 'en' ? 'fr-badge--info' : 'fr-badge--warning');

/** A mark as the legend shows it: the same look, nothing to open. */
export function MarkSample({ level }: { level: MarkLevel }) {
  return <span className={markClass(level)}>{MARK_LABELS[level]}</span>;
}

export function Coded({ value }: { value: CodedValue }) {
  const { text, lang, level } = value.display;
  if (level === 'unnamed') {
    // Nobody names this code: say so, and give the code so that it can be looked up — never the bare code
    // as if it were the term.
    const system = value.display.codeSystemLabel ?? value.codeSystemName ?? value.codeSystem;
    return (
      <div className="sesali-value">
        <span className="sesali-unnamed" lang={lang}>
          {text}
        </span>{' '}
        <span className="sesali-code">
          (code {value.code}
          {system ? ` — ${system}` : ''})
        </span>
      </div>
    );
  }
  return (
    <div className="sesali-value">
      <span lang={lang}>{text}</span>
      {level === 'en' || level === 'original' ? <TranslationMark level={level} value={value} /> : null}
      {value.nullFlavor !== undefined && level === 'original' ? (
        <span className={fr.cx('fr-sr-only')}> (valeur non codée : {value.nullFlavor})</span>
      ) : null}
    </div>
  );
}

/** « Code 102263004 — SNOMED CT », or why there is no code. */
export function codeText(value: CodedValue): string {
  if (value.code === undefined) {
    return value.nullFlavor ? `Sans code : concept non codé par le pays d’origine (${value.nullFlavor})` : 'Sans code';
  }
  const system = value.codeSystemName ?? value.codeSystem;
  return system ? `Code ${value.code} — ${system}` : `Code ${value.code}`;
}

function TranslationMark({ level, value }: { level: MarkLevel; value: CodedValue }) {
  const documentLang = useContext(DocumentLanguage);
  const code = codeText(value);
  const documentTerm = value.originalDisplay ?? value.originalText;
  return (
    <>
      <details className="sesali-mark">
        <summary className={markClass(level)}>
          <span>{MARK_LABELS[level]}</span>
          <span className={fr.cx('fr-sr-only')}> : voir le code</span>
        </summary>
        <div className="sesali-mark__detail">
          <div>{code}</div>
          {documentTerm && documentTerm !== value.display.text ? (
            <div>
              Terme du document : <span lang={documentLang}>{documentTerm}</span>
            </div>
          ) : null}
          {(value.translations ?? []).map((t) => (
            <div key={`${t.codeSystem}|${t.code}`}>
              Code national {t.code} — {t.codeSystemName ?? t.codeSystem}
              {t.displayName ? (
                <>
                  {' '}
                  : <span lang={documentLang}>{t.displayName}</span>
                </>
              ) : null}
            </div>
          ))}
        </div>
      </details>
      <span className="sesali-print-only"> ({code})</span>
    </>
  );
}

/** Text written in the document's language, which nobody translated. */
export function OriginalText({ text }: { text: string }) {
  const lang = useContext(DocumentLanguage);
  return (
    <div className="sesali-value">
      <span lang={lang}>{text}</span> <MarkSample level="original" />
    </div>
  );
}

/** A name in the document's language that no one would translate: a product, a brand, an organisation. */
export function DocumentText({ text }: { text: string }) {
  const lang = useContext(DocumentLanguage);
  return <span lang={lang}>{text}</span>;
}

/** Where the document says nothing: never an empty cell. */
export function Missing() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className={fr.cx('fr-sr-only')}>non renseigné</span>
    </>
  );
}

/** What a cell holds, or « — » when it holds nothing. */
export function orMissing(content: ReactNode): ReactNode {
  const empty =
    content === null ||
    content === undefined ||
    content === false ||
    content === '' ||
    (Array.isArray(content) && content.length === 0);
  return empty ? <Missing /> : content;
}
