/**
 * A hand-written Patient Summary as the BFF would hand it to the SPA, for the viewer's tests: a Portuguese
 * document (pt-PT) with every section of the eHDSI Patient Summary, every kind of entry, the three display
 * levels (fr, en, original) and a missing value, a narrative using every whitelisted node, and the cases a
 * viewer gets wrong first: an allergy of high criticality, one with a severe reaction, one whose display text
 * sounds severe but whose codes are not (no `risk`), a past allergy, medication and problem, a known absence,
 * comments, a product class and a dose without a unit, an untyped (`other`) entry, a section the eHDSI does not
 * define, and a narrative text that looks like markup. `risk` and `timeline` are what the BFF's assessment
 * (shared/summary/assessment.ts) decides from the codes and dates below.
 */
import type {
  CodedValue,
  Display,
  Entry,
  NarrativeAttributes,
  NarrativeNode,
  NarrativeNodeType,
  PatientSummary,
  Quantity,
  Section,
} from '@sesali/shared';

const DOCUMENT_LANG = 'pt-PT';

const SNOMED = { codeSystem: '2.16.840.1.113883.6.96', codeSystemName: 'SNOMED CT' };
const LOINC = { codeSystem: '2.16.840.1.113883.6.1', codeSystemName: 'LOINC' };
const ICD10 = { codeSystem: '2.16.840.1.113883.6.3', codeSystemName: 'ICD-10' };
const ATC = { codeSystem: '2.16.840.1.113883.6.73', codeSystemName: 'ATC' };
const EDQM = { codeSystem: '0.4.0.127.0.16.1.1.2.1', codeSystemName: 'EDQM' };
const UCUM = { codeSystem: '2.16.840.1.113883.6.8', codeSystemName: 'UCUM' };
const ABSENT_OR_UNKNOWN = { codeSystem: '2.16.840.1.113883.5.1150.1' };
const CRITICALITY = { codeSystem: '2.16.840.1.113883.4.642.4.130', codeSystemName: 'AllergyIntoleranceCriticality' };
const ACT_STATUS = { codeSystem: '2.16.840.1.113883.5.14', codeSystemName: 'ActStatus' };
const ACT_MOOD = { codeSystem: '2.16.840.1.113883.5.1001', codeSystemName: 'ActMood' };
const ROLE_CLASS = { codeSystem: '2.16.840.1.113883.5.110', codeSystemName: 'RoleClass' };
/** A Portuguese code system without a name: the SPA then shows its OID. */
const PT_LOCAL = { codeSystem: '2.16.620.1.101.10.4.1' };

const inFrench = (text: string): Display => ({ text, lang: 'fr-FR', level: 'fr' });
const inEnglish = (text: string): Display => ({ text, lang: 'en-GB', level: 'en' });
const untranslated = (text: string): Display => ({ text, lang: DOCUMENT_LANG, level: 'original' });
/** The project's own French (bff/terminology/fr), as the catalogue gives it for the HL7 vocabularies. */
const byProject = (text: string): Display => ({ text, lang: 'fr-FR', level: 'fr', source: 'project' });

function coded(
  system: { codeSystem: string; codeSystemName?: string },
  code: string,
  display: Display,
  originalDisplay?: string,
): CodedValue {
  return { code, ...system, ...(originalDisplay ? { originalDisplay } : {}), display };
}

/** A value the document says is missing, as the BFF phrases it. */
const missing = (nullFlavor: string, phrase: string): CodedValue => ({
  nullFlavor,
  display: { text: `${phrase} (${nullFlavor})`, lang: 'fr-FR', level: 'absent' },
});

const ucum = (code: string, display: Display): CodedValue => coded(UCUM, code, display);
/** HL7 ActStatus, the statusCode of acts, as the catalogue translates it. */
const active = coded(ACT_STATUS, 'active', byProject('En cours'));
const completed = coded(ACT_STATUS, 'completed', byProject('Terminé'));
const quantity = (value: string, unit?: CodedValue): Quantity => ({ value, ...(unit ? { unit } : {}) });
const mg = ucum('mg', inFrench('milligramme'));
const tablet = ucum('{tablet}', inFrench('comprimé'));
const capsule = ucum('{capsule}', inFrench('gélule'));
/** UCUM "1" (a pure number), which the terminology names « unité »: not a unit a dose can be read in. */
const unity = ucum('1', inFrench('unité'));
const mmHg = ucum('mm[Hg]', inFrench('millimètre de mercure'));

