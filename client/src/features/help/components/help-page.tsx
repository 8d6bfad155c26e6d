/**
 * `/aide`: the service's FAQ, public. Each refusal and error message links to its entry (anchors below match
 * refusalTexts' faqAnchor). Wording follows the public Sesali page.
 */
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { fr } from '@codegouvfr/react-dsfr';
import { refusalTexts } from '@sesali/shared';
import { PatientEligibilityConditions } from '@/components/help/patient-eligibility';

const ALLOWED_PROFESSIONS = [
  'Médecins généralistes et spécialistes (dont radiologues, biologistes) libéraux, salariés (hors médecins du travail), Samu-Urgences-C15, internes',
  'Pharmaciens biologistes et internes',
  'Pharmaciens d’officines et de pharmacies hospitalières, internes et préparateurs',
  'Chirurgiens-dentistes, internes',
  'Sages-femmes',
  'Infirmiers',
  'Masseurs-kinésithérapeutes',
  'Pédicures-podologues',
  'Orthophonistes',
  'Ergothérapeutes, psychomotriciens, orthoptistes, diététiciens',
  'Manipulateurs d’électroradiologie médicale',
];

const REFUSAL_ORDER = [
  'occupational_medicine',
  'private_insurer',
  'not_practising',
  'card_refused',
  'browser_unsupported',
  'mobile_device',
  'invalid_identity',
] as const;

export function HelpPage() {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [hash]);

  return (
    <>
      <h1>Aide et questions fréquentes</h1>

      <section aria-labelledby="patient-introuvable">
        <h2 id="patient-introuvable">Vous ne trouvez pas le patient étranger ?</h2>
        <p>Le service n’est disponible que pour les patients étrangers répondant aux conditions suivantes :</p>
        <PatientEligibilityConditions />
        <p>La liste des pays dont les patients sont éligibles au service figure sur la page d’accueil.</p>
      </section>

      <section aria-labelledby="consentement">
        <h2 id="consentement">Comment recueillir le consentement du patient ?</h2>
        <p>
          Le recueil du consentement du patient est obligatoire. Une notice d’information patient est disponible dans
          toutes les langues officielles de l’Union européenne. Remettez-la au patient dans sa langue et faites-la
          signer : elle recueille son consentement. Conservez-la ensuite : c’est à vous de la garder.
        </p>
      </section>

      <section aria-labelledby="traduction">
        <h2 id="traduction">Pourquoi une partie de la synthèse n’est-elle pas traduite ?</h2>
        <p>
          La partie traduite est la partie structurée et codée du document. La synthèse médicale peut contenir davantage
          d’informations rédigées en texte libre, qui ne sont pas traduites : elles figurent dans la partie « Texte
          original », dans la langue du pays d’origine. Aucune traduction automatique n’est appliquée aux données
          cliniques.
        </p>
      </section>

      <section aria-labelledby="modification">
        <h2 id="modification">Pourquoi ne puis-je pas modifier la synthèse médicale ?</h2>
        <p>C’est normal : le service permet uniquement la consultation de la synthèse médicale du patient étranger.</p>
      </section>

      <section aria-labelledby="connexion">
        <h2 id="connexion">Pourquoi ne puis-je pas me connecter avec ma carte CPS ?</h2>
        <p>Il est normal que vous ne puissiez pas accéder au service dans les cas suivants :</p>
        {REFUSAL_ORDER.map((reason) => (
          <div key={reason} id={refusalTexts[reason].faqAnchor} className={fr.cx('fr-mb-2w')}>
            <h3 className={fr.cx('fr-h6', 'fr-mb-1v')}>{refusalTexts[reason].faq}</h3>
            <p className={fr.cx('fr-mb-0')}>{refusalTexts[reason].action}</p>
          </div>
        ))}
        <div id={refusalTexts.profession_not_allowed.faqAnchor}>
          <h3 className={fr.cx('fr-h6', 'fr-mb-1v')}>{refusalTexts.profession_not_allowed.faq}</h3>
          <p>Le service est ouvert aux professionnels suivants :</p>
          <ul>
            {ALLOWED_PROFESSIONS.map((profession) => (
              <li key={profession}>{profession}</li>
            ))}
          </ul>
        </div>
      </section>
    </>
  );
}
