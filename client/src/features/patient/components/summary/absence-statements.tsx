/**
 * What a section says is absent (« Aucune allergie connue ») or unknown (« Traitement médicamenteux inconnu »):
 * one sentence each, in the French display the BFF chose for the statement's code — never a table row, and
 * never an alert, whatever it says.
 */
import type { Entry, EntryOf } from '@sesali/shared';
import { Coded } from './coded-value';
import { EntryComments } from './entry-comments';

export type AbsenceEntry = EntryOf<'knownAbsence'>;

export const isAbsence = (entry: Entry): entry is AbsenceEntry => entry.type === 'knownAbsence';

export function AbsenceStatements({ absences }: { absences: AbsenceEntry[] }) {
  return absences.map((absence, i) => (
    // A div, not a p: a coded value may hold a disclosure (its translation mark), which a p cannot.
    <div key={i} className={`sesali-absence sesali-absence--${absence.absence}`}>
      <Coded value={absence.code} />
      <EntryComments comments={absence.comments} />
    </div>
  ));
}
