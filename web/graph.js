// The reference graph around one cable, drawn as inline SVG: the cable in the centre, the cables it
// cites and that cite it on a ring, their neighbours (depth 2) on an outer ring. Cables that are
// cited but not in the archive are grey and dashed. No external library.
import {h, s, shortDate, cableLink} from './dom.js';
import {getJson} from './api.js';

const enc = encodeURIComponent;
const W = 1000, H = 760, CX = W / 2, CY = H / 2;

function controls(id, depth, direction) {
  const link = (d, dir, label, active) => h('a', {href: `/graph/${enc(id)}?depth=${d}&direction=${dir}`, 'data-nav': true,
    class: 'tab' + (active ? ' active' : '')}, label);
  return h('nav', {class: 'tabs graph-controls'},
      link(1, direction, 'Depth 1', depth === 1), link(2, direction, 'Depth 2', depth === 2), ' ',
      link(depth, 'both', 'Both ways', direction === 'both'), link(depth, 'cites', 'Cites', direction === 'cites'),
      link(depth, 'citedby', 'Cited by', direction === 'citedby'));
}

// Angles for the nodes of one ring, in the order given, spread evenly (starting at the top).
function ring(nodes, radius, pos, offset) {
  const n = nodes.length;
  nodes.forEach((node, i) => {
    const a = -Math.PI / 2 + (offset || 0) + (2 * Math.PI * i) / Math.max(1, n);
    pos.set(node.reference_id, {x: CX + radius * Math.cos(a), y: CY + radius * Math.sin(a), a});
  });
}

// The edges between two cables (an entry that names no cable has cited_id null).
function cableEdges(graph) {
  return graph.edges.filter((e) => e.cited_id);
}

// " (N to cables not in the archive) · M REF entries name no cable", or the parts that apply.
function unresolvedNote(graph) {
  const missing = cableEdges(graph).filter((e) => !e.resolved).length;
  const unnamed = graph.edges.length - cableEdges(graph).length;
  return (missing ? ` (${missing} to cables not in the archive)` : '') +
      (unnamed ? ` · ${unnamed} REF ${unnamed === 1 ? 'entry names' : 'entries name'} no cable` : '');
}

function layout(graph) {
  const pos = new Map();
  const byDepth = [[], [], []];
  for (const n of graph.nodes) byDepth[Math.min(2, n.depth)].push(n);
  pos.set(graph.root, {x: CX, y: CY, a: 0});
  // Depth 1: cables citing the root first, then cables it cites, each by ID: the two groups form arcs.
  const citesRoot = new Set(graph.edges.filter((e) => e.cited_id === graph.root).map((e) => e.citing_id));
  byDepth[1].sort((a, b) => (citesRoot.has(b.reference_id) - citesRoot.has(a.reference_id)) ||
      a.reference_id.localeCompare(b.reference_id));
  const r1 = byDepth[2].length ? 190 : 280;
  ring(byDepth[1], r1, pos);
  // Depth 2: ordered by the angle of a depth-1 neighbour, so each cluster sits behind its parent.
  const parentAngle = (id) => {
    for (const e of graph.edges) {
      const other = e.citing_id === id ? e.cited_id : e.cited_id === id ? e.citing_id : null;
      if (other && pos.has(other) && other !== graph.root) return pos.get(other).a;
    }
    return 0;
  };
  byDepth[2].sort((a, b) => parentAngle(a.reference_id) - parentAngle(b.reference_id));
  ring(byDepth[2], 340, pos);
  return pos;
}

