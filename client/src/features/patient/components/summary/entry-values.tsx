/**
 * The HL7 data types of entries (quantity, range, ratio, an observation's value) in French. Each returns
 * undefined when the document gives nothing, so that the cell shows « — » instead of an empty string.
 */
import type { ReactNode } from 'react';
import type { CodedValue, ObservationValue, Quantity, Range, Ratio } from '@sesali/shared';
import { Coded, OriginalText } from './coded-value';
import { formatDate, formatDecimal, nullFlavorText } from './summary-format';

/**
 * UCUM "1" is the unit of a pure number, whatever the terminology calls it (« unité »): nothing to show. The
 * code decides, not the display.
 */
export function meaningfulUnit(unit: CodedValue | undefined): CodedValue | undefined {
  if (!unit) return undefined;
  return unit.code === '1' || (unit.code === undefined && unit.display.text.trim() === '1') ? undefined : unit;
}

/** Whether a coded value has a term of its own, rather than « Terme non fourni » or a reason for no value. */
export function hasName(value: CodedValue): boolean {
  return value.display.level !== 'unnamed' && value.display.level !== 'absent';
}

/** The number alone (« 12,1 »), or why it is missing. */
export function quantityNumber(quantity: Quantity | undefined): string | undefined {
  if (!quantity) return undefined;
  if (quantity.value !== undefined) return formatDecimal(quantity.value);
  return quantity.nullFlavor ? nullFlavorText(quantity.nullFlavor) : undefined;
}

/** « 20 milligramme » : the number and its unit, translated like any coded value. */
export function quantityView(quantity: Quantity | undefined): ReactNode {
  const number = quantityNumber(quantity);
  if (number === undefined) return undefined;
  const unit = meaningfulUnit(quantity?.unit);
  return (
    <div className="sesali-value">
      {number}
      {unit ? (
        <>
          {' '}
          <Coded value={unit} />
        </>
      ) : null}
    </div>
  );
}

/** « 12 – 15,5 gramme par décilitre », « ≥ 12 … », and the document's own wording of the range if any. */
export function rangeView(range: Range | undefined): ReactNode {
  if (!range) return undefined;
  const low = quantityView(range.low);
  const high = quantityView(range.high);
  const sharedUnit = meaningfulUnit(range.low?.unit);
  let bounds: ReactNode = undefined;
  if (low && high && sharedUnit && sharedUnit.code === range.high?.unit?.code) {
    // « 12 – 15,5 gramme par décilitre »: the unit once.
    bounds = (
      <div className="sesali-value">
        {quantityNumber(range.low)} – {quantityNumber(range.high)} <Coded value={sharedUnit} />
      </div>
    );
  } else if (low && high) {
    bounds = (
      <div className="sesali-value">
        {low} – {high}
      </div>
    );
  } else if (low) {
    bounds = <div className="sesali-value">≥ {low}</div>;
  } else if (high) {
    bounds = <div className="sesali-value">≤ {high}</div>;
  }
  if (!bounds && range.text === undefined) return undefined;
  return (
    <>
      {bounds ? <div className="sesali-line">{bounds}</div> : null}
      {range.text !== undefined ? (
        <div className="sesali-line">
          <OriginalText text={range.text} />
        </div>
      ) : null}
    </>
  );
}

/**
 * The dose form as the unit of a dose that has none (or only UCUM "1"): « 2 comprimés ». A one-word French form
 * takes the plural; any other is left as written rather than guessed at.
 */
function doseFormUnit(doseForm: CodedValue, value: string): ReactNode {
  const { text, lang, level } = doseForm.display;
  let word = text.charAt(0).toLocaleLowerCase(lang) + text.slice(1);
  const many = Number.parseFloat(value) >= 2;
  if (many && level === 'fr' && /^\p{L}+$/u.test(word) && !/[sxz]$/.test(word)) word = `${word}s`;
  return <span lang={lang}>{word}</span>;
}

/** A dose: its quantity, read in its unit, else in the dose form (« 2 comprimés »), else as a bare number. */
export function doseQuantityView(quantity: Quantity | undefined, doseForm: CodedValue | undefined): ReactNode {
  if (!quantity || quantity.value === undefined || meaningfulUnit(quantity.unit)) return quantityView(quantity);
  const form = doseForm && hasName(doseForm) ? doseFormUnit(doseForm, quantity.value) : undefined;
  return (
    <div className="sesali-value">
      {quantityNumber(quantity)}
      {form ? <> {form}</> : null}
    </div>
  );
}

/**
 * A dose range « 1 – 2 comprimés » only when both bounds have a value; else the one bound that has (a dose is
 * not a reference range: no « ≥ »), or nothing; the document's wording of it, if any, as written.
 */
export function doseRangeView(range: Range | undefined, doseForm: CodedValue | undefined): ReactNode {
  if (!range) return undefined;
  const low = range.low?.value !== undefined ? range.low : undefined;
  const high = range.high?.value !== undefined ? range.high : undefined;
  const bounds =
    low && high ? (
      <div className="sesali-value">
        {doseQuantityView(low, doseForm)} – {doseQuantityView(high, doseForm)}
      </div>
    ) : (
      doseQuantityView(low ?? high, doseForm)
    );
  if (!bounds && range.text === undefined) return undefined;
  return (
    <>
      {bounds}
      {range.text !== undefined ? (
        <>
          {bounds ? ' ' : null}
          <OriginalText text={range.text} />
        </>
      ) : null}
    </>
  );
}

/** The dose of a medication: a single quantity, else a range. */
export function doseView(
  dose: Quantity | undefined,
  range: Range | undefined,
  doseForm: CodedValue | undefined,
): ReactNode {
  return doseQuantityView(dose, doseForm) ?? doseRangeView(range, doseForm);
}

/** « 20 milligramme / 1 comprimé ». */
export function ratioView(ratio: Ratio | undefined): ReactNode {
  if (!ratio) return undefined;
  const numerator = quantityView(ratio.numerator);
  const denominator = quantityView(ratio.denominator);
  if (!numerator && !denominator) return undefined;
  return (
    <div className="sesali-value">
      {numerator ?? '?'}
      {denominator ? <> / {denominator}</> : null}
    </div>
  );
}

export function observationValueView(value: ObservationValue | undefined): ReactNode {
  if (!value) return undefined;
  switch (value.kind) {
    case 'coded':
      return <Coded value={value.coded} />;
    case 'quantity':
      return quantityView(value.quantity);
    case 'range':
      return rangeView(value.range);
    case 'ratio':
      return ratioView(value.ratio);
    case 'date':
      return formatDate(value.date);
    case 'text':
      return value.text.trim() === '' ? undefined : <OriginalText text={value.text} />;
    case 'boolean':
      return value.value ? 'Oui' : 'Non';
  }
}
