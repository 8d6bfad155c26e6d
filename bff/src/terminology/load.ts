/**
 * Loads the terminology catalogue at boot: the LTR files shipped in bff/terminology/fr (French designations
 * covering the project's fixtures), then those of the directory an operator names (TERMINOLOGY_DIR, read by
 * the caller), whose designations win. A bad file is reported with its path and skipped; loading never fails.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TerminologyCatalogue } from './catalogue';
import { readLtrFile } from './ltr';

export const SHIPPED_LTR_DIRECTORY = fileURLToPath(new URL('../../terminology/fr/', import.meta.url));
const MAX_LTR_FILE_BYTES = 64 * 1024 * 1024;

export interface TerminologyProblem {
  path: string;
  message: string;
}

export interface LoadedTerminology {
  catalogue: TerminologyCatalogue;
  problems: TerminologyProblem[];
  /** Value-set files read, per directory. */
  files: { directory: string; count: number }[];
}

export interface LoadTerminologyOptions {
  /** The operator's LTR export (TERMINOLOGY_DIR); loaded after, and winning over, the shipped catalogue. */
  extraDirectory?: string;
  /** Replaces the shipped directory (tests). */
  shippedDirectory?: string;
}

export async function loadTerminology(options: LoadTerminologyOptions = {}): Promise<LoadedTerminology> {
  const catalogue = new TerminologyCatalogue();
  const problems: TerminologyProblem[] = [];
  const files: LoadedTerminology['files'] = [];
  const directories = [options.shippedDirectory ?? SHIPPED_LTR_DIRECTORY];
  if (options.extraDirectory !== undefined && options.extraDirectory.trim() !== '')
    directories.push(options.extraDirectory);

  for (const directory of directories) {
    let names: string[];
    try {
      names = (await readdir(directory)).filter((name) => name.toLowerCase().endsWith('.xml')).sort();
    } catch (error) {
      problems.push({ path: directory, message: `cannot read the directory: ${errorMessage(error)}` });
      continue;
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
          catalogue.addValueSet(result.valueSet);
          count++;
        }
      } catch (error) {
        problems.push({ path, message: `cannot read the file: ${errorMessage(error)}` });
      }
    }
    files.push({ directory, count });
  }
  return { catalogue, problems, files };
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
