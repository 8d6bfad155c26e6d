/** What the marks of translated values mean: read before the sections, printed with them. */
import { useId } from 'react';
import { fr } from '@codegouvfr/react-dsfr';
import { MarkSample } from './coded-value';

export function TranslationLegend() {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={`${fr.cx('fr-mb-6w', 'fr-p-3w')} sesali-legend`}>
      <h2 id={headingId} className={fr.cx('fr-h6')}>
        Lire les valeurs traduites
      </h2>
      <dl>
        <div className="sesali-legend__row">
          <dt>Sans marque</dt>
          <dd>Traduit en français : désignation française du catalogue de traduction MaSanté@UE.</dd>
        </div>
        <div className="sesali-legend__row">
          <dt>
            <MarkSample level="en" />
          </dt>
          <dd>Pas de désignation française : désignation européenne de référence, en anglais.</dd>
        </div>
        <div className="sesali-legend__row">
          <dt>
            <MarkSample level="original" />
          </dt>
          <dd>Non traduit : terme ou texte du document d’origine, dans sa langue.</dd>
        </div>
        <div className="sesali-legend__row">
          <dt>« Inconnu (UNK) »</dt>
          <dd>Le document indique que l’information manque, et pourquoi (code entre parenthèses).</dd>
        </div>
        <div className="sesali-legend__row">
          <dt>
            <span aria-hidden="true">—</span>
            <span className={fr.cx('fr-sr-only')}>Tiret</span>
          </dt>
          <dd>Non renseigné : le document ne contient pas cette information.</dd>
        </div>
      </dl>
      <p className={fr.cx('fr-text--sm', 'fr-mb-0', 'fr-no-print')}>
        Activez une marque « en anglais » ou « non traduit » pour afficher le code et le système de codage du terme.
      </p>
    </section>
  );
}
