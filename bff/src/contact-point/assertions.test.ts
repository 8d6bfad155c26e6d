import { decodeJwt, decodeProtectedHeader } from 'jose';
import { TEST_ASSERTION_PEM } from '../testing/test-dependencies';
import { createAssertionSigner, type HcpContext, type TrcContext } from './assertions';

const TTL_SECONDS = 300;

const hcp: HcpContext = {
  subject: 'sub-1',
  purposeOfUse: 'TREATMENT',
  identity: {
    rpps: '10001234567',
    givenName: 'Anne',
    familyName: 'Martin',
    professionCode: '10',
    professionLabel: 'Médecin',
    specialtyCode: 'SM26',
    organisation: 'Cabinet',
    organisationId: 'org-1',
    facilityType: 'SA07',
    locality: 'Lyon',
  },
};

const trc: TrcContext = {
  subject: 'sub-1',
  patientId: { root: '2.16.17.710.850.1000.990.1', extension: '123' },
  purposeOfUse: 'TREATMENT',
  consent: { attestedAt: '2026-11-30T10:00:00.000Z', noticeLanguage: 'pt' },
};

async function signerAt(start: number) {
  let clock = start;
  const signer = await createAssertionSigner({
    pem: TEST_ASSERTION_PEM,
    issuer: 'https://sesali.test',
    audience: 'https://ncp.test',
    ttlSeconds: TTL_SECONDS,
    now: () => clock,
  });
  return { signer, setClock: (ms: number) => (clock = ms) };
}

const T0 = Date.parse('2026-11-30T10:00:00.000Z');

describe('assertion signer', () => {
  it('presents the same assertion again for the same claims, for half its lifetime', async () => {
    const { signer, setClock } = await signerAt(T0);
    const first = await signer.hcp(hcp);
    const claims = decodeJwt(first);
    expect(decodeProtectedHeader(first).typ).toBeDefined();
    expect(claims.iat).toBe(T0 / 1000);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(TTL_SECONDS);
    expect(await signer.hcp({ ...hcp })).toBe(first);

    setClock(T0 + (TTL_SECONDS / 2) * 1000 - 1);
    expect(await signer.hcp(hcp)).toBe(first);

    // From half its lifetime on, a new one (new jti, issued now): a call never goes with an assertion about
    // to expire.
    setClock(T0 + (TTL_SECONDS / 2) * 1000);
    const renewed = await signer.hcp(hcp);
    expect(renewed).not.toBe(first);
    expect(decodeJwt(renewed).jti).not.toBe(claims.jti);
    expect(decodeJwt(renewed).iat).toBe(T0 / 1000 + TTL_SECONDS / 2);
  });

  it('signs a new assertion when any claim differs', async () => {
    const { signer } = await signerAt(T0);
    const first = await signer.trc(trc);
    const variants: TrcContext[] = [
      { ...trc, subject: 'sub-2' },
      { ...trc, patientId: { ...trc.patientId, extension: '124' } },
      { ...trc, purposeOfUse: 'EMERGENCY' },
      { ...trc, consent: { ...trc.consent, attestedAt: '2026-11-30T10:05:00.000Z' } },
      { ...trc, consent: { ...trc.consent, reason: 'inconscient' } },
    ];
    const others = await Promise.all(variants.map((variant) => signer.trc(variant)));
    expect(new Set([first, ...others]).size).toBe(1 + variants.length);
    for (const [index, variant] of variants.entries())
      expect(decodeJwt(others[index] as string)).toMatchObject({ sub: variant.subject, patientId: variant.patientId });
    // Another situation of the same professional: another HCP assertion.
    const hcpFirst = await signer.hcp(hcp);
    expect(await signer.hcp({ ...hcp, identity: { ...hcp.identity, organisationId: 'org-2' } })).not.toBe(hcpFirst);
    expect(await signer.trc(trc)).toBe(first);
  });

  it('does not present an assertion again once the clock has gone back before it was issued', async () => {
    const { signer, setClock } = await signerAt(T0);
    const first = await signer.hcp(hcp);
    setClock(T0 - 60_000);
    const again = await signer.hcp(hcp);
    expect(again).not.toBe(first);
    expect(decodeJwt(again).iat).toBe(T0 / 1000 - 60);
  });
});
