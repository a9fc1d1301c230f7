// What the telegram's codes mean, for the cable page's explanations. The tables are the library's
// glossary (include/cablebase/glossary.h: 5 FAH-2 Telegram Handbook, 5 FAH-3 TAGS/Terms Handbook,
// FIPS 10-4 geographic codes, E.O. 12958/13526 section 1.4), which the server sends as the module
// /static/glossary_data.js (the same document as GET /api/glossary). This file only holds the
// helpers. A code not in a table is shown without a meaning, never with a guess.
import {GLOSSARY} from './glossary_data.js';

const table = (name) => GLOSSARY[name] || {};

export const PRECEDENCE = table('precedence');
export const CLASSIFICATION = table('classification');
export const CAVEATS = table('caveats');
export const REASONS = table('reasons');  // keys 'A'..'H'
export const SUBJECT_TAGS = table('subject_tags');
export const TAG_AREA = table('subject_tag_areas');  // first letter of a subject TAG
export const GEOGRAPHIC_CODES = table('geographic_codes');
export const ORGANIZATIONS = table('organizations');
export const PORTION_MARKS = table('portion_marks');

// How the page names each kind of TAG (the record's tag_details[].kind).
export const TAG_KIND = {
  subject: 'subject TAG', geographic: 'geographic code', program: 'program TAG',
  person: 'person', organization: 'organization', unknown: 'not a known TAG',
};

function lookup(t, key) {
  return Object.prototype.hasOwnProperty.call(t, key) ? t[key] : '';
}

// The glossary meaning of a TAG of this kind, '' when none; the same rule as the library's
// TagMeaning(): geographic codes fall back to organisations (UN, EU), an unknown kind tries them all.
function glossaryTagMeaning(v, kind) {
  switch (kind) {
    case 'subject': case 'program': return lookup(SUBJECT_TAGS, v);
    case 'geographic': return lookup(GEOGRAPHIC_CODES, v) || lookup(ORGANIZATIONS, v);
    case 'organization': return lookup(ORGANIZATIONS, v);
    case 'person': return '';
    default: return lookup(SUBJECT_TAGS, v) || lookup(ORGANIZATIONS, v) || lookup(GEOGRAPHIC_CODES, v);
  }
}

// The meaning of a TAG as shown on the cable page: the known meaning, else what its shape says.
export function tagMeaning(value, kind) {
  const v = (value || '').trim().toUpperCase();
  const known = glossaryTagMeaning(v, kind);
  if (known) return known;
  if (kind === 'subject' && lookup(TAG_AREA, v[0])) return 'subject TAG in ' + TAG_AREA[v[0]];
  if (kind === 'program') return 'program TAG';
  if (kind === 'person') return 'a person named in the TAGS';
  return TAG_KIND[kind] || '';
}

// "1.4(b)" → "foreign government information"; "1.5 (D)" and "b" too.
export function reasonMeaning(reason) {
  const m = /\(\s*([a-h])/i.exec(reason || '') || /^\s*([a-h])\s*$/i.exec(reason || '');
  return m ? lookup(REASONS, m[1].toUpperCase()) : '';
}

// "(S/NF)" marks: 'secret, not releasable to foreign nationals'.
export function portionMarkMeaning(mark) {
  return lookup(PORTION_MARKS, (mark || '').trim().toUpperCase());
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
export function monthName(m) { return MONTHS[m - 1] || String(m); }

// "201007Z FEB 06" → "day 20, 10:07 UTC (Z = Zulu time), February 2006".
export function explainDtg(dtg) {
  const m = /^(\d\d)(\d\d)(\d\d)Z\s+([A-Z]{3})\s+(\d\d)$/.exec((dtg || '').trim());
  if (!m) return '';
  const months = {JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12};
  const yy = Number(m[5]);
  const year = yy >= 60 ? 1900 + yy : 2000 + yy;
  return `day ${Number(m[1])}, ${m[2]}:${m[3]} UTC (Z = Zulu time), ${monthName(months[m[4]])} ${year}`;
}

// A caveat's meaning: the whole caveat, else the longest caveat it starts with ("REL TO USA, GBR").
export function explainCaveat(c) {
  const v = (c || '').trim().toUpperCase();
  const exact = lookup(CAVEATS, v);
  if (exact) return exact;
  let best = '';
  for (const k of Object.keys(CAVEATS)) {
    if (k.length > best.length && v.startsWith(k) && /^[\s/,]/.test(v.slice(k.length))) best = k;
  }
  return best ? CAVEATS[best] : '';
}
