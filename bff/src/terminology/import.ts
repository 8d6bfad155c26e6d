/**
 * Operator command: validates France's national terminology export (the LTR/MTC files of the ANS terminology
 * server, in OpenNCP's TSAM format: one XML file per value set) and installs it where the BFF reads it.
 *
 *   npm run terminology:import -- <folder> [--into <directory>] [--allow-partial] [--check]
 *
 * The target is --into, else TERMINOLOGY_DIR. Every file is validated with the reader the BFF uses at boot
 * (readLtrFile); each bad file or concept is reported with its path. Any problem refuses the whole import
 * unless --allow-partial, which installs the valid files and those with some invalid concepts (the BFF skips
 * those concepts) and leaves the unreadable files out. --check validates and reports, installing nothing.
 * Exit code 0 when installed (or the check passed), 1 when refused or the installation failed (the previous
 * terminology then stays in place), 2 on a usage error.
 *
 * Why the swap: the BFF reads the directory at boot, and an instance starting during an import must find the
 * old export or the new one, whole. The new directory is built beside the target (same parent, so renames are
 * atomic), then the old one is renamed away and the new one renamed into place.
 *
 * Safety: the files are only read, never executed; only regular files directly in the folder are read, and a
 * symbolic link is skipped and reported, never followed (O_NOFOLLOW closes the gap between listing and opening).
 */
import { createHash, randomUUID } from 'node:crypto';
import { constants, realpathSync } from 'node:fs';
import { chmod, lstat, mkdtemp, open, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isFrenchLanguage } from '../documents/display';
import { readLtrFile } from './ltr';
import { MAX_LTR_FILE_BYTES } from './load';

export { MAX_LTR_FILE_BYTES };

export const IMPORT_MANIFEST = 'IMPORT.json';
const MANIFEST_FORMAT = 'sesali-terminology-import/1';
// O_NONBLOCK: opening a FIFO planted in the folder must not hang the command (fstat then skips it).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

export interface ImportTerminologyOptions {
  /** The folder of the export's XML files (only the files directly in it are read). */
  source: string;
  /** The directory the BFF reads (TERMINOLOGY_DIR); required unless `check`. */
  target?: string;
  /** Install the valid part instead of refusing an export with problems. */
  allowPartial?: boolean;
  /** Validate and report only. */
  check?: boolean;
  /** The clock written into the manifest (tests). */
  now?: () => Date;
}

/** A path and an English message for the operator. */
export interface ImportNotice {
  path: string;
  message: string;
}

export interface ImportedFile {
  name: string;
  /** valid: a value set without problem; partial: some concepts invalid; invalid: not a usable value set. */
  status: 'valid' | 'partial' | 'invalid';
  valueSet?: string;
  /** Valid concepts, and those of them with a French (fr, fr-*) designation. */
  concepts: number;
  conceptsWithFrench: number;
  problems: string[];
  bytes: number;
  sha256?: string;
  /** Part of the installation (with --check: would be); false for every file of a refused import. */
  accepted: boolean;
}

export interface ImportCounts {
  filesRead: number;
  valueSetsValid: number;
  valueSetsPartial: number;
  filesInvalid: number;
  concepts: number;
  conceptsWithFrench: number;
  problems: number;
  skipped: number;
}

export interface ImportReport {
  source: string;
  target?: string;
  outcome: 'installed' | 'checked' | 'refused';
  /** Why it was refused, in a sentence. */
  refusal?: string;
  files: ImportedFile[];
  problems: ImportNotice[];
  /** Entries not read: symbolic links, folders, other files. They do not refuse the import. */
  skipped: ImportNotice[];
  counts: ImportCounts;
  /** Something that went wrong after the new terminology was in place (a backup left behind). */
  warnings: string[];
}

/** The command was called wrongly (exit code 2): nothing was read or installed. */
export class TerminologyImportUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TerminologyImportUsageError';
  }
}

