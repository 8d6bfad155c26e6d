/**
 * Pro Santé Connect through openid-client: discovery (cached once it succeeds, retried on the next login when
 * PSC was unreachable), the authorization URL with PKCE S256, the code exchange with state/nonce/ACR checks,
 * userinfo (JSON or signed JWT: openid-client validates both) and the end-session URL.
 */
import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import type { Config } from '../config/config';

export interface LoginRequest {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface CompletedLogin {
  idToken: string;
  sub: string;
  acr: string | undefined;
  userinfo: Record<string, unknown>;
}

/** Why a callback failed, in our words; the route maps it to a page. */
export class LoginFailure extends Error {
  constructor(
    readonly reason: 'code_invalid' | 'token_invalid' | 'acr_insufficient' | 'psc_unavailable' | 'provider_error',
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'LoginFailure';
  }
}

export interface PscClient {
  startLogin(): Promise<LoginRequest>;
  completeLogin(
    callbackUrl: URL,
    expected: { state: string; nonce: string; codeVerifier: string },
  ): Promise<CompletedLogin>;
  endSessionUrl(idToken: string): Promise<URL | undefined>;
}

function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) return true;
  return error.cause !== undefined && error.cause !== error && isNetworkFailure(error.cause);
}

export function createPscClient(config: Config['psc'], logger?: Pick<Logger, 'warn'>): PscClient {
  let discovered: Promise<oidc.Configuration> | undefined;

  async function configuration(): Promise<oidc.Configuration> {
    discovered ??= oidc
      .discovery(
        new URL(config.discoveryUrl),
        config.clientId,
        undefined,
        oidc.ClientSecretBasic(config.clientSecret),
        {
          execute: config.allowHttp ? [oidc.allowInsecureRequests] : [],
          timeout: Math.ceil(config.timeoutMs / 1000),
        },
      )
      .then((c) => {
        c.timeout = Math.ceil(config.timeoutMs / 1000);
        return c;
      });
    try {
      return await discovered;
    } catch (error) {
      discovered = undefined;
      throw new LoginFailure('psc_unavailable', { cause: error });
    }
  }

  return {
    async startLogin() {
      const c = await configuration();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(c, {
        redirect_uri: config.redirectUri,
        scope: 'openid scope_all',
        acr_values: 'eidas1',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url, state, nonce, codeVerifier };
    },

    async completeLogin(callbackUrl, expected) {
      const c = await configuration();
      let tokens;
      try {
        tokens = await oidc.authorizationCodeGrant(c, callbackUrl, {
          pkceCodeVerifier: expected.codeVerifier,
          expectedState: expected.state,
          expectedNonce: expected.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        if (isNetworkFailure(error)) throw new LoginFailure('psc_unavailable', { cause: error });
        if (error instanceof oidc.ResponseBodyError) throw new LoginFailure('code_invalid', { cause: error });
        if (error instanceof oidc.AuthorizationResponseError)
          throw new LoginFailure('provider_error', { cause: error });
        throw new LoginFailure('token_invalid', { cause: error });
      }
      const claims = tokens.claims();
      if (!claims || !tokens.id_token) throw new LoginFailure('token_invalid');
      const acr = typeof claims.acr === 'string' ? claims.acr : undefined;
      if (!acr || !config.acceptedAcr.includes(acr)) throw new LoginFailure('acr_insufficient');
      let userinfo;
      try {
        userinfo = await oidc.fetchUserInfo(c, tokens.access_token, claims.sub);
      } catch (error) {
        if (isNetworkFailure(error)) throw new LoginFailure('psc_unavailable', { cause: error });
        throw new LoginFailure('token_invalid', { cause: error });
      }
      return { idToken: tokens.id_token, sub: claims.sub, acr, userinfo: { ...userinfo } };
    },

    async endSessionUrl(idToken) {
      try {
        const c = await configuration();
        if (!c.serverMetadata().end_session_endpoint) return undefined;
        return oidc.buildEndSessionUrl(c, {
          id_token_hint: idToken,
          post_logout_redirect_uri: config.postLogoutRedirectUri,
          state: oidc.randomState(),
        });
      } catch (error) {
        // PSC unreachable: our session is gone anyway; the user lands on the home page.
        logger?.warn(
          { event: 'psc_logout_unavailable', err: error instanceof Error ? error.message : String(error) },
          'Pro Santé Connect unreachable at logout: local session ended only',
        );
        return undefined;
      }
    },
  };
}
