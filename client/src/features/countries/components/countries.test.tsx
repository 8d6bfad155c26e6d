import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { bffHandlers, sessionFromPersona } from '@sesali/mocks/bff-api';
import { renderApp } from '@/testing/render-app';
import { server } from '@/testing/msw-server';

const professional = sessionFromPersona('medecin-generaliste');

const namesIn = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByRole('listitem')
    .map((item) => item.textContent);

describe('countries on the home page', () => {
  it.each([
    ['before login', null],
    ['after login', professional],
  ])('lists live countries, then the planned ones, in French order (%s)', async (_when, session) => {
    server.use(...bffHandlers(session));
    renderApp('/');
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Pays dont les patients peuvent être pris en charge' }),
    ).toBeInTheDocument();
    await screen.findByTestId('live-countries');
    expect(namesIn('live-countries')).toEqual([
      'Croatie',
      'Espagne',
      'Estonie',
      'Luxembourg',
      'Maltetemporairement indisponible',
      'Portugal',
      'Tchéquie',
    ]);
    expect(screen.getByRole('heading', { level: 3, name: 'Bientôt disponibles' })).toBeInTheDocument();
    expect(namesIn('planned-countries')).toEqual(['Chypre', 'Grèce', 'Irlande', 'Italie', 'Slovénie']);
  });

  it('leads a logged-in professional to the search', async () => {
    const user = userEvent.setup();
    server.use(...bffHandlers(professional));
    const { router } = renderApp('/');
    await user.click(await screen.findByRole('link', { name: 'Rechercher un patient' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/recherche'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Rechercher un patient' })).toBeInTheDocument();
  });
});

describe('country picker', () => {
  const countryList = async () => within(await screen.findByTestId('country-list'));

  it('offers live countries as links to their form, the others shown but not selectable', async () => {
    const user = userEvent.setup();
    server.use(...bffHandlers(professional));
    const { router } = renderApp('/recherche');
    const list = await countryList();

    expect(list.getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Croatie',
      'Espagne',
      'Estonie',
      'Luxembourg',
      'Portugal',
      'Tchéquie',
    ]);
    expect(list.queryByRole('link', { name: /Grèce/ })).not.toBeInTheDocument();
    expect(list.getByText('Grèce').closest('li')).toHaveTextContent('bientôt disponible');
    expect(list.queryByRole('link', { name: /Malte/ })).not.toBeInTheDocument();
    expect(list.getByText('Malte').closest('li')).toHaveTextContent('temporairement indisponible');

    await user.click(list.getByRole('link', { name: 'Portugal' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/recherche/pt'));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Rechercher un patient : Portugal' }),
    ).toBeInTheDocument();
  });

  it('narrows the countries by name as the professional types, whatever the accents and case', async () => {
    const user = userEvent.setup();
    server.use(...bffHandlers(professional));
    renderApp('/recherche');
    const list = await countryList();
    const filter = screen.getByRole('searchbox', { name: 'Filtrer les pays' });

    await user.type(filter, 'grece');
    expect(list.getAllByRole('listitem')).toHaveLength(1);
    expect(list.getByRole('listitem')).toHaveTextContent('Grèce');
    expect(screen.getByRole('status')).toHaveTextContent('1 pays correspond.');

    await user.clear(filter);
    await user.type(filter, 'TCHÈQ');
    expect(list.getByRole('link', { name: 'Tchéquie' })).toHaveAttribute('href', '/recherche/cz');
    expect(list.getAllByRole('listitem')).toHaveLength(1);

    await user.clear(filter);
    await user.type(filter, 'Atlantide');
    expect(list.queryAllByRole('listitem')).toHaveLength(0);
    expect(screen.getByRole('status')).toHaveTextContent('Aucun pays ne correspond à « Atlantide ».');
  });

  it('asks a visitor to log in before searching', async () => {
    server.use(...bffHandlers(null));
    renderApp('/recherche');
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion nécessaire' })).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Se connecter avec Pro Santé Connect' })[0]).toHaveAttribute(
      'href',
      '/auth/login',
    );
  });
});
