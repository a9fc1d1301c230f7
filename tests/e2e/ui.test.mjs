// End-to-end tests of the cablebase web UI in Debian's Chromium (playwright-core, no browser
// download). run.sh starts `cablebase serve` on an archive of the fixture sets samples + server
// (tests/testdata/samples.files, server.files: real cables staged from the shared folder) and
// passes its URL in CABLEBASE_URL. Screenshots go to SCREENSHOT_DIR (default ./screenshots).
import {test, before, after, beforeEach, afterEach} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {chromium} from 'playwright-core';

const BASE = (process.env.CABLEBASE_URL || 'http://127.0.0.1:8080/').replace(/\/$/, '');
const SHOTS = process.env.SCREENSHOT_DIR || path.join(path.dirname(new URL(import.meta.url).pathname), 'screenshots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

let context, page, profileDir;
let problems;  // console errors, page errors, dialogs, requests to anything but the server

before(async () => {
  fs.mkdirSync(SHOTS, {recursive: true});
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cablebase-e2e-profile-'));
  // A fresh profile (--user-data-dir, which Playwright passes for a persistent context).
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: {width: 1280, height: 900},
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  if (context) await context.close();
  fs.rmSync(profileDir, {recursive: true, force: true});
});

beforeEach(async () => {
  problems = [];
  page = await context.newPage();
  // 4xx answers the test asks for (a malformed query, a missing cable) are logged by Chromium as
  // "Failed to load resource"; any 5xx is a problem.
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push('console: ' + m.text());
  });
  page.on('response', (r) => { if (r.status() >= 500) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('dialog', async (d) => { problems.push('dialog: ' + d.message()); await d.dismiss(); });
  page.on('request', (r) => {
    if (!r.url().startsWith(BASE + '/') && !r.url().startsWith('data:')) problems.push('external request: ' + r.url());
  });
});

afterEach(async () => {
  await page.close();
  assert.deepEqual(problems, [], 'no console errors, dialogs or external requests');
});

// Waits until the app has rendered the view of the current URL.
async function ready() {
  await page.waitForFunction(() => document.body.dataset.ready === '1', null, {timeout: 15000});
}

async function go(p) {
  await page.goto(BASE + p);
  await ready();
}

async function shot(name) {
  await page.screenshot({path: path.join(SHOTS, name + '.png'), fullPage: true});
}

async function clickAndWait(locator) {
  await locator.click();
  await ready();
}

test('search for a phrase, refine with a facet, page through, bookmark', async () => {
  await go('/');
  assert.match(await page.textContent('details.syntax'), /Query syntax/);
  await page.fill('#q', '"intel flights"');
  await page.press('#q', 'Enter');
  await ready();
  const url = new URL(page.url());
  assert.equal(url.pathname, '/search');
  assert.equal(url.searchParams.get('q'), '"intel flights"');
  const hits = await page.$$eval('li.hit', (els) => els.map((e) => e.dataset.id));
  assert.ok(hits.includes('08LONDON1412') && hits.includes('08LONDON1350'), hits.join(','));
  const marks = await page.$$eval('li.hit mark', (els) => els.map((e) => e.textContent.toLowerCase()));
  assert.ok(marks.some((m) => m.startsWith('intel')), 'snippets mark the phrase: ' + marks.join('|'));
  assert.ok(await page.isVisible('.facets [data-field="year"] .bar'), 'year histogram drawn');
  await shot('01-search');

  // A facet click adds a filter to the query (and to the URL).
  await clickAndWait(page.locator('.facets [data-field="class"] a[data-value="SECRET"]'));
  const refined = new URL(page.url()).searchParams.get('q');
  assert.equal(refined, '"intel flights" class:SECRET');
  assert.equal(await page.inputValue('#q'), refined);
  assert.ok((await page.textContent('.chips')).includes('class:SECRET'));
  await shot('02-facet');

  // Sorting is in the URL too.
  await page.selectOption('#sort', '-date');
  await ready();
  assert.equal(new URL(page.url()).searchParams.get('sort'), '-date');
  const dates = await page.$$eval('li.hit', (els) => els.map((e) => e.dataset.id));
  assert.equal(dates[0], '08LONDON1412', 'newest first');

  // The URL is a bookmark: loading it afresh gives the same list.
  const bookmarked = page.url();
  await go(new URL(bookmarked).pathname + new URL(bookmarked).search);
  assert.deepEqual(await page.$$eval('li.hit', (els) => els.map((e) => e.dataset.id)), dates);

  // Back returns to the unrefined search.
  await page.goBack();
  await ready();
  await page.goBack();
  await ready();
  assert.equal(new URL(page.url()).searchParams.get('q'), '"intel flights"');
});

test('paging through a long result list', async () => {
  await go('/search?q=' + encodeURIComponent('from:1966 to:2010') + '&sort=date');
  const summary = await page.textContent('#result-count');
  const total = Number(/of (\d+)/.exec(summary)[1]);
  assert.ok(total > 20, summary);
  const first = await page.$$eval('li.hit', (els) => els.map((e) => e.dataset.id));
  assert.equal(first.length, 20);
  await clickAndWait(page.locator('.pager a[rel="next"]').first());
  assert.equal(new URL(page.url()).searchParams.get('page'), '2');
  const second = await page.$$eval('li.hit', (els) => els.map((e) => e.dataset.id));
  assert.ok(second.length > 0 && !second.some((id) => first.includes(id)));
  assert.match(await page.textContent('#result-count'), /^21–/);
});

test('open a cable: banner, header explained, paragraphs with anchors, follow a reference', async () => {
  await go('/search?q=' + encodeURIComponent('"intel flights"'));
  await clickAndWait(page.locator('li.hit[data-id="08LONDON1412"] a.subject'));
  assert.equal(new URL(page.url()).pathname, '/cable/08LONDON1412');
  assert.equal(await page.textContent('h1.cable-title'), 'DOD INTEL FLIGHTS: FCO CLARIFIES');
  const banner = await page.textContent('[data-banner="top"]');
  assert.match(banner, /^SECRET/);
  assert.ok(await page.isVisible('[data-banner="bottom"]'));
  const header = await page.textContent('table.header-table');
  assert.match(header, /AMEMBASSY LONDON/);
  assert.match(header, /UTC \(Z = Zulu time\), May 2008/, 'the DTG is explained');
  assert.match(header, /SECSTATE WASHDC/);
  // The meanings come from the library's glossary (/static/glossary_data.js, built from C++).
  assert.match(header, /PREL subject TAG — external political relations/, 'TAGS with meaning');
  assert.match(header, /UK geographic code — United Kingdom/, 'geographic code with its name');
  assert.match(header, /NOFORN — not releasable to foreign nationals/, 'caveat explained');
  assert.match(header, /1\.4\(b\) — foreign government information/, 'reason explained');
  // Paragraphs have anchors and portion marks.
  const anchors = await page.$$eval('section.para a.anchor', (els) => els.map((a) => a.getAttribute('href')));
  assert.ok(anchors.length >= 3 && anchors[0] === '#p1', anchors.join(','));
  assert.ok((await page.$$('section.para .portion')).length > 0, 'portion marks shown');
  await shot('03-cable');

  // References both ways; a cable not in the archive is marked.
  const cites = await page.textContent('[data-refs="cites"]');
  assert.match(cites, /08LONDON1350/);
  assert.ok(await page.isVisible('[data-refs="cites"] li.missing[data-ref="08LONDON1159"] .badge.missing'));
  await clickAndWait(page.locator('[data-refs="cites"] li[data-ref="08LONDON1350"] a.cable-id'));
  assert.equal(new URL(page.url()).pathname, '/cable/08LONDON1350');
  assert.equal(await page.textContent('h1.cable-title'), 'HMG RAISES THE BAR ON INTEL FLIGHTS');
  assert.match(await page.textContent('[data-refs="citedby"]'), /08LONDON1412/);
  await page.locator('#references').scrollIntoViewIfNeeded();
  await shot('04-reference-followed');

  // A paragraph anchor is addressable.
  await go('/cable/08LONDON1350#p2');
  assert.equal(await page.evaluate(() => document.querySelector(':target') && document.querySelector(':target').id), 'p2');

  // Raw text and JSON.
  await clickAndWait(page.locator('nav.tabs a', {hasText: 'Raw text'}));
  assert.match(await page.textContent('#raw-text'), /FM AMEMBASSY LONDON/);
  assert.equal(await page.getAttribute('nav.tabs a:has-text("JSON")', 'href'), '/api/cables/08LONDON1350');
});

// State's geographic TAGS are FIPS 10-4 codes: UY is Uruguay, PA Paraguay (not ISO's Panama);
// SR has no certain meaning and is shown bare.
test('geographic TAGS are named from the FIPS 10-4 glossary', async () => {
  await go('/cable/07SANTIAGO983');
  const tags = await page.textContent('ul.tags');
  assert.match(tags, /UY geographic code — Uruguay/);
  assert.match(tags, /CI geographic code — Chile/);
  await go('/cable/06ASUNCION589');
  assert.match(await page.textContent('ul.tags'), /PA geographic code — Paraguay/);
  await go('/cable/09BELGRADE399');
  const sr = await page.textContent('ul.tags li:has(a.tag:text-is("SR"))');
  assert.equal(sr.trim(), 'SR geographic code');
});

test('versions and the diff view', async () => {
  await go('/cable/72TEHRAN1164');
  const versions = await page.$$('#versions tbody tr');
  assert.ok(versions.length >= 2, 'several versions listed');
  await page.locator('#versions').scrollIntoViewIfNeeded();
  await clickAndWait(page.locator('#diff-link'));
  const u = new URL(page.url());
  assert.equal(u.pathname, '/cable/72TEHRAN1164/diff');
  assert.ok(await page.isVisible('#diff'));
  const stat = await page.textContent('.diffstat');
  assert.match(stat, /line/);
  await shot('05-diff');
});

test('reference graph drawn in the page', async () => {
  await go('/graph/08LONDON1350?depth=2');
  const nodes = await page.$$eval('#graph-svg [data-node]', (els) => els.map((e) => e.dataset.node));
  assert.ok(nodes.includes('08LONDON1350') && nodes.includes('08LONDON1115') && nodes.includes('08LONDON1412'), nodes.join(','));
  assert.ok((await page.$$('#graph-svg .node.missing')).length >= 1, 'absent cables drawn as missing');
  assert.ok((await page.$$('#graph-svg line.edge')).length >= 3);
  await shot('06-graph');
  await clickAndWait(page.locator('#graph-svg a[data-node="08LONDON1115"]'));
  assert.equal(new URL(page.url()).pathname, '/cable/08LONDON1115');
});

test('browse by year and month, origin and TAGS', async () => {
  await go('/browse');
  assert.ok(await page.isVisible('.yeargrid a[data-year="2008"]'));
  await shot('07-browse');
  await clickAndWait(page.locator('.yeargrid a[data-year="2008"]').first());
  assert.equal(new URL(page.url()).pathname, '/browse/2008');
  await clickAndWait(page.locator('.monthgrid a[data-month="2008-05"]'));
  const q = new URL(page.url()).searchParams.get('q');
  assert.equal(q, 'from:2008-05 to:2008-05');
  assert.ok((await page.$$('li.hit')).length >= 2);
  await go('/browse/tags');
  await clickAndWait(page.locator('table.counts a', {hasText: 'PREL'}).first());
  assert.equal(new URL(page.url()).searchParams.get('q'), 'tag:PREL');
});

test('a malformed query shows where it went wrong', async () => {
  await go('/search?q=' + encodeURIComponent('(hamas visit'));
  const err = await page.textContent('.error');
  assert.match(err, /400/);
  assert.match(err, /expected '\)'/);
  assert.match(await page.textContent('.error pre.caret'), /\(hamas visit\n {12}\^/);
  await shot('08-query-error');
});

test('markup in a cable is shown as text and never runs', async () => {
  await go('/cable/10MADRID9999');
  const subject = '<SCRIPT>ALERT("XSS")</SCRIPT> & <IMG SRC=X ONERROR=ALERT(2)>';
  assert.equal(await page.textContent('h1.cable-title'), subject);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
  assert.equal(await page.evaluate(() => [...document.scripts].filter((s) => !s.src).length), 0, 'no inline script');
  assert.match(await page.textContent('#p1 .ptext'), /<\/pre><b>bold<\/b>/);
  assert.equal(await page.evaluate(() => document.querySelectorAll('#p1 b').length), 0);
  // A cited cable that is not in the archive has a page saying so.
  await clickAndWait(page.locator('[data-refs="cites"] li[data-ref="10MADRID49"] a.cable-id'));
  assert.equal(new URL(page.url()).pathname, '/cable/10MADRID49');
  await go('/cable/10MADRID8888');
  assert.ok(await page.isVisible('[data-missing="10MADRID8888"]'));
  assert.match(await page.textContent('body'), /10MADRID9999/, 'who cites the missing cable');
  await go('/search?q=xss');
  assert.equal(await page.textContent('li.hit a.subject'), subject);
  await shot('09-hostile-as-text');
});
