/**
 * How the plain (uncoded) parts of a Patient Summary read in French: dates as jj/mm/aaaa with the precision
 * the document gave, decimals with a comma, periods, names, addresses, dosage intervals. Coded values — act
 * statuses, moods and contact roles included — need none of this: the BFF already chose their French display.
 */
import { nullFlavorFr, type Address, type Period, type PersonName, type Telecom } from '@sesali/shared';

/** « Inconnu (UNK) »: the reason a document gives for a missing value, with its code. */
export function nullFlavorText(nullFlavor: string): string {
  return `${nullFlavorFr(nullFlavor) ?? 'Non renseigné'} (${nullFlavor})`;
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * "2015" → 2015, "2015-02" → 02/2015, "2015-02-01" → 01/02/2015, a date-time → 01/02/2015 10:15 (the hour as
 * the document wrote it, in the sending country's time). Anything else is shown as the document gave it.
 */
export function formatDate(value: string): string {
  const [, year, month, day, hour, minute] = ISO_DATE.exec(value) ?? [];
  if (!year) return value;
  const date = [day, month, year].filter(Boolean).join('/');
  return hour && minute ? `${date} ${hour}:${minute}` : date;
}

/**
 * A date as `formatDate` writes it, and for a date-time the time zone the document gave with it: « 02/10/2026
 * 10:15 (UTC+01:00) » — the sending country's clock, said as such rather than converted.
 */
export function formatDateWithZone(value: string): string {
  const formatted = formatDate(value);
  const zone = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.exec(value)?.[1];
  if (zone === undefined || formatted === value) return formatted;
  if (zone === 'Z') return `${formatted} (UTC)`;
  return `${formatted} (UTC${zone.slice(0, 3)}:${zone.slice(-2)})`;
}

/** "29.4" → « 29,4 », keeping the document's precision ("5.0" stays « 5,0 »). */
export function formatDecimal(value: string): string {
  return /^[-+]?\d+(\.\d+)?$/.test(value) ? value.replace('.', ',') : value;
}

/**
 * A period in words: « du 01/06/2019 au 03/2020 », « de 2003 à 2018 », « depuis 2019 », « 17/08/2005 », with
 * what the document says of a missing bound; undefined when empty.
 */
export function periodText(period: Period | undefined): string | undefined {
  if (!period) return undefined;
  if (period.value !== undefined) return formatDate(period.value);
  const start = period.start !== undefined ? formatDate(period.start) : undefined;
  const end = period.end !== undefined ? formatDate(period.end) : undefined;
  const parts: string[] = [];
  const years = /^\d{4}$/;
  if (start && end && years.test(start) && years.test(end)) parts.push(`de ${start} à ${end}`);
  else if (start && end) parts.push(`du ${start} au ${end}`);
  else if (start) parts.push(`depuis ${start}`);
  else if (end) parts.push(`jusqu’à ${end}`);
  if (period.startNullFlavor) parts.push(`début : ${lowerFirst(nullFlavorText(period.startNullFlavor))}`);
  if (period.endNullFlavor) parts.push(`fin : ${lowerFirst(nullFlavorText(period.endNullFlavor))}`);
  if (parts.length === 0 && period.nullFlavor) parts.push(nullFlavorText(period.nullFlavor));
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('fr-FR') + text.slice(1);
}

/** « Dra. Ana COSTA », as the document spells it; undefined when the document gives no name at all. */
export function personNameText(name: PersonName | undefined): string | undefined {
  if (!name) return undefined;
  const parts = [...name.prefix, ...name.given, ...name.family, ...name.suffix].filter((p) => p.trim() !== '');
  if (parts.length > 0) return parts.join(' ');
  if (name.text) return name.text;
  return name.nullFlavor ? nullFlavorText(name.nullFlavor) : undefined;
}

const languageNames = new Intl.DisplayNames(['fr'], { type: 'language' });

/** "pt-PT" → « portugais (Portugal) »; a tag the browser does not know is shown as is. */
export function languageName(tag: string): string {
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export function addressText(address: Address): string | undefined {
  if (address.nullFlavor && address.lines.length === 0 && !address.city) return nullFlavorText(address.nullFlavor);
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  const text = [...address.lines, cityLine, address.state, address.country].filter(Boolean).join(', ');
  return text || undefined;
}

const TELECOM_LABELS: Record<Telecom['system'], string> = {
  phone: 'Téléphone',
  email: 'Courriel',
  fax: 'Fax',
  url: 'Site',
  other: 'Contact',
};

export function telecomText(telecom: Telecom): string | undefined {
  const value = telecom.value ?? (telecom.nullFlavor ? nullFlavorText(telecom.nullFlavor) : undefined);
  return value ? `${TELECOM_LABELS[telecom.system]} : ${value}` : undefined;
}

/** UCUM time units of a dosage period, with their French singular and plural and the gender of « tous les ». */
const TIME_UNITS: Readonly<Record<string, { one: string; many: string; feminine: boolean }>> = {
  min: { one: 'minute', many: 'minutes', feminine: true },
  h: { one: 'heure', many: 'heures', feminine: true },
  d: { one: 'jour', many: 'jours', feminine: false },
  wk: { one: 'semaine', many: 'semaines', feminine: true },
  mo: { one: 'mois', many: 'mois', feminine: false },
  a: { one: 'an', many: 'ans', feminine: false },
};

/** « toutes les 8 heures », « une fois par jour »; undefined for a unit that is not a UCUM time unit. */
export function everyText(value: string, ucumCode: string | undefined): string | undefined {
  const unit = ucumCode !== undefined ? TIME_UNITS[ucumCode] : undefined;
  if (!unit) return undefined;
  if (value === '1') return `une fois par ${unit.one}`;
  return `${unit.feminine ? 'toutes' : 'tous'} les ${formatDecimal(value)} ${unit.many}`;
}
