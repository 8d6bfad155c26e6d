/**
 * Reading CDA elements from the light XML tree. CDA elements are in urn:hl7-org:v3; the eHDSI medication
 * extension comes as urn:epsos-org:ep:medication (epSOS) or urn:hl7-org:pharm (CDA pharm), whatever the
 * prefixes. Elements of any other namespace (sdtc extensions, foreign markup) are not CDA and are skipped.
 */
import { attribute, collapseWhitespace, type XmlElement } from '../xml/xml-tree';

export const HL7_NS = 'urn:hl7-org:v3';
export const EPSOS_NS = 'urn:epsos-org:ep:medication';
export const PHARM_NS = 'urn:hl7-org:pharm';

// Hot path (every lookup of the parser): plain loops, no closures, no allocation.
const isCdaNamespace = (ns: string): boolean => ns === HL7_NS || ns === EPSOS_NS || ns === PHARM_NS;

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (element === undefined) return undefined;
  for (const node of element.children)
    if (typeof node !== 'string' && node.name === name && isCdaNamespace(node.ns)) return node;
  return undefined;
}

/** The first child with any of the names (e.g. epSOS and pharm spellings of the same element). */
export function childOf(element: XmlElement | undefined, names: readonly string[]): XmlElement | undefined {
  if (element === undefined) return undefined;
  for (const node of element.children)
    if (typeof node !== 'string' && names.includes(node.name) && isCdaNamespace(node.ns)) return node;
  return undefined;
}

export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  if (element === undefined) return out;
  for (const node of element.children)
    if (typeof node !== 'string' && node.name === name && isCdaNamespace(node.ns)) out.push(node);
  return out;
}

export function elementChildren(element: XmlElement | undefined): XmlElement[] {
  const out: XmlElement[] = [];
  if (element === undefined) return out;
  for (const node of element.children) if (typeof node !== 'string' && isCdaNamespace(node.ns)) out.push(node);
  return out;
}

/** Follows a path of child names. */
export function path(element: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let current = element;
  for (const name of names) current = child(current, name);
  return current;
}

/** An attribute's trimmed value; undefined when absent or blank. */
export function attr(element: XmlElement | undefined, name: string): string | undefined {
  const value = attribute(element, name);
  if (value === undefined || value === '') return undefined;
  if (value.charCodeAt(0) > 32 && value.charCodeAt(value.length - 1) > 32) return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The element's text (descendants included), whitespace collapsed; undefined when blank. */
export function text(element: XmlElement | undefined): string | undefined {
  if (element === undefined) return undefined;
  const only = element.children.length === 1 ? element.children[0] : undefined;
  const raw = typeof only === 'string' ? only : appendText(element, '');
  const collapsed = collapseWhitespace(raw);
  return collapsed === '' ? undefined : collapsed;
}

function appendText(element: XmlElement, soFar: string): string {
  let out = soFar;
  for (const node of element.children) {
    if (typeof node === 'string') out += node;
    else if (isCdaNamespace(node.ns)) out = appendText(node, out);
  }
  return out;
}

/** `<text><reference value="#id"/></text>` (or `originalText`) → "id". */
export function referenceId(element: XmlElement | undefined): string | undefined {
  const value = attr(child(element, 'reference'), 'value');
  if (value === undefined) return undefined;
  return value.startsWith('#') ? value.slice(1) || undefined : undefined;
}
