/**
 * DOMAIN.md §3, row by row: which Pro Santé Connect claims open Sesali and, when none does, which FAQ reason the
 * professional reads. Claims are built the way PSC sends them (every field present, empty values as "") so that a
 * row only differs from a working login by the claim it is about.
 */
import { evaluateAccess } from './evaluate-access';
import { modeLabels, professionLabels, sectorLabels } from './nomenclatures';
import { accessDecisionSchema, type AccessDecision, type RefusalReason } from './types';

type Claims = Record<string, unknown>;
type Outcome = 'allow' | RefusalReason;

function activity(overrides: Claims = {}): Claims {
  return {
    codeModeExercice: 'S',
    codeSecteurDactivite: 'SA01',
    codeSectionPharmacien: '',
    codeRole: '',
    codeGenreActivite: 'GENR01',
    identifiantTechniqueDeLaStructure: 'F330781196',
    numeroFinessSite: '330781196',
    numeroSiretSite: '',
    raisonSocialeSite: 'CHU DE BORDEAUX',
    enseigneCommercialeSite: '',
    codePostal: '33000',
    bureauCedex: '33000 BORDEAUX',
    ...overrides,
  };
}

/** A doctor of category C by default, practising in a public hospital. */
function exercice(overrides: Claims = {}, activities: unknown = [activity()]): Claims {
  return {
    codeProfession: '10',
    codeCategorieProfessionnelle: 'C',
    codeCiviliteDexercice: 'DR',
    nomDexercice: 'ESSAI',
    prenomDexercice: 'Camille',
    codeTypeSavoirFaire: '',
    codeSavoirFaire: '',
    ...overrides,
    activities,
  };
}

function userinfo(exercices: unknown, extra: Claims = {}): Claims {
  return {
    sub: 'f:550dc1c8-d97b-4b1e-ac8c-8eb4471cf9dd:899700999901',
    preferred_username: '899700999901',
    SubjectNameID: '899700999901',
    given_name: 'Camille',
    family_name: 'ESSAI',
    authMode: 'CARD',
    SubjectRefPro: { codeCivilite: 'M', exercices },
    ...extra,
  };
}

/** One exercice with one activity: the shape of most rows. */
function single(exerciceOverrides: Claims, activityOverrides: Claims = {}): Claims {
  return userinfo([exercice(exerciceOverrides, [activity(activityOverrides)])]);
}

const inSector = (code: unknown): Claims => ({ codeSecteurDactivite: code });
const section = (code: string): Claims => ({ codeSectionPharmacien: code });
const deny = (reason: RefusalReason): AccessDecision => ({ decision: 'deny', reason, situations: [] });

function without(object: Claims, key: string): Claims {
  const copy = { ...object };
  delete copy[key];
  return copy;
}

/** Every decision must satisfy the contract the BFF stores and the client re-validates. */
function decide(claims: unknown): AccessDecision {
  const decision = evaluateAccess(claims);
  expect(accessDecisionSchema.parse(decision)).toEqual(decision);
  return decision;
}

const outcome = (decision: AccessDecision): Outcome => (decision.decision === 'allow' ? 'allow' : decision.reason);
const situationIds = (decision: AccessDecision): string[] => decision.situations.map((s) => s.id);

describe('evaluateAccess — occupational medicine refused', () => {
  it.each<[string, Claims]>([
    ['a doctor with specialty SM25 in a hospital', single({ codeTypeSavoirFaire: 'S', codeSavoirFaire: 'SM25' })],
    [
      'a doctor with specialty SM25 in a private practice',
      single({ codeTypeSavoirFaire: 'S', codeSavoirFaire: 'SM25' }, { codeModeExercice: 'L', ...inSector('SA07') }),
    ],
    ['a public-agent doctor with SM25', single({ codeCategorieProfessionnelle: 'M', codeSavoirFaire: 'SM25' })],
    ['a doctor with specialty SM25 padded with spaces', single({ codeSavoirFaire: ' SM25 ' })],
    ['a general practitioner in sector SA13', single({ codeSavoirFaire: 'SM26' }, { codeSecteurDactivite: 'SA13' })],
    ['a general practitioner in sector SA66', single({ codeSavoirFaire: 'SM26' }, { codeSecteurDactivite: 'SA66' })],
    ['a nurse in sector SA13', single({ codeProfession: '60' }, { codeSecteurDactivite: 'SA13' })],
    ['a nurse in sector SA66', single({ codeProfession: '60' }, { codeSecteurDactivite: 'SA66' })],
    ['a section A pharmacist in SA66', single({ codeProfession: '21' }, { ...section('A'), ...inSector('SA66') })],
    ['an SM25 doctor at a private insurer (most specific)', single({ codeSavoirFaire: 'SM25' }, inSector('SA23'))],
  ])('refuses %s', (_name, claims) => {
    expect(decide(claims)).toEqual(deny('occupational_medicine'));
  });
});

