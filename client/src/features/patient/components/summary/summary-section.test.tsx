import { render, screen } from '@testing-library/react';
import type { Section } from '@sesali/shared';
import { SummarySection } from './summary-section';

const UNPARSED_NOTE = 'La mise en forme du texte original n’a pas pu être lue : il est affiché en texte brut.';

function section(overrides: Partial<Section> = {}): Section {
  return {
    loinc: '48765-2',
    title: 'Allergies',
    titleFr: 'Allergies et intolérances',
    lang: 'fr-LU',
    narrative: [{ type: 'paragraph', children: [{ type: 'text', text: 'Allergie à la pénicilline depuis 2004' }] }],
    entries: [],
    counts: { seen: 0, mapped: 0 },
    ...overrides,
  };
}

describe('une section du résumé', () => {
  it('signale un texte original dont la mise en forme n’a pas pu être lue, avant ce texte', () => {
    const { container } = render(<SummarySection section={section({ narrativeIssue: 'unparsed' })} />);
    const note = screen.getByText(UNPARSED_NOTE);
    const narrative = container.querySelector('.sesali-narrative');
    expect(narrative).toHaveTextContent('Allergie à la pénicilline depuis 2004');
    // Above the « Texte original », on screen and on paper alike.
    const details = container.querySelector('details');
    expect(details).not.toBeNull();
    expect(note.compareDocumentPosition(details as Node) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(details).not.toContainElement(note);
  });

  it('ne dit rien de la mise en forme quand le texte original a été lu', () => {
    render(<SummarySection section={section()} />);
    expect(screen.queryByText(UNPARSED_NOTE)).not.toBeInTheDocument();
    expect(screen.getAllByText('Allergie à la pénicilline depuis 2004')).toHaveLength(2);
  });
});