/** Validates an export and, unless refused or `check`, installs it in place of `target`. */
export async function importTerminology(options: ImportTerminologyOptions): Promise<ImportReport> {
  const source = resolve(options.source);
  const sourceInfo = await stat(source).catch(() => undefined);
  if (!sourceInfo?.isDirectory()) throw new TerminologyImportUsageError(`${source} is not a folder`);
  if (options.target === undefined && !options.check)
    throw new TerminologyImportUsageError('no target directory: give --into <directory> or set TERMINOLOGY_DIR');
  const target = options.target === undefined ? undefined : await checkedTarget(options.target, source);

  const files: ImportedFile[] = [];
  const problems: ImportNotice[] = [];
  const skipped: ImportNotice[] = [];
  const toInstall: { name: string; bytes: Buffer }[] = [];

  const entries = (await readdir(source, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(source, entry.name);
    if (entry.isSymbolicLink()) {
      skipped.push({ path, message: 'symbolic link, not followed' });
      continue;
    }
    if (entry.isDirectory()) {
      skipped.push({ path, message: 'folder, not read (only the files directly in the export folder are)' });
      continue;
    }
    if (!entry.name.toLowerCase().endsWith('.xml')) {
      skipped.push({ path, message: 'not an .xml file' });
      continue;
    }
    const read = await readRegularFile(path);
    if ('skip' in read) {
      skipped.push({ path, message: read.skip });
      continue;
    }
    const file = 'problem' in read ? unreadable(entry.name, read.problem) : validate(entry.name, read.bytes);
    files.push(file);
    for (const message of file.problems) problems.push({ path, message });
    file.accepted = file.status === 'valid' || (file.status === 'partial' && options.allowPartial === true);
    // Only the accepted files are kept in memory, and only until they are written.
    if (file.accepted && !options.check && 'bytes' in read) toInstall.push({ name: entry.name, bytes: read.bytes });
  }

  const counts = countsOf(files, problems, skipped);
  const report: ImportReport = { source, target, outcome: 'refused', files, problems, skipped, counts, warnings: [] };
  if (problems.length > 0 && !options.allowPartial)
    report.refusal = `${plural(problems.length, 'problem')} found: nothing installed`;
  else if (!files.some((file) => file.accepted)) report.refusal = 'no valid value set found: nothing installed';
  if (report.refusal !== undefined) {
    for (const file of files) file.accepted = false;
    return report;
  }
  if (options.check || target === undefined) {
    report.outcome = 'checked';
    return report;
  }

  const manifest = {
    format: MANIFEST_FORMAT,
    importedAt: (options.now ?? (() => new Date()))().toISOString(),
    source,
    allowPartial: options.allowPartial === true,
    counts,
    files: files
      .filter((file) => file.accepted)
      .map(({ name, valueSet, sha256, bytes, concepts, conceptsWithFrench, problems: fileProblems }) => ({
        name,
        valueSet,
        sha256,
        bytes,
        concepts,
        conceptsWithFrench,
        problems: fileProblems,
      })),
    leftOut: files
      .filter((file) => !file.accepted)
      .map(({ name, problems: fileProblems }) => ({ name, problems: fileProblems })),
  };
  toInstall.push({ name: IMPORT_MANIFEST, bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) });
  const warning = await installDirectory(target, toInstall);
  if (warning !== undefined) report.warnings.push(warning);
  report.outcome = 'installed';
  return report;
}

/**
 * The absolute target, refused when it could not be swapped safely: a symbolic link (name the directory it
 * points to), a file, a missing parent, or a directory holding the export (the swap would delete it).
 */
async function checkedTarget(target: string, source: string): Promise<string> {
  const absolute = resolve(target);
  if (basename(absolute) === '') throw new TerminologyImportUsageError(`${absolute} cannot be the target directory`);
  const parent = await realpath(dirname(absolute)).catch(() => undefined);
  if (parent === undefined || !(await stat(parent)).isDirectory())
    throw new TerminologyImportUsageError(`the folder that should hold ${absolute} does not exist`);
  const info = await lstat(absolute).catch(() => undefined);
  if (info?.isSymbolicLink())
    throw new TerminologyImportUsageError(
      `${absolute} is a symbolic link: name the directory itself (${await realpath(absolute).catch(() => '?')})`,
    );
  if (info !== undefined && !info.isDirectory())
    throw new TerminologyImportUsageError(`${absolute} is not a directory`);
  const realTarget = join(parent, basename(absolute));
  const realSource = await realpath(source);
  if (realSource === realTarget || realSource.startsWith(realTarget + sep))
    throw new TerminologyImportUsageError(
      `the export folder ${source} is inside the target ${absolute}: copy it elsewhere first`,
    );
  return absolute;
}

