// The cable page: classification banner, header laid out and explained, paragraphs with anchors and
// portion marks, references both ways (missing cables marked), versions with a diff, raw text.
import {h, shortDate, cableLink, classificationClass, classificationBadge} from './dom.js';
import {getJson, getText, ApiError} from './api.js';
import {PRECEDENCE, CLASSIFICATION, tagMeaning, reasonMeaning, explainDtg, explainCaveat, portionMarkMeaning, TAG_KIND} from './glossary.js';
import {searchUrl, filterTerm} from './query.js';
import {errorBox} from './app.js';

const enc = encodeURIComponent;

function bannerText(c) {
  const level = c.classification || c.metadata_classification || 'CLASSIFICATION UNKNOWN';
  const caveats = [...new Set([...(c.caveats || []), ...(c.metadata_caveats || [])])]
      .filter((x) => !level.includes(x));
  return [level, ...caveats].join('//');
}

function banner(c, where) {
  const level = c.classification || c.metadata_classification;
  return h('div', {class: 'banner ' + classificationClass(level), role: where === 'top' ? 'banner' : null,
    'data-banner': where}, bannerText(c));
}

function tabs(id, active, versionCount) {
  const tab = (key, label, href) => h('a', {href, 'data-nav': href.startsWith('/api/') ? null : true,
    class: 'tab' + (active === key ? ' active' : ''), 'aria-current': active === key ? 'page' : null}, label);
  return h('nav', {class: 'tabs', 'aria-label': 'Views of this cable'},
      tab('cable', 'Cable', '/cable/' + enc(id)),
      tab('raw', 'Raw text', '/cable/' + enc(id) + '?view=raw'),
      tab('versions', `Versions (${versionCount || 1})`, '/cable/' + enc(id) + '#versions'),
      tab('graph', 'Reference graph', '/graph/' + enc(id)),
      tab('json', 'JSON', '/api/cables/' + enc(id)));
}

// One row of the header table: label, value(s), and an explanation when we have one.
function row(label, value, explanation) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return null;
  return h('tr', null, h('th', {scope: 'row'}, label), h('td', null, value,
      explanation ? h('div', {class: 'explain'}, explanation) : null));
}

function addressees(list) {
  if (!list || !list.length) return null;
  return h('ul', {class: 'addressees'}, list.map((a) => h('li', null,
      a.route ? h('code', {class: 'route', title: 'routing indicator'}, a.route) : null, a.route ? ' / ' : null,
      h('span', {class: 'name'}, a.name),
      a.collective ? h('span', {class: 'badge collective', title: 'a collective: a group of posts addressed at once'}, 'collective') : null,
      a.precedence ? h('span', {class: 'prec', title: PRECEDENCE[a.precedence] || ''}, ' ', a.precedence) : null,
      a.sequence ? h('span', {class: 'seq', title: 'message sequence number for this addressee'}, ' #' + a.sequence) : null,
      a.excluded && a.excluded.length ? h('div', {class: 'explain'}, 'excluding: ', a.excluded.join(', ')) : null)));
}

function tagList(c) {
  const details = c.tag_details && c.tag_details.length ? c.tag_details : (c.tags || []).map((t) => ({value: t, kind: ''}));
  if (!details.length) return null;
  return h('ul', {class: 'tags'}, details.map((t) => h('li', null,
      h('a', {href: searchUrl(filterTerm('tag', t.value)), 'data-nav': true, class: 'tag'}, t.value),
      h('span', {class: 'kind'}, ' ', TAG_KIND[t.kind] || t.kind || ''),
      tagMeaning(t.value, t.kind) && tagMeaning(t.value, t.kind) !== TAG_KIND[t.kind]
        ? h('span', {class: 'meaning'}, ' — ', tagMeaning(t.value, t.kind)) : null)));
}

