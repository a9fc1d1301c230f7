// The search page: query box with the syntax explained, hits with marked snippets, facet panels
// that refine the query, sort and paging. State: /search?q=...&sort=...&page=N.
import {h, shortDate, cableLink, classificationBadge} from './dom.js';
import {getJson, ApiError} from './api.js';
import {addTerm, removeTerm, filterTerm, yearTerms, searchUrl} from './query.js';
import {errorBox} from './app.js';

const PAGE_SIZE = 20;

const SYNTAX = [
  ['hamas visit', 'both words (AND is implied), anywhere in subject or text'],
  ['"once and future war"', 'the exact phrase'],
  ['nucle*', 'words starting with nucle'],
  ['iran OR iraq', 'either word; AND, OR, NOT and parentheses combine'],
  ['moscow -gas', 'without the word gas (same as NOT gas)'],
  ['tag:PREL', 'cables with the TAG PREL (also tag:"BIDEN, JOSEPH")'],
  ['origin:moscow', 'sent from Moscow (post name or originator)'],
  ['class:secret', 'classification: unclassified, lou, confidential, secret, top secret'],
  ['caveat:noforn', 'with the caveat NOFORN (also SIPDIS, NODIS, EXDIS...)'],
  ['from:2006-02 to:2006-03', 'dated in a range (year, month or day)'],
  ['ref:06MOSCOW1323', 'cables that cite 06MOSCOW1323'],
  ['subject:chechnya', 'the word in the subject line only'],
];

function syntaxHelp(open) {
  return h('details', {class: 'syntax', open: open || null},
      h('summary', null, 'Query syntax'),
      h('table', null, h('tbody', null, SYNTAX.map(([ex, what]) =>
          h('tr', null, h('td', null, h('a', {href: searchUrl(ex), 'data-nav': true}, h('code', null, ex))),
              h('td', null, what))))),
      h('p', {class: 'hint'}, 'A query of filters only (no words) lists cables by date. ',
          'Results sort by relevance when the query has words, or by date.'));
}

function searchForm(q, sort) {
  const input = h('input', {name: 'q', type: 'search', value: q, maxlength: 1024, autofocus: true,
    placeholder: 'hamas visit tag:PREL from:2006', 'aria-label': 'Query', id: 'q'});
  const select = h('select', {name: 'sort', 'aria-label': 'Sort', id: 'sort'},
      [['relevance', 'Relevance'], ['-date', 'Newest first'], ['date', 'Oldest first']].map(([v, label]) =>
        h('option', {value: v, selected: v === sort || null}, label)));
  select.addEventListener('change', () => select.form.requestSubmit());
  return h('form', {class: 'searchform', 'data-search': true, action: '/search', role: 'search'},
      input, select, h('button', {type: 'submit'}, 'Search'));
}

// The query with a caret under the character the server pointed at (1-based position).
function queryErrorBox(e, q) {
  const box = errorBox(e);
  if (e instanceof ApiError && e.position > 0) {
    const pos = Math.min(e.position - 1, q.length);
    box.appendChild(h('pre', {class: 'caret'}, q + '\n' + ' '.repeat(pos) + '^'));
  }
  return box;
}

function yearHistogram(values, q) {
  const years = values.filter((v) => v.value);
  if (!years.length) return null;
  const max = Math.max(...years.map((v) => v.count));
  return h('div', {class: 'histogram', role: 'list'}, years.map((v) =>
    h('a', {class: 'bar', role: 'listitem', href: searchUrl(addTerm(q, yearTerms(v.value))), 'data-nav': true,
      title: `${v.value}: ${v.count} cable${v.count === 1 ? '' : 's'}`, 'data-facet': 'year', 'data-value': v.value},
    h('span', {class: 'fill', style: null, 'data-h': Math.max(4, Math.round(100 * v.count / max))}),
    h('span', {class: 'label'}, v.value.slice(-2)))));
}

// Bar heights are set through the CSSOM (the CSP allows no inline style attributes).
function sizeBars(root) {
  for (const el of root.querySelectorAll('.histogram .fill')) el.style.height = el.dataset.h + '%';
}

function facetList(title, field, values, q, limit) {
  if (!values || !values.length) return null;
  const items = values.filter((v) => v.value).map((v) => {
    const term = filterTerm(field, v.value);
    return h('li', null, h('a', {href: searchUrl(addTerm(q, term)), 'data-nav': true, 'data-facet': field, 'data-value': v.value},
        h('span', {class: 'fv'}, v.value), h('span', {class: 'fc'}, String(v.count))));
  });
  const shown = items.slice(0, limit);
  const list = h('ul', {class: 'facet-values'}, shown);
  const panel = h('section', {class: 'facet', 'data-field': field}, h('h3', null, title), list);
  if (items.length > limit) {
    const more = h('button', {type: 'button', class: 'more'}, `Show all ${items.length}`);
    more.addEventListener('click', () => { items.slice(limit).forEach((li) => list.appendChild(li)); more.remove(); });
    panel.appendChild(more);
  }
  return panel;
}

