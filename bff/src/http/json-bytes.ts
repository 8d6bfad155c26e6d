/**
 * A JSON answer as UTF-8 bytes, serialised part by part: the same text as `JSON.stringify`, without ever
 * holding it as one string. A translated summary is some 70,000 characters; one character beyond Latin-1 in
 * it (a typographic apostrophe, a euro sign) makes the whole string two bytes per character, and at 140 KB V8
 * places it in its large-object space, a fresh memory mapping each time. On a virtual machine whose host
 * reclaims freed memory, that allocation cost three times the serialisation itself.
 */
import type { Response } from 'express';

/** Objects and arrays are opened down to this depth; anything deeper is serialised whole. */
const OPENED_LEVELS = 4;
/** Parts are encoded in groups of about this many characters (well under the large-object threshold). */
const GROUP_CHARS = 16 * 1024;

/** Whether a value is opened (its members serialised one by one) rather than serialised whole. */
const opened = (value: unknown, levels: number): value is object =>
  levels > 0 &&
  value !== null &&
  typeof value === 'object' &&
  typeof (value as { toJSON?: unknown }).toJSON !== 'function';

/** The parts of an opened object or array. What JSON leaves out (undefined, functions, symbols, a toJSON giving
 * undefined) is left out of an object and written null in an array, as `JSON.stringify` does. */
function serialise(value: object, levels: number, parts: string[]): void {
  const inner = levels - 1;
  if (Array.isArray(value)) {
    parts.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) parts.push(',');
      const item: unknown = value[i];
      if (opened(item, inner)) serialise(item, inner, parts);
      else parts.push(JSON.stringify(item) ?? 'null');
    }
    parts.push(']');
    return;
  }
  let separator = '{';
  for (const [key, item] of Object.entries(value)) {
    if (opened(item, inner)) {
      parts.push(`${separator}${JSON.stringify(key)}:`);
      serialise(item, inner, parts);
    } else {
      const text = JSON.stringify(item) as string | undefined;
      if (text === undefined) continue;
      parts.push(`${separator}${JSON.stringify(key)}:${text}`);
    }
    separator = ',';
  }
  parts.push(separator === '{' ? '{}' : '}');
}

/** `Buffer.from(JSON.stringify(value))` for an object or array (plain data: what the API answers). */
export function jsonBytes(value: object): Buffer {
  const parts: string[] = [];
  if (opened(value, OPENED_LEVELS)) serialise(value, OPENED_LEVELS, parts);
  else parts.push(JSON.stringify(value));
  const buffers: Buffer[] = [];
  let group = '';
  for (const part of parts) {
    if (group.length > 0 && group.length + part.length > GROUP_CHARS) {
      buffers.push(Buffer.from(group));
      group = '';
    }
    group += part;
  }
  buffers.push(Buffer.from(group));
  return Buffer.concat(buffers);
}

/** Answers `body` as JSON (what `res.json` sends), serialised by parts: for the large answers. */
export function sendJson(res: Response, body: object): void {
  res.set('Content-Type', 'application/json; charset=utf-8').send(jsonBytes(body));
}
