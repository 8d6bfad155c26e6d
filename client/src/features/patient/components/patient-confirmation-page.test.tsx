import { screen } from '@testing-library/react';
import { http } from 'msw';
import { apiPaths, errorCatalogue } from '@sesali/shared';
import { apiError, bffHandlers, sessionFromPersona } from '@sesali/mocks/bff-api';
import { renderApp } from '@/testing/render-app';
import { server } from '@/testing/msw-server';

const professional = sessionFromPersona('medecin-generaliste');

describe('patient confirmation page', () => {
  it.each([
    ['a patient this session never found', '/patient/pt-maria-santos-0001'],
    ['a malformed reference', '/patient/<b>'],
  ])('says the patient is not in this session for %s', async (_case, url) => {
    server.use(...bffHandlers(professional));
    renderApp(url);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Patient introuvable dans cette session' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Faire une nouvelle recherche' })).toHaveAttribute('href', '/recherche');
  });

  it('shows the BFF’s message when the candidate cannot be read', async () => {
    server.use(...bffHandlers(professional));
    server.use(http.get(apiPaths.patient(':ref'), () => apiError('internal_error')));
    renderApp('/patient/pt-maria-santos-0001');
    expect(await screen.findByRole('alert')).toHaveTextContent(errorCatalogue.internal_error.message);
    expect(screen.getByRole('link', { name: 'Faire une nouvelle recherche' })).toHaveAttribute('href', '/recherche');
  });

  it('asks a visitor to log in first', async () => {
    server.use(...bffHandlers(null));
    renderApp('/patient/pt-maria-santos-0001');
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion nécessaire' })).toBeInTheDocument();
  });
});
