/**
 * The simulator's personas are the fixtures of the browser tests and of manual checks: each must still decide what
 * it claims to once the rules change, and together they must reach every refusal a real PSC login can produce.
 */
import { evaluateAccess, refusalReasons } from '@sesali/shared';
import { personas } from './personas';

describe('PSC simulator personas', () => {
  it('has at least 18 personas, the historical three first', () => {
    expect(personas.length).toBeGreaterThanOrEqual(18);
    // Browser tests and bookmarked simulator links pick these by id and position.
    const historical = ['medecin-generaliste', 'infirmiere-hospitaliere', 'medecin-deux-activites'];
    expect(personas.slice(0, 3).map((p) => p.id)).toEqual(historical);
  });

  it('has unique ids, subs and RPPS-like identifiers', () => {
    const ids = personas.map((p) => p.id);
    const subs = personas.map((p) => String(p.claims.sub));
    const rpps = personas.map((p) => String(p.claims.preferred_username));
    expect(new Set(ids).size).toBe(personas.length);
    // The simulator finds the logged-in persona by its sub.
    expect(new Set(subs).size).toBe(personas.length);
    expect(new Set(rpps).size).toBe(personas.length);
    for (const id of rpps) expect(id).toMatch(/^8997001000\d{2}$/);
  });

  it('covers every refusal reason that claims of a real PSC login can produce', () => {
    const expected = new Set(personas.map((p) => p.expected));
    // invalid_identity means PSC sent malformed claims, which no persona of a working simulator should do.
    for (const reason of refusalReasons.filter((r) => r !== 'invalid_identity')) expect(expected).toContain(reason);
  });

  it('has a persona with two allowed situations, to exercise the situation picker', () => {
    const counts = personas.map((p) => evaluateAccess(p.claims).situations.length);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(2);
  });

  it.each(personas)('$id: evaluateAccess decides $expected', (persona) => {
    const decision = evaluateAccess(persona.claims);
    expect(decision.decision === 'allow' ? 'allow' : decision.reason).toBe(persona.expected);
  });
});
