import { randomBytes } from 'node:crypto';
import type { SessionData } from 'express-session';
import { sessionKeys, sessionSerializer } from './session-cipher';

const session = { cookie: { originalMaxAge: 1000 }, user: { familyName: 'MONTEIRO' } } as unknown as SessionData;

describe('sessions encrypted at rest', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);

  it('reads back what it wrote, and writes a different value each time (fresh IV)', () => {
    const serializer = sessionSerializer([newKey]);
    const a = serializer.stringify(session);
    expect(serializer.parse(a)).toEqual(session);
    expect(serializer.stringify(session)).not.toBe(a);
    expect(Buffer.from(a).includes('MONTEIRO')).toBe(false);
  });

  it('reads sessions of the previous key during a rotation, and writes with the new one', () => {
    const sealedWithOld = sessionSerializer([oldKey]).stringify(session);
    const rotating = sessionSerializer([newKey, oldKey]);
    expect(rotating.parse(sealedWithOld)).toEqual(session);
    expect(sessionSerializer([newKey]).parse(rotating.stringify(session))).toEqual(session);
  });

  it('reads as no session what no key opens: another key, an altered value, plain JSON, garbage', () => {
    const serializer = sessionSerializer([newKey]);
    const sealed = serializer.stringify(session);
    expect(sessionSerializer([oldKey]).parse(sealed)).toBeNull();
    const [prefix, id, payload = ''] = sealed.split('.');
    const flipped = `${payload.slice(0, 20)}${payload[20] === 'A' ? 'B' : 'A'}${payload.slice(21)}`;
    expect(serializer.parse(`${prefix}.${id}.${flipped}`)).toBeNull();
    expect(serializer.parse(JSON.stringify(session))).toBeNull();
    expect(serializer.parse('enc1..')).toBeNull();
    expect(serializer.parse(`enc1.${id}.AAAA`)).toBeNull();
  });

  it('derives its key from the session secret when none is configured, and refuses keys of the wrong size', () => {
    const [derived] = sessionKeys({ secret: 'a-session-secret-of-at-least-32-chars' });
    expect(derived).toHaveLength(32);
    expect(sessionKeys({ secret: 'whatever', encryptionKeys: [newKey] })).toEqual([newKey]);
    expect(() => sessionSerializer([randomBytes(16)])).toThrow('32-byte');
  });
});
