import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { apiPaths, errorCatalogue, PATIENT_SUMMARY_SECTIONS, type Section } from '@sesali/shared';
import {
  apiError,
  bffHandlers,
  sampleSummaryResponse,
  sessionFromPersona,
  summaryRefs,
  summarySample,
} from '@sesali/mocks/bff-api';
import { renderApp } from '@/testing/render-app';
import { server } from '@/testing/msw-server';

const professional = sessionFromPersona('medecin-generaliste');
const allSections = [...summarySample.sections, ...summarySample.unknownSections];
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function openSummary(ref: string = summaryRefs.withSummary) {
  server.use(...bffHandlers(professional));
  const view = renderApp(`/patient/${ref}/synthese`);
  await screen.findByRole('region', { name: 'Alertes' });
  return view;
}

function sectionRegion(section: Section): HTMLElement {
  return screen.getByRole('region', { name: new RegExp(`^${escapeRegExp(section.titleFr)}( \\(|$)`) });
}

/** The translated tables of a section, not the tables of its original text. */
function entryTables(region: HTMLElement): HTMLTableElement[] {
  return within(region)
    .queryAllByRole('table')
    .filter((table): table is HTMLTableElement => table.closest('.sesali-narrative') === null);
}

const sectionOf = (loinc: string) => allSections.find((s) => s.loinc === loinc) as Section;

/** The row group (`tbody`) of the entry whose text matches, in a section's translated tables. */
function rowGroup(loinc: string, text: string | RegExp): HTMLElement {
  const groups = entryTables(sectionRegion(sectionOf(loinc))).flatMap((table) => [...table.tBodies]);
  const matches = groups.filter((group) => within(group).queryAllByText(text).length > 0);
  expect(matches).toHaveLength(1);
  return matches[0] as HTMLElement;
}

/** The value (display and mark) a display text belongs to, in the allergies table. */
function allergyTableValue(text: string): HTMLElement {
  const region = sectionRegion(summarySample.sections.find((s) => s.loinc === '48765-2') as Section);
  const [table] = entryTables(region);
  const element = within(table as HTMLElement).getByText(text);
  return element.closest('.sesali-value') as HTMLElement;
}

