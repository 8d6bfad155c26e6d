/**
 * A section's coded entries as tables, one per kind of entry in the order the document first gives them,
 * with French column headers fit for that kind. Every entry is a row group (`tbody`) of its table, its comments
 * included: nothing is hidden or merged, an untyped (`other`) entry included, and an absent field reads « — »,
 * never an empty cell. Results, vital signs and functional status are groups of observations (a panel and its
 * measures): one row per observation under the panel's heading row. Medications and active problems the BFF
 * judged past follow the current ones, in a collapsed group with their count. Absence statements are not
 * entries of a table: the section says them as sentences (absence-statements.tsx).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import {
  plannedActivityFr,
  type CodedValue,
  type Entry,
  type EntryOf,
  type Frequency,
  type Observation,
  type Period,
  type Reaction,
} from '@sesali/shared';
import { AllergyRiskBadge } from './allergy-risk-badge';
import { Coded, DocumentText, OriginalText, orMissing } from './coded-value';
import { EntryComments } from './entry-comments';
import {
  doseView,
  hasName,
  meaningfulUnit,
  observationValueView,
  quantityNumber,
  quantityView,
  rangeView,
  ratioView,
} from './entry-values';
import { everyText, formatDate, nullFlavorText, periodText } from './summary-format';

/** The entries shown in tables: all but absence statements. */
export type TabulatedEntry = Exclude<Entry, { type: 'knownAbsence' }>;
type TabulatedType = TabulatedEntry['type'];

/** What each kind of entry is called in table captions. */
export const ENTRY_LABELS: Record<TabulatedType, string> = {
  allergy: 'Allergies et intolérances',
  medication: 'Médicaments',
  problem: 'Problèmes de santé',
  procedure: 'Actes et interventions',
  device: 'Dispositifs médicaux',
  immunization: 'Vaccinations',
  socialHistory: 'Mode de vie',
  pregnancy: 'Grossesses',
  vitalSign: 'Signes vitaux',
  result: 'Résultats',
  planOfCare: 'Soins et examens prévus',
  functionalStatus: 'Évaluations de l’état fonctionnel',
  advanceDirective: 'Directives anticipées',
  other: 'Autres informations (non structurées)',
};

interface Column<E> {
  header: string;
  /** The cell's content, or undefined/null/false when the document gives nothing (the cell shows « — »). */
  cell: (entry: E) => ReactNode;
}

const present = (item: ReactNode) => item !== undefined && item !== null && item !== false && item !== '';

/** Several facts in one cell, one per line; undefined when there are none. */
function lines(items: ReactNode[]): ReactNode {
  const kept = items.filter(present);
  if (kept.length === 0) return undefined;
  return kept.map((item, i) => (
    <div key={i} className="sesali-line">
      {item}
    </div>
  ));
}

const coded = (value: CodedValue | undefined) => (value ? <Coded value={value} /> : undefined);
const codedLines = (values: CodedValue[] | undefined) => lines((values ?? []).map((v) => <Coded value={v} />));
const date = (value: string | undefined) => (value !== undefined ? formatDate(value) : undefined);
const period = (value: Period | undefined) => periodText(value);

/** « Type : Problème »; undefined when the value is. */
function labelled(label: string, content: ReactNode): ReactNode {
  if (!present(content)) return undefined;
  return (
    <div className="sesali-value">
      {label} : {content}
    </div>
  );
}

function reactionView(reaction: Reaction): ReactNode {
  return (
    <div className="sesali-value">
      <Coded value={reaction.manifestation} />
      {reaction.severity ? (
        <>
          {' '}
          — sévérité : <Coded value={reaction.severity} />
        </>
      ) : null}
      {reaction.onset !== undefined ? <> — {formatDate(reaction.onset)}</> : null}
    </div>
  );
}

