import { render, screen } from '@testing-library/react';
import type { NarrativeNode } from '@sesali/shared';
import { Narrative } from './narrative';

const text = (value: string): NarrativeNode => ({ type: 'text', text: value });

describe('le texte original d’une section', () => {
  it('rend chaque nœud autorisé comme un élément, le texte comme du texte', () => {
    const { container } = render(
      <Narrative
        nodes={[
          {
            type: 'paragraph',
            children: [
              { type: 'content', attributes: { styleCode: ['Bold'] }, children: [text('Grave')] },
              { type: 'br' },
              text('H'),
              { type: 'sub', children: [text('2')] },
              text('O m'),
              { type: 'sup', children: [text('2')] },
              { type: 'footnote', children: [text('nota')] },
            ],
          },
          { type: 'list', attributes: { listType: 'ordered' }, children: [{ type: 'item', children: [text('um')] }] },
          text('<img src=x onerror=alert(1)>'),
        ]}
      />,
    );
    expect(container.querySelector('p .sesali-narrative__bold')).toHaveTextContent('Grave');
    expect(container.querySelector('p br')).not.toBeNull();
    expect(container.querySelector('p sub')).toHaveTextContent('2');
    expect(container.querySelector('p sup')).toHaveTextContent('2');
    expect(screen.getByRole('list').tagName).toBe('OL');
    expect(screen.getByText('<img src=x onerror=alert(1)>', { exact: false })).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('rend un arbre mal formé en HTML valide, sans avertissement de React', () => {
    // An unexpected console.error fails the test: React warns about <ul> in <p> or <tr> in <table>.
    const { container } = render(
      <Narrative
        nodes={[
          { type: 'paragraph', children: [text('Lista:'), { type: 'list', children: [text('solto')] }] },
          {
            type: 'table',
            children: [
              { type: 'tr', children: [{ type: 'td', attributes: { colspan: 2 }, children: [text('linha')] }] },
              { type: 'caption', children: [text('Título')] },
              text('perdido'),
            ],
          },
        ]}
      />,
    );
    expect(container.querySelector('p ul')).toBeNull();
    expect(screen.getByText('solto').tagName).toBe('LI');
    const table = screen.getByRole('table');
    expect(table.firstElementChild?.tagName).toBe('CAPTION');
    expect(table.querySelector(':scope > tr')).toBeNull();
    expect(screen.getByText('linha')).toHaveAttribute('colspan', '2');
    expect(screen.getByText('perdido').tagName).toBe('TD');
  });

  it('dit qu’une section n’a pas de texte', () => {
    render(<Narrative nodes={[]} />);
    expect(screen.getByText('Le document ne contient pas de texte pour cette section.')).toHaveAttribute('lang', 'fr');
  });
});
