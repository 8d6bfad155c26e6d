/** Paths of the BFF, shared by the SPA, the BFF routers, the MSW handlers and the browser tests. */
export const apiPaths = {
  session: '/api/session',
  sessionSituation: '/api/session/situation',
  countries: '/api/countries',
  searchForm: (cc: string) => `/api/countries/${cc}/search-form`,
  patientSearch: '/api/patients/search',
  patient: (ref: string) => `/api/patients/${ref}`,
  consent: (ref: string) => `/api/patients/${ref}/consent`,
  summary: (ref: string) => `/api/patients/${ref}/summary`,
  original: (ref: string) => `/api/patients/${ref}/original`,
  history: '/api/me/history',
  notices: '/api/notices',
  notice: (lang: string) => `/api/notices/${lang}`,
} as const;

export const authPaths = {
  login: '/auth/login',
  callback: '/auth/callback',
  logout: '/auth/logout',
} as const;

/** SPA routes the BFF redirects to. */
export const appRoutes = {
  home: '/',
  situation: '/situation',
  accessRefused: '/acces-refuse',
  loginError: '/erreur-connexion',
  help: '/aide',
} as const;

/** Query parameter the SPA adds to the login link when it detects a touch-first Mac (iPadOS). */
export const touchReportParam = 'tactile';
