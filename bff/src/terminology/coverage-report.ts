/**
 * How a translated summary reads, value by value: for operators who load a national MTC export, and for the
 * project's own check over the real corpus. Every coded value (one with a code or a nullFlavor) falls in one
 * level: French, English reference, source language (the document's own term), absent (a missing-data phrase)
 * or unnamed (« Terme non fourni »); a value whose display is its own code is a bare code, and must never
 * happen. Values not in French are gaps, listed with where they are and the value set they belong to.
 */
import type { CodedValue, DisplayLevel, PatientSummary } from '@sesali/shared';
import type { TerminologyCatalogue } from './catalogue';

export interface CoverageGap {
  code?: string;
  codeSystem?: string;
  codeSystemName?: string;
  /** The document's own display name, if any. */
  displayName?: string;
  level: Exclude<DisplayLevel, 'fr'>;
  /** The value set the concept belongs to, when the catalogue knows it. */
  valueSet?: string;
  /** Where in the summary, e.g. "section 48765-2 › entry 1 (allergy) › agent". */
  where: string;
}

export type LevelCounts = Record<DisplayLevel, number>;

export interface CoverageReport {
  /** Coded values: with a code, or a nullFlavor saying why there is none (product codes apart). */
  values: number;
  /**
   * Medicinal product codes (national product identifiers such as Malta's MTCODES): the product is named by
   * its brand or generic name, which no terminology translates, so these are counted apart from the shares.
   */
  productCodes: number;
  levels: LevelCounts;
  /** Values whose display text is their own code: must stay 0. */
  bareCodes: number;
  gaps: CoverageGap[];
}

export const emptyLevels = (): LevelCounts => ({ fr: 0, en: 0, original: 0, absent: 0, unnamed: 0 });

export function coverageReport(summary: PatientSummary, catalogue: TerminologyCatalogue): CoverageReport {
  const report: CoverageReport = { values: 0, productCodes: 0, levels: emptyLevels(), bareCodes: 0, gaps: [] };
  const visit = (value: CodedValue, where: string): void => {
    if (value.code === undefined && value.nullFlavor === undefined && value.originalDisplay === undefined) return;
    // A designation that happens to equal its code (the unit "dose", "pH") is a term; a document's display
    // name that only repeats the code, or a code shown for want of one, is not.
    const fromCatalogue =
      value.display.source === 'mvc' || value.display.source === 'project' || value.display.source === 'national';
    if (!fromCatalogue && value.code !== undefined && value.display.text.trim() === value.code.trim())
      report.bareCodes++;
    if (where.endsWith('› product › code')) {
      report.productCodes++;
      return;
    }
    report.values++;
    const level = value.display.level;
    report.levels[level]++;
    if (level === 'fr') return;
    report.gaps.push({
      code: value.code,
      codeSystem: value.codeSystem,
      codeSystemName: value.codeSystemName,
      displayName: value.originalDisplay,
      level,
      valueSet:
        value.valueSet ??
        (value.code !== undefined && value.codeSystem !== undefined
          ? catalogue.valueSetOf(value.codeSystem, value.code)
          : undefined),
      where,
    });
  };

  walk(summary.header, ['header'], visit);
  for (const section of [...summary.sections, ...summary.unknownSections]) {
    const sectionName = `section ${section.loinc ?? '(no code)'}`;
    section.entries.forEach((entry, index) => {
      walk(entry, [sectionName, `entry ${index + 1} (${entry.type})`], visit);
    });
  }
  return report;
}

function walk(value: unknown, path: string[], visit: (value: CodedValue, where: string) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, [...path, `#${index + 1}`], visit));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if ('display' in value && typeof value.display === 'object') {
    visit(value as CodedValue, path.join(' › '));
    return;
  }
  for (const [key, field] of Object.entries(value)) walk(field, [...path, key], visit);
}

/** Totals over several reports, and the most frequent codes not shown in French, by value set. */
export interface CorpusCoverage {
  documents: number;
  values: number;
  productCodes: number;
  levels: LevelCounts;
  bareCodes: number;
  /** value set (or "system <oid>") → code → { count, displayName, level } */
  missing: Map<string, Map<string, { count: number; displayName?: string; level: CoverageGap['level'] }>>;
}

export function corpusCoverage(reports: CoverageReport[]): CorpusCoverage {
  const total: CorpusCoverage = {
    documents: reports.length,
    values: 0,
    productCodes: 0,
    levels: emptyLevels(),
    bareCodes: 0,
    missing: new Map(),
  };
  for (const report of reports) {
    total.values += report.values;
    total.productCodes += report.productCodes;
    total.bareCodes += report.bareCodes;
    for (const level of Object.keys(total.levels) as DisplayLevel[]) total.levels[level] += report.levels[level];
    for (const gap of report.gaps) {
      if (gap.code === undefined || gap.level === 'absent') continue;
      const group = gap.valueSet ?? `system ${gap.codeSystem ?? '?'}`;
      let codes = total.missing.get(group);
      if (!codes) {
        codes = new Map<string, { count: number; displayName?: string; level: CoverageGap['level'] }>();
        total.missing.set(group, codes);
      }
      const entry = codes.get(gap.code) ?? { count: 0, displayName: gap.displayName, level: gap.level };
      entry.count++;
      codes.set(gap.code, entry);
    }
  }
  return total;
}

/** « 12.3 % » of a total; 0 % for an empty one. */
export const share = (part: number, whole: number): string =>
  `${whole === 0 ? '0.0' : ((100 * part) / whole).toFixed(1)} %`;
