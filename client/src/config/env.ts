/**
 * Public build-time settings of the SPA, from an explicit allow-list of VITE_ variables, parsed with zod.
 * Nothing secret can be here: whatever Vite inlines is readable by anyone.
 */
import { z } from 'zod';

const publicEnvSchema = z.object({
  /** "true" only for an official deployment of the State: shows the Marianne brand block. */
  VITE_OFFICIAL_DEPLOYMENT: z.enum(['true', 'false']).default('false'),
});

// import.meta.env is undefined outside Vite (unit tests).
const raw = (import.meta as { env?: Record<string, string | undefined> }).env ?? {};
const parsed = publicEnvSchema.safeParse({ VITE_OFFICIAL_DEPLOYMENT: raw.VITE_OFFICIAL_DEPLOYMENT });
if (!parsed.success) {
  throw new Error(`Invalid public configuration: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
}

export const publicEnv = {
  officialDeployment: parsed.data.VITE_OFFICIAL_DEPLOYMENT === 'true',
};
