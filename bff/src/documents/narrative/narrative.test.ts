import { narrativeNodeTypes, type NarrativeNode } from '@sesali/shared';
import { parseCdaPatientSummary } from '../cda/parse-cda';
import { fhirNarrative } from '../fhir/parse-fhir';
import { allNarrativeNodes, cdaDocument, cdaSection, narrativeNodes } from '../testing/fixtures';
import { readXml } from '../xml/xml-tree';
import { cdaNarrative, narrativeText, xhtmlNarrative } from './narrative';

const ALLOWED_TYPES = new Set<string>(narrativeNodeTypes);
const ALLOWED_ATTRIBUTES = new Set(['id', 'listType', 'colspan', 'rowspan', 'styleCode']);

const HOSTILE_CDA = `
  <paragraph ID="p1" onclick="steal()" style="background:url(javascript:alert(1))">Patient <content styleCode="Bold xss" onmouseover="x()">allergic</content> to penicillin</paragraph>
  <script>alert('script')</script>
  <iframe src="https://evil.example/">iframe text</iframe>
  <object data="evil.swf"><param name="a" value="b"/>object text</object>
  <style>p { width: expression(alert('style')) }</style>
  <linkHtml href="javascript:alert('link')">Click me</linkHtml>
  <renderMultiMedia referencedObject="MM1"><caption>An X-ray</caption></renderMultiMedia>
  <table border="1" onload="x()"><tbody><tr><td colspan="2" rowspan="abc" onclick="y()">cell</td></tr></tbody></table>
  <list listType="ordered"><item>first</item><item><content ID="c2">second</content></item></list>`;

function assertInert(nodes: NarrativeNode[]): void {
  for (const node of narrativeNodes(nodes)) {
    expect(ALLOWED_TYPES.has(node.type)).toBe(true);
    for (const key of Object.keys(node.attributes ?? {})) expect(ALLOWED_ATTRIBUTES.has(key)).toBe(true);
    if (node.type !== 'text') expect(node.text).toBeUndefined();
  }
  const json = JSON.stringify(nodes);
  expect(json).not.toMatch(/javascript:|onclick|onmouseover|onload|<script|<iframe|https:\/\/evil/i);
}

const texts = (nodes: NarrativeNode[]): string => nodes.map(narrativeText).join(' ');