const text = (value: string): NarrativeNode => ({ type: 'text', text: value });
const node = (
  type: NarrativeNodeType,
  children: NarrativeNode[] = [],
  attributes?: NarrativeAttributes,
): NarrativeNode => ({
  type,
  ...(attributes ? { attributes } : {}),
  ...(children.length > 0 ? { children } : {}),
});
const paragraph = (value: string) => node('paragraph', [text(value)]);
const row = (cell: 'td' | 'th', values: string[]) =>
  node(
    'tr',
    values.map((v) => node(cell, [text(v)])),
  );

function section(
  loinc: string | undefined,
  title: string,
  titleFr: string,
  entries: Entry[],
  narrative: NarrativeNode[],
): Section {
  return {
    ...(loinc ? { loinc } : {}),
    title,
    titleFr,
    lang: DOCUMENT_LANG,
    narrative,
    entries,
    counts: { seen: entries.length, mapped: entries.length },
  };
}

// ---------------------------------------------------------------------------------------------------------

const allergies = section(
  '48765-2',
  'Alergias e reações adversas',
  'Allergies et réactions indésirables',
  [
    {
      type: 'allergy',
      narrativeRef: 'alg-1',
      allergyType: coded(SNOMED, '416098002', inFrench('Allergie médicamenteuse'), 'Alergia a fármaco'),
      agent: coded(SNOMED, '764146007', inFrench('Pénicilline'), 'Penicilina'),
      agentName: 'Penicilina',
      reactions: [
        {
          manifestation: coded(SNOMED, '39579001', inFrench('Anaphylaxie'), 'Anafilaxia'),
          severity: coded(SNOMED, '24484000', inFrench('Sévère'), 'Grave'),
          onset: '2010-05-03',
        },
      ],
      criticality: coded(CRITICALITY, 'high', inFrench('Risque élevé'), 'Alto'),
      status: coded(SNOMED, '55561003', inFrench('Active'), 'Ativa'),
      certainty: coded(SNOMED, '410605003', inFrench('Confirmée'), 'Confirmada'),
      onset: '2010-05',
      concernStatus: 'active',
      comments: ['Reação documentada no serviço de urgência.'],
      risk: 'highCriticality',
      timeline: 'current',
    },
    {
      type: 'allergy',
      narrativeRef: 'alg-2',
      allergyType: coded(SNOMED, '414285001', inFrench('Allergie alimentaire'), 'Alergia alimentar'),
      agent: coded(SNOMED, '102263004', inEnglish('Eggs (edible)'), 'Ovos'),
      reactions: [
        {
          manifestation: coded(PT_LOCAL, 'PRU-ORAL', untranslated('Prurido oral')),
          severity: missing('UNK', 'Inconnu'),
        },
      ],
      criticality: coded(CRITICALITY, 'low', inFrench('Risque faible'), 'Baixo'),
      onset: '1992',
      concernStatus: 'active',
      timeline: 'current',
    },
    {
      type: 'allergy',
      allergyType: coded(SNOMED, '416098002', inFrench('Allergie médicamenteuse'), 'Alergia a fármaco'),
      agent: coded(ATC, 'M01AE01', inFrench('Ibuprofène'), 'Ibuprofeno'),
      reactions: [
        {
          manifestation: coded(SNOMED, '41291007', inFrench('Angio-œdème'), 'Angioedema'),
          severity: coded(SNOMED, '24484000', inFrench('Sévère'), 'Grave'),
        },
      ],
      onset: '2018',
      concernStatus: 'active',
      risk: 'severeReaction',
      timeline: 'current',
    },
    {
      // A national severity code the catalogue translated: its words sound grave, its code is not SNOMED CT
      // « severe », so the BFF sets no risk.
      type: 'allergy',
      allergyType: coded(SNOMED, '414285001', inFrench('Allergie alimentaire'), 'Alergia alimentar'),
      agentName: 'Kiwi',
      reactions: [],
      severity: coded(PT_LOCAL, 'GRAV-AUTO', inFrench('Sévère selon la patiente'), 'Grave (referido)'),
      criticality: coded(PT_LOCAL, 'CRIT-AUTO', inFrench('Élevée selon la patiente'), 'Alta (referida)'),
      concernStatus: 'active',
      timeline: 'current',
    },
    {
      type: 'allergy',
      allergyType: coded(SNOMED, '416098002', inFrench('Allergie médicamenteuse'), 'Alergia a fármaco'),
      agent: coded(SNOMED, '387406002', inFrench('Sulfamide'), 'Sulfonamida'),
      reactions: [
        {
          manifestation: coded(SNOMED, '271807003', inFrench('Éruption cutanée'), 'Erupção cutânea'),
          severity: coded(SNOMED, '24484000', inFrench('Sévère'), 'Grave'),
        },
      ],
      status: coded(SNOMED, '73425007', inFrench('Inactive'), 'Inativa'),
      onset: '2001',
      end: '2012',
      concernStatus: 'completed',
      risk: 'severeReaction',
      timeline: 'past',
    },
    {
      type: 'knownAbsence',
      absence: 'known',
      code: coded(
        ABSENT_OR_UNKNOWN,
        'no-known-environmental-allergies',
        inFrench('Aucune allergie environnementale connue'),
      ),
    },
    {
      type: 'other',
      narrativeRef: 'alerta-1',
      element: 'observation',
      reason: 'medical alert observation without an eHDSI template',
      code: coded(PT_LOCAL, 'ALERTA', untranslated('Alerta clínico')),
      text: 'Doente sob anticoagulação oral (varfarina).',
    },
  ],
  [
    node('table', [
      node('caption', [text('Alergias e intolerâncias')]),
      node('thead', [row('th', ['Agente', 'Reação', 'Gravidade'])]),
      node('tbody', [
        node('tr', [
          node('td', [node('content', [text('Penicilina')], { id: 'alg-1' })]),
          node('td', [text('Anafilaxia')]),
          node('td', [node('content', [text('Grave')], { styleCode: ['Bold'] })]),
        ]),
        node('tr', [
          node('td', [node('content', [text('Ovos')], { id: 'alg-2' })]),
          node('td', [text('Prurido oral')]),
          node('td', [text('Desconhecida')]),
        ]),
      ]),
    ]),
    node('paragraph', [
      text('Nota: '),
      node('content', [text('confirmado por teste cutâneo')], { styleCode: ['Italics'] }),
      node('br'),
      text('SpO'),
      node('sub', [text('2')]),
      text(' normal; superfície corporal 1,7 m'),
      node('sup', [text('2')]),
      node('footnote', [text('Teste realizado no Hospital de Santa Maria.')]),
    ]),
    node(
      'list',
      [node('item', [text('Alerta: doente anticoagulada.')]), node('item', [text('<script>alert(1)</script>')])],
      {
        id: 'alerta-1',
        listType: 'unordered',
      },
    ),
  ],
);

