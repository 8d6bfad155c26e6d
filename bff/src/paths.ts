/**
 * Where the BFF's shipped files are (terminology, notices): found from the package's root, so the same code
 * works from the TypeScript sources (bff/src/…) and from the compiled bundle (bff/dist/…).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

export const bffRoot = packageRoot(dirname(fileURLToPath(import.meta.url)));

/** A file or folder shipped with the BFF, e.g. shippedPath('terminology', 'mvc.json'). */
export const shippedPath = (...segments: string[]): string => join(bffRoot, ...segments);
