/**
 * GET /api/session tells the SPA how long the session lasts (the BFF's settings, so the SPA has none of its
 * own), and the absolute end it announces is the one the guards enforce.
 */
import { sessionResponseSchema } from '@sesali/shared';
import { startHarness, type Harness } from '../testing/harness';

let harness: Harness;
beforeAll(async () => {
  // An idle timeout longer than the absolute lifetime: only the latter can end the session in these tests.
  harness = await startHarness({ env: { SESSION_IDLE_MINUTES: '120', SESSION_MAX_HOURS: '1' } });
});
afterAll(() => harness.close());

/** Runs `call` with the clock moved to `at` (epoch ms). */
async function at<T>(time: number, call: () => Promise<T>): Promise<T> {
  const realNow = Date.now;
  const offset = time - realNow();
  Date.now = () => realNow() + offset;
  try {
    return await call();
  } finally {
    Date.now = realNow;
  }
}

describe('the session’s lifetime in GET /api/session', () => {
  it('gives the idle timeout and the absolute end of the session, counted from the login', async () => {
    const before = Date.now();
    const doctor = await harness.loggedIn('medecin-generaliste');
    const after = Date.now();
    const answer = await doctor.get('/api/session').expect(200);
    const { lifetime } = sessionResponseSchema.parse(answer.body);
    expect(lifetime.idleTimeoutSeconds).toBe(120 * 60);
    const expiresAt = Date.parse(lifetime.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 3600_000);
    expect(expiresAt).toBeLessThanOrEqual(after + 3600_000);
    expect(lifetime.expiresInSeconds).toBeLessThanOrEqual(3600);
    expect(lifetime.expiresInSeconds).toBeGreaterThan(3600 - 60);
  });

  it('gives it with the situation chosen too', async () => {
    const doctor = await harness.loggedIn('medecin-deux-activites');
    const session = sessionResponseSchema.parse((await doctor.get('/api/session').expect(200)).body);
    const chosen = await doctor
      .post('/api/session/situation')
      .send({ situationId: session.situations[0]?.id })
      .expect(200);
    const { lifetime } = sessionResponseSchema.parse(chosen.body);
    expect(lifetime.expiresAt).toBe(session.lifetime.expiresAt);
    expect(lifetime.idleTimeoutSeconds).toBe(120 * 60);
  });

  it('counts down to the end the guards enforce: the session answers until expiresAt, and not after', async () => {
    const doctor = await harness.loggedIn('infirmiere-hospitaliere');
    const { lifetime } = sessionResponseSchema.parse((await doctor.get('/api/session').expect(200)).body);
    const expiresAt = Date.parse(lifetime.expiresAt);

    const lastMinute = await at(expiresAt - 30_000, () => doctor.get('/api/session').expect(200));
    const late = sessionResponseSchema.parse(lastMinute.body).lifetime;
    expect(late.expiresAt).toBe(lifetime.expiresAt);
    expect(late.expiresInSeconds).toBeGreaterThanOrEqual(29);
    expect(late.expiresInSeconds).toBeLessThanOrEqual(30);

    const ended = await at(expiresAt + 1000, () => doctor.get('/api/session').expect(401));
    expect(ended.body.code).toBe('not_authenticated');
    // Ended for good, not only refused at that time.
    await doctor.get('/api/session').expect(401);
  });
});