function draw(graph) {
  const pos = layout(graph);
  const present = new Map(graph.nodes.map((n) => [n.reference_id, n]));
  const svg = s('svg', {viewBox: `0 0 ${W} ${H}`, class: 'graph', role: 'img', id: 'graph-svg',
    'aria-label': `Reference graph of ${graph.root}: ${graph.nodes.length} cables, ${cableEdges(graph).length} references`});
  svg.appendChild(s('defs', null, s('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5,
    markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse'}, s('path', {d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead'}))));
  const edgeLayer = s('g', {class: 'edges'});
  for (const e of graph.edges) {
    // An entry that names no cable (cited_id null) has no node to point at.
    const a = pos.get(e.citing_id), b = e.cited_id ? pos.get(e.cited_id) : undefined;
    if (!a || !b) continue;
    const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy) || 1;
    const rb = e.cited_id === graph.root ? 16 : 10;
    edgeLayer.appendChild(s('line', {x1: a.x + (dx / len) * 10, y1: a.y + (dy / len) * 10,
      x2: b.x - (dx / len) * rb, y2: b.y - (dy / len) * rb, 'marker-end': 'url(#arrow)',
      class: 'edge' + (e.cited_id === graph.root || e.citing_id === graph.root ? ' root-edge' : '') + (e.resolved ? '' : ' unresolved')},
    s('title', null, `${e.citing_id} cites ${e.cited_id}${e.label ? ' (ref ' + e.label + ')' : ''}${e.resolved ? '' : ', not in the archive'}`)));
  }
  svg.appendChild(edgeLayer);
  const nodeLayer = s('g', {class: 'nodes'});
  for (const [id, p] of pos) {
    const n = present.get(id) || {reference_id: id, in_archive: true, depth: 0};
    const isRoot = id === graph.root;
    const cls = 'node' + (isRoot ? ' root' : '') + (n.in_archive ? ' present' : ' missing');
    const right = p.x >= CX;
    const g = s('a', {href: '/cable/' + enc(id), class: cls, 'data-node': id},
        s('circle', {cx: p.x, cy: p.y, r: isRoot ? 14 : 9}),
        s('text', {x: p.x + (isRoot ? 0 : right ? 13 : -13), y: isRoot ? p.y - 22 : p.y + 4,
          'text-anchor': isRoot ? 'middle' : right ? 'start' : 'end'}, id),
        s('title', null, `${id}${n.in_archive ? '' : ' (not in archive)'}${n.subject ? ': ' + n.subject : ''}`));
    nodeLayer.appendChild(g);
  }
  svg.appendChild(nodeLayer);
  return svg;
}

export async function renderGraph(el, id, url) {
  const depth = url.searchParams.get('depth') === '2' ? 2 : 1;
  const direction = ['cites', 'citedby'].includes(url.searchParams.get('direction')) ? url.searchParams.get('direction') : 'both';
  document.title = `References of ${id} — cablebase`;
  el.appendChild(h('p', null, h('a', {href: '/cable/' + enc(id), 'data-nav': true}, '‹ ' + id)));
  el.appendChild(h('h1', null, `Reference graph of ${id}`));
  el.appendChild(controls(id, depth, direction));
  const graph = await getJson(`/api/cables/${enc(id)}/refs`, {depth, direction});
  el.appendChild(h('p', {class: 'legend'},
      h('span', {class: 'key present'}, '●'), ' in the archive  ', h('span', {class: 'key missing'}, '○'), ' cited, not in the archive  ',
      `· ${graph.nodes.length} cables, ${cableEdges(graph).length} references`, unresolvedNote(graph), graph.truncated ? ' (truncated: too many to draw)' : '',
      ' · arrows point from the citing cable to the cited one'));
  el.appendChild(h('div', {class: 'graph-wrap'}, draw(graph)));
  el.appendChild(h('table', {class: 'counts graph-table'},
      h('thead', null, h('tr', null, h('th', null, 'Cable'), h('th', null, 'Hops'), h('th', null, 'Date'), h('th', null, 'Subject'))),
      h('tbody', null, graph.nodes.map((n) => h('tr', {class: n.in_archive ? null : 'missing'},
          h('td', null, n.in_archive ? cableLink(n.reference_id) : [n.reference_id, ' ', h('span', {class: 'badge missing'}, 'not in archive')]),
          h('td', {class: 'num'}, String(n.depth)), h('td', null, shortDate(n.created).slice(0, 10)), h('td', null, n.subject || ''))))));
}
