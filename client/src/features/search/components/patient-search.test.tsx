import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { apiPaths, errorCatalogue } from '@sesali/shared';
import { bffHandlers, sessionFromPersona } from '@sesali/mocks/bff-api';
import { renderApp } from '@/testing/render-app';
import { server } from '@/testing/msw-server';

const professional = sessionFromPersona('medecin-generaliste');
const PT_NUMBER = /Numéro d’utilisateur du service national de santé/;

/** Counts the searches that reach the BFF, then lets the BFF's handler answer. */
function countSearches() {
  const sent: unknown[] = [];
  server.use(
    http.post(apiPaths.patientSearch, async ({ request }) => {
      sent.push(await request.clone().json());
    }),
  );
  return sent;
}

async function openSearch(url: string, options: Parameters<typeof bffHandlers>[1] = {}) {
  server.use(...bffHandlers(professional, options));
  const user = userEvent.setup();
  const app = renderApp(url);
  await screen.findByRole('heading', { level: 1, name: /^Rechercher un patient : / });
  return { user, ...app };
}

async function searchPortugal(value: string) {
  const opened = await openSearch('/recherche/pt');
  const sent = countSearches();
  const input = screen.getByRole('textbox', { name: PT_NUMBER });
  await opened.user.type(input, value);
  await opened.user.click(screen.getByRole('button', { name: 'Rechercher le patient' }));
  return { ...opened, input, sent };
}

/** Nowhere the identifier may be kept: the URL, web storage, the query cache's keys. */
function expectIdentifierNowhere(
  value: string,
  { router, queryClient }: Pick<ReturnType<typeof renderApp>, 'router' | 'queryClient'>,
) {
  const { pathname, search, hash } = router.state.location;
  expect(`${pathname}${search}${hash}`).not.toContain(value);
  expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain(value);
  const keys = queryClient
    .getQueryCache()
    .getAll()
    .map((query) => query.queryKey);
  expect(JSON.stringify(keys)).not.toContain(value);
}

