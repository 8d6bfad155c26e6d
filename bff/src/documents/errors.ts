/**
 * A document from a member state that the BFF will not show: too large, not readable as what it claims to be,
 * or using a construct refused for safety (DTD, entities). Never a partial model: the caller shows an error.
 * `detail` is English, for the logs (it may quote the document's structure, never patient data on purpose).
 */
export type DocumentErrorCode = 'document_too_large' | 'document_unreadable' | 'document_refused';

export class DocumentError extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'DocumentError';
  }
}

/** Default size limit of a document as received (bytes). */
export const DEFAULT_MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export function checkDocumentSize(bytes: Uint8Array, maxBytes: number): void {
  if (bytes.byteLength > maxBytes)
    throw new DocumentError('document_too_large', `document of ${bytes.byteLength} bytes exceeds ${maxBytes} bytes`);
}
