/**
 * A section's narrative (CDA `<text>`, or a FHIR section's XHTML `div`) → the whitelisted node tree of the
 * PatientSummary model, which the SPA renders as React elements. Nothing of the source markup survives but
 * the whitelisted element kinds and attributes (id, list type, col/rowspan, four style codes): scripts,
 * iframes, objects, styles, event handlers, links and multimedia are unwrapped — their text is kept as plain
 * text, their markup is gone. IDs are kept so that entries can point to the narrative (`narrativeRef`).
 */
import {
  narrativeStyleCodes,
  type NarrativeAttributes,
  type NarrativeNode,
  type NarrativeNodeType,
} from '@sesali/shared';
import { attribute, collapseWhitespace, collapseWhitespaceRuns, type XmlElement } from '../xml/xml-tree';

export interface Narrative {
  nodes: NarrativeNode[];
  /** Narrative nodes by their ID, for entries' references. */
  ids: Map<string, NarrativeNode>;
}

type Dialect = 'cda' | 'xhtml';

type NarrativeStyleCode = (typeof narrativeStyleCodes)[number];

interface Mapping {
  type: NarrativeNodeType;
  listType?: 'ordered' | 'unordered';
  style?: NarrativeStyleCode;
}

const SAME: Record<string, NarrativeNodeType> = {
  table: 'table',
  caption: 'caption',
  thead: 'thead',
  tbody: 'tbody',
  tfoot: 'tfoot',
  tr: 'tr',
  th: 'th',
  td: 'td',
  br: 'br',
  sub: 'sub',
  sup: 'sup',
};

const CDA_TYPES: Record<string, NarrativeNodeType> = {
  ...SAME,
  paragraph: 'paragraph',
  content: 'content',
  item: 'item',
  footnote: 'footnote',
};
/** One constant mapping per element name: nothing allocated per narrative element but its node. */
const CDA_ELEMENTS: Record<string, Mapping> = Object.fromEntries(
  Object.entries(CDA_TYPES).map(([name, type]): [string, Mapping] => [name, { type }]),
);
const ORDERED_LIST: Mapping = { type: 'list', listType: 'ordered' };
const UNORDERED_LIST: Mapping = { type: 'list', listType: 'unordered' };

const XHTML_ELEMENTS: Record<string, Mapping> = {
  ...Object.fromEntries(Object.entries(SAME).map(([name, type]) => [name, { type }])),
  p: { type: 'paragraph' },
  div: { type: 'paragraph' },
  pre: { type: 'paragraph' },
  blockquote: { type: 'paragraph' },
  h1: { type: 'paragraph', style: 'Bold' },
  h2: { type: 'paragraph', style: 'Bold' },
  h3: { type: 'paragraph', style: 'Bold' },
  h4: { type: 'paragraph', style: 'Bold' },
  h5: { type: 'paragraph', style: 'Bold' },
  h6: { type: 'paragraph', style: 'Bold' },
  span: { type: 'content' },
  code: { type: 'content' },
  b: { type: 'content', style: 'Bold' },
  strong: { type: 'content', style: 'Bold' },
  i: { type: 'content', style: 'Italics' },
  em: { type: 'content', style: 'Emphasis' },
  u: { type: 'content', style: 'Underline' },
  ul: { type: 'list', listType: 'unordered' },
  ol: { type: 'list', listType: 'ordered' },
  li: { type: 'item' },
};

/** Elements dropped with their content: they carry no readable text (table columns, footnote markers, images). */
const DROPPED = new Set(['col', 'colgroup', 'footnoteRef', 'img']);

const STYLE_CODES: ReadonlySet<string> = new Set(narrativeStyleCodes);
const SAFE_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** Where each kind may sit; anywhere else it is unwrapped (its children kept), so the SPA's DOM stays valid. */
const ALLOWED_PARENTS: Partial<Record<NarrativeNodeType, ReadonlySet<NarrativeNodeType>>> = {
  caption: new Set(['table']),
  thead: new Set(['table']),
  tbody: new Set(['table']),
  tfoot: new Set(['table']),
  tr: new Set(['table', 'thead', 'tbody', 'tfoot']),
  th: new Set(['tr']),
  td: new Set(['tr']),
  item: new Set(['list']),
};
/** Parents that hold only elements: stray text inside them is wrapped, whitespace dropped. */
const ELEMENT_ONLY: ReadonlySet<NarrativeNodeType> = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'list']);

export function cdaNarrative(text: XmlElement | undefined): Narrative {
  return convertRoot(text, 'cda');
}

/** A FHIR narrative: the root `div` itself is not a node, its children are. */
export function xhtmlNarrative(div: XmlElement | undefined): Narrative {
  return convertRoot(div, 'xhtml');
}

function convertRoot(root: XmlElement | undefined, dialect: Dialect): Narrative {
  const ids = new Map<string, NarrativeNode>();
  if (!root) return { nodes: [], ids };
  const nodes = convertChildren(root, undefined, dialect, ids).filter(
    (node) => node.type !== 'text' || (node.text ?? '').trim() !== '',
  );
  return { nodes, ids };
}

function convertChildren(
  element: XmlElement,
  parentType: NarrativeNodeType | undefined,
  dialect: Dialect,
  ids: Map<string, NarrativeNode>,
): NarrativeNode[] {
  const out: NarrativeNode[] = [];
  for (const child of element.children) {
    if (typeof child === 'string') pushText(out, child, parentType);
    else convertElement(child, parentType, dialect, ids, out);
  }
  return out;
}

