/** Real dependencies for BFF tests: an assertion key made for the run, the real signer and contact-point client. */
import { generateKeyPairSync } from 'node:crypto';
import { pino } from 'pino';
import { createPscClient } from '../auth/psc-client';
import type { AppDependencies } from '../app';
import type { Config } from '../config/config';
import { createAssertionSigner } from '../contact-point/assertions';
import { createContactPointClient } from '../contact-point/client';
import { loadNotices } from '../notices/notices';
import { loadTerminology } from '../terminology/load';
import type session from 'express-session';
import type { AuditStore } from '../audit/audit-store';
import { createAuditTrail } from '../audit/audit-trail';
import { openSqliteAuditStore } from '../audit/sqlite-audit-store';
import { createMetrics } from '../observability/metrics';

export const TEST_ASSERTION_PEM = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

export async function testDependencies(
  config: Config,
  sessionStore: session.Store,
  auditStore: AuditStore = openSqliteAuditStore(':memory:'),
): Promise<AppDependencies> {
  const logger = pino({ level: 'silent' });
  // A registry per app, as in production; the process metrics are left out (tests build many apps).
  const metrics = createMetrics({ defaultMetrics: false });
  return {
    psc: createPscClient(config.psc, pino({ level: 'silent' })),
    signer: await createAssertionSigner({
      pem: TEST_ASSERTION_PEM,
      issuer: config.publicUrl,
      audience: config.contactPoint.url,
      ttlSeconds: config.assertions.ttlSeconds,
    }),
    contactPoint: createContactPointClient({
      baseUrl: config.contactPoint.url,
      timeoutMs: config.contactPoint.timeoutMs,
      maxDocumentBytes: config.contactPoint.maxDocumentBytes,
      backoffMs: 10,
      onCall: metrics.observeContactPoint,
    }),
    notices: loadNotices(),
    terminology: (await loadTerminology()).catalogue,
    sessionStore,
    audit: createAuditTrail({
      store: auditStore,
      hmacKey: config.audit.hmacKey,
      logger,
      onWrite: metrics.observeAuditWrite,
    }),
    auditStore,
    logger,
    metrics,
  };
}
