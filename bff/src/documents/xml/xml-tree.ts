/**
 * XML from outside → a light element tree, read with saxes in one streaming pass.
 *
 * Safety: a DOCTYPE is refused outright (so no DTD, no entity declaration, no external entity is ever read);
 * only the five predefined entities and character references are decoded; nesting depth is bounded so that
 * the recursive readers above never overflow the stack. A document that is not well-formed raises a
 * DocumentError, never a partial tree.
 *
 * Speed: saxes runs without its own namespace processing (which doubles its cost); prefixes are resolved here
 * from the xmlns declarations, which are rare. Whitespace-only text is dropped except inside mixed content
 * (narrative), where it separates words.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { DocumentError } from '../errors';

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

export interface XmlElement {
  /** Local name (without prefix). */
  name: string;
  /** Namespace URI; '' when none. */
  ns: string;
  /**
   * Attributes as written, flat: [name, value, name, value…] with qualified names ("xsi:type"), xmlns
   * declarations included. Read them with `attribute()`. (A flat array is far lighter than the dictionary
   * saxes builds, which matters once a document has tens of thousands of elements.)
   */
  attrs: string[];
  children: XmlNode[];
  /** Local part of the xsi:type attribute ("CD", "PQ", "IVL_TS"…), when present. */
  xsiType?: string;
}
export type XmlNode = XmlElement | string;

export interface XmlReadOptions {
  /** Deepest element nesting accepted. */
  maxDepth?: number;
  /** Elements whose content is mixed (narrative): whitespace-only text is kept inside them. */
  isMixedContent?: (element: XmlElement, parent: XmlElement | undefined) => boolean;
  /** Local names of elements not built at all (with their content): what the reader never needs. */
  skip?: ReadonlySet<string>;
}

export const DEFAULT_MAX_XML_DEPTH = 256;

/** Shared by every element without attributes, and by every element without children until its first: never
 * written to (most CDA elements are empty, and the allocations saved are most of a tree's garbage). */
const NO_ATTRIBUTES: string[] = [];
const NO_CHILDREN: XmlNode[] = [];