describe('la synthèse médicale du patient', () => {
  it('affiche chaque entrée de chaque section, dans des tableaux traduits', async () => {
    await openSummary();
    expect(screen.getByRole('heading', { level: 1, name: 'Synthèse médicale du patient' })).toBeInTheDocument();
    for (const section of allSections) {
      const region = sectionRegion(section);
      const tables = entryTables(region);
      // One row group per entry, past ones included: nothing hidden, nothing merged. An absence statement is
      // a sentence, not a row.
      const rendered = tables.reduce((sum, table) => sum + table.tBodies.length, 0);
      const absences = section.entries.filter((e) => e.type === 'knownAbsence').length;
      expect({
        section: section.titleFr,
        entries: rendered,
        absences: region.querySelectorAll('.sesali-absence').length,
      }).toEqual({
        section: section.titleFr,
        entries: section.entries.length - absences,
        absences,
      });
      for (const table of tables) {
        expect(table.querySelector('caption')?.textContent).not.toBe('');
        for (const header of table.tHead?.querySelectorAll('th') ?? []) expect(header).toHaveAttribute('scope', 'col');
      }
      // Every measure of a group of observations has its row.
      for (const entry of section.entries) {
        if (entry.type !== 'result' && entry.type !== 'vitalSign' && entry.type !== 'functionalStatus') continue;
        for (const observation of entry.observations) {
          expect(within(region).getAllByText(observation.code.display.text).length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('donne aux tableaux des en-têtes de colonnes français adaptés aux entrées', async () => {
    await openSummary();
    const headersOf = (loinc: string) => {
      const [table] = entryTables(sectionRegion(allSections.find((s) => s.loinc === loinc) as Section));
      return [...(table?.tHead?.querySelectorAll('th') ?? [])].map((th) => th.textContent);
    };
    expect(headersOf('48765-2')).toEqual([
      'Agent',
      'Type',
      'Réactions',
      'Sévérité',
      'Criticité',
      'Statut',
      'Certitude',
      'Début',
    ]);
    expect(headersOf('10160-0')).toEqual([
      'Médicament',
      'Principes actifs et dosages',
      'Forme',
      'Voie',
      'Posologie',
      'Période',
      'Motif',
    ]);
    expect(headersOf('11450-4')).toEqual(['Problème', 'Début', 'Résolution', 'Statut', 'Évolution']);
    expect(headersOf('30954-2')).toEqual([
      'Examen',
      'Valeur',
      'Unité',
      'Intervalle de référence',
      'Interprétation',
      'Date',
    ]);
  });

  it('montre les deux principes actifs d’un médicament et sa posologie en français', async () => {
    await openSummary();
    const region = sectionRegion(allSections.find((s) => s.loinc === '10160-0') as Section);
    const [table] = entryTables(region);
    const zestoretic = within(table as HTMLElement)
      .getByText(/Zestoretic/)
      .closest('tr') as HTMLElement;
    expect(zestoretic).toHaveTextContent('lisinopril : 20 milligramme / 1 comprimé');
    expect(zestoretic).toHaveTextContent('hydrochlorothiazide : 12,5 milligramme / 1 comprimé');
    expect(zestoretic).toHaveTextContent('Fréquence : toutes les 24 heures');
    expect(zestoretic).toHaveTextContent('depuis 01/06/2019');
  });

  it('ne laisse aucune cellule vide : une donnée absente se lit « — », « non renseigné »', async () => {
    await openSummary();
    let missing = 0;
    for (const section of allSections) {
      for (const table of entryTables(sectionRegion(section))) {
        for (const cell of table.querySelectorAll('td')) {
          expect(cell.textContent?.trim()).not.toBe('');
          if (cell.textContent === '—non renseigné') missing += 1;
        }
      }
    }
    expect(missing).toBeGreaterThan(0);
  });

  it('signale les valeurs en anglais et non traduites, et montre leur code', async () => {
    const user = userEvent.setup();
    await openSummary();

    const english = allergyTableValue('Eggs (edible)');
    expect(within(english).getByText('Eggs (edible)')).toHaveAttribute('lang', 'en-GB');
    const englishMark = within(english).getByText('en anglais');
    expect(englishMark).toBeVisible();
    const code = within(english).getAllByText('Code 102263004 — SNOMED CT')[0] as HTMLElement;
    expect(code).not.toBeVisible();
    await user.click(englishMark);
    expect(code).toBeVisible();

    const untranslated = allergyTableValue('Prurido oral');
    expect(within(untranslated).getByText('Prurido oral')).toHaveAttribute('lang', 'pt-PT');
    expect(within(untranslated).getByText('non traduit')).toBeVisible();
    // A code system without a name is shown by its OID.
    expect(within(untranslated).getAllByText('Code PRU-ORAL — 2.16.620.1.101.10.4.1').length).toBeGreaterThan(0);

    // French and missing values carry no mark.
    expect(within(allergyTableValue('Pénicilline')).queryByText(/en anglais|non traduit/)).toBeNull();
    expect(within(allergyTableValue('Inconnu (UNK)')).queryByText(/en anglais|non traduit/)).toBeNull();

    const legend = screen.getByRole('region', { name: 'Lire les valeurs traduites' });
    expect(within(legend).getByText('Sans marque')).toBeVisible();
    expect(within(legend).getByText('en anglais')).toBeVisible();
    expect(within(legend).getByText('non traduit')).toBeVisible();
  });

  it('met en avant une allergie de criticité élevée dans la zone d’alertes', async () => {
    await openSummary();
    const alerts = screen.getByRole('region', { name: 'Alertes' });
    const items = within(alerts).getAllByRole('listitem');
    const penicillin = items.find((item) => within(item).queryByText('Pénicilline')) as HTMLElement;
    const eggs = items.find((item) => within(item).queryByText('Eggs (edible)')) as HTMLElement;
    expect(items[0]).toBe(penicillin);
    expect(within(penicillin).getByText('Criticité élevée')).toHaveClass('fr-badge--error');
    expect(within(eggs).queryByText('Criticité élevée')).toBeNull();
    // And in the allergies table.
    expect(allergyTableValue('Risque élevé').closest('td')).toHaveTextContent('Criticité élevée');
  });

  it('signale une réaction sévère d’après le modèle, jamais d’après le texte affiché', async () => {
    await openSummary();
    const alerts = screen.getByRole('region', { name: 'Alertes' });
    const [current] = within(alerts).getAllByRole('list');
    const items = within(current as HTMLElement).getAllByRole('listitem');
    const itemOf = (text: string) => items.find((item) => within(item).queryByText(text)) as HTMLElement;
    // The BFF set risk 'severeReaction' from the SNOMED CT code of the reaction's severity.
    const ibuprofen = itemOf('Ibuprofène');
    expect(within(ibuprofen).getByText('Réaction sévère')).toHaveClass('fr-badge--error');
    expect(ibuprofen).toHaveClass('sesali-alert--high');
    // Its display says « Sévère » and « Élevée », its codes do not: no risk, no badge.
    const kiwi = itemOf('Kiwi');
    expect(within(kiwi).queryByText(/Réaction sévère|Criticité élevée/)).toBeNull();
    expect(kiwi).not.toHaveClass('sesali-alert--high');
    expect(within(rowGroup('48765-2', 'Kiwi')).queryByText('Criticité élevée')).toBeNull();
    // Flagged allergies first, then the others in the document's order.
    expect(items.slice(0, 4).map((item) => item.querySelector('.fr-text--bold [lang]')?.textContent)).toEqual([
      'Pénicilline',
      'Ibuprofène',
      'Eggs (edible)',
      'Kiwi',
    ]);
  });

  it('met à part les allergies passées, sans style d’alerte', async () => {
    await openSummary();
    const alerts = screen.getByRole('region', { name: 'Alertes' });
    const past = within(alerts).getByRole('list', { name: 'Allergies passées ou inactives' });
    expect(within(past).getByText('Sulfamide')).toBeInTheDocument();
    expect(past.querySelector('.sesali-alert, .fr-badge--error')).toBeNull();
    // Not among the alerts, though the BFF found a severe reaction.
    const [current] = within(alerts).getAllByRole('list');
    expect(within(current as HTMLElement).queryByText('Sulfamide')).toBeNull();
    expect(
      within(alerts)
        .getByRole('heading', { level: 3, name: 'Allergies passées ou inactives' })
        .compareDocumentPosition(current as HTMLElement) & Node.DOCUMENT_POSITION_PRECEDING,
    ).toBeTruthy();
  });

  it('dit une absence déclarée en une phrase, ni alerte ni ligne de tableau', async () => {
    await openSummary();
    const alerts = screen.getByRole('region', { name: 'Alertes' });
    const statement = within(alerts).getByText('Aucune allergie environnementale connue');
    expect(statement.closest('li')).toBeNull();
    expect(statement.closest('.sesali-absence')).not.toBeNull();
    expect(within(alerts).queryByText('Absence déclarée')).toBeNull();

    const section = sectionRegion(sectionOf('48765-2'));
    const sentence = within(section).getByText('Aucune allergie environnementale connue', {
      selector: '.sesali-absence *',
    });
    expect(sentence.closest('table')).toBeNull();
    for (const table of entryTables(section)) expect(table).not.toHaveTextContent('Aucune allergie environnementale');
  });

  it('montre les alertes médicales de la section allergies', async () => {
    await openSummary();
    const alerts = screen.getByRole('region', { name: 'Alertes' });
    const medical = within(alerts).getByText('Doente sob anticoagulação oral (varfarina).');
    expect(medical).toHaveAttribute('lang', 'pt-PT');
    expect(medical.closest('li')).toHaveTextContent('Alerte médicale');
  });

  it('rend le texte original en éléments, fermé par défaut, sans jamais exécuter de balise', async () => {
    const view = await openSummary();
    const region = sectionRegion(summarySample.sections.find((s) => s.loinc === '48765-2') as Section);
    const toggle = within(region).getByText('Texte original (portugais européen, non traduit)', {
      selector: 'summary',
    });
    const details = toggle.closest('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);

    const narrative = details.querySelector('.sesali-narrative') as HTMLElement;
    expect(narrative).toHaveAttribute('lang', 'pt-PT');
    expect(within(narrative).getByRole('table')).toHaveTextContent('Alergias e intolerâncias');
    expect(within(narrative).getByRole('list')).toBeInTheDocument();
    expect(within(narrative).getByText('<script>alert(1)</script>').tagName).toBe('LI');
    expect(narrative.querySelector('sub')).toHaveTextContent('2');
    expect(narrative.querySelector('sup')).toHaveTextContent('2');
    expect(narrative).toHaveTextContent('Teste realizado no Hospital de Santa Maria.');
    expect(view.container.querySelector('script')).toBeNull();

    // The print copy is always open.
    const printed = region.querySelector('.sesali-print-only .sesali-narrative') as HTMLElement;
    expect(printed.closest('details')).toBeNull();
    expect(printed).toHaveTextContent('<script>alert(1)</script>');
  });

  it('présente les sections dans l’ordre de l’outil d’affichage, puis les sections inconnues', async () => {
    await openSummary();
    const titles = screen
      .getAllByRole('heading', { level: 2 })
      .map((heading) => heading.textContent ?? '')
      .filter((title) => allSections.some((s) => title.startsWith(s.titleFr)));
    const expected = [
      ...PATIENT_SUMMARY_SECTIONS.map(({ loinc }) => summarySample.sections.find((s) => s.loinc === loinc)?.titleFr),
      ...summarySample.unknownSections.map((s) => s.titleFr),
    ];
    expect(titles.map((title) => expected.find((t) => t && title.startsWith(t)))).toEqual(expected);
    // The original title is beside the French one, in its language.
    expect(screen.getByText('(Alergias e reações adversas)')).toHaveAttribute('lang', 'pt-PT');
  });

  it('présente le patient, le document, son auteur et les contacts', async () => {
    await openSummary();
    const banner = screen.getByRole('region', { name: 'Patient et document' });
    for (const text of [
      'Maria SILVA SANTOS',
      '14/03/1985',
      'Femme',
      'Portugal',
      '02/10/2026 10:15 (UTC+01:00)',
      '123456789 (Portugal — Número de utente (SNS))',
      'LX-44821 (OID 2.16.620.1.101.10.1.9)',
      'Identité vérifiée : identifiant commun',
      'portugais européen',
      'SPMS — Serviços Partilhados do Ministério da Saúde',
    ]) {
      expect(within(banner).getByText(text)).toBeInTheDocument();
    }
    expect(within(banner).getByText(/Dra\. Ana COSTA/, { selector: 'dd *' })).toBeInTheDocument();
    expect(within(banner).getByText('Auteur').nextElementSibling).toHaveTextContent(
      '— le 01/10/2026 17:40 (UTC+01:00)',
    );
    expect(within(banner).getByRole('heading', { level: 3, name: 'Contacts' })).toBeInTheDocument();
    expect(within(banner).getByText('João SANTOS')).toBeInTheDocument();
  });

  it('dit la vérification par nom et date de naissance, et date le document par l’index à défaut', async () => {
    server.use(...bffHandlers(professional));
    const { summary } = sampleSummaryResponse;
    const { creationDate: _creationDate, ...header } = summary.header;
    server.use(
      http.get(apiPaths.summary(':ref'), () =>
        HttpResponse.json({
          ...sampleSummaryResponse,
          summary: { ...summary, header },
          source: { ...sampleSummaryResponse.source, documentDate: '2026-09-30' },
          identityCheck: { method: 'nameAndBirthDate', compared: ['familyName', 'birthDate'] },
        }),
      ),
    );
    renderApp(`/patient/${summaryRefs.withSummary}/synthese`);
    const banner = await screen.findByRole('region', { name: 'Patient et document' });
    expect(within(banner).getByText('Identité vérifiée : nom de famille et date de naissance')).toBeInTheDocument();
    expect(within(banner).getByText('Date du document').nextElementSibling).toHaveTextContent('30/09/2026');
  });

  it('met les traitements et problèmes passés après les actuels, dans un groupe fermé', async () => {
    await openSummary();
    const medications = sectionRegion(sectionOf('10160-0'));
    const pastMedications = within(medications).getByText('Traitements passés (1)', { selector: 'summary' });
    const group = pastMedications.closest('details') as HTMLDetailsElement;
    expect(group.open).toBe(false);
    expect(within(group).getByText('Omeprazol 20 mg cápsulas')).not.toBeVisible();
    expect(group.querySelectorAll('tbody')).toHaveLength(1);
    const [current] = entryTables(medications);
    expect(current?.closest('details')).toBeNull();
    expect(current?.querySelector('caption')).toHaveTextContent('Médicaments (2)');
    expect(current).not.toHaveTextContent('Omeprazol');

    const problems = sectionRegion(sectionOf('11450-4'));
    const pastProblems = within(problems).getByText('Problèmes passés ou résolus (1)', { selector: 'summary' });
    expect(
      within(pastProblems.closest('details') as HTMLElement).getByText('Anémie par carence en fer'),
    ).not.toBeVisible();
    // The history of past illness is past by definition: shown in full.
    const history = sectionRegion(sectionOf('11348-0'));
    expect(history.querySelector('details.sesali-past')).toBeNull();
    expect(within(history).getByText('Tuberculosis of lung')).toBeVisible();
  });

  it('écrit chaque médicament une fois, avec sa classe, sa dose lisible et sa posologie en texte', async () => {
    await openSummary();
    const zestoretic = rowGroup('10160-0', 'Zestoretic 20 mg + 12,5 mg comprimidos');
    expect(zestoretic.textContent?.split('Zestoretic 20 mg + 12,5 mg comprimidos')).toHaveLength(2);
    expect(zestoretic).toHaveTextContent('Classe : Lisinopril et diurétiques');

    // A lower bound only, in UCUM "1": the dose form, no « unité », no « ≥ ».
    const varfine = rowGroup('10160-0', 'Varfine 5 mg comprimidos');
    expect(varfine).toHaveTextContent('Dose : 1 comprimé');
    expect(varfine).not.toHaveTextContent(/unité|≥/);
    expect(within(varfine).getByText('Dose ajustada ao INR, ver plano de anticoagulação.')).toHaveAttribute(
      'lang',
      'pt-PT',
    );

    // No unit at all: « 2 gélules »; a substance nobody names reads as the document names it; the missing
    // frequency is said once.
    const omeprazole = rowGroup('10160-0', 'Omeprazol 20 mg cápsulas');
    expect(omeprazole).toHaveTextContent('Dose : 2 gélules');
    expect(omeprazole).toHaveTextContent('omeprazol : 20 milligramme / 1 gélule');
    expect(omeprazole).not.toHaveTextContent('Terme non fourni');
    expect(omeprazole.textContent?.match(/Inconnu \(UNK\)/g)).toHaveLength(1);
  });

  it('écrit statuts, intentions et rôles des contacts comme la terminologie les nomme', async () => {
    await openSummary();
    expect(rowGroup('10160-0', 'Zestoretic 20 mg + 12,5 mg comprimidos')).toHaveTextContent('Statut : En cours');
    expect(rowGroup('47519-4', 'Appendicectomie')).toHaveTextContent('Terminé');
    const consultation = rowGroup('18776-5', 'Consulta de cardiologia');
    expect(consultation).toHaveTextContent('Consultation');
    expect(consultation).toHaveTextContent('Rendez-vous pris');
    expect(consultation).toHaveTextContent('En cours');
    const banner = screen.getByRole('region', { name: 'Patient et document' });
    expect(within(banner).getByText('João SANTOS').closest('.sesali-value')).toHaveTextContent(
      "João SANTOS — Époux (Personne à prévenir en cas d'urgence)",
    );
  });

  it('montre les commentaires d’une entrée dans son groupe de lignes, non traduits', async () => {
    await openSummary();
    const penicillin = rowGroup('48765-2', 'Pénicilline');
    const comment = within(penicillin).getByText('Reação documentada no serviço de urgência.');
    expect(comment).toHaveAttribute('lang', 'pt-PT');
    expect(comment.closest('.sesali-comment')).toHaveTextContent('Commentaire : Reação documentada');
    expect(rowGroup('10160-0', 'Varfine 5 mg comprimidos')).toHaveTextContent(
      'Commentaire : Doente informada sobre as interações alimentares.',
    );
  });

  it('est en lecture seule : ni champ de saisie, ni autre bouton que l’impression', async () => {
    const view = await openSummary();
    expect(view.container.querySelectorAll('input, textarea, select')).toHaveLength(0);
    const main = screen.getByRole('main');
    expect(
      within(main)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Imprimer la synthèse']);

    const print = window.print.bind(window);
    let printed = 0;
    window.print = () => {
      printed += 1;
    };
    try {
      await userEvent.setup().click(within(main).getByRole('button', { name: 'Imprimer la synthèse' }));
    } finally {
      window.print = print;
    }
    expect(printed).toBe(1);
  });

  it('prépare l’impression : en-tête du patient et mention de traduction', async () => {
    await openSummary();
    const header = document.querySelector('.sesali-print-header');
    expect(header).toHaveTextContent('Synthèse médicale — Maria SILVA SANTOS');
    expect(header).toHaveTextContent('Date de naissance : 14/03/1985 — Pays d’origine : Portugal');
    expect(
      screen.getByText(
        'Les données codées ont été traduites en français à partir du document du pays d’origine ; le texte original n’a pas été traduit.',
      ),
    ).toBeInTheDocument();
  });

  it('propose le document original quand le pays en a envoyé un', async () => {
    await openSummary();
    const link = screen.getByRole('link', { name: /Document original \(PDF\)/ });
    expect(link).toHaveAttribute('href', apiPaths.original(summaryRefs.withSummary));
    expect(link).toHaveAttribute('target', '_blank');
  });

  it('ne propose pas de document original quand il n’y en a pas', async () => {
    server.use(...bffHandlers(professional));
    server.use(
      http.get(apiPaths.summary(':ref'), () =>
        HttpResponse.json({
          ...sampleSummaryResponse,
          source: { ...sampleSummaryResponse.source, originalPdf: false },
        }),
      ),
    );
    renderApp(`/patient/${summaryRefs.withSummary}/synthese`);
    await screen.findByRole('region', { name: 'Alertes' });
    expect(screen.queryByRole('link', { name: /Document original/ })).toBeNull();
  });

  it('annonce le chargement de la synthèse', async () => {
    server.use(...bffHandlers(professional));
    server.use(
      http.get(apiPaths.summary(':ref'), async () => {
        await delay(50);
        return HttpResponse.json(sampleSummaryResponse);
      }),
    );
    renderApp(`/patient/${summaryRefs.withSummary}/synthese`);
    expect(await screen.findByText('Chargement de la synthèse…')).toBeInTheDocument();
    await screen.findByRole('region', { name: 'Alertes' });
  });

  it('renvoie vers le consentement quand il n’a pas été recueilli', async () => {
    server.use(...bffHandlers(professional));
    renderApp(`/patient/${summaryRefs.consentRequired}/synthese`);
    expect(await screen.findByRole('alert')).toHaveTextContent(errorCatalogue.consent_required.message);
    expect(screen.getByRole('link', { name: 'Recueillir le consentement du patient' })).toHaveAttribute(
      'href',
      `/patient/${summaryRefs.consentRequired}/consentement`,
    );
  });

  it('donne le message du service et ramène à la recherche pour les autres échecs', async () => {
    server.use(...bffHandlers(professional));
    server.use(http.get(apiPaths.summary(':ref'), () => apiError('contact_point_timeout')));
    renderApp(`/patient/${summaryRefs.withSummary}/synthese`);
    expect(await screen.findByRole('alert')).toHaveTextContent(errorCatalogue.contact_point_timeout.message);
    expect(screen.getByRole('link', { name: 'Rechercher un patient' })).toHaveAttribute('href', '/recherche');
  });

  it('propose le document original quand la synthèse structurée est illisible', async () => {
    server.use(...bffHandlers(professional));
    const message = 'Le document transmis par le pays du patient est illisible ou incomplet.';
    server.use(
      http.get(apiPaths.summary(':ref'), () =>
        HttpResponse.json({ code: 'document_unreadable', message }, { status: 502 }),
      ),
    );
    renderApp(`/patient/${summaryRefs.withSummary}/synthese`);
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByRole('link', { name: /Document original \(PDF\)/ })).toHaveAttribute(
      'href',
      apiPaths.original(summaryRefs.withSummary),
    );
    expect(screen.getByRole('link', { name: 'Rechercher un patient' })).toHaveAttribute('href', '/recherche');
  });

  it('nomme le logiciel quand l’auteur du document est un dispositif', async () => {
    server.use(...bffHandlers(professional));
    const { summary } = sampleSummaryResponse;
    server.use(
      http.get(apiPaths.summary(':ref'), () =>
        HttpResponse.json({
          ...sampleSummaryResponse,
          summary: {
            ...summary,
            header: {
              ...summary.header,
              authors: [
                {
                  kind: 'device',
                  identifiers: [],
                  device: { softwareName: 'SClínico', manufacturerModelName: 'SPMS' },
                  addresses: [],
                  telecoms: [],
                },
              ],
            },
          },
        }),
      ),
    );
    renderApp(`/patient/${summaryRefs.withSummary}/synthese`);
    const banner = await screen.findByRole('region', { name: 'Patient et document' });
    expect(within(banner).getByText('Auteur').nextElementSibling).toHaveTextContent('Logiciel : SClínico');
  });

  it('refuse une référence de patient mal formée sans interroger le service', async () => {
    server.use(...bffHandlers(professional));
    renderApp('/patient/<b>/synthese');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Patient introuvable dans cette session' }),
    ).toBeInTheDocument();
  });
});
