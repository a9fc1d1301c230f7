// What the telegram's codes mean, for the cable page's explanations. Sources: 5 FAH-2 (Telegram
// Handbook: precedence, captions), 5 FAH-3 (TAGS/Terms Handbook), E.O. 12958/13526 section 1.4, and
// shared/spec/FORMAT.md. A code not listed here is shown without a meaning, never with a guess.

export const PRECEDENCE = {
  'FLASH': 'Flash: handled ahead of everything else; reserved for initial enemy contact or threats to life',
  'NIACT IMMEDIATE': 'Night action, immediate: the addressee must act on it at any hour, even at night',
  'IMMEDIATE': 'Immediate: handled before all routine and priority traffic',
  'PRIORITY': 'Priority: handled before routine traffic (dropped from the current State list)',
  'ROUTINE': 'Routine: normal handling',
};

export const PROSIGN = {Z: 'FLASH', O: 'IMMEDIATE', P: 'PRIORITY', R: 'ROUTINE'};

export const CAVEATS = {
  'SIPDIS': 'SIPRNet distribution: posted to the secret government network (the source of Cablegate)',
  'NOFORN': 'Not releasable to foreign nationals',
  'NODIS': 'No distribution beyond the addressees without the originator\'s approval',
  'EXDIS': 'Exclusive distribution: to officers with an essential need to know',
  'LIMDIS': 'Limited distribution',
  'STADIS': 'State distribution only: not to other agencies',
  'SENSITIVE': 'Sensitive but unclassified content',
  'SBU': 'Sensitive but unclassified',
  'ORCON': 'Dissemination controlled by the originator',
  'PROPIN': 'Caution: proprietary information',
  'REL': 'Releasable to the countries named',
  'SPECAT': 'Special category: handled only by cleared communicators',
  'OFFICIAL INFORMAL': 'An informal letter between officers sent as a telegram',
  'CODEL': 'About a congressional delegation',
  'EFTO': 'Encrypt for transmission only: unclassified but sent encrypted',
};

export const CLASSIFICATION = {
  'UNCLASSIFIED': 'Unclassified: may be released to the public',
  'UNCLASSIFIED//FOR OFFICIAL USE ONLY': 'Unclassified, for official use only',
  'LIMITED OFFICIAL USE': 'Limited Official Use: unclassified but protected (State\'s own marking)',
  'CONFIDENTIAL': 'Confidential: disclosure could damage national security',
  'SECRET': 'Secret: disclosure could seriously damage national security',
  'TOP SECRET': 'Top Secret: disclosure could gravely damage national security',
};

// E.O. 12958 / 13526 section 1.4 (1.5 in the original text of E.O. 12958).
export const REASONS = {
  a: 'military plans, weapons systems, or operations',
  b: 'foreign government information',
  c: 'intelligence activities, sources or methods, or cryptology',
  d: 'foreign relations or foreign activities of the United States, including confidential sources',
  e: 'scientific, technological or economic matters relating to national security',
  f: 'U.S. Government programs for safeguarding nuclear materials or facilities',
  g: 'vulnerabilities or capabilities of systems, installations, projects or plans',
  h: 'weapons of mass destruction',
};

// First letter of a subject TAG (5 FAH-3).
export const TAG_AREA = {
  A: 'administration', B: 'business services', C: 'consular affairs', E: 'economic affairs',
  K: 'program', L: 'legal', M: 'military and defense', O: 'operations and outreach',
  P: 'political affairs', S: 'social affairs', T: 'technology and science',
};

export const TAG_KIND = {
  subject: 'subject TAG', geographic: 'geographic code', program: 'program TAG',
  person: 'person', organization: 'organization', unknown: 'not a known TAG',
};