function convertElement(
  element: XmlElement,
  parentType: NarrativeNodeType | undefined,
  dialect: Dialect,
  ids: Map<string, NarrativeNode>,
  out: NarrativeNode[],
): void {
  if (DROPPED.has(element.name)) return;
  const mapping = dialect === 'cda' ? cdaMapping(element) : ownMapping(XHTML_ELEMENTS, element.name);
  const allowedParents = mapping ? ALLOWED_PARENTS[mapping.type] : undefined;
  if (!mapping || (allowedParents && (parentType === undefined || !allowedParents.has(parentType)))) {
    // Not whitelisted here: unwrap. Its text stays as plain text; its markup and attributes are gone.
    for (const node of convertChildren(element, parentType, dialect, ids)) pushNode(out, node, parentType);
    return;
  }

  const node: NarrativeNode = { type: mapping.type };
  const attributes = narrativeAttributes(element, mapping, dialect);
  if (attributes) node.attributes = attributes;
  if (mapping.type !== 'br') {
    const children = convertChildren(element, mapping.type, dialect, ids);
    if (children.length > 0) node.children = children;
  }
  if (attributes?.id !== undefined && !ids.has(attributes.id)) ids.set(attributes.id, node);
  pushNode(out, node, parentType);
}

function cdaMapping(element: XmlElement): Mapping | undefined {
  if (element.name === 'list') return attribute(element, 'listType') === 'ordered' ? ORDERED_LIST : UNORDERED_LIST;
  return ownMapping(CDA_ELEMENTS, element.name);
}

/** Only the table's own entries: an element named "constructor" or "__proto__" finds nothing. */
const ownMapping = (table: Record<string, Mapping>, name: string): Mapping | undefined =>
  Object.hasOwn(table, name) ? table[name] : undefined;

function narrativeAttributes(element: XmlElement, mapping: Mapping, dialect: Dialect): NarrativeAttributes | undefined {
  const attributes: NarrativeAttributes = {};
  let any = false;
  const id = attribute(element, dialect === 'cda' ? 'ID' : 'id')?.trim();
  if (id !== undefined && SAFE_ID.test(id)) {
    attributes.id = id;
    any = true;
  }
  if (mapping.listType) {
    attributes.listType = mapping.listType;
    any = true;
  }
  if (mapping.type === 'td' || mapping.type === 'th') {
    const colspan = spanValue(attribute(element, 'colspan'));
    const rowspan = spanValue(attribute(element, 'rowspan'));
    if (colspan !== undefined) attributes.colspan = colspan;
    if (rowspan !== undefined) attributes.rowspan = rowspan;
    any ||= colspan !== undefined || rowspan !== undefined;
  }
  const styleCode = dialect === 'cda' ? attribute(element, 'styleCode') : undefined;
  if (mapping.style !== undefined || styleCode !== undefined) {
    const styles = new Set<NarrativeStyleCode>();
    if (mapping.style) styles.add(mapping.style);
    for (const token of styleCode?.split(/\s+/) ?? [])
      if (STYLE_CODES.has(token)) styles.add(token as NarrativeStyleCode);
    if (styles.size > 0) {
      attributes.styleCode = [...styles];
      any = true;
    }
  }
  return any ? attributes : undefined;
}

function spanValue(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\s*\d{1,4}\s*$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= 1 && value <= 1000 ? value : undefined;
}

function pushText(out: NarrativeNode[], raw: string, parentType: NarrativeNodeType | undefined): void {
  const text = collapseWhitespaceRuns(raw);
  // Whitespace between the rows of a table or the items of a list carries nothing; elsewhere it separates
  // words (blank text left at the top level is removed at the end).
  if (text === ' ' && parentType !== undefined && ELEMENT_ONLY.has(parentType)) return;
  pushNode(out, { type: 'text', text }, parentType);
}

/** Appends a node, merging adjacent text and wrapping stray text where only elements may stand. */
function pushNode(out: NarrativeNode[], node: NarrativeNode, parentType: NarrativeNodeType | undefined): void {
  if (node.type === 'text') {
    if (parentType !== undefined && ELEMENT_ONLY.has(parentType)) {
      if ((node.text ?? '').trim() === '') return;
      out.push(wrapText(node, parentType));
      return;
    }
    const last = out[out.length - 1];
    if (last?.type === 'text') {
      last.text = (last.text ?? '') + (node.text ?? '');
      return;
    }
  }
  out.push(node);
}

function wrapText(text: NarrativeNode, parentType: NarrativeNodeType): NarrativeNode {
  if (parentType === 'list') return { type: 'item', children: [text] };
  if (parentType === 'tr') return { type: 'td', children: [text] };
  return { type: 'tr', children: [{ type: 'td', children: [text] }] };
}

/** The plain text of a narrative node (cells and items separated by spaces). */
export function narrativeText(node: NarrativeNode): string {
  let out = '';
  const walk = (n: NarrativeNode): void => {
    if (n.type === 'text') out += n.text ?? '';
    else if (n.type === 'br') out += ' ';
    else {
      const separate = n.type !== 'content' && n.type !== 'sub' && n.type !== 'sup';
      if (separate) out += ' ';
      for (const child of n.children ?? []) walk(child);
      if (separate) out += ' ';
    }
  };
  walk(node);
  return collapseWhitespace(out);
}