describe('evaluateAccess — private insurer refused', () => {
  it.each<[string, Claims]>([
    ['a doctor in sector SA23', single({ codeSavoirFaire: 'SM26' }, { codeSecteurDactivite: 'SA23' })],
    ['a doctor in sector SA24 (policy: social security bodies alike)', single({}, { codeSecteurDactivite: 'SA24' })],
    ['a nurse in sector SA23', single({ codeProfession: '60' }, { codeSecteurDactivite: 'SA23' })],
    ['a section A pharmacist in SA23', single({ codeProfession: '21' }, { ...section('A'), ...inSector('SA23') })],
    ['a dentist in sector SA24', single({ codeProfession: '40' }, { codeSecteurDactivite: 'SA24' })],
  ])('refuses %s', (_name, claims) => {
    expect(decide(claims)).toEqual(deny('private_insurer'));
  });
});

describe('evaluateAccess — no longer practising refused (policy)', () => {
  it.each<[string, Claims]>([
    ['SubjectRefPro without an exercices key', userinfo(undefined, { SubjectRefPro: { codeCivilite: 'M' } })],
    ['an empty SubjectRefPro', userinfo(undefined, { SubjectRefPro: {} })],
    ['an empty exercices array', userinfo([])],
    ['one exercice with an empty activities array', userinfo([exercice({}, [])])],
    ['one exercice without an activities key', userinfo([without(exercice(), 'activities')])],
    [
      'several exercices whose activities are all empty or missing',
      userinfo([
        exercice({}, []),
        without(exercice({ codeProfession: '60' }), 'activities'),
        exercice({ codeProfession: '21' }, []),
      ]),
    ],
    ['a refused profession without any activity', userinfo([exercice({ codeProfession: '26' }, [])])],
  ])('refuses %s', (_name, claims) => {
    expect(decide(claims)).toEqual(deny('not_practising'));
  });
});

describe('evaluateAccess — doctors (profession 10)', () => {
  const specialties = ['', 'SM26', 'SM53', 'SM54', 'SM44', 'SM55', 'SM74', 'SM03', 'SM63', 'SM67', 'SM59', 'SM99'];
  const rows = ['C', 'M', 'E'].flatMap((category) => specialties.map((specialty) => [category, specialty] as const));

  it.each(rows)('allows category %s with specialty "%s"', (category, specialty) => {
    const decision = decide(
      single({
        codeCategorieProfessionnelle: category,
        codeTypeSavoirFaire: specialty ? 'S' : '',
        codeSavoirFaire: specialty,
      }),
    );
    expect(decision.decision).toBe('allow');
    expect(decision.situations).toHaveLength(1);
    expect(decision.situations[0]).toMatchObject({
      id: 'e0a0',
      professionCode: '10',
      professionLabel: 'Médecin',
      specialtyCode: specialty === '' ? null : specialty,
    });
  });

  it.each<[string, Claims]>([
    ['libéral in a private practice (SA07)', { codeModeExercice: 'L', codeSecteurDactivite: 'SA07' }],
    ['libéral in a group practice (SA08)', { codeModeExercice: 'L', codeSecteurDactivite: 'SA08' }],
    ['salarié in a centre de santé (SA05)', { codeModeExercice: 'S', codeSecteurDactivite: 'SA05' }],
    ['salarié at the SAMU-Centre 15 of a hospital (SA01)', { codeModeExercice: 'S', codeSecteurDactivite: 'SA01' }],
    ['in a maison de santé (SA52)', { codeModeExercice: 'L', codeSecteurDactivite: 'SA52' }],
    ['with no sector at all', { codeSecteurDactivite: '' }],
  ])('allows a doctor %s', (_name, activityOverrides) => {
    expect(outcome(decide(single({ codeSavoirFaire: 'SM26' }, activityOverrides)))).toBe('allow');
  });

  it.each<[string, Claims]>([
    ['category F (deprecated)', single({ codeCategorieProfessionnelle: 'F' })],
    ['an empty category', single({ codeCategorieProfessionnelle: '' })],
    ['no category key', userinfo([without(exercice(), 'codeCategorieProfessionnelle')])],
    ['an unknown category', single({ codeCategorieProfessionnelle: 'X' })],
    ['a lowercase category', single({ codeCategorieProfessionnelle: 'c' })],
  ])('refuses a doctor with %s', (_name, claims) => {
    expect(decide(claims)).toEqual(deny('profession_not_allowed'));
  });
});

