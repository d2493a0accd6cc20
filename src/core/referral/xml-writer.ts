/**
 * A tiny XML writer for referral reports: elements are built as data and serialised with escaping, so no
 * caller ever concatenates markup. Characters XML 1.0 forbids (most control characters) are dropped.
 */

/** An element: name, attributes (undefined ones left out) and children (text or elements; undefined skipped). */
export interface XmlElement {
  name: string;
  attrs?: Record<string, string | number | boolean | undefined>;
  children: (XmlElement | string)[];
}

type Child = XmlElement | string | number | boolean | undefined | null | false | Child[];

/** Builds an element; `undefined`, `null` and `false`... are skipped only when passed as a child slot (booleans as text use String()). */
export function el(name: string, attrs: XmlElement['attrs'] | null, ...children: Child[]): XmlElement {
  const out: (XmlElement | string)[] = [];
  const add = (c: Child): void => {
    if (c === undefined || c === null || c === false) return;
    if (Array.isArray(c)) c.forEach(add);
    else if (typeof c === 'object') out.push(c);
    else out.push(String(c));
  };
  children.forEach(add);
  return attrs ? { name, attrs, children: out } : { name, children: out };
}

/** An element holding one text value, or nothing at all when the value is undefined or empty. */
export function leaf(name: string, value: string | number | boolean | undefined, attrs?: XmlElement['attrs']): XmlElement | undefined {
  if (value === undefined || value === '') return undefined;
  return el(name, attrs ?? null, typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value));
}

// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for element content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(forbidden, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function write(e: XmlElement, indent: string, out: string[]): void {
  const attrs = Object.entries(e.attrs ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  if (e.children.length === 0) {
    out.push(`${indent}<${e.name}${attrs}/>`);
  } else if (e.children.every((c) => typeof c === 'string')) {
    out.push(`${indent}<${e.name}${attrs}>${(e.children as string[]).map(escapeXml).join('')}</${e.name}>`);
  } else {
    out.push(`${indent}<${e.name}${attrs}>`);
    for (const c of e.children) {
      if (typeof c === 'string') out.push(`${indent}  ${escapeXml(c)}`);
      else write(c, `${indent}  `, out);
    }
    out.push(`${indent}</${e.name}>`);
  }
}

/** Serialises a document with the XML declaration. */
export function toXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, '', out);
  return `${out.join('\n')}\n`;
}