const medication = section(
  '10160-0',
  'Medicação',
  'Traitements médicamenteux',
  [
    {
      type: 'medication',
      product: {
        name: 'Zestoretic 20 mg + 12,5 mg comprimidos',
        // The national product code, whose display is the name again: printed once.
        code: coded(PT_LOCAL, '5440987', untranslated('Zestoretic 20 mg + 12,5 mg comprimidos')),
      },
      productClass: coded(ATC, 'C09BA03', inFrench('Lisinopril et diurétiques'), 'Lisinopril e diuréticos'),
      ingredients: [
        {
          substance: coded(ATC, 'C09AA03', inFrench('lisinopril'), 'lisinopril'),
          strength: { numerator: quantity('20', mg), denominator: quantity('1', tablet) },
        },
        {
          substance: coded(ATC, 'C03AA03', inFrench('hydrochlorothiazide'), 'hidroclorotiazida'),
          strength: { numerator: quantity('12.5', mg), denominator: quantity('1', tablet) },
        },
      ],
      doseForm: coded(EDQM, '10219000', inFrench('Comprimé'), 'Comprimido'),
      route: coded(EDQM, '20053000', inFrench('Voie orale'), 'Via oral'),
      dose: quantity('1', tablet),
      frequency: { period: quantity('24', ucum('h', inFrench('heure'))) },
      period: { start: '2019-06-01' },
      reasons: [coded(ICD10, 'I10', inFrench('Hypertension essentielle (primitive)'), 'Hipertensão essencial')],
      status: active,
      timeline: 'current',
    },
    {
      type: 'medication',
      product: { name: 'Varfine 5 mg comprimidos', packageName: 'Embalagem de 60 comprimidos' },
      ingredients: [
        {
          substance: coded(ATC, 'B01AA03', inEnglish('warfarin'), 'varfarina'),
          strength: { numerator: quantity('5', mg), denominator: quantity('1', tablet) },
        },
      ],
      doseForm: coded(EDQM, '10219000', inFrench('Comprimé'), 'Comprimido'),
      route: coded(EDQM, '20053000', inFrench('Voie orale'), 'Via oral'),
      // A lower bound only, in UCUM "1": « 1 comprimé », never « ≥ 1 unité ».
      doseRange: { low: quantity('1', unity), high: { nullFlavor: 'UNK' } },
      frequency: { event: coded({ codeSystem: '2.16.840.1.113883.5.139' }, 'HS', inFrench('Au coucher')) },
      dosageText: 'Dose ajustada ao INR, ver plano de anticoagulação.',
      period: { start: '2020-11-20', endNullFlavor: 'UNK' },
      reasons: [],
      status: active,
      comments: ['Doente informada sobre as interações alimentares.'],
      timeline: 'current',
    },
    {
      type: 'medication',
      product: { name: 'Omeprazol 20 mg cápsulas' },
      ingredients: [
        {
          // A substance code nobody names: the document's name of the ingredient is shown instead.
          substance: {
            code: 'OMP-20',
            ...PT_LOCAL,
            display: { text: 'Terme non fourni', lang: 'fr-FR', level: 'unnamed' },
          },
          name: 'omeprazol',
          strength: { numerator: quantity('20', mg), denominator: quantity('1', capsule) },
        },
      ],
      doseForm: coded(EDQM, '10210000', inFrench('Gélule'), 'Cápsula'),
      route: coded(EDQM, '20053000', inFrench('Voie orale'), 'Via oral'),
      dose: { value: '2' },
      frequency: { period: { nullFlavor: 'UNK' }, nullFlavor: 'UNK' },
      period: { start: '2023-01-10', end: '2023-03-10' },
      reasons: [],
      status: completed,
      timeline: 'past',
    },
  ],
  [paragraph('Zestoretic 1 comprimido por dia. Varfine segundo o INR, ao deitar.')],
);