/** The facts of a dosage frequency, one per line of the posology cell. */
function frequencyFacts(frequency: Frequency | undefined): ReactNode[] {
  if (!frequency) return [];
  const { period: interval } = frequency;
  const every =
    interval?.value !== undefined
      ? (everyText(interval.value, interval.unit?.code) ?? labelled('Toutes les', quantityView(interval)))
      : undefined;
  // Why the document gives no frequency, said once: the frequency's own reason, else its period's.
  const missingReason = every === undefined ? (frequency.nullFlavor ?? interval?.nullFlavor) : undefined;
  return [
    labelled('Fréquence', every),
    labelled('Moment', coded(frequency.event)),
    frequency.institutionSpecified ? 'Horaires fixés par l’établissement' : undefined,
    missingReason !== undefined ? labelled('Fréquence', nullFlavorText(missingReason)) : undefined,
  ];
}

const allergyColumns: Column<EntryOf<'allergy'>>[] = [
  {
    header: 'Agent',
    cell: (e) =>
      lines([
        coded(e.agent) ?? (e.agentName !== undefined ? <OriginalText text={e.agentName} /> : undefined),
        e.agent && e.agentName !== undefined && ![e.agent.display.text, e.agent.originalDisplay].includes(e.agentName)
          ? labelled('Nom dans le document', <OriginalText text={e.agentName} />)
          : undefined,
      ]),
  },
  { header: 'Type', cell: (e) => coded(e.allergyType) },
  { header: 'Réactions', cell: (e) => lines(e.reactions.map(reactionView)) },
  { header: 'Sévérité', cell: (e) => coded(e.severity) },
  {
    header: 'Criticité',
    cell: (e) =>
      lines([coded(e.criticality), e.risk === 'highCriticality' ? <AllergyRiskBadge risk={e.risk} /> : undefined]),
  },
  { header: 'Statut', cell: (e) => coded(e.status) },
  { header: 'Certitude', cell: (e) => coded(e.certainty) },
  {
    header: 'Début',
    cell: (e) => lines([date(e.onset), e.end !== undefined ? `fin : ${formatDate(e.end)}` : undefined]),
  },
];

const medicationColumns: Column<EntryOf<'medication'>>[] = [
  {
    header: 'Médicament',
    cell: ({ product, productClass }) =>
      lines([
        product.name !== undefined ? <DocumentText text={product.name} /> : undefined,
        productCode(product),
        labelled('Classe', coded(productClass)),
        product.packageName !== undefined && !repeatsName(product.packageName, product.name)
          ? labelled('Conditionnement', <DocumentText text={product.packageName} />)
          : undefined,
        labelled('Contenance', quantityView(product.packageSize)),
      ]),
  },
  {
    header: 'Principes actifs et dosages',
    cell: (e) =>
      lines(
        e.ingredients.map((ingredient) => {
          // The substance's display, unless it has none better than the document's name for it.
          const substance =
            ingredient.substance && (hasName(ingredient.substance) || ingredient.name === undefined) ? (
              <Coded value={ingredient.substance} />
            ) : ingredient.name !== undefined ? (
              <DocumentText text={ingredient.name} />
            ) : (
              'Substance non renseignée'
            );
          const strength = ratioView(ingredient.strength);
          return (
            <div className="sesali-value">
              {substance}
              {present(strength) ? <> : {strength}</> : null}
            </div>
          );
        }),
      ),
  },
  { header: 'Forme', cell: (e) => coded(e.doseForm) },
  { header: 'Voie', cell: (e) => coded(e.route) },
  {
    header: 'Posologie',
    cell: (e) =>
      lines([
        labelled('Dose', doseView(e.dose, e.doseRange, e.doseForm)),
        ...frequencyFacts(e.frequency),
        e.dosageText !== undefined ? <OriginalText text={e.dosageText} /> : undefined,
      ]),
  },
  {
    header: 'Période',
    cell: (e) => lines([period(e.period), labelled('Statut', coded(e.status))]),
  },
  { header: 'Motif', cell: (e) => codedLines(e.reasons) },
];

/** A name the document already gave (same words, whatever the case): not printed twice. */
function repeatsName(text: string | undefined, name: string | undefined): boolean {
  const normal = (value: string) => value.trim().toLocaleLowerCase('fr-FR');
  return text !== undefined && name !== undefined && normal(text) === normal(name);
}

/** The product's code, unless its display only repeats the product's name, or there is a name and no term. */
function productCode(product: EntryOf<'medication'>['product']): ReactNode {
  const { code, name } = product;
  if (!code) return undefined;
  if (name !== undefined && !hasName(code)) return undefined;
  if (repeatsName(code.display.text, name) || repeatsName(code.originalDisplay, name)) return undefined;
  return <Coded value={code} />;
}

