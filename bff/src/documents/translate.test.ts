import type { CodedValue, PatientSummary } from '@sesali/shared';
import { catalogueOf } from '../terminology/catalogue';
import { parseCdaPatientSummary } from './cda/parse-cda';
import { withDocumentDisplay } from './display';
import { codedValues, readFixture } from './testing/fixtures';
import { translateCodedValue, translateSummary } from './translate';

const catalogue = catalogueOf([
  {
    oid: '1.3.6.1.4.1.12559.11.10.1.3.1.42.24',
    name: 'eHDSIActiveIngredient',
    concepts: [
      {
        code: 'C09AA05',
        codeSystem: '2.16.840.1.113883.6.73',
        designations: [
          { lang: 'en-GB', text: 'ramipril' },
          { lang: 'fr-FR', text: 'ramipril (fr)' },
        ],
      },
      {
        code: 'N02BB02',
        codeSystem: '2.16.840.1.113883.6.73',
        designations: [{ lang: 'en-GB', text: 'metamizole sodium' }],
      },
    ],
  },
  {
    oid: '1.3.6.1.4.1.12559.11.10.1.3.1.42.37',
    concepts: [
      {
        code: 'NI',
        codeSystem: '2.16.840.1.113883.5.1008',
        designations: [{ lang: 'fr-FR', text: 'aucune information' }],
      },
    ],
  },
  {
    oid: '1.3.6.1.4.1.12559.11.10.1.3.1.42.26',
    concepts: [
      {
        code: '48765-2',
        codeSystem: '2.16.840.1.113883.6.1',
        designations: [{ lang: 'fr-FR', text: 'Allergies (catalogue)' }],
      },
    ],
  },
]);

const coded = (draft: Omit<CodedValue, 'display'>): CodedValue => withDocumentDisplay({ ...draft }, 'hr-HR');

