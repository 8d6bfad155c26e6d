/**
 * Loads the terminology catalogue at boot, in three layers (catalogue.ts says why in this order):
 * 1. the eHDSI MVC reference (en-GB), from its compact form bff/terminology/mvc.json;
 * 2. the project's French designations, bff/terminology/fr (LTR files);
 * 3. the national export in the directory an operator names (TERMINOLOGY_DIR), whose designations win.
 * A bad LTR file is reported with its path and skipped: loading never fails on the operator's files. A missing
 * or corrupt mvc.json is a broken build and is reported the same way (the service still shows the documents'
 * own terms).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { shippedPath } from '../paths';
import type { DesignationSource } from '@sesali/shared';
import { TerminologyCatalogue } from './catalogue';
import { readLtrFile } from './ltr';
import { MVC_COMPACT_FILE, readCompactMvc } from './mvc-compact';

export const SHIPPED_FRENCH_DIRECTORY = shippedPath('terminology', 'fr');
/** Largest LTR file read (the loader and the import command share it). */
export const MAX_LTR_FILE_BYTES = 64 * 1024 * 1024;

export interface TerminologyProblem {
  path: string;
  message: string;
}

export interface LoadedTerminology {
  catalogue: TerminologyCatalogue;
  problems: TerminologyProblem[];
  /** Value-set files read, per directory (the MVC counts as its compact file). */
  files: { directory: string; source: DesignationSource; count: number }[];
}

export interface LoadTerminologyOptions {
  /** The operator's LTR export (TERMINOLOGY_DIR); loaded last, winning over the shipped catalogue. */
  extraDirectory?: string;
  /** Replaces the shipped French directory (tests). */
  shippedDirectory?: string;
  /** Replaces the compact MVC file (tests); `null` loads no MVC. */
  mvcFile?: string | null;
}

export async function loadTerminology(options: LoadTerminologyOptions = {}): Promise<LoadedTerminology> {
  const catalogue = new TerminologyCatalogue();
  const problems: TerminologyProblem[] = [];
  const files: LoadedTerminology['files'] = [];

  const mvcFile = options.mvcFile === undefined ? MVC_COMPACT_FILE : options.mvcFile;
  if (mvcFile !== null) {
    try {
      const valueSets = readCompactMvc(await readFile(mvcFile, 'utf8'));
      for (const valueSet of valueSets) catalogue.addValueSet(valueSet, 'mvc');
      files.push({ directory: mvcFile, source: 'mvc', count: valueSets.length });
    } catch (error) {
      problems.push({ path: mvcFile, message: `cannot load the MVC reference: ${errorMessage(error)}` });
    }
  }

  const directories: [string, DesignationSource][] = [
    [options.shippedDirectory ?? SHIPPED_FRENCH_DIRECTORY, 'project'],
  ];
  if (options.extraDirectory !== undefined && options.extraDirectory.trim() !== '')
    directories.push([options.extraDirectory, 'national']);
  for (const [directory, source] of directories) {
    const count = await loadLtrDirectory(directory, source, catalogue, problems);
    if (count !== undefined) files.push({ directory, source, count });
  }
  return { catalogue, problems, files };
}

/** Adds every LTR file of a directory; the number of value sets read, or undefined when it cannot be listed. */
async function loadLtrDirectory(
  directory: string,
  source: DesignationSource,
  catalogue: TerminologyCatalogue,
  problems: TerminologyProblem[],
): Promise<number | undefined> {
  let names: string[];
  try {
    names = (await readdir(directory)).filter((name) => name.toLowerCase().endsWith('.xml')).sort();
  } catch (error) {
    problems.push({ path: directory, message: `cannot read the directory: ${errorMessage(error)}` });
    return undefined;
  }
  let count = 0;
  for (const name of names) {
    const path = join(directory, name);
    try {
      const info = await stat(path);
      if (!info.isFile()) continue;
      if (info.size > MAX_LTR_FILE_BYTES) {
        problems.push({ path, message: `file larger than ${MAX_LTR_FILE_BYTES} bytes, skipped` });
        continue;
      }
      const result = readLtrFile(await readFile(path));
      for (const message of result.problems) problems.push({ path, message });
      if (result.valueSet) {
        catalogue.addValueSet(result.valueSet, source);
        count++;
      }
    } catch (error) {
      problems.push({ path, message: `cannot read the file: ${errorMessage(error)}` });
    }
  }
  return count;
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