const problems = section(
  '11450-4',
  'Problemas ativos',
  'Liste des problèmes actifs',
  [
    {
      type: 'problem',
      problemType: coded(SNOMED, '55607006', inFrench('Problème'), 'Problema'),
      code: coded(ICD10, 'I48', inFrench('Fibrillation et flutter auriculaires'), 'Fibrilhação auricular'),
      onset: '2020-11',
      status: coded(SNOMED, '55561003', inFrench('Actif'), 'Ativo'),
      concernStatus: 'active',
      timeline: 'current',
    },
    {
      type: 'problem',
      code: coded(ICD10, 'D50', inFrench('Anémie par carence en fer'), 'Anemia ferropénica'),
      onset: '2023-02',
      resolution: '2024-06',
      status: coded(SNOMED, '413322009', inFrench('Résolu'), 'Resolvido'),
      concernStatus: 'completed',
      timeline: 'past',
    },
    {
      type: 'problem',
      code: coded(ICD10, 'I10', inFrench('Hypertension essentielle (primitive)'), 'Hipertensão essencial'),
      onset: '2019',
      concernStatus: 'active',
      timeline: 'current',
    },
  ],
  [node('list', [node('item', [text('Fibrilhação auricular (2020)')]), node('item', [text('Hipertensão (2019)')])])],
);

const procedures = section(
  '47519-4',
  'Procedimentos cirúrgicos',
  'Antécédents chirurgicaux et actes',
  [
    {
      type: 'procedure',
      code: coded(SNOMED, '80146002', inFrench('Appendicectomie'), 'Apendicectomia'),
      date: { value: '2005-08-17' },
      status: completed,
      targetSites: [coded(SNOMED, '66754008', inFrench('Structure de l’appendice vermiforme'), 'Apêndice')],
    },
  ],
  [paragraph('Apendicectomia em 2005.')],
);

