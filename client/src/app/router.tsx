/** Routes of the SPA; each page is its own lazily loaded chunk. */
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RootLayout } from '@/components/layouts/root-layout';
import { RouteError } from '@/components/errors/route-error';
import { LoginRequired } from '@/features/session/components/login-required';

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <p className="fr-container fr-py-6w">Chargement…</p>,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./routes/home')).HomeRoute }),
      },
      {
        // Pages that act on patients: a logged-in professional only.
        element: <LoginRequired />,
        children: [
          {
            path: 'recherche',
            lazy: async () => ({
              Component: (await import('@/features/countries/components/country-picker-page')).CountryPickerPage,
            }),
          },
          {
            path: 'recherche/:pays',
            lazy: async () => ({ Component: (await import('@/features/search/components/search-page')).SearchPage }),
          },
          {
            path: 'patient/:ref',
            lazy: async () => ({
              Component: (await import('@/features/patient/components/patient-confirmation-page'))
                .PatientConfirmationPage,
            }),
          },
          {
            path: 'patient/:ref/consentement',
            lazy: async () => ({ Component: (await import('@/features/patient/components/consent-page')).ConsentPage }),
          },
          {
            path: 'espace',
            lazy: async () => ({ Component: (await import('@/features/space/components/space-page')).SpacePage }),
          },
          {
            path: 'patient/:ref/synthese',
            lazy: async () => ({
              Component: (await import('@/features/patient/components/summary/summary-page')).SummaryPage,
            }),
          },
        ],
      },
      {
        // Public: a professional may print a notice before logging in.
        path: 'notice/:lang',
        lazy: async () => ({ Component: (await import('@/features/notice/components/notice-page')).NoticePage }),
      },
      {
        path: 'situation',
        lazy: async () => ({ Component: (await import('@/features/session/components/situation-page')).SituationPage }),
      },
      {
        path: 'acces-refuse',
        lazy: async () => ({
          Component: (await import('@/features/access/components/access-refused-page')).AccessRefusedPage,
        }),
      },
      {
        path: 'erreur-connexion',
        lazy: async () => ({
          Component: (await import('@/features/access/components/login-error-page')).LoginErrorPage,
        }),
      },
      {
        path: 'aide',
        lazy: async () => ({ Component: (await import('@/features/help/components/help-page')).HelpPage }),
      },
      {
        path: '*',
        lazy: async () => ({ Component: (await import('@/components/errors/not-found-page')).NotFoundPage }),
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