describe('evaluateAccess — pharmacists (profession 21)', () => {
  const pharmacist = (code: string, sector: string): Claims =>
    single({ codeProfession: '21', codeCiviliteDexercice: '' }, { ...section(code), ...inSector(sector) });

  it.each(['A', 'D', 'E', 'G', 'H'])('allows section %s whatever the sector', (code) => {
    const decision = decide(pharmacist(code, ''));
    expect(outcome(decision)).toBe('allow');
    expect(decision.situations[0]).toMatchObject({ professionCode: '21', professionLabel: 'Pharmacien' });
  });

  it.each(['SA25', 'SA29', 'SA59', 'SA33', 'SA38', 'SA39', 'SA56', 'SA65', 'SA01', 'SA02', 'SA03', 'SA04'])(
    'allows sector %s without a section',
    (sector) => {
      const decision = decide(pharmacist('', sector));
      expect(outcome(decision)).toBe('allow');
      expect(decision.situations[0]).toMatchObject({ sectorCode: sector, sectorLabel: sectorLabels[sector] });
    },
  );

  it.each<[string, string, string]>([
    ['section B (industry)', 'B', ''],
    ['section C (distribution)', 'C', ''],
    ['sector SA31', '', 'SA31'],
    ['sector SA32', '', 'SA32'],
    ['sector SA46', '', 'SA46'],
    ['section B even in a pharmacy (a refused section wins)', 'B', 'SA33'],
    ['section C even in a hospital', 'C', 'SA01'],
    ['section A in the drug industry (a refused sector wins)', 'A', 'SA31'],
    ['section G in sector SA46', 'G', 'SA46'],
    ['no section and no sector', '', ''],
    ['no qualifying section or sector (SA07)', '', 'SA07'],
    ['an unknown section in a centre de santé', 'Z', 'SA05'],
  ])('refuses %s', (_name, code, sector) => {
    expect(decide(pharmacist(code, sector))).toEqual(deny('profession_not_allowed'));
  });

  it('refuses a pharmacist whose activity has no section or sector key at all', () => {
    const bare = without(without(activity(), 'codeSectionPharmacien'), 'codeSecteurDactivite');
    expect(outcome(decide(userinfo([exercice({ codeProfession: '21' }, [bare])])))).toBe('profession_not_allowed');
  });
});

describe('evaluateAccess — préparateurs en pharmacie (policy)', () => {
  it.each<[string, string]>([
    ['38', 'Préparateur en pharmacie hospitalière'],
    ['39', 'Préparateur en pharmacie'],
    ['316', 'Préparateur en pharmacie hospitalière'],
    ['317', 'Préparateur en pharmacie'],
  ])('allows profession %s', (code, label) => {
    const decision = decide(single({ codeProfession: code, codeCiviliteDexercice: '' }, inSector('SA33')));
    expect(decision.decision).toBe('allow');
    expect(decision.situations[0]).toMatchObject({ professionCode: code, professionLabel: label });
  });
});