const problemColumns: Column<EntryOf<'problem'>>[] = [
  { header: 'Problème', cell: (e) => lines([coded(e.code), labelled('Type', coded(e.problemType))]) },
  { header: 'Début', cell: (e) => date(e.onset) },
  { header: 'Résolution', cell: (e) => date(e.resolution) },
  { header: 'Statut', cell: (e) => coded(e.status) },
  { header: 'Évolution', cell: (e) => coded(e.outcome) },
];

const procedureColumns: Column<EntryOf<'procedure'>>[] = [
  { header: 'Acte', cell: (e) => coded(e.code) },
  { header: 'Date', cell: (e) => period(e.date) },
  { header: 'Site anatomique', cell: (e) => codedLines(e.targetSites) },
  { header: 'Statut', cell: (e) => coded(e.status) },
];

const deviceColumns: Column<EntryOf<'device'>>[] = [
  { header: 'Dispositif', cell: (e) => coded(e.code) },
  { header: 'Identifiant', cell: (e) => lines(e.identifiers.map((id) => id.extension ?? id.root)) },
  { header: 'Période d’utilisation', cell: (e) => period(e.period) },
  { header: 'Statut', cell: (e) => coded(e.status) },
];

const immunizationColumns: Column<EntryOf<'immunization'>>[] = [
  {
    header: 'Vaccin',
    cell: (e) =>
      lines([
        coded(e.vaccine),
        e.notGiven ? (
          <Badge severity="warning" small as="span">
            Non administré
          </Badge>
        ) : undefined,
      ]),
  },
  {
    header: 'Nom commercial',
    cell: (e) => (e.productName !== undefined ? <DocumentText text={e.productName} /> : undefined),
  },
  { header: 'Date', cell: (e) => date(e.date) },
  { header: 'Dose n°', cell: (e) => e.doseNumber },
  { header: 'Lot', cell: (e) => e.lotNumber },
  { header: 'Voie', cell: (e) => coded(e.route) },
  { header: 'Statut', cell: (e) => coded(e.status) },
];

function observationColumns<E extends EntryOf<'socialHistory' | 'pregnancy' | 'advanceDirective'>>(
  what: string,
  value: string,
  when: string,
): Column<E>[] {
  return [
    { header: what, cell: (e) => coded(e.code) },
    { header: value, cell: (e) => observationValueView(e.value) },
    { header: when, cell: (e) => period(e.effectiveTime) },
  ];
}

const planOfCareColumns: Column<EntryOf<'planOfCare'>>[] = [
  { header: 'Élément prévu', cell: (e) => coded(e.code) },
  { header: 'Type', cell: (e) => lines([plannedActivityFr(e.activity) ?? e.activity, coded(e.mood)]) },
  { header: 'Date prévue', cell: (e) => period(e.effectiveTime) },
  { header: 'Statut', cell: (e) => coded(e.status) },
];

const otherColumns: Column<EntryOf<'other'>>[] = [
  { header: 'Élément du document', cell: (e) => e.element },
  { header: 'Code', cell: (e) => coded(e.code) },
  { header: 'Valeur', cell: (e) => observationValueView(e.value) },
  { header: 'Date', cell: (e) => period(e.effectiveTime) },
  { header: 'Texte du document', cell: (e) => (e.text !== undefined ? <OriginalText text={e.text} /> : undefined) },
];

