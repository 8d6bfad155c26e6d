/** Small LTR value-set files (OpenNCP TSAM export format) for the terminology tests. */
export const ltrValueSet = (oid: string, concepts: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<ValueSet oid="${oid}" name="Test">${concepts}</ValueSet>`;

export const ltrConcept = (code: string, codeSystem: string, designations: Record<string, string>): string =>
  `<concept codeSystem="${codeSystem}" codeSystemName="Test" code="${code}">${Object.entries(designations)
    .map(([lang, text]) => `<designation lang="${lang}">${text}</designation>`)
    .join('')}</concept>`;