describe('evaluateAccess — other allowed professions', () => {
  it.each(['40', '50', '60', '69', '70', '80', '91', '92', '94', '95', '96', '98'])('allows profession %s', (code) => {
    const claims = single({ codeProfession: code, codeCiviliteDexercice: '' }, { codeModeExercice: 'L' });
    const decision = decide(claims);
    expect(decision.decision).toBe('allow');
    expect(decision.situations[0]).toMatchObject({ professionCode: code, professionLabel: professionLabels[code] });
  });

  it('labels professions with the nomenclature wording', () => {
    const labelFor = (code: string) => decide(single({ codeProfession: code })).situations[0]?.professionLabel;
    expect(labelFor('40')).toBe('Chirurgien-dentiste');
    expect(labelFor('50')).toBe('Sage-femme');
    expect(labelFor('70')).toBe('Masseur-kinésithérapeute');
    expect(labelFor('98')).toBe('Manipulateur ERM');
  });
});

describe('evaluateAccess — anyone else refused', () => {
  it.each(['26', '28', '31', '32', '81', '82', '83', '84', '85', '86', '11', '999', 'XX', ''])(
    'refuses profession "%s", even in a hospital',
    (code) => {
      expect(decide(single({ codeProfession: code }))).toEqual(deny('profession_not_allowed'));
    },
  );

  it('refuses an exercice without a profession key', () => {
    expect(outcome(decide(userinfo([without(exercice(), 'codeProfession')])))).toBe('profession_not_allowed');
  });
});

describe('evaluateAccess — several activities', () => {
  it('allows a doctor with one refused (SA23) and one allowed activity, with exactly the allowed situation', () => {
    const decision = decide(
      userinfo([
        exercice({ codeTypeSavoirFaire: 'S', codeSavoirFaire: 'SM26' }, [
          activity({ ...inSector('SA23'), raisonSocialeSite: 'ASSURANCES DU LITTORAL' }),
          activity({ codeModeExercice: 'L', codeSecteurDactivite: 'SA07', raisonSocialeSite: 'CABINET DR ESSAI' }),
        ]),
      ]),
    );
    expect(decision.decision).toBe('allow');
    expect(situationIds(decision)).toEqual(['e0a1']);
    expect(decision.situations[0]).toMatchObject({ organisation: 'CABINET DR ESSAI', sectorCode: 'SA07' });
  });

  it('keeps only allowed activities across exercices, in PSC order, with stable ids', () => {
    const decision = decide(
      userinfo([
        exercice({ codeProfession: '26' }, [activity({ codeSecteurDactivite: 'SA07' })]),
        exercice({ codeProfession: '60' }, [activity(inSector('SA13')), activity(), activity(inSector('SA05'))]),
        exercice({}, []),
        exercice({ codeProfession: '21' }, [activity(section('B')), activity(section('H'))]),
      ]),
    );
    expect(situationIds(decision)).toEqual(['e1a1', 'e1a2', 'e3a1']);
  });

  it('allows a pharmacist in industry who also works in a pharmacy', () => {
    const decision = decide(
      userinfo([
        exercice({ codeProfession: '21' }, [
          activity({ codeSectionPharmacien: 'B', codeSecteurDactivite: 'SA31' }),
          activity({ codeSectionPharmacien: 'D', codeSecteurDactivite: 'SA33' }),
        ]),
      ]),
    );
    expect(situationIds(decision)).toEqual(['e0a1']);
  });

  const occupational = () => exercice({ codeProfession: '60' }, [activity({ codeSecteurDactivite: 'SA66' })]);
  const insurer = () => exercice({ codeProfession: '60' }, [activity({ codeSecteurDactivite: 'SA23' })]);
  const notAllowed = () => exercice({ codeProfession: '26' }, [activity({ codeSecteurDactivite: 'SA07' })]);
  const idle = () => exercice({}, []);

  it.each<[string, Claims[], RefusalReason]>([
    ['insurer then occupational', [insurer(), occupational()], 'occupational_medicine'],
    ['occupational then insurer', [occupational(), insurer()], 'occupational_medicine'],
    ['not allowed then occupational', [notAllowed(), occupational()], 'occupational_medicine'],
    ['not allowed then insurer', [notAllowed(), insurer()], 'private_insurer'],
    ['insurer then not allowed', [insurer(), notAllowed()], 'private_insurer'],
    ['all three reasons', [notAllowed(), insurer(), occupational()], 'occupational_medicine'],
    ['an idle exercice and a refused one', [idle(), notAllowed()], 'profession_not_allowed'],
    ['an idle exercice and an insurer', [insurer(), idle()], 'private_insurer'],
  ])('when every activity is refused (%s), the most specific reason wins', (_name, exercices, reason) => {
    expect(decide(userinfo(exercices))).toEqual(deny(reason));
  });

  it('gives the reason of same-exercice activities refused for different reasons', () => {
    const claims = userinfo([
      exercice({ codeProfession: '60' }, [activity(inSector('SA24')), activity(inSector('SA13'))]),
    ]);
    expect(outcome(decide(claims))).toBe('occupational_medicine');
  });
});