const devices = section(
  '46264-8',
  'Dispositivos médicos',
  'Dispositifs médicaux',
  [
    {
      type: 'device',
      code: coded(SNOMED, '14106009', inFrench('Stimulateur cardiaque'), 'Pacemaker cardíaco'),
      identifiers: [{ root: '1.2.840.10008.2.16.4', extension: '(01)00643169001763(17)260712(21)21A11F4855' }],
      period: { start: '2021-02-03' },
      status: active,
    },
  ],
  [paragraph('Pacemaker implantado em fevereiro de 2021.')],
);

const pastIllness = section(
  '11348-0',
  'Antecedentes médicos',
  'Antécédents médicaux',
  [
    {
      type: 'problem',
      code: coded(ICD10, 'A15.0', inEnglish('Tuberculosis of lung'), 'Tuberculose pulmonar'),
      onset: '1999',
      resolution: '2000-03',
      outcome: coded(SNOMED, '413322009', inFrench('Guéri'), 'Curado'),
      concernStatus: 'completed',
      timeline: 'past',
    },
  ],
  [paragraph('Tuberculose pulmonar tratada, curada em 2000.')],
);

const immunizations = section(
  '11369-6',
  'Vacinação',
  'Vaccinations',
  [
    {
      type: 'immunization',
      vaccine: coded(ATC, 'J07BN01', inFrench('Vaccin contre la COVID-19, ARN messager'), 'Vacina COVID-19'),
      productName: 'Comirnaty',
      date: '2021-05-10',
      doseNumber: '2',
      lotNumber: 'FE3380',
      route: coded(EDQM, '20035000', inFrench('Voie intramusculaire'), 'Via intramuscular'),
      status: completed,
    },
    {
      type: 'immunization',
      vaccine: coded(ATC, 'J07AM01', inFrench('Anatoxine tétanique'), 'Toxoide tetânico'),
      date: '2024-03-02',
      notGiven: true,
      status: completed,
    },
  ],
  [paragraph('COVID-19 (2.ª dose) em 10/05/2021. Tétano: recusado em 2024.')],
);

const planOfCare = section(
  '18776-5',
  'Plano de cuidados',
  'Plan de soins',
  [
    {
      type: 'planOfCare',
      code: coded(SNOMED, '183519002', untranslated('Consulta de cardiologia'), 'Consulta de cardiologia'),
      effectiveTime: { value: '2026-11-15' },
      status: active,
      mood: coded(ACT_MOOD, 'APT', byProject('Rendez-vous pris')),
      activity: 'encounter',
    },
  ],
  [paragraph('Consulta de cardiologia marcada para 15/11/2026.')],
);

const functionalStatus = section(
  '47420-5',
  'Estado funcional',
  'Évaluation de l’état fonctionnel',
  [
    {
      type: 'functionalStatus',
      effectiveTime: { value: '2026-01-12' },
      observations: [
        {
          code: coded(SNOMED, '273302005', inEnglish('Barthel index'), 'Índice de Barthel'),
          value: { kind: 'quantity', quantity: { value: '95' } },
          interpretations: [],
          effectiveTime: { value: '2026-01-12' },
        },
      ],
    },
  ],
  [paragraph('Índice de Barthel: 95 (independente).')],
);

const socialHistory = section(
  '29762-2',
  'Hábitos de vida',
  'Mode de vie',
  [
    {
      type: 'socialHistory',
      code: coded(SNOMED, '229819007', inFrench('Consommation de tabac'), 'Consumo de tabaco'),
      value: { kind: 'quantity', quantity: quantity('10', ucum('{PackYear}', inFrench('paquets-années'))) },
      effectiveTime: { start: '2003', end: '2018' },
    },
  ],
  [paragraph('Ex-fumadora (10 UMA), deixou em 2018.')],
);

const pregnancies = section(
  '10162-6',
  'Gravidezes',
  'Antécédents obstétricaux',
  [
    {
      type: 'pregnancy',
      code: coded(LOINC, '11636-8', inFrench('Nombre de naissances vivantes'), 'Nados-vivos'),
      value: { kind: 'quantity', quantity: { value: '2' } },
      effectiveTime: { value: '2024-01-10' },
    },
    {
      type: 'pregnancy',
      code: coded(LOINC, '82810-3', inFrench('Statut de grossesse'), 'Estado de gravidez'),
      value: { kind: 'coded', coded: coded(SNOMED, '60001007', inFrench('Pas enceinte'), 'Não grávida') },
      effectiveTime: { value: '2026-09-20' },
    },
  ],
  [paragraph('Dois partos (2012, 2015). Não grávida.')],
);

