/** The audit store a configuration names (the BFF and the `audit` command read the same one). */
import type { AuditConfig } from '../config/config';
import type { AuditStore } from './audit-store';
import { openPostgresAuditStore } from './postgres-audit-store';
import { openSqliteAuditStore } from './sqlite-audit-store';

export function openAuditStore(config: AuditConfig['store']): Promise<AuditStore> {
  return config.kind === 'postgres'
    ? openPostgresAuditStore(config.url)
    : Promise.resolve(openSqliteAuditStore(config.path));
}
