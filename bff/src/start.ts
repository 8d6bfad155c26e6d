/** Opens the stores, builds the app, listens, and closes everything on SIGINT/SIGTERM. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { createPscClient } from './auth/psc-client';
import { loadNotices } from './notices/notices';
import { loadTerminology } from './terminology/load';
import type { SendCommandFn } from 'rate-limit-redis';
import { createAuditTrail } from './audit/audit-trail';
import { openAuditStore } from './audit/open-audit-store';
import type { Config } from './config/config';
import { nodeRuntimeWarning } from './config/production-safety';
import { createAssertionSigner, readAssertionKey } from './contact-point/assertions';
import { createContactPointClient } from './contact-point/client';
import { createLogger } from './http/logger';
import { createMetrics } from './observability/metrics';
import { openSessionStore } from './stores/session-store';

export interface RunningBff {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function start(config: Config, options: { onClose?: () => Promise<void> } = {}): Promise<RunningBff> {
  const logger = createLogger(config.logLevel);
  const runtimeWarning = config.env === 'production' ? nodeRuntimeWarning(process.version, new Date()) : undefined;
  if (runtimeWarning) logger.warn({ event: 'node_runtime', node: process.version }, runtimeWarning);
  const metrics = createMetrics();
  const sessionStore = await openSessionStore(config.session, logger);
  const signer = await createAssertionSigner({
    pem: readAssertionKey(config.assertions.keyFile),
    issuer: config.publicUrl,
    audience: config.contactPoint.url,
    ttlSeconds: config.assertions.ttlSeconds,
  });
  const contactPoint = createContactPointClient({
    baseUrl: config.contactPoint.url,
    timeoutMs: config.contactPoint.timeoutMs,
    maxDocumentBytes: config.contactPoint.maxDocumentBytes,
    onCall: metrics.observeContactPoint,
  });
  const auditStore = await openAuditStore(config.audit.store);
  const audit = createAuditTrail({
    store: auditStore,
    hmacKey: config.audit.hmacKey,
    logger,
    onWrite: metrics.observeAuditWrite,
  });
  logger.info({ store: auditStore.kind }, 'audit trail open');
  const terminology = await loadTerminology({ extraDirectory: config.terminologyDir });
  for (const problem of terminology.problems)
    logger.warn({ event: 'terminology_problem', ...problem }, 'terminology file left out');
  logger.info({ files: terminology.files }, 'terminology loaded');
  const app = createApp(config, {
    terminology: terminology.catalogue,
    psc: createPscClient(config.psc, logger),
    signer,
    contactPoint,
    notices: loadNotices(),
    sessionStore: sessionStore.store,
    rateLimitRedis: sessionStore.redisCommand as SendCommandFn | undefined,
    audit,
    auditStore,
    logger,
    metrics,
  });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port }, 'BFF listening');

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await sessionStore.close();
      await auditStore.close();
      await options.onClose?.();
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void close().then(() => process.exit(0));
    });
  }
  return { server, url: config.publicUrl, close };
}