const vitalSigns = section(
  '8716-3',
  'Sinais vitais',
  'Signes vitaux',
  [
    {
      type: 'vitalSign',
      panel: coded(LOINC, '85354-9', inFrench('Pression artérielle'), 'Tensão arterial'),
      effectiveTime: { value: '2026-09-20T09:30:00+01:00' },
      observations: [
        {
          code: coded(LOINC, '8480-6', inFrench('Pression artérielle systolique'), 'Sistólica'),
          value: { kind: 'quantity', quantity: quantity('132', mmHg) },
          interpretations: [],
          effectiveTime: { value: '2026-09-20T09:30:00+01:00' },
        },
        {
          code: coded(LOINC, '8462-4', inFrench('Pression artérielle diastolique'), 'Diastólica'),
          value: { kind: 'quantity', quantity: quantity('84', mmHg) },
          interpretations: [],
          effectiveTime: { value: '2026-09-20T09:30:00+01:00' },
        },
      ],
    },
    {
      type: 'vitalSign',
      observations: [
        {
          code: coded(LOINC, '29463-7', inFrench('Poids corporel'), 'Peso'),
          value: { kind: 'quantity', quantity: quantity('64.5', ucum('kg', inFrench('kilogramme'))) },
          interpretations: [],
          effectiveTime: { value: '2026-09-20' },
        },
      ],
    },
  ],
  [paragraph('TA 132/84 mmHg; peso 64,5 kg.')],
);

const results = section(
  '30954-2',
  'Resultados de exames',
  'Résultats d’examens complémentaires',
  [
    {
      type: 'result',
      panel: coded(LOINC, '58410-2', inFrench('Hémogramme complet'), 'Hemograma'),
      effectiveTime: { value: '2026-09-18' },
      observations: [
        {
          code: coded(LOINC, '718-7', inFrench('Hémoglobine [Masse/Volume] Sang'), 'Hemoglobina'),
          value: { kind: 'quantity', quantity: quantity('12.1', ucum('g/dL', inFrench('gramme par décilitre'))) },
          referenceRange: {
            low: quantity('12', ucum('g/dL', inFrench('gramme par décilitre'))),
            high: quantity('15.5', ucum('g/dL', inFrench('gramme par décilitre'))),
          },
          interpretations: [coded({ codeSystem: '2.16.840.1.113883.5.83' }, 'N', inFrench('Normal'))],
          effectiveTime: { value: '2026-09-18' },
        },
      ],
    },
    {
      type: 'result',
      observations: [
        {
          code: coded(LOINC, '6301-6', inFrench('INR'), 'INR'),
          value: { kind: 'quantity', quantity: { value: '3.4' } },
          referenceRange: { text: '2,0 – 3,0 (sob varfarina)' },
          interpretations: [coded({ codeSystem: '2.16.840.1.113883.5.83' }, 'H', inFrench('Élevé'))],
          effectiveTime: { value: '2026-09-18' },
        },
      ],
    },
    {
      type: 'result',
      observations: [
        {
          code: coded(LOINC, '882-1', inFrench('Groupe sanguin ABO et Rhésus'), 'Grupo sanguíneo'),
          value: { kind: 'coded', coded: coded(SNOMED, '278149003', inFrench('Groupe A Rhésus positif'), 'A Rh+') },
          interpretations: [],
        },
      ],
    },
  ],
  [
    node('table', [
      node('tbody', [
        row('td', ['Hemoglobina', '12,1 g/dL']),
        row('td', ['INR', '3,4']),
        row('td', ['Grupo', 'A Rh+']),
      ]),
    ]),
  ],
);

const advanceDirectives = section(
  '42348-3',
  'Diretivas antecipadas de vontade',
  'Directives anticipées',
  [
    {
      type: 'advanceDirective',
      code: coded(LOINC, '75320-2', inFrench('Directive anticipée'), 'Diretiva antecipada'),
      value: { kind: 'text', text: 'Registada no RENTEV: recusa de reanimação cardiopulmonar.' },
      effectiveTime: { value: '2018-04-02' },
    },
  ],
  [paragraph('Testamento vital registado no RENTEV em 2018.')],
);