interface NamespaceScope {
  defaultNs: string;
  prefixes: Map<string, string>;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const ROOT_SCOPE: NamespaceScope = { defaultNs: '', prefixes: new Map([['xml', XML_NS]]) };

/** Reads a whole XML text into a tree and returns its root element. */
export function readXml(text: string, options: XmlReadOptions = {}): XmlElement {
  return readTree((parser) => parser.write(text), options);
}

/**
 * Reads an XML document from its bytes (encodings: `xmlPieces`) into a tree. The bytes are decoded and parsed
 * piece by piece: a document of a few hundred kilobytes never becomes one string, whose allocation in the
 * engine's large-object space costs more than decoding it (and more again on memory-ballooned hosts).
 */
export function readXmlBytes(bytes: Uint8Array, options: XmlReadOptions = {}): XmlElement {
  return readTree((parser) => xmlPieces(bytes, (piece) => parser.write(piece)), options);
}

type Feed = (parser: SaxesParser) => void;

function readTree(feed: Feed, options: XmlReadOptions): XmlElement {
  try {
    return buildTree(feed, options, false);
  } catch (error) {
    if (!(error instanceof DocumentError) || error.code !== 'document_unreadable') throw error;
    // Positions cost time on every character: track them only to say where a bad document goes wrong
    // (this second reading throws the same error, with its line and column).
    buildTree(feed, options, true);
    throw error;
  }
}

function buildTree(feed: Feed, options: XmlReadOptions, position: boolean): XmlElement {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_XML_DEPTH;
  const isMixedContent = options.isMixedContent;
  const skip = options.skip;
  const parser = new SaxesParser({ xmlns: false, position });

  const stack: XmlElement[] = [];
  // Namespace scopes change on the rare elements that declare prefixes: saved with the depth they end at.
  const outerScopes: { scope: NamespaceScope; depth: number }[] = [];
  let scope = ROOT_SCOPE;
  let root: XmlElement | undefined;
  // Depth of the mixed-content region we are in (0: not in one), and of a skipped subtree.
  let mixedDepth = 0;
  let skipDepth = 0;
  // The attributes of the tag being read (the attribute events come before its opentag event), its
  // namespace declarations and xsi:type-like attribute: seen one by one here, far cheaper than iterating
  // the attributes object saxes builds afterwards.
  let attrs: string[] = [];
  let declarations: string[] | undefined;
  let typeAttribute: string | undefined;

  const appendText = (value: string): void => {
    if (skipDepth > 0) return;
    const parent = stack[stack.length - 1];
    if (parent === undefined) return; // whitespace around the root: saxes rejects anything else
    // Outside narrative, text between elements is indentation (trim is the fastest test for it).
    if (mixedDepth === 0 && value.trim() === '') return;
    const siblings = parent.children;
    const last = siblings[siblings.length - 1];
    if (siblings === NO_CHILDREN) parent.children = [value];
    else if (typeof last === 'string') siblings[siblings.length - 1] = last + value;
    else siblings.push(value);
  };

  parser.on('doctype', () => {
    throw new DocumentError('document_refused', 'the document declares a DOCTYPE (DTD and entities are refused)');
  });
  parser.on('attribute', ({ name, value }) => {
    attrs.push(name, value);
    if (name.charCodeAt(0) === 120 /* x */ && name.startsWith('xmlns')) (declarations ??= []).push(name, value);
    else if (name.charCodeAt(name.length - 5) === 58 /* : */ && name.endsWith(':type')) typeAttribute = name;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const pendingAttrs = attrs;
    const pendingDeclarations = declarations;
    const pendingType = typeAttribute;
    attrs = pendingAttrs.length === 0 ? pendingAttrs : [];
    declarations = undefined;
    typeAttribute = undefined;
    if (stack.length + skipDepth >= maxDepth)
      throw new DocumentError('document_unreadable', `elements nested deeper than ${maxDepth} levels`);

    const qname = tag.name;
    const colon = qname.indexOf(':');
    const name = colon > 0 ? qname.slice(colon + 1) : qname;
    if (skipDepth > 0 || skip?.has(name)) {
      skipDepth++;
      return;
    }

    if (pendingDeclarations) {
      outerScopes.push({ scope, depth: stack.length });
      scope = declare(scope, pendingDeclarations);
    }
    const ns =
      colon > 0
        ? (scope.prefixes.get(qname.slice(0, colon)) ?? `urn:unbound-prefix:${qname.slice(0, colon)}`)
        : scope.defaultNs;
    let xsiType: string | undefined;
    if (pendingType !== undefined && scope.prefixes.get(pendingType.slice(0, -5)) === XSI_NS) {
      const typeValue = attributeIn(pendingAttrs, pendingType) ?? '';
      const typeColon = typeValue.indexOf(':');
      xsiType = (typeColon >= 0 ? typeValue.slice(typeColon + 1) : typeValue).trim();
    }
    // Every element has the same shape (xsiType included), so the readers' property accesses stay monomorphic.
    const element: XmlElement = {
      name,
      ns,
      attrs: pendingAttrs.length === 0 ? NO_ATTRIBUTES : pendingAttrs,
      children: NO_CHILDREN,
      xsiType,
    };

    const parent = stack[stack.length - 1];
    if (parent === undefined) root = element;
    else if (parent.children === NO_CHILDREN) parent.children = [element];
    else parent.children.push(element);
    stack.push(element);
    if (mixedDepth > 0) mixedDepth++;
    else if (isMixedContent?.(element, parent)) mixedDepth = 1;
  });
  parser.on('closetag', () => {
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    stack.pop();
    const outer = outerScopes[outerScopes.length - 1];
    if (outer !== undefined && outer.depth === stack.length) {
      scope = outer.scope;
      outerScopes.pop();
    }
    if (mixedDepth > 0) mixedDepth--;
  });
  parser.on('text', appendText);
  parser.on('cdata', appendText);

  try {
    feed(parser);
    parser.close();
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new DocumentError('document_unreadable', `not well-formed XML: ${message.slice(0, 300)}`);
  }
  if (!root) throw new DocumentError('document_unreadable', 'no root element');
  return root;
}

/**
 * One string object per namespace URI, the engine's own copy (property keys are internalised): the readers
 * compare namespaces on every lookup, and identical string objects compare in one step.
 */
const NAMESPACES = new Map<string, string>();
function internNamespace(uri: string): string {
  let interned = NAMESPACES.get(uri);
  if (interned === undefined) {
    interned = Object.keys({ [uri]: true })[0] ?? uri;
    if (NAMESPACES.size < 1000) NAMESPACES.set(uri, interned);
  }
  return interned;
}

/** A new scope with the tag's namespace declarations (name, value pairs). */
function declare(outer: NamespaceScope, declarations: string[]): NamespaceScope {
  const scope: NamespaceScope = { defaultNs: outer.defaultNs, prefixes: new Map(outer.prefixes) };
  for (let i = 0; i < declarations.length; i += 2) {
    const name = declarations[i] ?? '';
    const value = internNamespace(declarations[i + 1] ?? '');
    if (name === 'xmlns') scope.defaultNs = value;
    else if (name.charCodeAt(5) === 58 /* : */) scope.prefixes.set(name.slice(6), value);
  }
  return scope;
}

// -----------------------------------------------------------------------------------------------------------
// Bytes → text

const DECLARED_ENCODING = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;
const SINGLE_BYTE_ENCODINGS = new Set([
  'iso-8859-1',
  'latin1',
  'iso-latin-1',
  'windows-1252',
  'cp1252',
  'us-ascii',
  'ascii',
]);
/** Bytes decoded at a time: the text of a piece stays well under the engine's large-object threshold. */
const PIECE_BYTES = 32 * 1024;

/** The decoder for an XML document's bytes: its BOM, else its declared encoding, else UTF-8. */
function xmlEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16be' | 'utf-16le' | 'windows-1252' {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xef && b1 === 0xbb) return 'utf-8';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 200)).toString('latin1');
  const declared = DECLARED_ENCODING.exec(head)?.[1]?.toLowerCase();
  if (declared === undefined || declared === 'utf-8' || declared === 'utf8') return 'utf-8';
  if (SINGLE_BYTE_ENCODINGS.has(declared)) return 'windows-1252';
  throw new DocumentError('document_unreadable', `unsupported character encoding "${declared}"`);
}

