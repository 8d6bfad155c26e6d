/**
 * Auditors' command, reading the same configuration as the BFF (DATA_DIR, or AUDIT_DATABASE_URL):
 *
 *   npm run audit -- verify                                   walks the hash chain, names the first broken event
 *   npm run audit -- export [--since DATE] [--professional ID] prints events as JSON lines (oldest first)
 *
 * Exit codes: 0 done (verify: the chain is whole), 1 the chain is broken, 2 usage or store error.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { auditStoreOf } from '../config/config';
import { allEvents, type AuditStore } from './audit-store';
import { verifyChain } from './events';
import { openAuditStore } from './open-audit-store';

const USAGE =
  'Usage: npm run audit -- verify | export [--since YYYY-MM-DD[THH:MM:SSZ]] [--professional RPPS-or-PSC-subject]';

export async function runAuditCommand(
  argv: string[],
  env: Record<string, string | undefined>,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { since: { type: 'string' }, professional: { type: 'string' } },
    });
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const [command] = parsed.positionals;
  if (command !== 'verify' && command !== 'export') {
    err(USAGE);
    return 2;
  }
  const since = parsed.values.since;
  if (since !== undefined && Number.isNaN(Date.parse(since))) {
    err(`--since: not a date: ${since}\n${USAGE}`);
    return 2;
  }

  const storeConfig = auditStoreOf(env);
  if (storeConfig.kind === 'sqlite' && !existsSync(storeConfig.path)) {
    err(`No audit trail at ${resolve(storeConfig.path)} (set DATA_DIR, or AUDIT_DATABASE_URL for PostgreSQL).`);
    return 2;
  }
  let store: AuditStore;
  try {
    store = await openAuditStore(storeConfig);
  } catch (error) {
    err(`Cannot open the audit trail: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  try {
    if (command === 'verify') {
      const check = await verifyChain(allEvents(store));
      if (check.broken) {
        err(`Audit trail BROKEN at event #${check.broken.seq}: ${check.broken.problem} (${check.events} events read).`);
        return 1;
      }
      out(
        check.head
          ? `Audit trail intact: ${check.events} events, head #${check.head.seq} ${check.head.hash}.`
          : 'Audit trail intact: no event yet.',
      );
      return 0;
    }
    const query = {
      ...(since !== undefined ? { since: new Date(since).toISOString() } : {}),
      ...(parsed.values.professional !== undefined ? { professional: parsed.values.professional } : {}),
    };
    for await (const event of allEvents(store, query)) out(JSON.stringify(event));
    return 0;
  } finally {
    await store.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runAuditCommand(
    process.argv.slice(2),
    process.env,
    (line) => process.stdout.write(`${line}\n`),
    (line) => process.stderr.write(`${line}\n`),
  );
}
