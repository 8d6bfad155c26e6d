/**
 * The badge of an allergy's risk. The risk itself is decided in the BFF from codes (`allergy.risk`, see
 * shared/summary/assessment.ts), never here from display text; this file only holds its French wording, for the
 * alerts zone and the allergies table alike.
 */
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { EntryOf } from '@sesali/shared';

export type AllergyRisk = NonNullable<EntryOf<'allergy'>['risk']>;

export const ALLERGY_RISK_LABELS: Record<AllergyRisk, string> = {
  highCriticality: 'Criticité élevée',
  severeReaction: 'Réaction sévère',
};

export function AllergyRiskBadge({ risk }: { risk: AllergyRisk }) {
  return (
    <Badge severity="error" small as="span">
      {ALLERGY_RISK_LABELS[risk]}
    </Badge>
  );
}
