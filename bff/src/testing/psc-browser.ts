/**
 * Plays the browser's part at the PSC simulator in BFF tests: follows the redirects from the authorization
 * URL, picks a persona on the login page (or refuses), and returns the callback URL PSC sends back to us.
 */
const MAX_HOPS = 12;

export async function loginAtSimulator(authorizationUrl: string, choice: { persona: string } | 'refuse'): Promise<URL> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  };

  let url = new URL(authorizationUrl);
  let init: RequestInit = {};
  let submitted = false;
  for (let hop = 0; hop < MAX_HOPS; hop += 1) {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers ?? {}), cookie: cookieHeader() },
    });
    remember(response);
    init = {};
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.pathname.endsWith('/auth/callback')) return next;
      url = next;
      continue;
    }
    const html = await response.text();
    if (response.status !== 200 || submitted)
      throw new Error(`unexpected simulator page (${response.status}): ${html.slice(0, 200)}`);
    submitted = true;
    const action = choice === 'refuse' ? 'refuse' : 'login';
    url = new URL(`${url.pathname}/${action}`, url);
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: choice === 'refuse' ? '' : new URLSearchParams({ persona: choice.persona }).toString(),
    };
  }
  throw new Error('too many redirects at the simulator');
}
