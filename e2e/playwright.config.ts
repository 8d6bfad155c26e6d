/**
 * Browser journeys against the whole stack as `npm start` runs it (PSC simulator, BFF, built SPA), on test
 * ports and a throw-away data folder, driven in Debian's Chromium (browsers cannot be downloaded here): its
 * headless shell (package chromium-headless-shell), the same Blink as the desktop browser without its window
 * machinery, which Playwright also uses for headless runs by default. The full browser headless took about
 * 75 % more CPU for the same journeys (docs/decisions/008-test-suite-time.md); CHROMIUM_PATH picks another.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

export const BASE_URL = 'http://localhost:3100';
/** What a current desktop Chrome sends; headless Chromium would otherwise announce itself as HeadlessChrome. */
export const DESKTOP_CHROME_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

// One throw-away data folder for the run: set once by the runner, inherited by its workers (the audit-trail
// check reads the trail the journeys left there).
process.env.SESALI_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'sesali-e2e-'));
export const dataDir = process.env.SESALI_E2E_DATA_DIR;

export default defineConfig({
  testDir: './tests',
  projects: [
    { name: 'journeys', testIgnore: /audit-trail\.spec\.ts$/ },
    // After every journey: what the whole run left in the audit trail.
    { name: 'audit-trail', testMatch: /audit-trail\.spec\.ts$/, dependencies: ['journeys'] },
  ],
  fullyParallel: false,
  // Two browsers side by side against the one BFF: the journeys are independent (each its own context and
  // patient), and on two cores this cuts their time by about a third; the audit-trail check runs after all.
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 30_000,
  outputDir: join(dataDir, 'results'),
  use: {
    baseURL: BASE_URL,
    locale: 'fr-FR',
    userAgent: DESKTOP_CHROME_UA,
    trace: 'off',
    screenshot: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'node ../node_modules/tsx/dist/cli.mjs ../bff/src/dev-server.ts',
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: '3100',
      PSC_SIM_PORT: '4110',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // The journeys, two at a time, log in about 20 times in 40 s from one address; the default limit (30 a
      // minute) is for people, and the Jest tests check it.
      RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
    },
  },
});