function headerTable(c) {
  const tx = c.transmission;
  const cb = c.classified_by;
  const caveats = [...new Set([...(c.caveats || []), ...(c.metadata_caveats || [])])];
  return h('table', {class: 'header-table'}, h('tbody', null,
      row('Reference ID', h('code', null, c.reference_id),
          c.reference_id_published ? `published as ${c.reference_id_published}` :
            'two-digit year + post + serial: the cable\'s unique name'),
      row('Created', shortDate(c.created)),
      row('Released', shortDate(c.released), c.released ? 'when WikiLeaks published it' : null),
      row('Precedence', c.precedence, PRECEDENCE[c.precedence]),
      row('Date-time group', c.dtg ? h('code', null, c.dtg) : null, explainDtg(c.dtg)),
      row('From', c.originator, c.origin && c.origin !== c.originator ? `origin: ${c.origin}` : null),
      row('To (action)', addressees(c.to), c.to && c.to.length ? 'action addressees: expected to act on it' : null),
      row('Info', addressees(c.info), c.info && c.info.length ? 'info addressees: sent for information' : null),
      row('Classification', c.classification || c.metadata_classification,
          [CLASSIFICATION[c.classification] || '', c.metadata_classification && c.metadata_classification !== c.classification
            ? `published metadata: ${c.metadata_classification}` : ''].filter(Boolean).join('; ')),
      row('Caveats', caveats.length ? h('ul', {class: 'caveats'}, caveats.map((cv) => h('li', null,
          h('a', {href: searchUrl(filterTerm('caveat', cv)), 'data-nav': true}, cv),
          explainCaveat(cv) ? h('span', {class: 'meaning'}, ' — ', explainCaveat(cv)) : null))) : null),
      row('Section', c.section_count ? `${c.section_number} of ${c.section_count}` : null,
          c.section_count ? 'long cables were sent in numbered sections' : null),
      row('Post / serial', c.post ? `${c.post} ${c.serial || ''}` : null),
      row('E.O.', c.executive_order ? `Executive Order ${c.executive_order}` : null, c.eo_line ? h('code', null, c.eo_line) : null),
      row('Declassify on', c.declassify_on, c.declassify_on ? 'the date the classification lapses' : null),
      row('TAGS', tagList(c), 'Traffic Analysis by Geography and Subject (5 FAH-3)'),
      row('Classified by', cb ? [cb.name, cb.title ? `, ${cb.title}` : ''].join('') || cb.text : null,
          cb && cb.reasons && cb.reasons.length ? h('ul', {class: 'reasons'}, cb.reasons.map((r) =>
            h('li', null, h('code', null, r), reasonMeaning(r) ? ' — ' + reasonMeaning(r) : ''))) : null),
      row('Signed', (c.signers || []).join(', ')),
      row('Transmission', tx ? h('code', null, [tx.transmission_id, tx.originating_station,
        tx.station_serial ? '#' + tx.station_serial : '', tx.security].filter(Boolean).join(' · ')) : null,
          tx ? 'ACP-127 transmission header: channel and serial, sending station, security line' : null),
      row('Partial', c.partial ? 'yes: this record is a partial extract of the original cable' : null),
      row('Source', c.source ? `${c.source.path || ''} (${c.source.format || ''})` : null),
      archiveRows(c)));
}

// The archive forms' own fields (PlusD, AAD, FOIA, FRUS, cfpf-gt, PDFs; cable.h ArchiveFields).
function archiveRows(c) {
  const a = c.archive;
  if (!a) return [];
  const list = (v, sep) => (v && v.length ? v.join(sep) : null);
  const ents = (a.entities || []).filter((e) => e.name);
  return [
    row('Document', a.document_number, a.collection && a.collection !== a.document_number ? a.collection : null),
    row('Title', a.title && a.title !== c.subject ? a.title : null),
    row('Publisher\'s To', list(a.addressees, '; ')),
    row('Drafted by', a.drafter),
    row('Cleared by', list(a.clearers, '; ')),
    row('Approved by', a.approver),
    row('Action office', list(a.action_offices, ' '), a.action_offices && a.action_offices.length ? 'the office that acts on the telegram' : null),
    row('Info offices', list(a.info_offices, ' ')),
    row('Film number', a.film_number),
    row('Concepts', list(a.concepts, ', ')),
    row('Handling', a.handling_restrictions),
    row('Publisher refs', list(a.resolved_references, ', ')),
    row('Source note', a.source_note),
    row('Pages', a.pages ? String(a.pages) : null),
    row('Entities', ents.length ? h('ul', {class: 'entities'}, ents.map((e) =>
        h('li', null, e.name, e.type ? h('span', {class: 'meaning'}, ' \u2014 ' + e.type) : null))) : null,
        ents.length ? 'people, places and organisations marked by the publisher' : null),
  ];
}

