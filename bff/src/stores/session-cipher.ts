/**
 * Sessions are encrypted at rest: what the store keeps (SQLite row, Redis value) is AES-256-GCM ciphertext of
 * the session, so a copy of the store's files or a Redis dump shows no patient (national identifiers, names,
 * birth dates, found patients) and no ID token. The key comes from configuration (SESSION_ENCRYPTION_KEY, or
 * derived from SESSION_SECRET); several keys may be given for a rotation: the first encrypts, any decrypts.
 * A value no key opens (a key retired, a row altered) reads as no session: the professional logs in again.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { SessionData } from 'express-session';

const PREFIX = 'enc1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Bound to the ciphertext: a value encrypted for another purpose with the same key does not open here. */
const AAD = Buffer.from('sesali session v1');

export interface SessionSerializer {
  stringify(session: SessionData): string;
  /** The session, or null when no configured key opens it. */
  parse(value: string): SessionData | null;
}

interface Key {
  id: string;
  bytes: Buffer;
}

const keyId = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 8);

/** The session keys a configuration names: given (32-byte hex keys) or derived from the cookie secret. */
export function sessionKeys(config: { secret: string; encryptionKeys?: readonly Buffer[] }): Buffer[] {
  if (config.encryptionKeys && config.encryptionKeys.length > 0) return [...config.encryptionKeys];
  return [Buffer.from(hkdfSync('sha256', config.secret, 'sesali', 'session at rest v1', 32))];
}

export function sessionSerializer(keyBytes: readonly Buffer[]): SessionSerializer {
  if (keyBytes.length === 0 || keyBytes.some((k) => k.length !== 32))
    throw new Error('session encryption needs 32-byte keys');
  const keys: Key[] = keyBytes.map((bytes) => ({ id: keyId(bytes), bytes }));
  const current = keys[0] as Key;

  return {
    stringify(session) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.bytes, iv).setAAD(AAD);
      const sealed = Buffer.concat([cipher.update(JSON.stringify(session), 'utf8'), cipher.final()]);
      return `${PREFIX}.${current.id}.${Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url')}`;
    },
    parse(value) {
      const [prefix, id, payload] = value.split('.');
      const key = keys.find((k) => k.id === id);
      if (prefix !== PREFIX || !key || !payload) return null;
      const bytes = Buffer.from(payload, 'base64url');
      if (bytes.length < IV_BYTES + TAG_BYTES) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key.bytes, bytes.subarray(0, IV_BYTES)).setAAD(AAD);
        decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
        const plain = Buffer.concat([
          decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
          decipher.final(),
        ]);
        return JSON.parse(plain.toString('utf8')) as SessionData;
      } catch {
        return null;
      }
    },
  };
}
