// Browse without typing a query: by year and month, by origin, by TAGS (counts from /api/stats).
import {h} from './dom.js';
import {getJson} from './api.js';
import {filterTerm, searchUrl} from './query.js';
import {monthName, tagMeaning} from './glossary.js';

function byDate(q) { return searchUrl(q, {sort: 'date'}); }

function browseNav(active) {
  const item = (key, label, href) => h('a', {href, 'data-nav': true, class: 'tab' + (active === key ? ' active' : '')}, label);
  return h('nav', {class: 'tabs'}, item('', 'Overview', '/browse'), item('years', 'Years', '/browse/years'),
      item('origins', 'Origins', '/browse/origins'), item('tags', 'TAGS', '/browse/tags'));
}

function yearGrid(years) {
  const max = Math.max(1, ...years.map((y) => y.count));
  return h('ul', {class: 'yeargrid'}, years.map((y) => h('li', null,
      h('a', {href: '/browse/' + y.value, 'data-nav': true, 'data-year': y.value},
          h('span', {class: 'y'}, y.value), h('span', {class: 'c'}, String(y.count)),
          h('span', {class: 'meter', 'data-w': Math.round(100 * y.count / max)})))));
}

function countTable(items, field, limit, describe) {
  return h('table', {class: 'counts'}, h('tbody', null, items.slice(0, limit).map((it) => h('tr', null,
      h('td', null, h('a', {href: byDate(filterTerm(field, it.value)), 'data-nav': true}, it.value)),
      describe ? h('td', {class: 'explain'}, describe(it.value)) : null,
      h('td', {class: 'num'}, String(it.count))))));
}

function sizeMeters(root) {
  for (const el of root.querySelectorAll('.meter')) el.style.width = el.dataset.w + '%';
}

async function renderYear(el, year) {
  el.appendChild(h('h1', null, `Cables of ${year}`));
  const months = Array.from({length: 12}, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const counts = await Promise.all(months.map((m) =>
    getJson('/api/search', {q: `from:${m} to:${m}`, limit: 0}).then((r) => r.total).catch(() => null)));
  const max = Math.max(1, ...counts.map((c) => c || 0));
  el.appendChild(h('p', null, h('a', {href: byDate(`from:${year} to:${year}`), 'data-nav': true}, `All cables of ${year}, by date`)));
  el.appendChild(h('ul', {class: 'monthgrid'}, months.map((m, i) => h('li', {class: counts[i] ? null : 'empty'},
      counts[i] ? h('a', {href: byDate(`from:${m} to:${m}`), 'data-nav': true, 'data-month': m},
          h('span', {class: 'y'}, monthName(i + 1)), h('span', {class: 'c'}, String(counts[i])),
          h('span', {class: 'meter', 'data-w': Math.round(100 * counts[i] / max)}))
        : h('span', null, h('span', {class: 'y'}, monthName(i + 1)), h('span', {class: 'c'}, counts[i] === null ? '?' : '0'))))));
  sizeMeters(el);
}

export async function renderBrowse(el, sub, url) {
  document.title = 'Browse — cablebase';
  if (/^\d{4}$/.test(sub)) {
    el.appendChild(browseNav('years'));
    return renderYear(el, sub);
  }
  const stats = await getJson('/api/stats');
  const years = stats.by_year.filter((y) => y.value);
  el.appendChild(browseNav(sub));
  if (sub === 'years') {
    el.append(h('h1', null, 'By year'), yearGrid(years));
  } else if (sub === 'origins') {
    el.append(h('h1', null, `By origin (${stats.by_origin.length} posts)`), countTable(stats.by_origin, 'origin', 1000));
  } else if (sub === 'tags') {
    el.append(h('h1', null, `By TAGS (${stats.by_tag.length})`),
        countTable(stats.by_tag, 'tag', 1000, (v) => tagMeaning(v, '')));
  } else {
    el.appendChild(h('h1', null, `Browse ${stats.cables} cables`));
    el.appendChild(h('div', {class: 'browse-cols'},
        h('section', null, h('h2', null, 'By year'), yearGrid(years)),
        h('section', null, h('h2', null, 'By origin'), countTable(stats.by_origin, 'origin', 25),
            h('p', null, h('a', {href: '/browse/origins', 'data-nav': true}, `All ${stats.by_origin.length} origins`))),
        h('section', null, h('h2', null, 'By TAGS'), countTable(stats.by_tag, 'tag', 25, (v) => tagMeaning(v, '')),
            h('p', null, h('a', {href: '/browse/tags', 'data-nav': true}, `All ${stats.by_tag.length} TAGS`))),
        h('section', null, h('h2', null, 'By classification'), countTable(stats.by_classification, 'class', 10),
            h('h2', null, 'By caveat'), countTable(stats.by_caveat, 'caveat', 15))));
  }
  sizeMeters(el);
}
