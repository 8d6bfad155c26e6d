/**
 * Signs the HCP identity and TRC assertions (ES256, jose) and publishes the public key as a JWKS. The private
 * key comes from ASSERTION_KEY_FILE (PKCS#8 PEM, EC P-256); the dev entry point generates one under .data/.
 *
 * As eHDSI national contact points do, an assertion is issued once and presented again for its lifetime: the
 * same claims (professional, situation, purpose; patient and consent for the TRC) get the same assertion while
 * it has at least half its lifetime left, so every call it goes with has time to spare. A change of any claim
 * (another situation, patient or consent) is a new assertion. Kept in this process's memory only, bounded.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SignJWT, calculateJwkThumbprint, exportJWK, importPKCS8, type JSONWebKeySet, type JWK } from 'jose';
import { assertionTypes, type HcpIdentity, type PatientId, type PurposeOfUse } from '@sesali/shared';
import { createPublicKey, createPrivateKey } from 'node:crypto';

export interface HcpContext {
  subject: string;
  identity: HcpIdentity;
  purposeOfUse: PurposeOfUse;
}

export interface TrcContext {
  subject: string;
  patientId: PatientId;
  purposeOfUse: PurposeOfUse;
  consent: { attestedAt: string; noticeLanguage: string; reason?: string };
}

export interface AssertionSigner {
  jwks: JSONWebKeySet;
  hcp(context: HcpContext): Promise<string>;
  trc(context: TrcContext): Promise<string>;
}

export interface SignerOptions {
  pem: string;
  issuer: string;
  audience: string;
  ttlSeconds: number;
  /** The clock, in ms (tests). */
  now?: () => number;
}

/** Assertions remembered for reuse, at most (the oldest go first). */
const REMEMBERED_MAX = 5000;

export async function createAssertionSigner(options: SignerOptions): Promise<AssertionSigner> {
  const privateKey = await importPKCS8(options.pem, 'ES256');
  const publicJwk: JWK = await exportJWK(createPublicKey(createPrivateKey(options.pem)));
  const kid = await calculateJwkThumbprint(publicJwk);
  const jwks: JSONWebKeySet = { keys: [{ ...publicJwk, kid, alg: 'ES256', use: 'sig' }] };

  const now = options.now ?? Date.now;
  /** By claims: the assertion and the instants (ms) it was issued at and is presented until. */
  const issued = new Map<string, { assertion: Promise<string>; from: number; until: number }>();

  const sign = (typ: string, subject: string, claims: Record<string, unknown>): Promise<string> => {
    const key = JSON.stringify([typ, subject, claims]);
    const at = now();
    const known = issued.get(key);
    // A clock set back before the issue does not count as within the window.
    if (known !== undefined && at >= known.from && at < known.until) return known.assertion;
    issued.delete(key);
    const issuedAt = Math.floor(at / 1000);
    const assertion = new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid, typ })
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setSubject(subject)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + options.ttlSeconds)
      .setJti(randomUUID())
      .sign(privateKey);
    // Presented again while at least half its lifetime is left (counted from issuedAt, rounded down).
    issued.set(key, { assertion, from: issuedAt * 1000, until: (issuedAt + options.ttlSeconds / 2) * 1000 });
    assertion.catch(() => issued.get(key)?.assertion === assertion && issued.delete(key));
    if (issued.size > REMEMBERED_MAX) issued.delete(issued.keys().next().value as string);
    return assertion;
  };

  return {
    jwks,
    hcp: (context) =>
      sign(assertionTypes.hcp, context.subject, {
        hcp: context.identity,
        purposeOfUse: context.purposeOfUse,
        locality: 'FR',
      }),
    trc: (context) =>
      sign(assertionTypes.trc, context.subject, {
        patientId: context.patientId,
        purposeOfUse: context.purposeOfUse,
        consent: context.consent,
      }),
  };
}

export function readAssertionKey(path: string): string {
  const pem = readFileSync(path, 'utf8');
  if (!pem.includes('BEGIN PRIVATE KEY')) throw new Error(`ASSERTION_KEY_FILE ${path} is not a PKCS#8 PEM private key`);
  return pem;
}