export const TAGS = {
  // Subject TAGS (5 FAH-3).
  PREL: 'External political relations', PGOV: 'Internal governmental affairs',
  PINR: 'Intelligence', PHUM: 'Human rights', PTER: 'Terrorists and terrorism',
  PINS: 'National security', PARM: 'Arms controls and disarmament', PREF: 'Refugees',
  PBTS: 'National boundaries, territories and sovereignty', POL: 'Political',
  MARR: 'Military and defense arrangements', MOPS: 'Military operations',
  MCAP: 'Military capabilities', MNUC: 'Military nuclear applications', MASS: 'Military assistance and sales',
  ECON: 'Economic conditions', EFIN: 'Financial and monetary affairs', ETRD: 'Foreign trade',
  EINV: 'Foreign investment', ENRG: 'Energy and power', EPET: 'Petroleum and natural gas',
  EAID: 'Foreign economic assistance', EAGR: 'Agriculture', ELAB: 'Labor',
  ECPS: 'Communications and postal systems', EAIR: 'Aviation', EWWT: 'Waterborne transportation',
  SOCI: 'Social conditions', SNAR: 'Narcotics', SENV: 'Environmental affairs', SCUL: 'Cultural affairs',
  SMIG: 'Migration', SHLH: 'Health',
  KDEM: 'Democratization', KJUS: 'Administration of justice', KCRM: 'Criminal activity',
  KPAO: 'Public affairs office', KWMN: 'Women\'s issues', KIPR: 'Intellectual property rights',
  KNNP: 'Nuclear nonproliferation', KISL: 'Islamic affairs', KTFN: 'Terrorism financing',
  KCOR: 'Corruption', KTIP: 'Trafficking in persons', KMDR: 'Media reaction reporting',
  KPKO: 'Peacekeeping operations', KHIV: 'HIV/AIDS', KFRD: 'Fraud',
  ASEC: 'Security', AMGT: 'Management operations', APER: 'Personnel', ABUD: 'Budget services',
  CASC: 'Assistance to citizens', CVIS: 'Visas', CMGT: 'Consular management',
  OVIP: 'Visits of prominent individuals', OEXC: 'Educational and cultural exchange',
  OTRA: 'Travel', OREP: 'Congressional travel', TSPA: 'Space activities', TBIO: 'Biotechnology',
  TSPL: 'Science and technology policy',
  // Geographic codes (State's two-letter codes, not ISO).
  RS: 'Russia', SZ: 'Switzerland', KN: 'North Korea', KS: 'South Korea', IZ: 'Iraq', IR: 'Iran',
  AF: 'Afghanistan', PK: 'Pakistan', IS: 'Israel', CH: 'China', JA: 'Japan', UK: 'United Kingdom',
  FR: 'France', GM: 'Germany', IT: 'Italy', SP: 'Spain', TU: 'Turkey', EG: 'Egypt',
  SA: 'Saudi Arabia', SY: 'Syria', LE: 'Lebanon', IN: 'India', BR: 'Brazil', AR: 'Argentina',
  MX: 'Mexico', CA: 'Canada', VE: 'Venezuela', CU: 'Cuba', UP: 'Ukraine', GG: 'Georgia',
  SU: 'Sudan', PL: 'Poland', EZ: 'Czech Republic', NL: 'Netherlands', BE: 'Belgium',
  SW: 'Sweden', NO: 'Norway', DA: 'Denmark', FI: 'Finland', AS: 'Australia', NZ: 'New Zealand',
  ID: 'Indonesia', RP: 'Philippines', TH: 'Thailand', VM: 'Vietnam', BM: 'Burma',
  SN: 'Singapore', NI: 'Nigeria', SF: 'South Africa', KE: 'Kenya', ET: 'Ethiopia',
  SO: 'Somalia', CO: 'Colombia', PE: 'Peru', CI: 'Chile', EC: 'Ecuador', BL: 'Bolivia',
  AJ: 'Azerbaijan', AM: 'Armenia', KZ: 'Kazakhstan', UZ: 'Uzbekistan', BO: 'Belarus',
  YM: 'Yemen', JO: 'Jordan', KU: 'Kuwait', QA: 'Qatar', AE: 'United Arab Emirates',
  MU: 'Oman', BA: 'Bahrain', LY: 'Libya', AG: 'Algeria', MO: 'Morocco', TS: 'Tunisia',
  HA: 'Haiti', GT: 'Guatemala', HO: 'Honduras', NU: 'Nicaragua', ES: 'El Salvador',
  PM: 'Panama', VT: 'Holy See', PO: 'Portugal', GR: 'Greece', CY: 'Cyprus', EI: 'Ireland',
  AU: 'Austria', HU: 'Hungary', RO: 'Romania', BU: 'Bulgaria', KV: 'Kosovo',
  // Organizations.
  UN: 'United Nations', NATO: 'North Atlantic Treaty Organization', EU: 'European Union',
  EUN: 'European Union', IAEA: 'International Atomic Energy Agency', OAS: 'Organization of American States',
  OSCE: 'Organization for Security and Co-operation in Europe', WTO: 'World Trade Organization',
  UNSC: 'UN Security Council',
};

// The meaning of a TAG as shown on the cable page: the known meaning, else what its shape says.
export function tagMeaning(value, kind) {
  const v = (value || '').toUpperCase();
  if (Object.prototype.hasOwnProperty.call(TAGS, v)) return TAGS[v];
  if (kind === 'subject' && TAG_AREA[v[0]]) return 'subject TAG in ' + TAG_AREA[v[0]];
  if (kind === 'program') return 'program TAG';
  if (kind === 'person') return 'a person named in the TAGS';
  return TAG_KIND[kind] || '';
}

// "1.4(b)" → "foreign government information".
export function reasonMeaning(reason) {
  const m = /\(([a-h])\)/i.exec(reason || '') || /([a-h])\s*$/i.exec(reason || '');
  return m ? REASONS[m[1].toLowerCase()] : '';
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

export function explainCaveat(c) {
  const v = (c || '').toUpperCase();
  if (CAVEATS[v]) return CAVEATS[v];
  for (const k of Object.keys(CAVEATS)) if (v.startsWith(k)) return CAVEATS[k];
  return '';
}