describe('CDA narrative', () => {
  it('lets no hostile element or attribute through, and keeps their text as inert text', () => {
    const summary = parseCdaPatientSummary(cdaDocument(cdaSection('48765-2', 'Allergies', HOSTILE_CDA)));
    const nodes = summary.sections[0]?.narrative ?? [];
    assertInert(nodes);
    const all = texts(nodes);
    expect(all).toContain("alert('script')");
    expect(all).toContain('iframe text');
    expect(all).toContain('object text');
    expect(all).toContain("expression(alert('style'))");
    expect(all).toContain('Click me');
    expect(all).toContain('An X-ray');
    expect(all).toContain('Patient allergic to penicillin');
  });

  it('finds nothing for element names that are properties of every JavaScript object', () => {
    const summary = parseCdaPatientSummary(
      cdaDocument(
        cdaSection(
          '__proto__',
          'constructor',
          '<constructor>a</constructor> <__proto__>b</__proto__> <toString>c</toString> <hasOwnProperty/>',
        ),
      ),
    );
    const [section] = summary.unknownSections;
    assertInert(section?.narrative ?? []);
    expect(section?.titleFr).toBe('constructor');
    expect(texts(section?.narrative ?? [])).toBe('a b c');
  });

  it('keeps the whitelisted structure: ids, style codes, spans, list type', () => {
    const summary = parseCdaPatientSummary(cdaDocument(cdaSection('48765-2', 'Allergies', HOSTILE_CDA)));
    const nodes = allNarrativeNodes(summary);
    expect(nodes.find((node) => node.attributes?.id === 'p1')?.type).toBe('paragraph');
    expect(nodes.find((node) => node.type === 'content' && node.attributes?.styleCode)?.attributes).toEqual({
      styleCode: ['Bold'],
    });
    expect(nodes.find((node) => node.type === 'td')?.attributes).toEqual({ colspan: 2 });
    expect(nodes.find((node) => node.type === 'list')?.attributes).toEqual({ listType: 'ordered' });
    expect(nodes.find((node) => node.attributes?.id === 'c2')?.type).toBe('content');
  });

  it('maps the CDA narrative block elements', () => {
    const text = readXml(
      `<text><table><caption>Cap</caption><thead><tr><th>H</th></tr></thead><tbody><tr><td>x<sub>2</sub><sup>3</sup><br/>y</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table><footnote>note</footnote></text>`,
    );
    const { nodes } = cdaNarrative(text);
    expect(narrativeNodes(nodes).map((node) => node.type)).toEqual([
      'table',
      'caption',
      'text',
      'thead',
      'tr',
      'th',
      'text',
      'tbody',
      'tr',
      'td',
      'text',
      'sub',
      'text',
      'sup',
      'text',
      'br',
      'text',
      'tfoot',
      'tr',
      'td',
      'text',
      'footnote',
      'text',
    ]);
  });

  it('keeps text misplaced in a table or a list inside a cell or an item, and unwraps misplaced cells', () => {
    const { nodes } = cdaNarrative(
      readXml(
        '<text><table>stray<tr><td>ok</td></tr></table><list>loose<item>i</item></list><td>lone cell</td></text>',
      ),
    );
    expect(nodes).toEqual([
      {
        type: 'table',
        children: [
          { type: 'tr', children: [{ type: 'td', children: [{ type: 'text', text: 'stray' }] }] },
          { type: 'tr', children: [{ type: 'td', children: [{ type: 'text', text: 'ok' }] }] },
        ],
      },
      {
        type: 'list',
        attributes: { listType: 'unordered' },
        children: [
          { type: 'item', children: [{ type: 'text', text: 'loose' }] },
          { type: 'item', children: [{ type: 'text', text: 'i' }] },
        ],
      },
      { type: 'text', text: 'lone cell' },
    ]);
  });

  it('keeps words apart across inline elements and drops indentation between blocks', () => {
    const { nodes } = cdaNarrative(
      readXml('<text>\n  <paragraph>a <content>b</content>\n c</paragraph>\n  <paragraph>d</paragraph>\n</text>', {
        isMixedContent: (element) => element.name === 'text',
      }),
    );
    expect(nodes.map((node) => node.type)).toEqual(['paragraph', 'paragraph']);
    expect(narrativeText(nodes[0] ?? { type: 'text' })).toBe('a b c');
  });

  it('indexes the narrative IDs for entry references', () => {
    const { ids } = cdaNarrative(readXml('<text><paragraph ID="x"><content ID="y">z</content></paragraph></text>'));
    expect([...ids.keys()]).toEqual(['y', 'x']);
    expect(narrativeText(ids.get('x') ?? { type: 'text' })).toBe('z');
  });
});

describe('FHIR XHTML narrative', () => {
  it('maps XHTML to the same whitelisted tree and lets nothing hostile through', () => {
    const div = `<div xmlns="http://www.w3.org/1999/xhtml"><h2 onclick="x()">Allergies</h2>
      <p style="color:red">Penicillin <b>severe</b> <i>since 2004</i> <a href="javascript:alert(1)">link text</a></p>
      <script>alert('x')</script><img src="x" onerror="alert(1)"/>
      <ul><li>one</li></ul><ol><li>two</li></ol><table><tr><td rowspan="2">c</td></tr></table></div>`;
    const { nodes } = fhirNarrative(div);
    assertInert(nodes);
    const all = narrativeNodes(nodes);
    expect(all.find((node) => node.type === 'paragraph')?.attributes).toEqual({ styleCode: ['Bold'] });
    expect(all.filter((node) => node.type === 'list').map((node) => node.attributes?.listType)).toEqual([
      'unordered',
      'ordered',
    ]);
    expect(all.find((node) => node.type === 'td')?.attributes).toEqual({ rowspan: 2 });
    expect(texts(nodes)).toContain('link text');
    expect(texts(nodes)).toContain("alert('x')");
  });

  it('shows a narrative that is not well-formed XML as bare text, never as markup', () => {
    const { nodes } = fhirNarrative('<div xmlns="http://www.w3.org/1999/xhtml"><p>Allergie&nbsp;<b>pénicilline</p>');
    assertInert(nodes);
    expect(nodes).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'Allergie&nbsp; pénicilline' }] }]);
  });

  it('treats the root div as a container', () => {
    const { nodes } = xhtmlNarrative(readXml('<div xmlns="http://www.w3.org/1999/xhtml"><p>x</p></div>'));
    expect(nodes).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }]);
  });
});
