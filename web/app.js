// The single-page app: routes the address-bar path to a view; links navigate without reloading,
// and every view's state lives in the URL (bookmarkable, shareable, back/forward work).
import {h, clear} from './dom.js';
import {renderSearch} from './search.js';
import {renderCable, renderDiff} from './cable.js';
import {renderBrowse} from './browse.js';
import {renderGraph} from './graph.js';

const app = document.getElementById('app');

const ROUTES = [
  [/^\/(search)?$/, () => renderSearch],
  [/^\/cable\/([^/]+)\/diff$/, (m) => (el, url) => renderDiff(el, decodeURIComponent(m[1]), url)],
  [/^\/cable\/([^/]+)$/, (m) => (el, url) => renderCable(el, decodeURIComponent(m[1]), url)],
  [/^\/graph\/([^/]+)$/, (m) => (el, url) => renderGraph(el, decodeURIComponent(m[1]), url)],
  [/^\/browse(?:\/([^/]*))?$/, (m) => (el, url) => renderBrowse(el, m[1] ? decodeURIComponent(m[1]) : '', url)],
];

let renderSeq = 0;
let rendered = '';  // path + query of the view on screen

// Renders the view of the current URL. When only the fragment changed (an in-page anchor), the
// view stays and the browser's own scrolling and :target apply.
async function route(force) {
  const url = new URL(window.location.href);
  const key = url.pathname + url.search;
  if (key === rendered && force !== true) {
    document.body.dataset.ready = '1';
    return;
  }
  const seq = ++renderSeq;
  for (const [re, make] of ROUTES) {
    const m = re.exec(url.pathname);
    if (!m) continue;
    const view = make(m);
    // Render off-screen, then swap, so a slow answer for an old URL never replaces a newer view.
    const el = h('div', {class: 'view'});
    try {
      await view(el, url);
    } catch (e) {
      clear(el).appendChild(errorBox(e));
    }
    if (seq !== renderSeq) return;
    clear(app).appendChild(el);
    rendered = key;
    if (url.hash) {
      // The anchor did not exist when the browser applied the fragment: apply it again, so that it
      // scrolls into view and matches :target. (The popstate this fires finds `rendered` current.)
      window.history.replaceState(null, '', key);
      window.location.hash = url.hash;
    } else {
      window.scrollTo(0, 0);
    }
    document.body.dataset.ready = '1';
    return;
  }
  rendered = key;
  clear(app).appendChild(h('div', {class: 'view'}, h('h1', null, 'Not found'),
      h('p', null, 'No page at ', h('code', null, url.pathname), '. ', h('a', {href: '/', 'data-nav': true}, 'Search'))));
  document.body.dataset.ready = '1';
}

export function errorBox(e) {
  const box = h('div', {class: 'error', role: 'alert'},
      h('strong', null, e.status ? `Error ${e.status}` : 'Error'), ' ',
      e.code ? h('code', null, e.code) : null, ': ', e.message || String(e));
  return box;
}

export function navigate(href) {
  window.history.pushState(null, '', href);
  document.body.dataset.ready = '';
  route(true);
}

// Same-origin links to UI paths navigate in the page; /api/ and /static/ links load normally.
document.addEventListener('click', (ev) => {
  if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  const a = ev.target.closest && ev.target.closest('a[href]');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.getAttribute('href'), window.location.href);
  if (url.origin !== window.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/static/')) return;
  if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return;
  ev.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});

// Any form with data-search (and the top bar's) goes to the search page with its fields.
document.addEventListener('submit', (ev) => {
  const form = ev.target;
  if (!(form.id === 'topsearch' || form.dataset.search !== undefined)) return;
  ev.preventDefault();
  const params = new URLSearchParams(new FormData(form));
  for (const [k, v] of [...params.entries()]) if (v === '') params.delete(k);
  navigate('/search?' + params.toString());
});

window.addEventListener('popstate', () => route(false));
route(true);
