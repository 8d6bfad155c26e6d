import {
  everyText,
  formatDate,
  formatDateWithZone,
  formatDecimal,
  nullFlavorText,
  periodText,
  personNameText,
} from './summary-format';

describe('les dates, nombres et périodes de la synthèse en français', () => {
  it('écrit une date avec la précision donnée par le document', () => {
    expect(formatDate('2015')).toBe('2015');
    expect(formatDate('2015-02')).toBe('02/2015');
    expect(formatDate('2015-02-01')).toBe('01/02/2015');
    expect(formatDate('2026-10-02T10:15:00+01:00')).toBe('02/10/2026 10:15');
    expect(formatDate('hier')).toBe('hier');
  });

  it('dit le fuseau horaire d’une date-heure tel que le document le donne', () => {
    expect(formatDateWithZone('2026-10-02T10:15:00+01:00')).toBe('02/10/2026 10:15 (UTC+01:00)');
    expect(formatDateWithZone('2026-10-02T10:15:00-0300')).toBe('02/10/2026 10:15 (UTC-03:00)');
    expect(formatDateWithZone('2026-10-02T10:15Z')).toBe('02/10/2026 10:15 (UTC)');
    expect(formatDateWithZone('2026-10-02T10:15')).toBe('02/10/2026 10:15');
    expect(formatDateWithZone('2026-10-02')).toBe('02/10/2026');
  });

  it('écrit les décimales avec une virgule, sans perdre de précision', () => {
    expect(formatDecimal('29.4')).toBe('29,4');
    expect(formatDecimal('5.0')).toBe('5,0');
    expect(formatDecimal('132')).toBe('132');
    expect(formatDecimal('<5')).toBe('<5');
  });

  it('écrit une période, ses bornes manquantes comprises', () => {
    expect(periodText({ value: '2005-08-17' })).toBe('17/08/2005');
    expect(periodText({ start: '2019-06-01', end: '2020-03' })).toBe('du 01/06/2019 au 03/2020');
    expect(periodText({ start: '2003', end: '2018' })).toBe('de 2003 à 2018');
    expect(periodText({ start: '2019' })).toBe('depuis 2019');
    expect(periodText({ start: '2020-11-20', endNullFlavor: 'UNK' })).toBe('depuis 20/11/2020, fin : inconnu (UNK)');
    expect(periodText({ nullFlavor: 'NI' })).toBe('Non renseigné (NI)');
    expect(periodText({})).toBeUndefined();
  });

  it('écrit une fréquence de prise', () => {
    expect(everyText('8', 'h')).toBe('toutes les 8 heures');
    expect(everyText('1', 'd')).toBe('une fois par jour');
    expect(everyText('2', 'wk')).toBe('toutes les 2 semaines');
    expect(everyText('3', 'd')).toBe('tous les 3 jours');
    expect(everyText('3', 'mg')).toBeUndefined();
  });

  it('écrit un nom tel que le document l’épelle, ou la raison de son absence', () => {
    expect(personNameText({ given: ['Ana'], family: ['COSTA'], prefix: ['Dra.'], suffix: [] })).toBe('Dra. Ana COSTA');
    expect(personNameText({ given: [], family: [], prefix: [], suffix: [], text: 'Ana Costa' })).toBe('Ana Costa');
    expect(personNameText({ given: [], family: [], prefix: [], suffix: [], nullFlavor: 'MSK' })).toBe(
      nullFlavorText('MSK'),
    );
  });
});
