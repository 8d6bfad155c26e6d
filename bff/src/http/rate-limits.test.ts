/**
 * Abuse limits: a session cannot enumerate patients (300 searches get 429 long before the end), logins per
 * address are bounded, and with Redis two instances share one count.
 */
import express from 'express';
import session from 'express-session';
import { createClient } from 'redis';
import request from 'supertest';
import { errorCatalogue } from '@sesali/shared';
import { pino } from 'pino';
import { startHarness, type Harness } from '../testing/harness';
import { searchValuesFor } from '../testing/shipped-patients';
import { errorMiddleware } from './errors';
import { createRateLimits } from './rate-limits';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('rate limits through the BFF', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({
      env: { RATE_LIMIT_SEARCH_PER_MINUTE: '20', RATE_LIMIT_SEARCH_PER_HOUR: '50', RATE_LIMIT_LOGIN_PER_MINUTE: '5' },
    });
  });
  afterAll(() => harness.close());

  it('refuses a session’s searches past its limit: 300 tries, 20 answered, the rest 429 in French', async () => {
    const doctor = await harness.loggedIn('medecin-generaliste');
    const values = await searchValuesFor(doctor, 'PT', 'complete');
    const statuses: number[] = [];
    let refusal: unknown;
    for (let wave = 0; wave < 30; wave++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          doctor
            .post('/api/patients/search')
            .send({ countryCode: 'PT', ...values })
            .then((response) => {
              if (response.status === 429) refusal = response.body;
              return response.status;
            }),
        ),
      );
      statuses.push(...answers);
    }
    expect(statuses).toHaveLength(300);
    expect(statuses.filter((status) => status !== 429)).toHaveLength(20);
    expect(statuses.slice(20).every((status) => status === 429)).toBe(true);
    expect(refusal).toEqual({ code: 'too_many_requests', message: errorCatalogue.too_many_requests.message });
    // 300 requests through the whole stack (20 reaching the simulated country): more than Jest's 5 s default
    // on a loaded 2-core machine.
  }, 30_000);

  it('bounds logins per address, landing on the login error page', async () => {
    const browser = harness.browser();
    const locations: string[] = [];
    for (let i = 0; i < 8; i++) locations.push(String((await browser.get('/auth/login').expect(303)).headers.location));
    expect(locations.slice(0, 3).every((location) => !location.includes('too_many_attempts'))).toBe(true);
    expect(locations.at(-1)).toBe('/erreur-connexion?raison=too_many_attempts');
  });
});

describe('rate limits shared through Redis', () => {
  it('counts the requests of two instances together', async () => {
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    const prefix = `test-${Date.now()}`;
    // As in production: the instances share the sessions (there, Redis) and the counters (Redis).
    const sessions = new session.MemoryStore();
    const instance = () => {
      const app = express();
      app.use(session({ secret: 'rate-limit-test-secret', resave: false, saveUninitialized: true, store: sessions }));
      const limits = createRateLimits(
        { searchPerMinute: 5, searchPerHour: 100, loginPerMinute: 100 },
        (...args: string[]) => client.sendCommand(args),
      );
      app.post(`/${prefix}`, ...limits.search, (_req, res) => {
        res.json({ ok: true });
      });
      app.use(errorMiddleware(pino({ level: 'silent' })));
      return app;
    };
    const [first, second] = [instance(), instance()];
    // One browser (one session cookie) whose requests a load balancer alternates between the instances.
    const opening = await request(first).post(`/${prefix}`);
    const cookie = (opening.headers['set-cookie'] as unknown as string[]).map((line) => line.split(';')[0]).join('; ');
    const statuses: number[] = [opening.status];
    for (let i = 0; i < 8; i++)
      statuses.push(
        (
          await request(i % 2 ? first : second)
            .post(`/${prefix}`)
            .set('Cookie', cookie)
        ).status,
      );
    try {
      expect(statuses.filter((status) => status !== 429)).toHaveLength(5);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await client.close();
    }
  });
});
