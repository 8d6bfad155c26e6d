import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { bffHandlers, sessionFromPersona } from '@sesali/mocks/bff-api';
import { renderApp } from '@/testing/render-app';
import { server } from '@/testing/msw-server';

describe('session in the SPA', () => {
  it('offers the Pro Santé Connect login when nobody is logged in', async () => {
    server.use(...bffHandlers(null));
    renderApp('/');
    const links = await screen.findAllByRole('link', { name: 'Se connecter avec Pro Santé Connect' });
    expect(links[0]).toHaveAttribute('href', '/auth/login');
  });

  it('shows the professional, profession and organisation in the header', async () => {
    server.use(...bffHandlers(sessionFromPersona('infirmiere-hospitaliere')));
    renderApp('/');
    expect(await screen.findByTestId('professional')).toHaveTextContent('Inès BERNARD');
    expect(screen.getByTestId('situation')).toHaveTextContent('Infirmier — CENTRE HOSPITALIER DE PARIS NORD');
    expect(screen.getByRole('button', { name: 'Se déconnecter' })).toBeEnabled();
  });

  it('sends a refused professional to the refusal page from any protected page', async () => {
    server.use(...bffHandlers(sessionFromPersona('medecin-conseil-assurance')));
    const { router } = renderApp('/');
    await waitFor(() => expect(router.state.location.pathname).toBe('/acces-refuse'));
    expect(await screen.findByTestId('refusal-reason')).toHaveTextContent('assurance privée');
  });

  it('makes a professional with two situations choose one first, with an error when none is picked', async () => {
    const user = userEvent.setup();
    server.use(...bffHandlers(sessionFromPersona('medecin-deux-activites')));
    const { router } = renderApp('/');
    await waitFor(() => expect(router.state.location.pathname).toBe('/situation'));

    await user.click(await screen.findByRole('button', { name: 'Continuer' }));
    expect(screen.getByText('Choisissez une situation d’exercice.')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: /HOPITAL EDOUARD HERRIOT/ }));
    await user.click(screen.getByRole('button', { name: 'Continuer' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(await screen.findByTestId('situation')).toHaveTextContent('Médecin — HOPITAL EDOUARD HERRIOT');
  });

  it('shows the BFF’s French message when the choice is refused', async () => {
    const user = userEvent.setup();
    server.use(...bffHandlers(sessionFromPersona('medecin-deux-activites')));
    // A later use() takes precedence over the handlers above.
    server.use(
      http.post('/api/session/situation', () =>
        HttpResponse.json(
          { code: 'situation_unknown', message: 'Cette situation n’est plus valable.' },
          { status: 400 },
        ),
      ),
    );
    renderApp('/situation');
    await user.click(await screen.findByRole('radio', { name: /CABINET DR DURAND/ }));
    await user.click(screen.getByRole('button', { name: 'Continuer' }));
    expect(await screen.findByText('Cette situation n’est plus valable.')).toBeInTheDocument();
  });
});