/**
 * Decodes an XML document's bytes, handing the text on piece by piece: UTF-8 (the eHDSI norm, BOM or not),
 * UTF-16 with a BOM, or a declared ISO-8859-1 / windows-1252 / US-ASCII. Invalid bytes are refused rather than
 * silently replaced (the pieces already handed on are then to be discarded). A character is never split
 * between two pieces.
 */
function xmlPieces(bytes: Uint8Array, onPiece: (piece: string) => void): void {
  const encoding = xmlEncoding(bytes);
  const decoder = new TextDecoder(encoding, { fatal: true });
  const decode = (piece?: Uint8Array): string => {
    try {
      return piece === undefined ? decoder.decode() : decoder.decode(piece, { stream: true });
    } catch {
      throw new DocumentError('document_unreadable', `the document is not valid ${encoding.toUpperCase()}`);
    }
  };
  for (let start = 0; start < bytes.byteLength; start += PIECE_BYTES) {
    const piece = decode(bytes.subarray(start, start + PIECE_BYTES));
    if (piece !== '') onPiece(piece);
  }
  const rest = decode();
  if (rest !== '') onPiece(rest);
}

// -----------------------------------------------------------------------------------------------------------
// Reading the tree

export const isElement = (node: XmlNode): node is XmlElement => typeof node !== 'string';

/** An attribute's value as written (qualified name), or undefined. */
export function attribute(element: XmlElement | undefined, name: string): string | undefined {
  return element === undefined ? undefined : attributeIn(element.attrs, name);
}

function attributeIn(attrs: string[], name: string): string | undefined {
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === name) return attrs[i + 1];
  return undefined;
}

/** Concatenated text of an element and its descendants, whitespace collapsed and trimmed. */
export function textContent(element: XmlElement): string {
  let out = '';
  const walk = (el: XmlElement): void => {
    for (const child of el.children) {
      if (typeof child === 'string') out += child;
      else walk(child);
    }
  };
  walk(element);
  return collapseWhitespace(out);
}

const NEEDS_COLLAPSE = /[^\S ]|\s\s|^\s|\s$/;

/** Runs of whitespace → one space (not trimmed: narrative text keeps its word separators). */
export function collapseWhitespaceRuns(value: string): string {
  return RUNS.test(value) ? value.replace(/\s+/g, ' ') : value;
}
const RUNS = /[^\S ]|\s\s/;

export function collapseWhitespace(value: string): string {
  return NEEDS_COLLAPSE.test(value) ? value.replace(/\s+/g, ' ').trim() : value;
}