/** The DSFR table frame: caption, one header row of column headers, then the row groups. */
function TableFrame({ caption, headers, children }: { caption: string; headers: string[]; children: ReactNode }) {
  return (
    <div className={fr.cx('fr-table', 'fr-table--multiline')}>
      <div className={fr.cx('fr-table__wrapper')}>
        <div className={fr.cx('fr-table__container')}>
          <div className={fr.cx('fr-table__content')}>
            <table className="sesali-entries">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {headers.map((header) => (
                    <th key={header} scope="col">
                      {header}
                    </th>
                  ))}
                </tr>
              </thead>
              {children}
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

const captionOf = (type: TabulatedType, count: number) => `${ENTRY_LABELS[type]} (${count})`;

/** The entry's comments, across the whole row, inside the entry's row group. */
function CommentsRow({ comments, span }: { comments: string[] | undefined; span: number }) {
  if (!comments || comments.length === 0) return null;
  return (
    <tr className="sesali-comments">
      <td colSpan={span}>
        <EntryComments comments={comments} />
      </td>
    </tr>
  );
}

/** One row group per entry: its row, and its comments. */
function EntryRows<E extends TabulatedEntry>({ columns, entries }: { columns: Column<E>[]; entries: E[] }) {
  return entries.map((entry, i) => (
    <tbody key={i}>
      <tr>
        {columns.map((column) => (
          <td key={column.header}>{orMissing(column.cell(entry))}</td>
        ))}
      </tr>
      <CommentsRow comments={entry.comments} span={columns.length} />
    </tbody>
  ));
}

function EntryTable<E extends TabulatedEntry>({
  type,
  columns,
  entries,
}: {
  type: E['type'];
  columns: Column<E>[];
  entries: E[];
}) {
  return (
    <TableFrame caption={captionOf(type, entries.length)} headers={columns.map((c) => c.header)}>
      <EntryRows columns={columns} entries={entries} />
    </TableFrame>
  );
}

/**
 * Current entries in their table, then the past ones (as the BFF judged them from codes and dates) in a
 * collapsed group named with their count, in the same layout. An entry the BFF did not date counts as current.
 */
function CurrentThenPastTables<E extends EntryOf<'medication' | 'problem'>>({
  type,
  columns,
  entries,
  pastLabel,
}: {
  type: E['type'];
  columns: Column<E>[];
  entries: E[];
  pastLabel: string;
}) {
  const current = entries.filter((entry) => entry.timeline !== 'past');
  const past = entries.filter((entry) => entry.timeline === 'past');
  if (past.length === 0) return <EntryTable type={type} columns={columns} entries={entries} />;
  const pastCaption = `${pastLabel} (${past.length})`;
  return (
    <>
      {current.length > 0 ? <EntryTable type={type} columns={columns} entries={current} /> : null}
      <PastGroup label={pastCaption}>
        <TableFrame caption={pastCaption} headers={columns.map((c) => c.header)}>
          <EntryRows columns={columns} entries={past} />
        </TableFrame>
      </PastGroup>
    </>
  );
}

/** Closed on screen; open on paper, where a closed `details` would print nothing of what it holds. */
function PastGroup({ label, children }: { label: string; children: ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const element = details.current;
    if (!element) return undefined;
    let openOnScreen = element.open;
    const beforePrint = () => {
      openOnScreen = element.open;
      element.open = true;
    };
    const afterPrint = () => {
      element.open = openOnScreen;
    };
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    return () => {
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
    };
  }, []);
  return (
    <details ref={details} className="sesali-past">
      <summary>{label}</summary>
      {children}
    </details>
  );
}

type ObservationGroupEntry = EntryOf<'vitalSign' | 'result' | 'functionalStatus'>;
const OBSERVATION_HEADERS = ['Valeur', 'Unité', 'Intervalle de référence', 'Interprétation', 'Date'];

function ObservationGroupTable({
  type,
  entries,
}: {
  type: ObservationGroupEntry['type'];
  entries: ObservationGroupEntry[];
}) {
  const headers = [type === 'functionalStatus' ? 'Évaluation' : 'Examen', ...OBSERVATION_HEADERS];
  return (
    <TableFrame caption={captionOf(type, entries.length)} headers={headers}>
      {entries.map((entry, i) => (
        <tbody key={i}>
          {entry.panel || (entry.interpretations ?? []).length > 0 ? (
            <tr className="sesali-panel">
              <th scope="rowgroup" colSpan={headers.length}>
                {lines([
                  entry.panel ? <Coded value={entry.panel} /> : 'Groupe d’examens',
                  period(entry.effectiveTime),
                  labelled('Interprétation', codedLines(entry.interpretations)),
                ])}
              </th>
            </tr>
          ) : null}
          {entry.observations.length === 0 ? (
            <tr>
              <td colSpan={headers.length}>Aucune mesure dans ce groupe : voir le texte original.</td>
            </tr>
          ) : (
            entry.observations.map((observation, j) => (
              <ObservationRow key={j} observation={observation} groupTime={entry.effectiveTime} />
            ))
          )}
          <CommentsRow comments={entry.comments} span={headers.length} />
        </tbody>
      ))}
    </TableFrame>
  );
}

function ObservationRow({ observation: o, groupTime }: { observation: Observation; groupTime: Period | undefined }) {
  const quantity = o.value?.kind === 'quantity' ? o.value.quantity : undefined;
  const cells: ReactNode[] = [
    coded(o.code),
    quantity ? quantityNumber(quantity) : observationValueView(o.value),
    coded(meaningfulUnit(quantity?.unit)),
    rangeView(o.referenceRange),
    codedLines(o.interpretations),
    lines([
      period(o.effectiveTime ?? groupTime),
      // A completed measure is the usual case: only another status is worth a line.
      o.status?.code !== 'completed' ? labelled('Statut', coded(o.status)) : undefined,
    ]),
  ];
  return (
    <tr>
      {cells.map((cell, i) => (
        <td key={i}>{orMissing(cell)}</td>
      ))}
    </tr>
  );
}

type EntryGroup = { [T in TabulatedType]: { type: T; entries: EntryOf<T>[] } }[TabulatedType];

/** Entries by kind, kinds in the order the document first gives them, entries in document order. */
function groupEntries(entries: TabulatedEntry[]): EntryGroup[] {
  const groups = new Map<TabulatedType, TabulatedEntry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.type);
    if (group) group.push(entry);
    else groups.set(entry.type, [entry]);
  }
  return [...groups].map(([type, group]) => ({ type, entries: group }) as EntryGroup);
}

