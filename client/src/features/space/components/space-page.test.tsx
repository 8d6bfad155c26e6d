import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { bffHandlers, historySample, sessionFromPersona } from '@sesali/mocks/bff-api';
import { renderApp } from '@/testing/render-app';
import { server } from '@/testing/msw-server';

describe('« Mon espace »', () => {
  it('shows who is logged in, and their consultations a page at a time, patients by initials only', async () => {
    server.use(...bffHandlers(sessionFromPersona('medecin-generaliste')));
    renderApp('/espace');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mon espace' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: /Consultations 1 à 20 sur 23/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(20);
    expect(rows[0]).toHaveTextContent(/Synthèse consultée.*Soins.*Effectué/);
    expect(rows[0]).toHaveTextContent('Croatie');
    expect(rows[0]).toHaveTextContent('I. B. (né·e en 1956)');
    expect(rows[1]).toHaveTextContent(/Document refusé \(autre patient\).*Refusé/);
    expect(rows[4]).toHaveTextContent('Urgence');
    expect(screen.getByText('Page 1 sur 2')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('link', { name: 'Page suivante' }));
    const second = await screen.findByRole('table', { name: /Consultations 21 à 23 sur 23/ });
    expect(within(second).getAllByRole('row')).toHaveLength(1 + historySample.length - 20);
    expect(screen.getByRole('link', { name: 'Page précédente' })).toBeInTheDocument();
  });

  it('is reached from the header once a situation is chosen', async () => {
    server.use(...bffHandlers(sessionFromPersona('medecin-generaliste')));
    renderApp('/');
    await userEvent.click(await screen.findByRole('link', { name: 'Mon espace' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mon espace' })).toBeInTheDocument();
  });
});
