/**
 * Test personas of the Pro Santé Connect simulator: one per access rule and per policy choice. Their claims
 * are shaped exactly like PSC's userinfo (DOMAIN.md §1): empty values as "", `codeSecteurDactivite` spelling,
 * RPPS-like identifiers from the 8997… test range. `expected` is what evaluateAccess must decide.
 */
import type { RefusalReason } from '@sesali/shared';

export interface Persona {
  /** Stable id, used in the simulator's login form and in browser tests. */
  id: string;
  /** What the login page shows. */
  label: string;
  /** The rule the persona exercises. */
  description: string;
  expected: 'allow' | RefusalReason;
  /** Userinfo claims exactly as PSC sends them (`sub` included). */
  claims: Record<string, unknown>;
}

interface ActivityInput {
  mode?: string;
  sector: string;
  section?: string;
  structureId: string;
  organisation: string;
  postalCode?: string;
  city?: string;
  finess?: string;
}

interface ExerciceInput {
  profession: string;
  category?: string;
  civility?: string;
  specialty?: string;
  activities: ActivityInput[];
}

function activity(input: ActivityInput): Record<string, unknown> {
  return {
    codeModeExercice: input.mode ?? 'S',
    codeSecteurDactivite: input.sector,
    codeSectionPharmacien: input.section ?? '',
    codeRole: '',
    codeGenreActivite: 'GENR01',
    identifiantTechniqueDeLaStructure: input.structureId,
    numeroFinessSite: input.finess ?? '',
    numeroSiretSite: '',
    raisonSocialeSite: input.organisation,
    enseigneCommercialeSite: '',
    codePostal: input.postalCode ?? '75009',
    bureauCedex: input.city ?? '75009 PARIS',
  };
}

/** Builds PSC-shaped claims for a professional with the given exercices. */
export function pscClaims(
  rpps: string,
  givenName: string,
  familyName: string,
  exercices: ExerciceInput[],
): Record<string, unknown> {
  const first = exercices[0];
  const firstActivity = first?.activities[0];
  return {
    sub: `f:550dc1c8-d97b-4b1e-ac8c-8eb4471cf9dd:${rpps}`,
    preferred_username: rpps,
    SubjectNameID: rpps,
    given_name: givenName,
    family_name: familyName,
    authMode: 'CARD',
    SubjectRole: first ? [`${first.profession}^1.2.250.1.213.1.1.5.5`] : [],
    Secteur_Activite: firstActivity ? `${firstActivity.sector}^1.2.250.1.71.4.2.4` : '',
    SubjectOrganization: firstActivity?.organisation ?? '',
    SubjectOrganizationID: firstActivity?.structureId ?? '',
    otherIds: [{ identifiant: rpps, origine: 'RPPS', qualite: 1 }],
    SubjectRefPro: {
      codeCivilite: 'M',
      exercices: exercices.map((e) => ({
        codeProfession: e.profession,
        codeCategorieProfessionnelle: e.category ?? 'C',
        codeCiviliteDexercice: e.civility ?? (e.profession === '10' ? 'DR' : ''),
        nomDexercice: familyName,
        prenomDexercice: givenName,
        codeTypeSavoirFaire: e.specialty ? 'S' : '',
        codeSavoirFaire: e.specialty ?? '',
        activities: e.activities.map(activity),
      })),
    },
  };
}