function EntryGroupTable({ group, pastProblemsApart }: { group: EntryGroup; pastProblemsApart: boolean }) {
  switch (group.type) {
    case 'allergy':
      return <EntryTable type={group.type} columns={allergyColumns} entries={group.entries} />;
    case 'medication':
      return (
        <CurrentThenPastTables
          type={group.type}
          columns={medicationColumns}
          entries={group.entries}
          pastLabel="Traitements passés"
        />
      );
    case 'problem':
      return pastProblemsApart ? (
        <CurrentThenPastTables
          type={group.type}
          columns={problemColumns}
          entries={group.entries}
          pastLabel="Problèmes passés ou résolus"
        />
      ) : (
        <EntryTable type={group.type} columns={problemColumns} entries={group.entries} />
      );
    case 'procedure':
      return <EntryTable type={group.type} columns={procedureColumns} entries={group.entries} />;
    case 'device':
      return <EntryTable type={group.type} columns={deviceColumns} entries={group.entries} />;
    case 'immunization':
      return <EntryTable type={group.type} columns={immunizationColumns} entries={group.entries} />;
    case 'socialHistory':
      return (
        <EntryTable
          type={group.type}
          columns={observationColumns('Élément', 'Valeur', 'Période')}
          entries={group.entries}
        />
      );
    case 'pregnancy':
      return (
        <EntryTable
          type={group.type}
          columns={observationColumns('Élément', 'Valeur', 'Date')}
          entries={group.entries}
        />
      );
    case 'advanceDirective':
      return (
        <EntryTable
          type={group.type}
          columns={observationColumns('Directive', 'Contenu', 'Date')}
          entries={group.entries}
        />
      );
    case 'planOfCare':
      return <EntryTable type={group.type} columns={planOfCareColumns} entries={group.entries} />;
    case 'other':
      return <EntryTable type={group.type} columns={otherColumns} entries={group.entries} />;
    case 'vitalSign':
    case 'result':
    case 'functionalStatus':
      return <ObservationGroupTable type={group.type} entries={group.entries} />;
  }
}

/**
 * Every entry of a section but its absence statements, in tables by kind. Past problems go apart only in the
 * active problems list: the history of past illness is past by definition, and shown in full.
 */
export function SectionEntries({
  entries,
  pastProblemsApart = false,
}: {
  entries: TabulatedEntry[];
  pastProblemsApart?: boolean;
}) {
  return groupEntries(entries).map((group) => (
    <EntryGroupTable key={group.type} group={group} pastProblemsApart={pastProblemsApart} />
  ));
}
