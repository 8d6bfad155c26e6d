/**
 * The real-document corpus: 29 public eHDSI Patient Summaries copied into bff/test-data/cda (sources and
 * licences in its NOTICE). Tests read them from here, never from ../shared.
 */
import { readdirSync } from 'node:fs';

export const CORPUS = new URL('../../../test-data/cda/', import.meta.url);

/** The L1 document of the corpus: a PDF in a nonXMLBody, no structured summary. */
export const CORPUS_L1_DOCUMENTS = new Set(['0245791M-L1.xml']);

/** Every structured (L3) document of the corpus, by file name. */
export const corpusL3Documents = (): string[] =>
  readdirSync(CORPUS)
    .filter((name) => name.endsWith('.xml') && !CORPUS_L1_DOCUMENTS.has(name))
    .sort();
