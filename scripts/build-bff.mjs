// Compiles the BFF into bff/dist with esbuild: the production server (server.js) and the audit command
// (audit.js), ES modules for plain `node`. Our own packages (@sesali/shared, TypeScript sources) are bundled;
// npm dependencies stay external and load from bff/node_modules, native ones (better-sqlite3) included.
// Usage: node scripts/build-bff.mjs [outdir]    (importable: buildBff(outdir))
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bffDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'bff');

export async function buildBff(outdir = join(bffDir, 'dist')) {
  // esbuild is a devDependency of the BFF: resolve it from there.
  const { build } = await import(pathToFileURL(createRequire(join(bffDir, 'package.json')).resolve('esbuild')).href);
  const manifest = JSON.parse(readFileSync(join(bffDir, 'package.json'), 'utf8'));
  const external = Object.keys(manifest.dependencies).filter((name) => !name.startsWith('@sesali/'));
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: bffDir,
    entryPoints: { server: 'src/server.ts', audit: 'src/audit/cli.ts' },
    outdir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    external,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  return { outdir, files: Object.keys(result.metafile.outputs) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { outdir, files } = await buildBff(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`BFF compiled into ${outdir} (${files.filter((f) => f.endsWith('.js')).length} modules).`);
}