// Where the record disagrees with its own raw text (the audit, `cablebase audit --help`): a reader
// sees which fields of this record may be wrong before trusting them.
function auditSection(audit) {
  if (!audit || !audit.findings || !audit.findings.length) return null;
  return h('section', {class: 'audit', id: 'audit'}, h('h2', null, 'Where this record may be wrong'),
      h('p', {class: 'meaning'}, 'The record disagrees with the cable\'s own text here (checked by simple scans of the text):'),
      h('ul', null, audit.findings.map((f) => h('li', {'data-invariant': f.invariant},
          h('code', null, f.invariant), ' — ', f.message))));
}

function paragraphs(c) {
  if (!c.paragraphs || !c.paragraphs.length) {
    return h('section', {class: 'body'}, h('h2', null, 'Text'), h('pre', {class: 'text'}, c.body || c.text_raw || ''));
  }
  return h('section', {class: 'body'}, h('h2', null, 'Text'),
      c.summary ? h('div', {class: 'summary-box'}, h('h3', null, 'Summary'), h('p', null, c.summary)) : null,
      c.paragraphs.map((p) => h('section', {class: 'para', id: 'p' + p.number},
          h('a', {class: 'anchor', href: '#p' + p.number, title: 'Link to this paragraph'}, `¶${p.number}`),
          p.portion_marking ? h('span', {class: 'portion ' + classificationClass(portionLevel(p.portion_marking)),
            title: 'portion marking: ' + (portionMarkMeaning(p.portion_marking) || 'the classification of this paragraph')},
            `(${p.portion_marking})`) : null,
          h('div', {class: 'ptext'}, p.text))));
}

function portionLevel(mark) {
  const m = mark.split('/')[0].toUpperCase();
  return {U: 'UNCLASSIFIED', SBU: 'UNCLASSIFIED', C: 'CONFIDENTIAL', S: 'SECRET', TS: 'TOP SECRET', LOU: 'LIMITED OFFICIAL USE'}[m] || '';
}

function refItem(id, inArchive, extra) {
  return h('li', {class: inArchive ? 'ref present' : 'ref missing', 'data-ref': id},
      inArchive ? cableLink(id) : h('span', {class: 'cable-id'}, id),
      inArchive ? null : h('span', {class: 'badge missing', title: 'cited, but not in this archive'}, 'not in archive'),
      extra);
}

function referencesSection(c, graph) {
  const nodes = new Map((graph ? graph.nodes : []).map((n) => [n.reference_id, n]));
  const cites = (c.references || []).map((r) => {
    const id = r.reference_id;
    const label = r.label ? h('span', {class: 'label'}, r.label + '. ') : null;
    if (!id) return h('li', {class: 'ref other'}, label, r.text, h('span', {class: 'kind'}, ` (${r.kind})`));
    const node = nodes.get(id);
    return refItem(id, node ? node.in_archive : false, [' ', label, h('span', {class: 'reftext'}, r.text),
      node && node.subject ? h('span', {class: 'subj'}, ' — ' + node.subject) : null]);
  });
  const citedBy = graph ? graph.edges.filter((e) => e.cited_id === graph.root && e.citing_id !== graph.root) : [];
  const citing = [...new Set(citedBy.map((e) => e.citing_id))].map((id) => {
    const node = nodes.get(id) || {};
    return refItem(id, true, [node.created ? ' ' + shortDate(node.created).slice(0, 10) : '', node.subject ? ' — ' + node.subject : '']);
  });
  return h('section', {class: 'refs', id: 'references'},
      h('h2', null, 'References'),
      h('div', {class: 'refcols'},
          h('div', {'data-refs': 'cites'}, h('h3', null, `Cites (${cites.length})`),
              cites.length ? h('ul', null, cites) : h('p', {class: 'none'}, 'No REF line.')),
          h('div', {'data-refs': 'citedby'}, h('h3', null, `Cited by (${citing.length})`),
              citing.length ? h('ul', null, citing) : h('p', {class: 'none'}, 'No cable in the archive cites it.'))),
      h('p', null, h('a', {href: '/graph/' + enc(c.reference_id), 'data-nav': true}, 'Show the reference graph')));
}

