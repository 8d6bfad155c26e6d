import { documentError, fixtureDocuments, readFixture } from '../testing/fixtures';
import { extractL1Pdf } from './l1-pdf';

const l1 = (body: string) =>
  Buffer.from(
    `<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3"><component><nonXMLBody>${body}</nonXMLBody></component></ClinicalDocument>`,
  );

describe('extractL1Pdf', () => {
  const fixtures = fixtureDocuments('ps-l1.xml');

  it('finds the L1 fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(7);
  });

  it.each(fixtures)('%s gives the PDF bytes', (path) => {
    const pdf = extractL1Pdf(readFixture(path));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
  });

  it('refuses an L3 document, a body that is not a PDF, and bad base64', () => {
    expect(documentError(() => extractL1Pdf(readFixture('HR/patients/with-pdf/ps-l3.xml'))).detail).toMatch(
      /not an L1/,
    );
    const notPdf = Buffer.from('GIF89a fake image').toString('base64');
    expect(
      documentError(() => extractL1Pdf(l1(`<text mediaType="application/pdf" representation="B64">${notPdf}</text>`)))
        .detail,
    ).toMatch(/not a PDF/);
    expect(
      documentError(() =>
        extractL1Pdf(l1('<text mediaType="application/pdf" representation="B64">%%% not base64</text>')),
      ).detail,
    ).toMatch(/base64/);
    expect(
      documentError(() => extractL1Pdf(l1('<text mediaType="text/html" representation="B64">PGI+</text>'))).detail,
    ).toMatch(/text\/html/);
  });

  it('applies the same size limit and XML safety as the L3', () => {
    const fixture = readFixture('HR/patients/with-pdf/ps-l1.xml');
    expect(documentError(() => extractL1Pdf(fixture, { maxBytes: 1000 })).code).toBe('document_too_large');
    const doctype = Buffer.from(
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]>${fixture.toString('utf8').replace(/^<\?xml[^>]*>/, '')}`,
    );
    expect(documentError(() => extractL1Pdf(doctype)).code).toBe('document_refused');
  });
});