describe('translateCodedValue', () => {
  it('prefers the French designation and records the value set', () => {
    expect(
      translateCodedValue(
        coded({ code: 'C09AA05', codeSystem: '2.16.840.1.113883.6.73', originalDisplay: 'ramipril' }),
        'hr-HR',
        catalogue,
      ),
    ).toMatchObject({
      valueSet: '1.3.6.1.4.1.12559.11.10.1.3.1.42.24',
      display: { text: 'ramipril (fr)', lang: 'fr-FR', level: 'fr' },
    });
  });

  it('falls back to the en-GB reference designation', () => {
    expect(
      translateCodedValue(
        coded({ code: 'N02BB02', codeSystem: '2.16.840.1.113883.6.73', originalDisplay: 'metamizol' }),
        'hr-HR',
        catalogue,
      ).display,
    ).toMatchObject({ text: 'metamizole sodium', lang: 'en-GB', level: 'en' });
  });

  it('falls back to the document’s own term, then to « Terme non fourni » — never to the bare code or nothing', () => {
    const unknown = { code: 'X99', codeSystem: '2.16.840.1.113883.6.3' };
    expect(translateCodedValue(coded({ ...unknown, originalDisplay: 'Nešto' }), 'hr-HR', catalogue).display).toEqual({
      text: 'Nešto',
      lang: 'hr-HR',
      level: 'original',
      source: 'document',
    });
    expect(translateCodedValue(coded(unknown), 'hr-HR', catalogue).display).toEqual({
      text: 'Terme non fourni',
      lang: 'fr-FR',
      level: 'unnamed',
      codeSystemLabel: 'CIM-10',
    });
    // A display name that only repeats the code names nothing.
    expect(translateCodedValue(coded({ ...unknown, originalDisplay: 'X99' }), 'hr-HR', catalogue).display.level).toBe(
      'unnamed',
    );
  });

  it('shows a French document’s own term as French, not « non traduit »', () => {
    const unknown = { code: 'X99', codeSystem: '2.16.840.1.113883.6.3', originalDisplay: 'Séquelles' };
    expect(translateCodedValue(coded(unknown), 'fr-LU', catalogue).display).toEqual({
      text: 'Séquelles',
      lang: 'fr-LU',
      level: 'fr',
      source: 'document',
    });
    // Over an English reference designation too.
    expect(
      translateCodedValue(
        coded({ code: 'N03AG01', codeSystem: '2.16.840.1.113883.6.73', originalDisplay: 'acide valproïque' }),
        'fr-BE',
        catalogue,
      ).display,
    ).toMatchObject({ text: 'acide valproïque', level: 'fr', source: 'document' });
  });

  it('shows the document’s words when a nullFlavor value carries them, and keeps the nullFlavor', () => {
    const value = translateCodedValue(coded({ nullFlavor: 'NI', originalText: 'Anafilaxia' }), 'pt-PT', catalogue);
    expect(value.display).toEqual({ text: 'Anafilaxia', lang: 'pt-PT', level: 'original', source: 'document' });
    expect(value.nullFlavor).toBe('NI');
  });

  it('words a nullFlavor in French, with the catalogue’s designation when it has one', () => {
    expect(translateCodedValue(coded({ nullFlavor: 'NI' }), 'hr-HR', catalogue).display).toEqual({
      text: 'Aucune information (NI)',
      lang: 'fr-FR',
      level: 'absent',
    });
    expect(translateCodedValue(coded({ nullFlavor: 'ASKU' }), 'hr-HR', catalogue).display).toEqual({
      text: 'Demandé mais inconnu (ASKU)',
      lang: 'fr-FR',
      level: 'absent',
    });
    for (const nullFlavor of ['NI', 'UNK', 'ASKU', 'NA', 'NASK', 'MSK', 'OTH'])
      expect(translateCodedValue(coded({ nullFlavor }), 'hr-HR', catalogue).display.text).toMatch(
        new RegExp(`\\(${nullFlavor}\\)$`),
      );
  });

  it('finds nothing for codes that are properties of every JavaScript object', () => {
    expect(translateCodedValue(coded({ nullFlavor: 'constructor' }), 'hr-HR', catalogue).display.text).toBe(
      'Non renseigné (constructor)',
    );
    expect(
      translateCodedValue(coded({ code: 'toString', codeSystem: '2.16.840.1.113883.5.1150.1' }), 'hr-HR', catalogue)
        .display,
    ).toMatchObject({ text: 'Terme non fourni', level: 'unnamed' });
  });

  it('never shows a blank string', () => {
    expect(translateCodedValue(coded({ code: '', originalDisplay: ' ' }), '', catalogue).display).toEqual({
      text: 'Non renseigné',
      lang: 'fr-FR',
      level: 'absent',
    });
    expect(
      translateCodedValue(coded({ code: 'Z1', codeSystem: '1.2', originalDisplay: '' }), '', catalogue).display,
    ).toMatchObject({
      text: 'Terme non fourni',
      level: 'unnamed',
      codeSystemLabel: '1.2',
    });
  });

  it('shows the original term of an unmapped concept (OTH)', () => {
    expect(
      translateCodedValue(coded({ nullFlavor: 'OTH', originalText: 'Stanje nakon COVID-19' }), 'hr-HR', catalogue)
        .display,
    ).toEqual({
      text: 'Stanje nakon COVID-19',
      lang: 'hr-HR',
      level: 'original',
      source: 'document',
    });
  });

  it('words known absences in French even without the catalogue', () => {
    const empty = catalogueOf([]);
    expect(
      translateCodedValue(coded({ code: 'no-known-devices', codeSystem: '2.16.840.1.113883.5.1150.1' }), 'hr-HR', empty)
        .display,
    ).toEqual({ text: 'Aucun dispositif médical connu', lang: 'fr-FR', level: 'fr', source: 'project' });
  });
});

describe('translateSummary', () => {
  const parsed = (): PatientSummary => parseCdaPatientSummary(readFixture('HR/patients/complete/ps-l3.xml'));

  it('is pure: the parsed summary is left as it was', () => {
    const summary = parsed();
    const before = structuredClone(summary);
    const translated = translateSummary(summary, catalogue);
    expect(summary).toEqual(before);
    expect(translated).not.toBe(summary);
  });

  it('translates every coded value, header and entries alike, and the section titles', () => {
    const summary = parsed();
    const translated = translateSummary(summary, catalogue);
    expect(translated.sections[0]?.titleFr).toBe('Allergies (catalogue)');
    expect(translated.sections[1]?.titleFr).toBe('Traitements médicamenteux');
    const ramipril = codedValues(translated).find(({ value }) => value.code === 'C09AA05');
    expect(ramipril?.value.display.level).toBe('fr');
    // The narrative holds no coded value: carried over as it is.
    expect(translated.sections[0]?.narrative).toBe(summary.sections[0]?.narrative);
  });
});
