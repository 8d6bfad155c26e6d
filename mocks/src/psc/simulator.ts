/**
 * A Pro Santé Connect simulator: a real OpenID provider (oidc-provider) with PSC's URL shapes (issuer under
 * /auth/realms/esante-wallet, discovery at the non-standard /.well-known/wallet-openid-configuration,
 * endpoints under /protocol/openid-connect/), PSC-shaped userinfo claims and `acr` = eidas1. Its login page
 * lists the test personas instead of reading a card. Used by `npm start`, the dev server and the browser tests.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';
import { loginPage, logoutPage, messagePage } from './login-page';
import { personas as defaultPersonas, type Persona } from './personas';

export const PSC_REALM_PATH = '/auth/realms/esante-wallet';
export const PSC_DISCOVERY_SUFFIX = '/.well-known/wallet-openid-configuration';

export interface SimulatedClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** Serve this client's userinfo as a signed JWT (application/jwt), as PSC may. */
  signedUserinfo?: boolean;
}

export interface PscSimulatorOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  clients: SimulatedClient[];
  personas?: readonly Persona[];
  /**
   * The RSA private key (JWK) it signs ID tokens and userinfo with; a new one when absent. Making one takes
   * 0.1–0.4 s, so the tests make one per run and hand it to every simulator they start (scripts/jest-global-setup.mjs).
   */
  signingKey?: JWK;
}

export interface PscSimulator {
  issuer: string;
  discoveryUrl: string;
  port: number;
  close(): Promise<void>;
}

/** Claims released with PSC's `scope_all`. */
const SCOPE_ALL_CLAIMS = [
  'preferred_username',
  'SubjectNameID',
  'given_name',
  'family_name',
  'authMode',
  'SubjectRole',
  'Secteur_Activite',
  'SubjectOrganization',
  'SubjectOrganizationID',
  'otherIds',
  'SubjectRefPro',
];

export async function startPscSimulator(options: PscSimulatorOptions): Promise<PscSimulator> {
  const personas = options.personas ?? defaultPersonas;
  const bySub = new Map(personas.map((p) => [String(p.claims.sub), p]));
  const host = options.host ?? '127.0.0.1';
  const app = express();
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port, host, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://localhost:${port}${PSC_REALM_PATH}`;

  const signingKey = {
    ...(options.signingKey ?? (await exportJWK((await generateKeyPair('RS256', { extractable: true })).privateKey))),
    kid: `sim-${randomBytes(4).toString('hex')}`,
    use: 'sig',
    alg: 'RS256',
  };

  const configuration: Configuration = {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      ...(c.signedUserinfo ? { userinfo_signed_response_alg: 'RS256' } : {}),
    })),
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    acrValues: ['eidas1', 'eidas2', 'eidas3'],
    scopes: ['openid', 'scope_all'],
    claims: { openid: ['sub'], scope_all: SCOPE_ALL_CLAIMS },
    findAccount: (_ctx, sub) => {
      const persona = bySub.get(sub);
      if (!persona) return undefined;
      return { accountId: sub, claims: () => ({ ...persona.claims, sub }) };
    },
    routes: {
      authorization: '/protocol/openid-connect/auth',
      token: '/protocol/openid-connect/token',
      userinfo: '/protocol/openid-connect/userinfo',
      end_session: '/protocol/openid-connect/logout',
      jwks: '/protocol/openid-connect/certs',
    },
    interactions: { url: (_ctx, interaction) => `${PSC_REALM_PATH}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = messagePage('Déconnecté', 'Vous êtes déconnecté de Pro Santé Connect.');
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = messagePage(
        'Erreur Pro Santé Connect',
        `${String(out.error)} : ${String(out.error_description ?? '')}`,
      );
    },
    ttl: {
      Session: 8 * 3600,
      Interaction: 3600,
      Grant: 8 * 3600,
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
    },
  };

  const provider = new Provider(issuer, configuration);
  // The simulator is plain HTTP on localhost; keep oidc-provider quiet about it and about the Node version.
  provider.on('server_error', (_ctx, error) => console.error('[psc-simulator] server error:', error.message));

  const interactionPath = `${PSC_REALM_PATH}/interaction/:uid`;
  const form = express.urlencoded({ extended: false, limit: '2kb' });

  app.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  app.get(`${PSC_REALM_PATH}${PSC_DISCOVERY_SUFFIX}`, (req, _res, next) => {
    req.url = `${PSC_REALM_PATH}/.well-known/openid-configuration`;
    next();
  });

  app.get(interactionPath, async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        res.type('html').send(loginPage(`${PSC_REALM_PATH}/interaction/${details.uid}`, personas));
        return;
      }
      // Consent: PSC does not ask the professional; grant what the client asked for.
      const accountId = details.session?.accountId;
      if (!accountId) throw new Error('consent prompt without a session');
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      if (!grant) throw new Error('grant not found');
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    } catch (error) {
      next(error);
    }
  });

  app.post(`${interactionPath}/login`, form, async (req, res, next) => {
    try {
      const chosen: unknown = (req.body as Record<string, unknown> | undefined)?.persona;
      const persona = personas.find((p) => p.id === chosen);
      if (!persona) {
        res.status(400).type('html').send(messagePage('Identité inconnue', 'Cette identité de test n’existe pas.'));
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: String(persona.claims.sub), acr: 'eidas1' } },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      next(error);
    }
  });

  app.post(`${interactionPath}/refuse`, async (req, res, next) => {
    try {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'Carte CPS révoquée ou expirée' },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      next(error);
    }
  });

  app.use(PSC_REALM_PATH, provider.callback());

  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const message = error instanceof Error ? error.message : 'erreur inconnue';
    res.status(400).type('html').send(messagePage('Erreur du simulateur', message));
  });

  return {
    issuer,
    discoveryUrl: `${issuer}${PSC_DISCOVERY_SUFFIX}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