/** A section the eHDSI Patient Summary does not define: no French title, shown under its own. */
const familyHistory = section(
  '10157-6',
  'Antecedentes familiares',
  'Antecedentes familiares',
  [
    {
      type: 'other',
      element: 'observation',
      reason: 'entry of a section outside the eHDSI Patient Summary',
      code: coded(SNOMED, '22298006', inFrench('Infarctus du myocarde'), 'Enfarte do miocárdio'),
      text: 'Pai: enfarte do miocárdio aos 58 anos.',
    },
  ],
  [paragraph('Pai: enfarte do miocárdio aos 58 anos.')],
);

const sections = [
  // Document order, not the viewer's: the SPA puts them in the display tool's order.
  medication,
  allergies,
  problems,
  results,
  procedures,
  devices,
  vitalSigns,
  pastIllness,
  immunizations,
  planOfCare,
  functionalStatus,
  socialHistory,
  pregnancies,
  advanceDirectives,
];
const unknownSections = [familyHistory];
const total = [...sections, ...unknownSections].reduce((sum, s) => sum + s.entries.length, 0);

export const summarySample: PatientSummary = {
  format: 'cda',
  header: {
    documentId: { root: '2.16.620.1.101.10.3.29.1', extension: 'RSU-2026-000123' },
    title: 'Resumo de Saúde do Utente',
    creationDate: '2026-10-02T10:15:00+01:00',
    language: DOCUMENT_LANG,
    country: 'PT',
    patient: {
      identifiers: [
        { root: '2.16.620.1.101.10.1.1', extension: '123456789', issuer: 'Portugal — Número de utente (SNS)' },
        { root: '2.16.620.1.101.10.1.9', extension: 'LX-44821' },
      ],
      names: [{ given: ['Maria'], family: ['SILVA', 'SANTOS'], prefix: [], suffix: [] }],
      birthDate: '1985-03-14',
      gender: coded({ codeSystem: '2.16.840.1.113883.5.1' }, 'F', inFrench('Femme'), 'Feminino'),
      addresses: [{ lines: ['Rua Augusta 100'], city: 'Lisboa', postalCode: '1100-053', country: 'PT' }],
      telecoms: [{ system: 'phone', value: '+351 912 345 678', use: 'MC' }],
      languages: ['pt-PT'],
    },
    guardians: [],
    contacts: [
      {
        relationship: coded({ codeSystem: '2.16.840.1.113883.5.111' }, 'HUSB', inFrench('Époux'), 'Marido'),
        classCode: 'ECON',
        role: coded(ROLE_CLASS, 'ECON', byProject("Personne à prévenir en cas d'urgence")),
        names: [{ given: ['João'], family: ['SANTOS'], prefix: [], suffix: [] }],
        addresses: [],
        telecoms: [{ system: 'phone', value: '+351 913 000 111' }],
      },
      {
        function: coded(
          { codeSystem: '2.16.840.1.113883.5.88' },
          'PCP',
          inFrench('Médecin traitant'),
          'Médico de família',
        ),
        names: [{ given: ['Ana'], family: ['COSTA'], prefix: ['Dra.'], suffix: [] }],
        organisation: 'USF Baixa de Lisboa',
        addresses: [],
        telecoms: [{ system: 'email', value: 'usf.baixa@example.pt' }],
      },
    ],
    authors: [
      {
        kind: 'person',
        time: '2026-10-01T17:40:00+01:00',
        identifiers: [{ root: '2.16.620.1.101.10.2.1', extension: '12345' }],
        name: { given: ['Ana'], family: ['COSTA'], prefix: ['Dra.'], suffix: [] },
        function: coded({ codeSystem: '2.16.840.1.113883.2.9.6.2.7' }, '221', inFrench('Médecin'), 'Médico'),
        organisation: { identifiers: [], name: 'USF Baixa de Lisboa', addresses: [], telecoms: [] },
        addresses: [],
        telecoms: [],
      },
    ],
    custodian: {
      identifiers: [{ root: '2.16.620.1.101.10.3' }],
      name: 'SPMS — Serviços Partilhados do Ministério da Saúde',
      addresses: [],
      telecoms: [],
    },
  },
  sections,
  unknownSections,
  counts: { seen: total, mapped: total },
};
