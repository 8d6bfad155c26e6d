/**
 * The original document of an L1 CDA: the PDF a member state puts, base64-encoded, in `nonXMLBody/text`.
 * Read with the same safe XML reader and size limit as the L3; the bytes returned are checked to be a PDF
 * (%PDF- magic) so that nothing else is ever served as `application/pdf`.
 */
import type { Patient } from '@sesali/shared';
import { DocumentError } from '../errors';
import type { XmlElement } from '../xml/xml-tree';
import { cdaHeader } from './header';
import { attr, path } from './cda-dom';
import { readClinicalDocument } from './parse-cda';

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface L1ExtractOptions {
  /** Largest CDA document accepted, in bytes (default 5 MB). */
  maxBytes?: number;
}

/** The PDF of an L1 CDA, and the patient its header names (for the identity check before it is served). */
export function extractL1Document(
  bytes: Uint8Array,
  options: L1ExtractOptions = {},
): { pdf: Buffer; patient: Patient } {
  const document = readClinicalDocument(bytes, options.maxBytes);
  return { pdf: l1Pdf(document), patient: cdaHeader(document, { lang: 'und' }, undefined).patient };
}

export function extractL1Pdf(bytes: Uint8Array, options: L1ExtractOptions = {}): Buffer {
  return l1Pdf(readClinicalDocument(bytes, options.maxBytes));
}

function l1Pdf(document: XmlElement): Buffer {
  const textElement = path(document, 'component', 'nonXMLBody', 'text');
  if (!textElement) throw new DocumentError('document_unreadable', 'no nonXMLBody/text: not an L1 document');
  const mediaType = attr(textElement, 'mediaType');
  if (mediaType !== undefined && mediaType.toLowerCase() !== 'application/pdf')
    throw new DocumentError('document_unreadable', `L1 body is ${mediaType}, not application/pdf`);
  const representation = attr(textElement, 'representation');
  if (representation !== 'B64')
    throw new DocumentError('document_unreadable', `L1 body representation is ${representation ?? 'absent'}, not B64`);

  let encoded = '';
  for (const node of textElement.children) if (typeof node === 'string') encoded += node;
  encoded = encoded.replace(/\s+/g, '');
  if (encoded === '' || encoded.length % 4 === 1 || !BASE64.test(encoded))
    throw new DocumentError('document_unreadable', 'L1 body is not valid base64');
  const pdf = Buffer.from(encoded, 'base64');
  if (pdf.length < PDF_MAGIC.length || !pdf.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC))
    throw new DocumentError('document_unreadable', 'L1 body is not a PDF (no %PDF- header)');
  return pdf;
}
