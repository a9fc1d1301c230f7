// Building query strings from clicks: a facet value becomes a field filter appended to the query.

// `field:value`, quoted when the value has spaces, commas or quotes ("origin:\"RIO DE JANEIRO\"").
export function filterTerm(field, value) {
  const v = String(value);
  if (/^[A-Za-z0-9._\-\/]+$/.test(v)) return field + ':' + v;
  return field + ':"' + v.replace(/"/g, '') + '"';
}

// The query with `term` added (once) at the end.
export function addTerm(query, term) {
  const q = (query || '').trim();
  if (q.split(/\s+/).includes(term)) return q;
  return q ? q + ' ' + term : term;
}

// The query without `term`.
export function removeTerm(query, term) {
  return (query || '').replace(term, ' ').replace(/\s+/g, ' ').trim();
}

// A year facet value → a date-range filter for that year.
export function yearTerms(year) {
  return `from:${year} to:${year}`;
}

// URL of the search page for a query.
export function searchUrl(q, extra) {
  const p = new URLSearchParams();
  p.set('q', q);
  for (const [k, v] of Object.entries(extra || {})) if (v !== undefined && v !== '') p.set(k, v);
  return '/search?' + p.toString();
}