type ReadFile = { bytes: Buffer } | { problem: string } | { skip: string };

/** A regular file's bytes; never through a symbolic link, never more than the limit. */
async function readRegularFile(path: string): Promise<ReadFile> {
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    // Replaced by a link after the listing.
    if (errorCode(error) === 'ELOOP') return { skip: 'symbolic link, not followed' };
    return { problem: `cannot read the file: ${errorMessage(error)}` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { skip: 'not a regular file' };
    if (info.size > MAX_LTR_FILE_BYTES) return { problem: `file larger than ${MAX_LTR_FILE_BYTES} bytes` };
    const bytes = await handle.readFile();
    if (bytes.length > MAX_LTR_FILE_BYTES) return { problem: `file larger than ${MAX_LTR_FILE_BYTES} bytes` };
    return { bytes };
  } catch (error) {
    return { problem: `cannot read the file: ${errorMessage(error)}` };
  } finally {
    await handle.close();
  }
}

const unreadable = (name: string, problem: string): ImportedFile => ({
  name,
  status: 'invalid',
  concepts: 0,
  conceptsWithFrench: 0,
  problems: [problem],
  bytes: 0,
  accepted: false,
});

function validate(name: string, bytes: Buffer): ImportedFile {
  const { valueSet, problems } = readLtrFile(bytes);
  const concepts = valueSet?.concepts ?? [];
  return {
    name,
    // A value set without a valid concept is of no use: treated as an unreadable file.
    status: concepts.length === 0 ? 'invalid' : problems.length > 0 ? 'partial' : 'valid',
    valueSet: valueSet?.oid,
    concepts: concepts.length,
    conceptsWithFrench: concepts.filter((concept) => concept.designations.some((d) => isFrenchLanguage(d.lang))).length,
    problems,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    accepted: false,
  };
}

function countsOf(files: ImportedFile[], problems: ImportNotice[], skipped: ImportNotice[]): ImportCounts {
  const usable = files.filter((file) => file.status !== 'invalid');
  return {
    filesRead: files.length,
    valueSetsValid: files.filter((file) => file.status === 'valid').length,
    valueSetsPartial: files.filter((file) => file.status === 'partial').length,
    filesInvalid: files.filter((file) => file.status === 'invalid').length,
    concepts: usable.reduce((sum, file) => sum + file.concepts, 0),
    conceptsWithFrench: usable.reduce((sum, file) => sum + file.conceptsWithFrench, 0),
    problems: problems.length,
    skipped: skipped.length,
  };
}

/**
 * Writes the files into a fresh directory beside `target`, then swaps it in. Until the last rename the old
 * target is untouched; if that rename fails, the old target is renamed back. Returns a warning when the new
 * terminology is in place but the old one could not be deleted.
 */