describe('patient search form', () => {
  it('shows each field with its national name, and where to find the identifier on the card', async () => {
    const { user } = await openSearch('/recherche/pt');
    const input = screen.getByRole('textbox', { name: PT_NUMBER });
    expect(input).toHaveAccessibleName(/Número de utente de Saúde/);
    expect(input).toHaveAttribute('autocomplete', 'off');

    const help = screen.getByRole('button', { name: 'Où trouver cet identifiant ?' });
    expect(help).toHaveAttribute('aria-expanded', 'false');
    await user.click(help);
    expect(help).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('img', { name: /^Exemple de carte/ })).toHaveAttribute(
      'src',
      expect.stringMatching(/^data:image\/png;base64,/),
    );
  });

  it('refuses an empty mandatory field in French, focuses it, and sends nothing', async () => {
    const { user } = await openSearch('/recherche/pt');
    const sent = countSearches();
    await user.click(screen.getByRole('button', { name: 'Rechercher le patient' }));

    const input = screen.getByRole('textbox', { name: PT_NUMBER });
    expect(input).toHaveAccessibleDescription(
      'Numéro d’utilisateur du service national de santé : ce champ est obligatoire.',
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveFocus();
    expect(sent).toHaveLength(0);
  });

  it('refuses a value that does not have the country’s format', async () => {
    const { input, sent } = await searchPortugal('12345');
    expect(input).toHaveAccessibleDescription(
      'Numéro d’utilisateur du service national de santé n’a pas le format attendu par ce pays.',
    );
    expect(sent).toHaveLength(0);
  });

  it('shows per-field messages the BFF sends back', async () => {
    const { user } = await openSearch('/recherche/pt');
    server.use(
      http.post(apiPaths.patientSearch, () =>
        HttpResponse.json(
          {
            code: 'invalid_request',
            message: 'La requête est invalide.',
            fields: { 'id:2.16.620.1.101.10.1.1': 'Numéro refusé par le pays.' },
          },
          { status: 400 },
        ),
      ),
    );
    const input = screen.getByRole('textbox', { name: PT_NUMBER });
    await user.type(input, '123456789');
    await user.click(screen.getByRole('button', { name: 'Rechercher le patient' }));
    await waitFor(() => expect(input).toHaveAccessibleDescription('Numéro refusé par le pays.'));
    expect(input).toHaveFocus();
  });

  it('switches the fields with the type of identifier of a CHOICE mask, and sends only the chosen ones', async () => {
    const { user, router } = await openSearch('/recherche/es');
    const sent = countSearches();
    const types = screen.getByRole('group', { name: /Type d’identifiant/ });
    expect(within(types).getAllByRole('radio')).toHaveLength(2);
    expect(screen.getByRole('textbox', { name: /Identifiant personnel régional \(CIP\)/ })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Code de la communauté autonome/ })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /CIP-SNS/ })).not.toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: /Identifiant personnel régional/ }), 'XYZ');
    await user.click(screen.getByRole('radio', { name: 'Identifiant national (CIP-SNS)' }));
    expect(screen.queryByRole('textbox', { name: /Identifiant personnel régional/ })).not.toBeInTheDocument();
    await user.type(
      screen.getByRole('textbox', { name: /Identifiant personnel national \(CIP-SNS\)/ }),
      'BBBBBBBBBB123456',
    );
    await user.click(screen.getByRole('button', { name: 'Rechercher le patient' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/patient/es-javier-martinez-001'));
    expect(await screen.findByTestId('patient-identity')).toHaveTextContent('MARTÍNEZ RUIZ');
    expect(sent).toEqual([{ countryCode: 'ES', group: 1, values: { 'id:2.16.724.4.40': 'BBBBBBBBBB123456' } }]);
  });

  it('asks for the mandatory birth date of a country that wants it, with an optional sex', async () => {
    const { user, router } = await openSearch('/recherche/cy', { statuses: { CY: 'live' } });
    await user.type(screen.getByRole('textbox', { name: /Numéro de carte d’identité/ }), '1234567');
    await user.click(screen.getByRole('button', { name: 'Rechercher le patient' }));
    const birthDate = screen.getByLabelText(/^Date de naissance/);
    expect(birthDate).toHaveAttribute('type', 'date');
    expect(birthDate).toHaveAccessibleDescription('Date de naissance : ce champ est obligatoire.');
    expect(birthDate).toHaveFocus();

    await user.type(birthDate, '1980-05-17');
    await user.selectOptions(screen.getByRole('combobox', { name: /Sexe \(facultatif\)/ }), 'Non précisé');
    await user.click(screen.getByRole('button', { name: 'Rechercher le patient' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/patient/cy-andreas-georgiou-01'));
    expect(await screen.findByTestId('patient-identity')).toHaveTextContent('17/05/1980');
  });
});

describe('patient search results', () => {
  it('goes straight to the confirmation of the one patient found, identifier nowhere kept', async () => {
    const app = await searchPortugal('123456789');
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/patient/pt-maria-santos-0001'));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Confirmer l’identité du patient' }),
    ).toBeInTheDocument();
    const identity = screen.getByTestId('patient-identity');
    for (const [term, value] of [
      ['Prénom', 'Maria'],
      ['Nom', 'SILVA SANTOS'],
      ['Date de naissance', '14/03/1985'],
      ['Sexe', 'Femme'],
      ['Adresse', 'Rua Augusta 100, 1100-053 Lisboa'],
      ['Pays', 'Portugal'],
    ]) {
      expect(within(identity).getByText(term as string).nextElementSibling).toHaveTextContent(value as string);
    }
    expect(screen.getByRole('link', { name: 'Confirmer et recueillir le consentement' })).toHaveAttribute(
      'href',
      '/patient/pt-maria-santos-0001/consentement',
    );
    expect(screen.getByRole('link', { name: 'Ce n’est pas ce patient' })).toHaveAttribute('href', '/recherche');
    expect(app.sent).toEqual([{ countryCode: 'PT', group: 0, values: { 'id:2.16.620.1.101.10.1.1': '123456789' } }]);
    expectIdentifierNowhere('123456789', app);
  });

  it('lists several matching patients and lets the professional pick one', async () => {
    const app = await searchPortugal('222222222');
    const heading = await screen.findByRole('heading', {
      level: 2,
      name: '2 patients correspondent à votre recherche',
    });
    await waitFor(() => expect(heading).toHaveFocus());
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('João FERREIRA01/07/1950HommeRua de Santa Catarina 12, 4000-442 Porto');
    expect(rows[2]).toHaveTextContent('João FERREIRA23/11/1978HommeNon renseigné');
    expectIdentifierNowhere('222222222', app);

    await app.user.click(screen.getByRole('link', { name: 'C’est ce patient : João FERREIRA, 23/11/1978' }));
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/patient/pt-joao-ferreira-0002'));
    expect(await screen.findByTestId('patient-identity')).toHaveTextContent('23/11/1978');
  });

  it('explains a patient not found with the FAQ’s conditions, and keeps what was typed', async () => {
    const app = await searchPortugal('000000000');
    const failure = await screen.findByTestId('search-failure');
    expect(within(failure).getByRole('heading', { level: 2, name: 'Aucun patient trouvé' })).toBeInTheDocument();
    expect(failure).toHaveTextContent(errorCatalogue.patient_not_found.message);
    expect(failure).toHaveTextContent('ayant activé le service (selon les pays) ;');
    expect(failure).toHaveTextContent('ayant une synthèse médicale stockée dans l’infrastructure de son pays.');
    expect(within(failure).getByRole('link', { name: /Vous ne trouvez pas le patient/ })).toHaveAttribute(
      'href',
      '/aide#patient-introuvable',
    );
    await waitFor(() => expect(failure).toHaveFocus());
    expect(app.input).toHaveValue('000000000');
    expect(app.router.state.location.pathname).toBe('/recherche/pt');
    expectIdentifierNowhere('000000000', app);
  });

  it.each([
    ['333333333', 'patient_not_activated'],
    ['999999999', 'contact_point_timeout'],
    ['555555555', 'contact_point_error'],
  ] as const)('shows the BFF’s French message for %s (%s), and the value stays', async (value, code) => {
    const app = await searchPortugal(value);
    expect(await screen.findByTestId('search-failure')).toHaveTextContent(errorCatalogue[code].message);
    expect(screen.queryByText(/Vous ne trouvez pas le patient/)).not.toBeInTheDocument();
    expect(app.input).toHaveValue(value);

    // Corrected and searched again: the failure goes, the search goes on.
    await app.user.clear(app.input);
    await app.user.type(app.input, '123456789');
    await app.user.click(screen.getByRole('button', { name: 'Rechercher le patient' }));
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/patient/pt-maria-santos-0001'));
    expect(await screen.findByTestId('patient-identity')).toHaveTextContent('SILVA SANTOS');
  });

  it('says so when the country’s search is down for now', async () => {
    server.use(...bffHandlers(professional, { statuses: { PT: 'unavailable' } }));
    renderApp('/recherche/pt');
    expect(await screen.findByRole('alert')).toHaveTextContent(errorCatalogue.country_unavailable.message);
    expect(screen.getByRole('link', { name: 'Choisir un autre pays' })).toHaveAttribute('href', '/recherche');
  });

  it('does not offer a country whose patients cannot be searched', async () => {
    server.use(...bffHandlers(professional));
    renderApp('/recherche/gr');
    expect(await screen.findByRole('heading', { level: 1, name: 'Pays non proposé' })).toBeInTheDocument();
  });
});
