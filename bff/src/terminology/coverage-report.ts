/**
 * Which coded values of a summary the catalogue cannot show in French: for operators who load a national
 * MTC export and want to know what a document will show « en anglais » or « non traduit ».
 */
import type { CodedValue, PatientSummary } from '@sesali/shared';
import type { TerminologyCatalogue } from './catalogue';

export interface CoverageGap {
  code: string;
  codeSystem: string;
  codeSystemName?: string;
  /** The document's own display name, if any. */
  displayName?: string;
  /** 'en-GB only': shown in English; 'missing': shown as the document wrote it. */
  status: 'en-GB only' | 'missing';
  /** Where in the summary, e.g. "section 48765-2 › entry 1 (allergy) › agent". */
  where: string;
}

export interface CoverageReport {
  /** Coded values carrying a code (values without a code — nullFlavor — need no catalogue entry). */
  coded: number;
  french: number;
  gaps: CoverageGap[];
}

export function coverageReport(summary: PatientSummary, catalogue: TerminologyCatalogue): CoverageReport {
  const report: CoverageReport = { coded: 0, french: 0, gaps: [] };
  const visit = (value: CodedValue, where: string): void => {
    if (value.code === undefined || value.codeSystem === undefined) return;
    report.coded++;
    const designation = catalogue.designation(value.codeSystem, value.code);
    if (designation?.level === 'fr') {
      report.french++;
      return;
    }
    report.gaps.push({
      code: value.code,
      codeSystem: value.codeSystem,
      codeSystemName: value.codeSystemName,
      displayName: value.originalDisplay,
      status: designation ? 'en-GB only' : 'missing',
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