const FILTER_RE = /(?:^|\s)(-?(?:tag|origin|class|caveat|from|to|ref|cites|citedby|subject):(?:"[^"]*"|\S+))/g;

function activeFilters(q) {
  const chips = [];
  for (const m of q.matchAll(FILTER_RE)) {
    const term = m[1];
    chips.push(h('a', {class: 'chip', href: searchUrl(removeTerm(q, term) || ''), 'data-nav': true, title: 'Remove this filter'},
        term, h('span', {class: 'x', 'aria-hidden': 'true'}, '×')));
  }
  return chips.length ? h('div', {class: 'chips'}, 'Filters: ', chips) : null;
}

function snippet(runs) {
  return h('p', {class: 'snippet'}, (runs || []).map((r) => r.match ? h('mark', null, r.text) : r.text));
}

function hit(hitData) {
  return h('li', {class: 'hit', 'data-id': hitData.reference_id},
      h('div', {class: 'hit-head'}, cableLink(hitData.reference_id),
          h('a', {href: '/cable/' + encodeURIComponent(hitData.reference_id), class: 'subject', 'data-nav': true},
              hitData.subject || '(no subject)')),
      h('div', {class: 'meta'}, shortDate(hitData.created), ' · ', hitData.origin || 'unknown origin', ' · ',
          classificationBadge(hitData.classification)),
      snippet(hitData.snippet));
}

function pager(q, sort, page, total) {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return null;
  const link = (p, label, rel) => h('a', {href: searchUrl(q, {sort: sort === 'relevance' ? '' : sort, page: p > 1 ? p : ''}),
    'data-nav': true, rel: rel || null, class: p === page ? 'current' : null, 'aria-current': p === page ? 'page' : null}, label);
  const parts = [];
  if (page > 1) parts.push(link(page - 1, '‹ Previous', 'prev'));
  const first = Math.max(1, page - 4), last = Math.min(pages, first + 9);
  for (let p = first; p <= last; ++p) parts.push(link(p, String(p)));
  if (page < pages) parts.push(link(page + 1, 'Next ›', 'next'));
  return h('nav', {class: 'pager', 'aria-label': 'Pages'}, parts);
}

async function landing(el) {
  el.appendChild(syntaxHelp(true));
  try {
    const stats = await getJson('/api/stats');
    const years = stats.by_year.filter((y) => y.value);
    el.appendChild(h('section', {class: 'landing'},
        h('p', null, `The archive holds ${stats.cables} cables`,
            years.length ? ` from ${years[0].value} to ${years[years.length - 1].value}` : '', ', ',
            `${stats.cable_references} references between cables (${stats.unresolved_cables} cited cables are not in the archive). `,
            h('a', {href: '/browse', 'data-nav': true}, 'Browse by year, origin or TAGS'), '.'),
        h('h3', null, 'Cables by year'), yearHistogram(years, '')));
    sizeBars(el);
  } catch (e) {
    el.appendChild(errorBox(e));
  }
}

export async function renderSearch(el, url) {
  const q = (url.searchParams.get('q') || '').trim();
  const sort = url.searchParams.get('sort') || 'relevance';
  const page = Math.max(1, parseInt(url.searchParams.get('page') || '1', 10) || 1);
  document.title = q ? `${q} — cablebase` : 'cablebase';
  const top = document.querySelector('#topsearch input');
  if (top) top.value = q;
  el.appendChild(h('h1', {class: 'visually-hidden'}, 'Search'));
  el.appendChild(searchForm(q, sort));
  if (!q) return landing(el);
  el.appendChild(syntaxHelp(false));
  let res;
  try {
    res = await getJson('/api/search', {q, sort, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, facets: 1});
  } catch (e) {
    el.appendChild(queryErrorBox(e, q));
    return;
  }
  const f = res.facets || {};
  const side = h('aside', {class: 'facets', 'aria-label': 'Refine'},
      h('section', {class: 'facet', 'data-field': 'year'}, h('h3', null, 'Year'), yearHistogram(f.year || [], q)),
      facetList('Origin', 'origin', f.origin, q, 10),
      facetList('Classification', 'class', f.classification, q, 10),
      facetList('Caveat', 'caveat', f.caveat, q, 10),
      facetList('TAGS', 'tag', f.tag, q, 15));
  const from = res.total ? res.offset + 1 : 0;
  const to = res.offset + res.hits.length;
  const main = h('section', {class: 'results'},
      activeFilters(q),
      h('p', {class: 'summary', id: 'result-count'},
          res.total === 0 ? 'No cable matches.' : `${from}–${to} of ${res.total} cable${res.total === 1 ? '' : 's'}`,
          h('span', {class: 'took'}, ` (${res.took_ms.toFixed(1)} ms, ${res.ranked ? 'by relevance' : 'by date'})`),
          ' · ', h('a', {href: '/api/export?format=csv&q=' + encodeURIComponent(q)}, 'CSV'),
          ' · ', h('a', {href: '/api/export?format=jsonl&q=' + encodeURIComponent(q)}, 'JSONL'),
          ' · ', h('a', {href: '/api/export?format=graphml&q=' + encodeURIComponent(q)}, 'GraphML')),
      h('ol', {class: 'hits', start: from || 1}, res.hits.map(hit)),
      pager(q, sort, page, res.total));
  el.appendChild(h('div', {class: 'search-layout'}, side, main));
  sizeBars(el);
}