async function installDirectory(target: string, files: { name: string; bytes: Buffer }[]): Promise<string | undefined> {
  const parent = dirname(target);
  const previous = await stat(target).catch(() => undefined);
  const staging = await mkdtemp(join(parent, `.${basename(target)}.import-`));
  let backup: string | undefined;
  try {
    for (const { name, bytes } of files) await writeDurably(join(staging, name), bytes);
    // mkdtemp makes the directory private (0700): the BFF may run as another user.
    await chmod(staging, previous ? previous.mode & 0o7777 : 0o755);
    await syncDirectory(staging);
    if (previous) {
      backup = join(parent, `.${basename(target)}.previous-${randomUUID()}`);
      await rename(target, backup);
    }
    try {
      await rename(staging, target);
    } catch (error) {
      if (backup !== undefined) await rename(backup, target);
      backup = undefined;
      throw error;
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await syncDirectory(parent);
  if (backup === undefined) return undefined;
  try {
    await rm(backup, { recursive: true, force: true });
    return undefined;
  } catch (error) {
    return `the new terminology is installed, but the previous one could not be deleted (${backup}): ${errorMessage(error)}`;
  }
}

async function writeDurably(path: string, bytes: Buffer): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(bytes);
    // Readable by the BFF's user whatever the operator's umask.
    await handle.chmod(0o644);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a directory's entries (new names, renames) durable; not possible on every platform, hence best effort. */
async function syncDirectory(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a directory: the renames are still atomic, only not flushed yet.
  }
}

const errorCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

const USAGE = [
  'Usage: npm run terminology:import -- <folder> [--into <directory>] [--allow-partial] [--check]',
  '  Validates France’s national terminology export (LTR/MTC, one XML file per value set) and installs it into',
  '  --into <directory>, else TERMINOLOGY_DIR. --check validates only. --allow-partial installs the valid part.',
  '  Exit code: 0 installed or check passed, 1 refused or failed, 2 usage error.',
].join('\n');

interface CommandOutput {
  log: (line: string) => void;
  error: (line: string) => void;
}

/** The command line: arguments and environment in, lines out, the exit code back. */
export async function runTerminologyImport(
  argv: string[],
  env: Record<string, string | undefined>,
  output: CommandOutput = { log: console.log, error: console.error },
): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        into: { type: 'string' },
        'allow-partial': { type: 'boolean' },
        check: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    output.error(`${errorMessage(error)}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    output.log(USAGE);
    return 0;
  }
  if (args.positionals.length !== 1) {
    output.error(`${args.positionals.length === 0 ? 'No export folder given' : 'Give one export folder'}.\n${USAGE}`);
    return 2;
  }
  // npm runs scripts from the project root: the operator's relative paths are relative to where they typed.
  const here = env.INIT_CWD || process.cwd();
  const configured = env.TERMINOLOGY_DIR || undefined;
  if (args.values.into === undefined && configured !== undefined && !isAbsolute(configured)) {
    output.error(
      `TERMINOLOGY_DIR is relative (${configured}); the BFF resolves it from its own working directory: set an absolute path, or give --into.`,
    );
    return 2;
  }
  const target = args.values.into !== undefined ? resolve(here, args.values.into) : configured;
  if (target !== undefined && configured !== undefined && isAbsolute(configured) && resolve(configured) !== target)
    output.log(`Note: TERMINOLOGY_DIR is ${configured}; the BFF reads that directory, not ${target}.`);

  let report: ImportReport;
  try {
    report = await importTerminology({
      source: resolve(here, args.positionals[0] ?? ''),
      target,
      allowPartial: args.values['allow-partial'],
      check: args.values.check,
    });
  } catch (error) {
    if (error instanceof TerminologyImportUsageError) {
      output.error(`${error.message}.\n${USAGE}`);
      return 2;
    }
    output.error(`Installation failed, the previous terminology is unchanged: ${errorMessage(error)}`);
    return 1;
  }
  printReport(report, output);
  return report.outcome === 'refused' ? 1 : 0;
}

function printReport(report: ImportReport, output: CommandOutput): void {
  const { counts } = report;
  output.log(`Export: ${report.source}`);
  for (const { path, message } of report.skipped) output.log(`  skipped: ${path}: ${message}`);
  for (const { path, message } of report.problems) output.log(`  problem: ${path}: ${message}`);
  output.log(
    [
      `Files read: ${counts.filesRead}`,
      `Value sets valid: ${counts.valueSetsValid}`,
      `Value sets with invalid concepts: ${counts.valueSetsPartial}`,
      `Files not usable as value sets: ${counts.filesInvalid}`,
      `Concepts: ${counts.concepts}, with a French (fr-*) designation: ${counts.conceptsWithFrench}`,
      `Problems: ${counts.problems}`,
      `Entries skipped: ${counts.skipped}`,
    ].join('\n'),
  );
  const accepted = report.files.filter((file) => file.accepted).length;
  switch (report.outcome) {
    case 'refused':
      output.error(
        `Refused: ${report.refusal ?? 'nothing installed'}.${
          counts.problems > 0 ? ' Fix the export, or re-run with --allow-partial to install its valid part.' : ''
        }`,
      );
      break;
    case 'checked':
      output.log(`Check passed: ${plural(accepted, 'value set')} would be installed (--check: nothing installed).`);
      break;
    case 'installed':
      output.log(
        `Installed ${plural(accepted, 'value set')} into ${report.target ?? '?'} (manifest ${IMPORT_MANIFEST}). ` +
          'Restart the BFF to load them: it reads the terminology at boot.',
      );
      break;
  }
  for (const warning of report.warnings) output.error(`Warning: ${warning}`);
}

/** Run as a command, not when imported (tests). */
function isMainModule(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isMainModule()) process.exitCode = await runTerminologyImport(process.argv.slice(2), process.env);