describe('evaluateAccess — situation fields', () => {
  it('describes the situation a radiologist picks', () => {
    const decision = decide(
      single(
        { codeTypeSavoirFaire: 'S', codeSavoirFaire: 'SM44' },
        {
          codeModeExercice: 'L',
          codeSecteurDactivite: 'SA08',
          identifiantTechniqueDeLaStructure: 'R130245',
          numeroFinessSite: '',
          raisonSocialeSite: 'CABINET DE RADIOLOGIE DU VIEUX-PORT',
          codePostal: '13002',
          bureauCedex: '13002 MARSEILLE',
        },
      ),
    );
    expect(decision).toEqual({
      decision: 'allow',
      situations: [
        {
          id: 'e0a0',
          professionCode: '10',
          professionLabel: 'Médecin',
          specialtyCode: 'SM44',
          organisation: 'CABINET DE RADIOLOGIE DU VIEUX-PORT',
          organisationId: 'R130245',
          sectorCode: 'SA08',
          sectorLabel: 'Cabinet de groupe',
          modeLabel: 'Libéral',
          city: '13002 MARSEILLE',
        },
      ],
    });
  });

  it.each(Object.entries(modeLabels))('labels mode %s as %s', (mode, label) => {
    expect(decide(single({}, { codeModeExercice: mode })).situations[0]?.modeLabel).toBe(label);
  });

  it('falls back to the trade name when the company name is empty', () => {
    const decision = decide(
      single(
        { codeProfession: '21' },
        { ...section('A'), raisonSocialeSite: '  ', enseigneCommercialeSite: 'PHARMACIE DU MARCHÉ' },
      ),
    );
    expect(decision.situations[0]?.organisation).toBe('PHARMACIE DU MARCHÉ');
  });

  it('never leaves an empty cell: absent values become a placeholder or null', () => {
    const decision = decide(
      single(
        { codeProfession: '60', codeSavoirFaire: '' },
        {
          codeModeExercice: '',
          codeSecteurDactivite: '',
          identifiantTechniqueDeLaStructure: '',
          raisonSocialeSite: '',
          enseigneCommercialeSite: '',
          bureauCedex: '   ',
        },
      ),
    );
    expect(decision.situations[0]).toEqual({
      id: 'e0a0',
      professionCode: '60',
      professionLabel: 'Infirmier',
      specialtyCode: null,
      organisation: 'Structure non renseignée',
      organisationId: null,
      sectorCode: null,
      sectorLabel: null,
      modeLabel: null,
      city: null,
    });
  });

  it('shows an unknown sector or mode as its code', () => {
    const decision = decide(single({}, { codeSecteurDactivite: 'SA99', codeModeExercice: 'Q' }));
    expect(decision.situations[0]).toMatchObject({ sectorCode: 'SA99', sectorLabel: 'SA99', modeLabel: 'Q' });
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    'labels a sector or mode "%s" as the code itself, not as an Object.prototype member',
    (code) => {
      const decision = decide(single({ codeProfession: '60' }, { codeSecteurDactivite: code, codeModeExercice: code }));
      expect(decision.situations[0]).toMatchObject({ sectorCode: code, sectorLabel: code, modeLabel: code });
    },
  );
});

describe('evaluateAccess — bad input never throws', () => {
  const hugeExercices = (count: number) => userinfo(Array.from({ length: count }, () => exercice()));
  const hugeActivities = (count: number) =>
    userinfo([
      exercice(
        {},
        Array.from({ length: count }, () => activity()),
      ),
    ]);
  const everythingEmpty = (sub: string): Claims => ({
    sub,
    preferred_username: '',
    given_name: '',
    family_name: '',
    authMode: '',
    SubjectRefPro: {
      codeCivilite: '',
      exercices: [
        {
          codeProfession: '',
          codeCategorieProfessionnelle: '',
          codeTypeSavoirFaire: '',
          codeSavoirFaire: '',
          activities: [Object.fromEntries(Object.keys(activity()).map((key) => [key, '']))],
        },
      ],
    },
  });

  it.each<[string, unknown, RefusalReason]>([
    ['null', null, 'invalid_identity'],
    ['undefined', undefined, 'invalid_identity'],
    ['a string', 'eyJhbGciOiJIUzI1NiJ9.e30.x', 'invalid_identity'],
    ['a number', 899700100011, 'invalid_identity'],
    ['an array', [userinfo([exercice()])], 'invalid_identity'],
    ['an empty object', {}, 'invalid_identity'],
    ['no SubjectRefPro', without(userinfo([exercice()]), 'SubjectRefPro'), 'invalid_identity'],
    ['a null SubjectRefPro', userinfo([], { SubjectRefPro: null }), 'invalid_identity'],
    ['a string SubjectRefPro', userinfo([], { SubjectRefPro: 'exercices' }), 'invalid_identity'],
    ['no sub', without(userinfo([exercice()]), 'sub'), 'invalid_identity'],
    ['an empty sub', userinfo([exercice()], { sub: '' }), 'invalid_identity'],
    ['a numeric sub', userinfo([exercice()], { sub: 899700100011 }), 'invalid_identity'],
    ['a sub beyond 256 characters', userinfo([exercice()], { sub: 'f'.repeat(257) }), 'invalid_identity'],
    ['exercices as a string', userinfo('10'), 'invalid_identity'],
    ['exercices as an object', userinfo({ 0: exercice() }), 'invalid_identity'],
    ['exercices as an array-like object', userinfo({ 0: exercice(), length: 1 }), 'invalid_identity'],
    ['exercices as null', userinfo(null), 'invalid_identity'],
    ['exercices as a number', userinfo(1), 'invalid_identity'],
    ['an exercice that is null', userinfo([null]), 'invalid_identity'],
    ['an exercice that is a string', userinfo(['10']), 'invalid_identity'],
    ['activities as a string', userinfo([exercice({}, 'SA01')]), 'invalid_identity'],
    ['activities as an object', userinfo([exercice({}, { 0: activity() })]), 'invalid_identity'],
    ['activities as a number', userinfo([exercice({}, 3)]), 'invalid_identity'],
    ['activities as null', userinfo([exercice({}, null)]), 'invalid_identity'],
    ['an activity that is an array', userinfo([exercice({}, [['SA01']])]), 'invalid_identity'],
    ['51 exercices (schema max 50)', hugeExercices(51), 'invalid_identity'],
    ['10 000 exercices', hugeExercices(10_000), 'invalid_identity'],
    ['101 activities (schema max 100)', hugeActivities(101), 'invalid_identity'],
    ['empty strings everywhere', everythingEmpty(''), 'invalid_identity'],
    ['empty strings everywhere but the sub', everythingEmpty('f:x:899700999901'), 'profession_not_allowed'],
    [
      'unknown codes everywhere',
      single(
        { codeProfession: 'ZZ', codeCategorieProfessionnelle: 'Q', codeSavoirFaire: 'SM00' },
        { codeModeExercice: 'Q', codeSecteurDactivite: 'SA99', codeSectionPharmacien: 'Q' },
      ),
      'profession_not_allowed',
    ],
    ['a numeric profession code', single({ codeProfession: 10 }), 'profession_not_allowed'],
    ['a numeric doctor category', single({ codeCategorieProfessionnelle: 3 }), 'profession_not_allowed'],
    ['an array as profession code', single({ codeProfession: ['10'] }), 'profession_not_allowed'],
    ['a profession code beyond 64 characters', single({ codeProfession: '10'.padEnd(66) }), 'profession_not_allowed'],
    ['an SM25 doctor, numeric sector', single({ codeSavoirFaire: 'SM25' }, inSector(25)), 'occupational_medicine'],
    ['a profession "constructor"', single({ codeProfession: 'constructor' }), 'profession_not_allowed'],
    ['a profession "__proto__"', single({ codeProfession: '__proto__' }), 'profession_not_allowed'],
  ])('denies %s with a reason', (_name, input, reason) => {
    let decision: AccessDecision | undefined;
    expect(() => {
      decision = decide(input);
    }).not.toThrow();
    expect(decision).toEqual(deny(reason));
  });

  it('accepts exactly the schema maxima (50 exercices, 100 activities) with ids the contract allows', () => {
    const exercices = decide(hugeExercices(50));
    expect(exercices.situations).toHaveLength(50);
    expect(exercices.situations.at(-1)?.id).toBe('e49a0');
    const activities = decide(hugeActivities(100));
    expect(activities.situations).toHaveLength(100);
    expect(activities.situations.at(-1)?.id).toBe('e0a99');
  });

  it('tolerates malformed descriptive fields of an allowed activity and falls back', () => {
    const decision = decide(
      single(
        { codeProfession: '60', codeSavoirFaire: 60 },
        {
          codeModeExercice: 1,
          codeSecteurDactivite: null,
          identifiantTechniqueDeLaStructure: {},
          raisonSocialeSite: 42,
          enseigneCommercialeSite: 'x'.repeat(513),
          bureauCedex: ['PARIS'],
        },
      ),
    );
    expect(decision.situations[0]).toMatchObject({
      organisation: 'Structure non renseignée',
      organisationId: null,
      sectorCode: null,
      modeLabel: null,
      specialtyCode: null,
      city: null,
    });
  });

  describe('prototype-pollution-looking keys', () => {
    const doctorExercice = JSON.stringify(exercice());

    afterEach(() => {
      const probe: Record<string, unknown> = {};
      expect(probe.SubjectRefPro).toBeUndefined();
      expect(probe.codeProfession).toBeUndefined();
      expect(probe.codeSecteurDactivite).toBeUndefined();
    });

    it('does not read SubjectRefPro from a top-level "__proto__" key', () => {
      const input: unknown = JSON.parse(
        `{"sub":"f:x:899700999901","__proto__":{"SubjectRefPro":{"exercices":[${doctorExercice}]}}}`,
      );
      expect(decide(input)).toEqual(deny('invalid_identity'));
    });

    it('does not let a "__proto__" key supply exercices', () => {
      const input: unknown = JSON.parse(
        `{"sub":"f:x:899700999901","SubjectRefPro":{"__proto__":{"exercices":[${doctorExercice}]}}}`,
      );
      expect(decide(input)).toEqual(deny('not_practising'));
    });

    it('does not let a "__proto__" key supply a profession', () => {
      const input: unknown = JSON.parse(
        `{"sub":"f:x:899700999901","SubjectRefPro":{"exercices":[{"__proto__":{"codeProfession":"10",` +
          `"codeCategorieProfessionnelle":"C"},"activities":[${JSON.stringify(activity())}]}]}}`,
      );
      expect(decide(input)).toEqual(deny('profession_not_allowed'));
    });

    it('does not let a "__proto__" key hide a refused sector', () => {
      const refused = JSON.stringify(activity({ codeSecteurDactivite: 'SA23' }));
      const polluted = refused.replace('{', '{"__proto__":{"codeSecteurDactivite":"SA07"},');
      const input: unknown = JSON.parse(
        `{"sub":"f:x:899700999901","SubjectRefPro":{"exercices":[{"codeProfession":"60","activities":[${polluted}]}]}}`,
      );
      expect(decide(input)).toEqual(deny('private_insurer'));
    });
  });
});