// Sections Cablegate published as separate records are parts of one cable (docs/cable_format.md):
// every part's current version is current and the page shows them joined; versions are numbered
// within their part and only versions of one part are compared.
function versionsSection(id, versions) {
  let list = versions ? versions.versions : [];
  const parts = versions && versions.parts ? versions.parts : [];
  const inParts = parts.length > 1;
  const sec = h('section', {class: 'versions', id: 'versions'}, h('h2', null, `Versions (${list.length || 1})`));
  if (!list.length) return sec;
  if (inParts) {
    sec.appendChild(h('p', null, `This cable was published as ${parts.length} separate sections (parts); ` +
        'the current version of each part is shown, joined in order.'));
  }
  const label = (v) => (inParts ? `part ${v.part} of ${v.part_count} · ` : '') + String(v.version);
  sec.appendChild(h('table', {class: 'vtable'},
      h('thead', null, h('tr', null, ['#', 'Released', 'Ingested', 'Source', 'Content hash'].map((x) => h('th', null, x)))),
      h('tbody', null, list.map((v) => h('tr', {class: v.current ? 'current' : null},
          h('td', null, label(v), v.current ? ' (current)' : ''), h('td', null, shortDate(v.released)),
          h('td', null, shortDate(v.ingested_at)), h('td', null, v.source ? v.source.path : ''),
          h('td', null, h('code', null, (v.content_hash || '').slice(0, 12))))))));
  if (inParts) {
    // The diff compares versions of the first part that has two or more (the API's rule).
    const part = parts.find((p) => list.filter((v) => v.part === p.part).length > 1);
    list = part ? list.filter((v) => v.part === part.part) : [];
  }
  if (list.length < 2) {
    sec.appendChild(h('p', {class: 'none'}, inParts ? 'No part has a second version.'
                                                     : 'Only one version of this cable was ingested.'));
    return sec;
  }
  const opts = (sel) => list.map((v) => h('option', {value: v.version, selected: v.version === sel || null}, `version ${v.version}`));
  const a = h('select', {name: 'a', 'aria-label': 'Old version'}, opts(list[0].version));
  const b = h('select', {name: 'b', 'aria-label': 'New version'}, opts(list[list.length - 1].version));
  const link = h('a', {class: 'button', id: 'diff-link', 'data-nav': true}, 'Show the differences');
  const update = () => link.setAttribute('href', `/cable/${enc(id)}/diff?a=${a.value}&b=${b.value}`);
  a.addEventListener('change', update);
  b.addEventListener('change', update);
  update();
  sec.appendChild(h('p', {class: 'diffform'}, 'Compare ', a, ' with ', b, ' ', link));
  return sec;
}

async function optional(promise) {
  try { return await promise; } catch (e) { return null; }
}

export async function renderCable(el, id, url) {
  const view = url.searchParams.get('view') || '';
  document.title = `${id} — cablebase`;
  let cable;
  try {
    cable = await getJson('/api/cables/' + enc(id));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return renderMissing(el, id, e);
    throw e;
  }
  const [graph, versions, audit] = await Promise.all([
    optional(getJson(`/api/cables/${enc(id)}/refs`, {direction: 'both', depth: 1})),
    optional(getJson(`/api/cables/${enc(id)}/versions`)),
    optional(getJson(`/api/cables/${enc(id)}/audit`)),
  ]);
  document.title = `${cable.reference_id}: ${cable.subject || '(no subject)'} — cablebase`;
  el.appendChild(banner(cable, 'top'));
  el.appendChild(h('h1', {class: 'cable-title'}, cable.subject || '(no subject)'));
  el.appendChild(h('p', {class: 'meta'}, h('code', null, cable.reference_id), ' · ', shortDate(cable.created), ' · ',
      cable.origin ? h('a', {href: searchUrl(filterTerm('origin', cable.post || cable.origin)), 'data-nav': true}, cable.origin) : (cable.originator || ''),
      ' · ', classificationBadge(cable.classification || cable.metadata_classification)));
  el.appendChild(tabs(cable.reference_id, view === 'raw' ? 'raw' : 'cable', versions ? versions.versions.length : 1));
  if (view === 'raw') {
    const text = await getText(`/api/cables/${enc(id)}?format=text`);
    el.appendChild(h('section', null, h('h2', null, 'Raw text'),
        h('p', null, h('a', {href: `/api/cables/${enc(id)}?format=text`}, 'Plain text'), ' · ', h('a', {href: `/api/cables/${enc(id)}`}, 'JSON record')),
        h('pre', {class: 'raw', id: 'raw-text'}, text)));
  } else {
    el.appendChild(h('section', {class: 'header'}, h('h2', null, 'Header'), headerTable(cable)));
    const auditBox = auditSection(audit);
    if (auditBox) el.appendChild(auditBox);
    el.appendChild(paragraphs(cable));
    if (cable.comment) el.appendChild(h('section', {class: 'comment'}, h('h2', null, 'Comment'), h('p', null, cable.comment)));
    el.appendChild(referencesSection(cable, graph));
    el.appendChild(versionsSection(cable.reference_id, versions));
  }
  el.appendChild(banner(cable, 'bottom'));
}

