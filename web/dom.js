// DOM building without markup strings: every text (cable data included) goes in as a text node.
// Nothing in the UI assigns innerHTML, so a cable whose subject contains <script> shows as text.

const SVG_NS = 'http://www.w3.org/2000/svg';

function applyAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.setAttribute('class', v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'href' && typeof v === 'string' && /^\s*javascript:/i.test(v)) continue;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

// h('a', {href: '/x'}, 'text', child...) → an element; strings become text nodes.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

// The same for SVG elements.
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// "2006-02-20T10:07:00Z" → "2006-02-20 10:07"; empty → "".
export function shortDate(iso) {
  if (!iso) return '';
  return iso.replace('T', ' ').replace(/:00Z$|Z$/, '').slice(0, 16);
}

// A link to the cable page of `id`.
export function cableLink(id, label) {
  return h('a', {href: '/cable/' + encodeURIComponent(id), class: 'cable-id', 'data-nav': true}, label || id);
}

// CSS class for a classification level ("SECRET" → "cls-secret").
export function classificationClass(c) {
  const v = (c || '').toUpperCase();
  if (v.includes('TOP SECRET')) return 'cls-topsecret';
  if (v.includes('SECRET')) return 'cls-secret';
  if (v.includes('CONFIDENTIAL')) return 'cls-confidential';
  if (v.includes('LIMITED OFFICIAL USE')) return 'cls-lou';
  if (v.includes('UNCLAS')) return 'cls-unclassified';
  return 'cls-unknown';
}

export function classificationBadge(c) {
  return h('span', {class: 'badge ' + classificationClass(c)}, c || 'unknown');
}
