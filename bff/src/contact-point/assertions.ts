/**
 * Signs the HCP identity and TRC assertions (ES256, jose) and publishes the public key as a JWKS. The private
 * key comes from ASSERTION_KEY_FILE (PKCS#8 PEM, EC P-256); the dev entry point generates one under .data/.
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
}

export async function createAssertionSigner(options: SignerOptions): Promise<AssertionSigner> {
  const privateKey = await importPKCS8(options.pem, 'ES256');
  const publicJwk: JWK = await exportJWK(createPublicKey(createPrivateKey(options.pem)));
  const kid = await calculateJwkThumbprint(publicJwk);
  const jwks: JSONWebKeySet = { keys: [{ ...publicJwk, kid, alg: 'ES256', use: 'sig' }] };

  const sign = (typ: string, subject: string, claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid, typ })
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(`${options.ttlSeconds}s`)
      .setJti(randomUUID())
      .sign(privateKey);

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