// A reference ID that is cited but not stored: say so, and list who cites it.
async function renderMissing(el, id, err) {
  const graph = await optional(getJson(`/api/cables/${enc(id)}/refs`, {direction: 'citedby', depth: 1}));
  el.appendChild(h('h1', null, id));
  el.appendChild(h('div', {class: 'notice missing', 'data-missing': id}, 'This cable is not in the archive',
      graph && graph.edges.length ? ', but cables in the archive cite it.' : '.'));
  if (graph && graph.edges.length) {
    const nodes = new Map(graph.nodes.map((n) => [n.reference_id, n]));
    el.append(h('h2', null, 'Cited by'), h('ul', null, [...new Set(graph.edges.map((e) => e.citing_id))].filter((x) => x !== graph.root).map((cid) =>
      refItem(cid, true, nodes.get(cid) && nodes.get(cid).subject ? ' — ' + nodes.get(cid).subject : ''))));
  } else if (err) {
    el.appendChild(errorBox(err));
  }
}

export async function renderDiff(el, id, url) {
  const a = url.searchParams.get('a') || '1';
  const b = url.searchParams.get('b') || '2';
  document.title = `${id} v${a}→v${b} — cablebase`;
  el.appendChild(h('p', null, h('a', {href: '/cable/' + enc(id) + '#versions', 'data-nav': true}, '‹ ' + id)));
  const d = await getJson(`/api/cables/${enc(id)}/versions/${enc(a)}/diff/${enc(b)}`);
  el.appendChild(h('h1', null, `${d.reference_id}: version ${d.a} → version ${d.b}`));
  el.appendChild(h('p', {class: 'diffstat'}, h('span', {class: 'del'}, `−${d.removed} line${d.removed === 1 ? '' : 's'}`), ' ',
      h('span', {class: 'add'}, `+${d.added} line${d.added === 1 ? '' : 's'}`),
      d.changed_fields.length ? ` · fields that differ: ${d.changed_fields.join(', ')}` : ' · no record field differs'));
  // Long unchanged runs are folded to three lines of context around each change.
  const lines = d.lines;
  const keep = new Array(lines.length).fill(false);
  lines.forEach((l, i) => { if (l.op !== ' ') for (let j = Math.max(0, i - 3); j <= Math.min(lines.length - 1, i + 3); ++j) keep[j] = true; });
  const out = [];
  let skipped = 0;
  lines.forEach((l, i) => {
    if (!keep[i]) { ++skipped; return; }
    if (skipped) { out.push(h('div', {class: 'dl fold'}, `… ${skipped} unchanged line${skipped === 1 ? '' : 's'} …`)); skipped = 0; }
    out.push(h('div', {class: 'dl ' + (l.op === '+' ? 'add' : l.op === '-' ? 'del' : 'ctx')},
        h('span', {class: 'op', 'aria-hidden': 'true'}, l.op), l.text));
  });
  if (skipped) out.push(h('div', {class: 'dl fold'}, `… ${skipped} unchanged line${skipped === 1 ? '' : 's'} …`));
  el.appendChild(h('div', {class: 'diff', id: 'diff'}, out.length ? out : h('p', null, 'The texts are identical.')));
}