export const personas: readonly Persona[] = [
  {
    id: 'medecin-generaliste',
    label: 'Dr Claire Martin — médecin généraliste libérale',
    description: 'Médecin (10), catégorie civile, médecine générale (SM26), cabinet individuel (SA07).',
    expected: 'allow',
    claims: pscClaims('899700100011', 'Claire', 'MARTIN', [
      {
        profession: '10',
        specialty: 'SM26',
        activities: [{ mode: 'L', sector: 'SA07', structureId: 'R100011', organisation: 'CABINET DR MARTIN' }],
      },
    ]),
  },
  {
    id: 'infirmiere-hospitaliere',
    label: 'Inès Bernard — infirmière hospitalière',
    description: 'Infirmier (60), salariée d’un établissement public de santé (SA01).',
    expected: 'allow',
    claims: pscClaims('899700100029', 'Inès', 'BERNARD', [
      {
        profession: '60',
        activities: [
          {
            sector: 'SA01',
            structureId: 'F750100018',
            finess: '750100018',
            organisation: 'CENTRE HOSPITALIER DE PARIS NORD',
            city: '75018 PARIS',
            postalCode: '75018',
          },
        ],
      },
    ]),
  },
  {
    id: 'medecin-deux-activites',
    label: 'Dr Paul Durand — médecin libéral et hospitalier',
    description: 'Médecin urgentiste (SM59) avec deux activités autorisées : cabinet libéral (SA07) et hôpital (SA01).',
    expected: 'allow',
    claims: pscClaims('899700100037', 'Paul', 'DURAND', [
      {
        profession: '10',
        specialty: 'SM59',
        activities: [
          {
            mode: 'L',
            sector: 'SA07',
            structureId: 'R100037',
            organisation: 'CABINET DR DURAND',
            city: '69003 LYON',
            postalCode: '69003',
          },
          {
            sector: 'SA01',
            structureId: 'F690781810',
            finess: '690781810',
            organisation: 'HOPITAL EDOUARD HERRIOT',
            city: '69003 LYON',
            postalCode: '69003',
          },
        ],
      },
    ]),
  },
  {
    id: 'medecin-du-travail',
    label: 'Dr Hélène Rousseau — médecin du travail',
    description: 'Médecin (10) spécialisée en médecine du travail (SM25), salariée d’un CHU (SA01) : refusée.',
    expected: 'occupational_medicine',
    claims: pscClaims('899700100045', 'Hélène', 'ROUSSEAU', [
      {
        profession: '10',
        specialty: 'SM25',
        activities: [
          {
            sector: 'SA01',
            structureId: 'F330000117',
            finess: '330000117',
            organisation: 'CHU DE BORDEAUX - SERVICE DE SANTE AU TRAVAIL DU PERSONNEL',
            postalCode: '33000',
            city: '33000 BORDEAUX',
          },
        ],
      },
    ]),
  },
  {
    id: 'infirmier-sante-travail',
    label: 'Julien Moreau — infirmier en santé au travail',
    description: 'Infirmier (60) d’un service de prévention et de santé au travail (SA66) : refusé.',
    expected: 'occupational_medicine',
    claims: pscClaims('899700100053', 'Julien', 'MOREAU', [
      {
        profession: '60',
        activities: [
          {
            sector: 'SA66',
            structureId: 'S41234567800016',
            organisation: 'SPSTI DU BAS-RHIN',
            postalCode: '67000',
            city: '67000 STRASBOURG',
          },
        ],
      },
    ]),
  },
  {
    id: 'medecin-service-entreprise',
    label: 'Dr Marc Lefèvre — médecin du service médical d’une entreprise',
    description: 'Médecin généraliste (SM26) exerçant en prévention et soins en entreprise (SA13) : refusé.',
    expected: 'occupational_medicine',
    claims: pscClaims('899700100061', 'Marc', 'LEFEVRE', [
      {
        profession: '10',
        specialty: 'SM26',
        activities: [
          {
            sector: 'SA13',
            structureId: 'S52345678900024',
            organisation: 'ACIERIES DE LORRAINE - SERVICE MEDICAL',
            postalCode: '57190',
            city: '57190 FLORANGE',
          },
        ],
      },
    ]),
  },
  {
    id: 'medecin-conseil-assurance',
    label: 'Dr Sophie Girard — médecin-conseil d’une assurance privée',
    description: 'Médecin généraliste (SM26) salariée d’une assurance privée (SA23) : refusée.',
    expected: 'private_insurer',
    claims: pscClaims('899700100079', 'Sophie', 'GIRARD', [
      {
        profession: '10',
        specialty: 'SM26',
        activities: [
          {
            sector: 'SA23',
            structureId: 'S63456789000032',
            organisation: 'ASSURANCES GENERALES DU LITTORAL',
            postalCode: '44000',
            city: '44000 NANTES',
          },
        ],
      },
    ]),
  },
  {
    id: 'medecin-sans-activite',
    label: 'Dr Bernard Petit — médecin sans activité en cours',
    description: 'Médecin (10) inscrit au RPPS dont l’exercice n’a plus aucune activité : n’exerce plus.',
    expected: 'not_practising',
    claims: pscClaims('899700100087', 'Bernard', 'PETIT', [{ profession: '10', specialty: 'SM26', activities: [] }]),
  },
  {
    id: 'sans-exercice',
    label: 'Anne Roux — aucune situation d’exercice',
    description: 'Identité Pro Santé Connect sans aucun exercice (exercices vide) : n’exerce plus.',
    expected: 'not_practising',
    claims: pscClaims('899700100095', 'Anne', 'ROUX', []),
  },
  {
    id: 'pharmacien-industrie',
    label: 'Thomas Fournier — pharmacien dans l’industrie',
    description: 'Pharmacien (21) de la section B (industrie), laboratoire pharmaceutique (SA31) : refusé.',
    expected: 'profession_not_allowed',
    claims: pscClaims('899700100012', 'Thomas', 'FOURNIER', [
      {
        profession: '21',
        civility: '',
        activities: [
          {
            sector: 'SA31',
            section: 'B',
            structureId: 'S74567890100041',
            organisation: 'LABORATOIRES ARMOR PHARMA',
            postalCode: '35000',
            city: '35000 RENNES',
          },
        ],
      },
    ]),
  },
  {
    id: 'pharmacienne-officine',
    label: 'Camille Mercier — pharmacienne titulaire d’officine',
    description: 'Pharmacien (21) de la section A, pharmacie d’officine (SA33), libérale.',
    expected: 'allow',
    claims: pscClaims('899700100020', 'Camille', 'MERCIER', [
      {
        profession: '21',
        civility: '',
        activities: [
          {
            mode: 'L',
            sector: 'SA33',
            section: 'A',
            structureId: 'F310012345',
            finess: '310012345',
            organisation: 'PHARMACIE DE LA PLACE DU CAPITOLE',
            postalCode: '31000',
            city: '31000 TOULOUSE',
          },
        ],
      },
    ]),
  },
  {
    id: 'pharmacien-biologiste',
    label: 'Nicolas Lambert — pharmacien biologiste',
    description: 'Pharmacien (21) de la section G (biologiste), laboratoire de biologie médicale (SA25).',
    expected: 'allow',
    claims: pscClaims('899700100038', 'Nicolas', 'LAMBERT', [
      {
        profession: '21',
        civility: '',
        activities: [
          {
            mode: 'L',
            sector: 'SA25',
            section: 'G',
            structureId: 'F380023456',
            finess: '380023456',
            organisation: 'LABORATOIRE DE BIOLOGIE MEDICALE DES ALPES',
            postalCode: '38000',
            city: '38000 GRENOBLE',
          },
        ],
      },
    ]),
  },
  {
    id: 'interne-medecine',
    label: 'Léa Bonnet — interne en médecine',
    description: 'Médecin (10) de catégorie étudiant (E), interne dans un CHU (SA01), sans spécialité enregistrée.',
    expected: 'allow',
    claims: pscClaims('899700100046', 'Léa', 'BONNET', [
      {
        profession: '10',
        category: 'E',
        civility: '',
        activities: [
          {
            sector: 'SA01',
            structureId: 'F340034567',
            finess: '340034567',
            organisation: 'CHU DE MONTPELLIER - HOPITAL LAPEYRONIE',
            postalCode: '34090',
            city: '34090 MONTPELLIER',
          },
        ],
      },
    ]),
  },
  {
    id: 'preparateur-hospitalier',
    label: 'Karim Benali — préparateur en pharmacie hospitalière',
    description: 'Préparateur en pharmacie hospitalière (38, ancien code TRE_G15), centre hospitalier (SA01).',
    expected: 'allow',
    claims: pscClaims('899700100054', 'Karim', 'BENALI', [
      {
        profession: '38',
        activities: [
          {
            sector: 'SA01',
            structureId: 'F590045678',
            finess: '590045678',
            organisation: 'CENTRE HOSPITALIER DE VALENCIENNES',
            postalCode: '59300',
            city: '59300 VALENCIENNES',
          },
        ],
      },
    ]),
  },
  {
    id: 'preparatrice-pharmacie-316',
    label: 'Émilie Garnier — préparatrice en pharmacie hospitalière',
    description: 'Préparatrice en pharmacie hospitalière (316, code TRE_R85), clinique privée (SA03).',
    expected: 'allow',
    claims: pscClaims('899700100062', 'Émilie', 'GARNIER', [
      {
        profession: '316',
        activities: [
          {
            sector: 'SA03',
            structureId: 'F210056789',
            finess: '210056789',
            organisation: 'CLINIQUE SAINTE-MARTHE',
            postalCode: '21000',
            city: '21000 DIJON',
          },
        ],
      },
    ]),
  },
  {
    id: 'audioprothesiste',
    label: 'François Chevalier — audioprothésiste',
    description: 'Audioprothésiste (26), cabinet libéral (SA07) : profession non autorisée.',
    expected: 'profession_not_allowed',
    claims: pscClaims('899700100070', 'François', 'CHEVALIER', [
      {
        profession: '26',
        activities: [
          {
            mode: 'L',
            sector: 'SA07',
            structureId: 'R100070',
            organisation: 'AUDITION CHEVALIER',
            postalCode: '49000',
            city: '49000 ANGERS',
          },
        ],
      },
    ]),
  },
  {
    id: 'radiologue-expert-assurance',
    label: 'Dr Isabelle Faure — radiologue, aussi experte pour une assurance',
    description:
      'Radiologue (SM44) avec une activité refusée (assurance privée, SA23) et une autorisée ' +
      '(cabinet de groupe, SA08) : seule la seconde est proposée.',
    expected: 'allow',
    claims: pscClaims('899700100088', 'Isabelle', 'FAURE', [
      {
        profession: '10',
        specialty: 'SM44',
        activities: [
          {
            sector: 'SA23',
            structureId: 'S63456789000032',
            organisation: 'ASSURANCES GENERALES DU LITTORAL',
            postalCode: '44000',
            city: '44000 NANTES',
          },
          {
            mode: 'L',
            sector: 'SA08',
            structureId: 'R100088',
            organisation: 'CABINET DE RADIOLOGIE ERDRE ET LOIRE',
            postalCode: '44300',
            city: '44300 NANTES',
          },
        ],
      },
    ]),
  },
  {
    id: 'sage-femme',
    label: 'Manon Perrin — sage-femme',
    description: 'Sage-femme (50), salariée d’une maternité publique (SA01).',
    expected: 'allow',
    claims: pscClaims('899700100096', 'Manon', 'PERRIN', [
      {
        profession: '50',
        activities: [
          {
            sector: 'SA01',
            structureId: 'F670067890',
            finess: '670067890',
            organisation: 'HOPITAUX UNIVERSITAIRES DE STRASBOURG - MATERNITE',
            postalCode: '67000',
            city: '67000 STRASBOURG',
          },
        ],
      },
    ]),
  },
  {
    id: 'masseur-kinesitherapeute',
    label: 'Hugo Blanc — masseur-kinésithérapeute',
    description: 'Masseur-kinésithérapeute (70), libéral en cabinet de groupe (SA08).',
    expected: 'allow',
    claims: pscClaims('899700100013', 'Hugo', 'BLANC', [
      {
        profession: '70',
        activities: [
          {
            mode: 'L',
            sector: 'SA08',
            structureId: 'R100013',
            organisation: 'CABINET DE KINESITHERAPIE DES CHARTRONS',
            postalCode: '33300',
            city: '33300 BORDEAUX',
          },
        ],
      },
    ]),
  },
  {
    id: 'chirurgienne-dentiste',
    label: 'Dr Julie Morel — chirurgienne-dentiste',
    description: 'Chirurgien-dentiste (40), libérale dans une société d’exercice (SA09).',
    expected: 'allow',
    claims: pscClaims('899700100021', 'Julie', 'MOREL', [
      {
        profession: '40',
        civility: 'DR',
        activities: [
          {
            mode: 'L',
            sector: 'SA09',
            structureId: 'S85678901200019',
            organisation: 'SELARL DENTAIRE DU VIEUX-LILLE',
            postalCode: '59800',
            city: '59800 LILLE',
          },
        ],
      },
    ]),
  },
  {
    id: 'manipulateur-erm',
    label: 'Antoine Robin — manipulateur en électroradiologie médicale',
    description: 'Manipulateur ERM (98), salarié d’une clinique privée (SA03).',
    expected: 'allow',
    claims: pscClaims('899700100039', 'Antoine', 'ROBIN', [
      {
        profession: '98',
        activities: [
          {
            sector: 'SA03',
            structureId: 'F690078901',
            finess: '690078901',
            organisation: 'CLINIQUE DU PARC',
            postalCode: '69006',
            city: '69006 LYON',
          },
        ],
      },
    ]),
  },
];

export function findPersona(id: string): Persona | undefined {
  return personas.find((p) => p.id === id);
}
