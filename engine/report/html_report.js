/* simcheck HTML report: builds the page from the JSON data block (#sc-data)
   written by html.c. Embedded into the page by embed_assets.cmake.
   Nothing from a document is ever parsed as HTML: every string goes into
   the DOM through textContent. The heatmap is one <canvas>; detail views are
   built when a pair is opened. Offsets in the data are UTF-16 code units. */
(function () {
  'use strict';

  var D = JSON.parse(document.getElementById('sc-data').textContent);
  var N = D.docs.length;
  var VERDICTS = D.verdicts;
  var OVERLAP = 2, REWRITE = 3, CONTAINS = 4;
  var PALETTE = 12;
  var ABBREV = ['', 'related', 'overlap', 'rewrite', 'contains', 'near-dup', 'dup'];
  var VERDICT_RGB = ['#8a919e', '#0f7a72', '#2452c9', '#6c35d4', '#c2410c', '#c0262d', '#7f1d1d'];
  /* ColorBrewer OrRd, 9 classes: monotone in lightness, readable in grey. */
  var STOPS = ['#fff7ec', '#fee8c8', '#fdd49e', '#fdbb84', '#fc8d59', '#ef6548', '#d7301f', '#b30000', '#7f0000'];
  var MISSING_RGB = [233, 236, 240], DIAGONAL_RGB = [255, 255, 255];

  /* ---------------------------------------------------------------- DOM */

  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        if (!Object.prototype.hasOwnProperty.call(attrs, k) || attrs[k] == null) continue;
        if (k === 'text') e.textContent = attrs[k];
        else if (k === 'cls') e.className = attrs[k];
        else if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), attrs[k]);
        else e.setAttribute(k, attrs[k]);
      }
    }
    for (var i = 2; i < arguments.length; i++) add(e, arguments[i]);
    if (attrs && attrs.onclick && tag !== 'button') {  /* reachable by keyboard too */
      e.tabIndex = 0;
      e.addEventListener('keydown', function (ev) {
        if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); e.click(); }
      });
    }
    return e;
  }
  function add(e, c) {
    if (c == null || c === false) return;
    if (Array.isArray(c)) { c.forEach(function (x) { add(e, x); }); return; }
    e.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
  function fmt(v, d) { return v == null ? '–' : Number(v).toFixed(d == null ? 2 : d); }
  function pct(v) { return Math.round(100 * v) + '%'; }
  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : (many || one + 's')); }

  /* ------------------------------------------------------------ colours */

  function hexRgb(h) { return [parseInt(h.substr(1, 2), 16), parseInt(h.substr(3, 2), 16), parseInt(h.substr(5, 2), 16)]; }
  var STOP_RGB = STOPS.map(hexRgb);
  /* A gamma below 1 spreads the common low and middle scores over more of
     the scale; the legend is drawn with the same function. */
  function scoreRgb(v) {
    v = Math.pow(Math.max(0, Math.min(1, v)), 0.7) * (STOP_RGB.length - 1);
    var i = Math.min(STOP_RGB.length - 2, Math.floor(v)), t = v - i, a = STOP_RGB[i], b = STOP_RGB[i + 1];
    return [Math.round(a[0] + (b[0] - a[0]) * t), Math.round(a[1] + (b[1] - a[1]) * t), Math.round(a[2] + (b[2] - a[2]) * t)];
  }
  function css(rgb) { return 'rgb(' + rgb[0] + ',' + rgb[1] + ',' + rgb[2] + ')'; }
  function dark(rgb) { return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] < 140; }
  function verdictChip(v, text, big) {
    return el('span', {cls: 'verdict v' + v + (big ? ' big' : ''), text: text || VERDICTS[v]});
  }

  /* ------------------------------------------------------ documents */

  function stem(p) { var b = basename(p), i = b.lastIndexOf('.'); return i > 0 ? b.slice(0, i) : b; }
  function basename(p) { var s = p.replace(/\/+$/, ''); var i = s.lastIndexOf('/'); return i >= 0 ? s.slice(i + 1) : s; }
  /* Short labels as the terminal table makes them: the file name up to the
     first '_', ' ' or '.'; then up to the extension; then the whole name. */
  var LABELS = (function () {
    var tries = [
      function (n) { return basename(n).split(/[_ .]/)[0]; },
      function (n) { var b = basename(n); var i = b.lastIndexOf('.'); return i > 0 ? b.slice(0, i) : b; },
      function (n) { return basename(n); },
      function (n) { return n; }
    ];
    for (var t = 0; t < tries.length; t++) {
      var seen = Object.create(null), ok = true;
      var l = D.docs.map(function (d) { return tries[t](d.name); });
      for (var i = 0; i < l.length && ok; i++) { if (!l[i] || seen[l[i]]) ok = false; seen[l[i]] = 1; }
      if (ok) return l;
    }
    return D.docs.map(function (d, i) { return '#' + (i + 1); });
  })();
  function label(i) { return LABELS[i]; }
  function shortLabel(i, max) {
    var s = LABELS[i];
    return s.length > max ? s.slice(0, max - 1) + '…' : s;
  }

  /* ------------------------------------------------------------- grid */

  function decode(b64) {
    if (!b64) return null;
    var bin = atob(b64), n = bin.length >> 1, g = new Uint16Array(n);
    for (var i = 0; i < n; i++) g[i] = bin.charCodeAt(2 * i) | (bin.charCodeAt(2 * i + 1) << 8);
    return g;
  }
  var GRID = decode(D.grid), GRID_LOWER = decode(D.grid_lower);
  /* Cell code of (row i, column j): value in 1/1000 | verdict << 10, or
     0xFFFF (not listed), or -1 (the diagonal). */
  function cellCode(i, j) {
    if (i === j || !GRID) return -1;
    var x = i < j ? i : j, y = i < j ? j : i;
    var k = x * N - x * (x + 1) / 2 + (y - x - 1);
    return i > j && GRID_LOWER ? GRID_LOWER[k] : GRID[k];
  }
  function codeValue(c) { return (c & 1023) / 1000; }
  function codeVerdict(c) { return c >> 10; }

  /* Detail pairs by unordered key. */
  var DETAIL = Object.create(null);
  D.pairs.forEach(function (p, i) { p.rank = i; DETAIL[Math.min(p.a, p.b) + ',' + Math.max(p.a, p.b)] = p; });
  function detailOf(a, b) { return DETAIL[Math.min(a, b) + ',' + Math.max(a, b)] || null; }

  /* Clusters of two or more documents, largest first; members by id. */
  var CLUSTERS = (function () {
    if (D.mode !== 'matrix') return [];
    var by = Object.create(null);
    D.docs.forEach(function (d, i) { (by[d.cluster] = by[d.cluster] || []).push(i); });
    var list = [];
    for (var k in by) if (by[k].length > 1) list.push(by[k]);
    list.sort(function (x, y) { return y.length - x.length || x[0] - y[0]; });
    return list;
  })();
  var CLUSTER_NO = new Int32Array(N).fill(-1);
  CLUSTERS.forEach(function (m, c) { m.forEach(function (i) { CLUSTER_NO[i] = c; }); });

  /* --------------------------------------------------------- routing */

  var current = null;  /* {a, b} of the open pair */
  var listeners = [];
  function openPair(a, b, scroll) {
    var h = '#pair-' + a + '-' + b;
    if (location.hash !== h) {
      try { history.pushState(null, '', h); } catch (e) { /* file:// in some browsers */ }
    }
    showPair(a, b, scroll !== false);
  }
  function fromHash() {
    var m = /^#pair-(\d+)-(\d+)$/.exec(location.hash);
    if (m && +m[1] < N && +m[2] < N && +m[1] !== +m[2]) { showPair(+m[1], +m[2], true); return true; }
    return false;
  }
  window.addEventListener('popstate', fromHash);
  window.addEventListener('hashchange', fromHash);

  /* ---------------------------------------------------------- header */

  var app = document.getElementById('app');
  app.textContent = '';
  var page = el('div', {cls: 'page'});
  app.appendChild(page);

  function header() {
    var title, sub;
    if (D.mode === 'compare') {
      var p0 = D.pairs[0];
      title = 'Comparison of ' + label(p0.a) + ' and ' + label(p0.b);
      sub = verdictText(p0) + ' · score ' + fmt(p0.figures.score) + ' · ' +
            (p0.passages.length ? plural(p0.passages.length, 'shared passage') : 'no shared passage') +
            (p0.sentences.length ? ' · ' + plural(p0.sentences.length, 'aligned sentence') : '');
    } else {
      title = 'Similarity report';
      var np = D.pairs_listed;
      sub = plural(N, 'document') + ' · ' + plural(np, 'pair') + ' scored' +
            (CLUSTERS.length ? ' · ' + plural(CLUSTERS.length, 'cluster') : '');
      document.title = 'simcheck: ' + plural(N, 'document');
    }
    var counts = null;
    if (D.verdict_counts) {
      counts = el('div', {cls: 'counts', 'aria-label': 'pairs by verdict'});
      for (var v = VERDICTS.length - 1; v >= 0; v--) {
        if (!D.verdict_counts[v]) continue;
        counts.appendChild(el('span', {cls: 'count'}, verdictChip(v), el('b', {text: D.verdict_counts[v]})));
      }
    }
    page.appendChild(el('header', {cls: 'top'},
      el('div', null, el('h1', {text: title}), el('div', {cls: 'sub', text: sub})), counts));
  }

  /* --------------------------------------------------------- heatmap */

  var map = null;  /* {canvas, order, pos, cell, left, top, n, draw} */

  function clusterOrder() {
    var order = [], seen = new Uint8Array(N);
    CLUSTERS.forEach(function (m) { m.forEach(function (i) { order.push(i); seen[i] = 1; }); });
    for (var i = 0; i < N; i++) if (!seen[i]) order.push(i);
    return order;
  }
  function inputOrder() { var o = []; for (var i = 0; i < N; i++) o.push(i); return o; }

  function heatmapCard() {
    var metric = D.metric, help = '';
    D.metrics.forEach(function (m) { if (m.name === metric) help = m.help; });
    var directed = !!D.grid_lower;
    var card = el('section', {cls: 'card', id: 'heatmap'});
    var select = el('select', {'aria-label': 'order of the documents'},
      el('option', {value: 'cluster', text: 'by cluster'}), el('option', {value: 'input', text: 'as given'}));
    card.appendChild(el('div', {cls: 'card-head'},
      el('div', null, el('h2', {text: 'Similarity map'}),
        el('p', {text: (metric === 'score' ? 'Combined score' : metric + ': ' + help) + ' of every pair' +
          (directed ? ' (row document’s side)' : '') + '. Click a cell to open the pair.'})),
      GRID ? el('label', {cls: 'map-controls'}, 'Order', select) : null));
    if (!GRID) {
      card.appendChild(el('p', {cls: 'empty', text: N < 2 ? 'Fewer than two documents: there is no pair to map.' :
        'More than ' + D.grid_max + ' documents: the map is left out; the clusters and the strongest pairs are below.'}));
      return card;
    }
    var wrap = el('div', {cls: 'map-wrap'});
    var canvas = el('canvas', {role: 'img', 'aria-label': 'heatmap of pair scores; the table of pairs below has the same data'});
    var tip = el('div', {cls: 'tip'});
    wrap.appendChild(canvas);
    wrap.appendChild(tip);
    card.appendChild(wrap);
    card.appendChild(legend());
    map = {canvas: canvas, wrap: wrap, tip: tip, order: CLUSTERS.length ? clusterOrder() : inputOrder()};
    if (!CLUSTERS.length) select.value = 'input';
    select.addEventListener('change', function () {
      map.order = select.value === 'cluster' ? clusterOrder() : inputOrder();
      drawMap();
    });
    canvas.addEventListener('mousemove', function (ev) { hover(ev); });
    canvas.addEventListener('mouseleave', function () { tip.style.display = 'none'; map.hot = null; drawOverlay(); });
    canvas.addEventListener('click', function (ev) {
      var c = cellAt(ev);
      if (c && c.i !== c.j && cellCode(c.i, c.j) !== 0xFFFF) openPair(Math.min(c.i, c.j), Math.max(c.i, c.j));
    });
    return card;
  }

  function legend() {
    var samples = [];
    for (var s = 0; s <= 20; s++) samples.push(css(scoreRgb(s / 20)));
    var grad = 'linear-gradient(to right, ' + samples.join(', ') + ')';
    var ticks = el('div', {cls: 'ticks'}, ['0', '0.25', '0.5', '0.75', '1'].map(function (t) { return el('span', {text: t}); }));
    var vl = el('div', {cls: 'vlegend'});
    var th = D.thresholds;
    var why = [
      'nothing in common',
      'the same topic (TF-IDF cosine ≥ ' + th.related + ')',
      'shares passages (≥ ' + th.overlap_shingles + ' shingles in common)',
      'the same content in other words (rewrite score ≥ ' + th.rewrite + ')',
      'one holds most of the other (≥ ' + pct(th.contains) + ' of its shingles)',
      'almost the same wording (shingle Jaccard ≥ ' + th.near_duplicate + ')',
      'the same text once case, spacing and quotes are folded'
    ];
    for (var v = VERDICTS.length - 1; v >= 0; v--) {
      vl.appendChild(verdictChip(v));
      vl.appendChild(el('span', {text: why[v]}));
    }
    return el('div', {cls: 'legend'},
      el('span', {cls: 'lbl', text: 'Colour'}),
      el('div', null,
        el('div', {cls: 'scale'}, el('div', {cls: 'bar', style: 'background:' + grad}), ticks),
        el('div', {cls: 'swatches', style: 'margin-top:6px'},
          el('span', null, el('i', {cls: 'sw', style: 'background:' + css(MISSING_RGB)}), 'pair not listed (--top, --min-score)'),
          el('span', null, el('i', {cls: 'dot', style: 'background:#2452c9'}), 'dot (small cells): overlap or stronger, in the verdict’s colour'))),
      el('span', {cls: 'lbl', text: 'Verdicts'}), vl);
  }

  /* Layout: labels left and on top when cells are large enough to read. */
  function layout() {
    var n = N, W = map.wrap.clientWidth || 600;
    var ctx = map.canvas.getContext('2d');
    ctx.font = '12px ' + getComputedStyle(document.body).fontFamily;
    var labels = n <= 60, lw = 0;
    if (labels) for (var i = 0; i < n; i++) lw = Math.max(lw, ctx.measureText(shortLabel(i, 18)).width);
    var left = labels ? Math.ceil(lw) + 12 : 0, top = labels ? Math.ceil(Math.min(lw, 110) * 0.72) + 16 : 0;
    var side = Math.max(120, Math.min(W - left - 4, 760));
    var cell = side / n;
    if (cell >= 2) cell = Math.min(Math.floor(cell), 96);
    map.cell = cell; map.left = left; map.top = top; map.labels = labels && cell >= 11;
    if (!map.labels) { map.left = map.top = 0; }
    map.side = cell * n;
    var dpr = window.devicePixelRatio || 1;
    map.dpr = dpr;
    map.canvas.style.width = (map.left + map.side) + 'px';
    map.canvas.style.height = (map.top + map.side) + 'px';
    map.canvas.width = Math.round((map.left + map.side) * dpr);
    map.canvas.height = Math.round((map.top + map.side) * dpr);
  }

  /* The grid as an image: one pixel per cell, or, when there are more
     documents than pixels, the maximum of each block (a strong pair never
     disappears in the downscaling). */
  function gridImage() {
    var n = N, order = map.order;
    var px = Math.min(n, Math.round(map.side * map.dpr));
    var img = new ImageData(px, px), d = img.data;
    var best = new Int32Array(px * px).fill(-4);  /* value in 1/1000; -1 diagonal, -3 not listed */
    var pos = new Int32Array(n);
    for (var r = 0; r < n; r++) pos[r] = Math.floor(r * px / n);
    for (var a = 0; a < n; a++) {
      var i = order[a], ya = pos[a] * px;
      for (var b = 0; b < n; b++) {
        var j = order[b], c = cellCode(i, j), k = ya + pos[b];
        var v = c < 0 ? -1 : c === 0xFFFF ? -3 : c & 1023;
        if (v > best[k]) best[k] = v;
      }
    }
    for (var p = 0; p < px * px; p++) {
      var rgb = best[p] >= 0 ? scoreRgb(best[p] / 1000) : best[p] === -1 ? DIAGONAL_RGB : MISSING_RGB;
      d[4 * p] = rgb[0]; d[4 * p + 1] = rgb[1]; d[4 * p + 2] = rgb[2]; d[4 * p + 3] = 255;
    }
    var off = document.createElement('canvas');
    off.width = off.height = px;
    off.getContext('2d').putImageData(img, 0, 0);
    return off;
  }

  function drawMap() {
    layout();
    map.image = gridImage();
    map.pos = new Int32Array(N);
    map.order.forEach(function (d, p) { map.pos[d] = p; });
    drawOverlay();
  }

  function drawOverlay() {
    var ctx = map.canvas.getContext('2d'), n = N, cell = map.cell, L = map.left, T = map.top;
    ctx.setTransform(map.dpr, 0, 0, map.dpr, 0, 0);
    ctx.clearRect(0, 0, L + map.side, T + map.side);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(map.image, L, T, map.side, map.side);
    var font = getComputedStyle(document.body).fontFamily;
    if (cell >= 6) {  /* cell borders */
      ctx.strokeStyle = 'rgba(255,255,255,0.9)';
      ctx.lineWidth = cell >= 20 ? 2 : 1;
      ctx.beginPath();
      for (var g = 0; g <= n; g++) {
        ctx.moveTo(L + g * cell, T); ctx.lineTo(L + g * cell, T + map.side);
        ctx.moveTo(L, T + g * cell); ctx.lineTo(L + map.side, T + g * cell);
      }
      ctx.stroke();
    }
    if (cell >= 9) {
      for (var a = 0; a < n; a++) for (var b = 0; b < n; b++) {
        var i = map.order[a], j = map.order[b], c = cellCode(i, j);
        if (c < 0 || c === 0xFFFF) continue;
        var v = codeVerdict(c), x = L + b * cell, y = T + a * cell, rgb = scoreRgb(codeValue(c));
        if (cell >= 38) {
          ctx.fillStyle = dark(rgb) ? '#fff' : '#2a2f3a';
          ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
          ctx.font = '600 ' + Math.min(15, Math.round(cell / 4.2)) + 'px ' + font;
          ctx.fillText(fmt(codeValue(c)), x + cell / 2, y + cell / 2 - (cell >= 52 ? 6 : 0));
          if (cell >= 52 && v >= OVERLAP) {
            ctx.font = Math.min(11, Math.round(cell / 6.5)) + 'px ' + font;
            ctx.fillText(ABBREV[v], x + cell / 2, y + cell / 2 + 11);
          }
        }
        if (v >= OVERLAP && cell < 52) {
          var rr = Math.max(2, Math.min(5, cell / 9));
          ctx.fillStyle = VERDICT_RGB[v];
          ctx.strokeStyle = '#fff'; ctx.lineWidth = 1.5;
          ctx.beginPath(); ctx.arc(x + cell - rr - 3, y + rr + 3, rr, 0, 2 * Math.PI); ctx.fill();
          if (cell >= 20) ctx.stroke();
        }
      }
    }
    if (map.labels) {
      ctx.fillStyle = '#4a5262';
      ctx.font = '12px ' + font;
      ctx.textBaseline = 'middle'; ctx.textAlign = 'right';
      for (var r = 0; r < n; r++) ctx.fillText(shortLabel(map.order[r], 18), L - 6, T + (r + 0.5) * cell);
      ctx.textAlign = 'left';
      for (var q = 0; q < n; q++) {
        ctx.save();
        ctx.translate(L + (q + 0.5) * cell, T - 6);
        ctx.rotate(-Math.PI / 4);
        ctx.fillText(shortLabel(map.order[q], 18), 0, 0);
        ctx.restore();
      }
    }
    var mark = function (pi, pj, style, w) {
      ctx.strokeStyle = style; ctx.lineWidth = w;
      var s = Math.max(cell, 3);
      ctx.strokeRect(L + pj * cell - (s - cell) / 2 + w / 2, T + pi * cell - (s - cell) / 2 + w / 2, s - w, s - w);
    };
    if (current && map.pos) {
      mark(map.pos[current.a], map.pos[current.b], '#1f2430', cell >= 12 ? 3 : 2);
      mark(map.pos[current.b], map.pos[current.a], '#1f2430', cell >= 12 ? 3 : 2);
    }
    if (map.hot) mark(map.hot.a, map.hot.b, 'rgba(31,36,48,0.55)', cell >= 12 ? 2 : 1);
  }

  function cellAt(ev) {
    var r = map.canvas.getBoundingClientRect();
    var x = ev.clientX - r.left - map.left, y = ev.clientY - r.top - map.top;
    if (x < 0 || y < 0 || x >= map.side || y >= map.side) return null;
    var b = Math.min(N - 1, Math.floor(x / map.cell)), a = Math.min(N - 1, Math.floor(y / map.cell));
    var w = map.wrap.getBoundingClientRect();
    return {a: a, b: b, i: map.order[a], j: map.order[b], x: ev.clientX - w.left, y: ev.clientY - w.top};
  }

  function hover(ev) {
    var c = cellAt(ev), tip = map.tip;
    if (!c || c.i === c.j) { tip.style.display = 'none'; map.hot = null; drawOverlay(); return; }
    map.hot = c;
    drawOverlay();
    tip.textContent = '';
    var code = cellCode(c.i, c.j);
    add(tip, [el('b', {text: label(c.i)}), ' × ', el('b', {text: label(c.j)}), el('br')]);
    if (code === 0xFFFF) add(tip, 'not listed (filtered out)');
    else {
      add(tip, [VERDICTS[codeVerdict(code)] + ' · ' + D.metric + ' ' + fmt(codeValue(code), 3), el('br')]);
      var p = detailOf(c.i, c.j);
      if (p) add(tip, el('span', {cls: 'nm', text: plural(p.passages.length, 'shared passage') + ' · click to compare'}));
      else add(tip, el('span', {cls: 'nm', text: 'not among the strongest pairs: click for the score'}));
    }
    tip.style.display = 'block';
    var W = map.wrap.clientWidth;
    tip.style.left = Math.min(c.x + 14, Math.max(0, W - tip.offsetWidth - 4)) + 'px';
    tip.style.top = (c.y + 16) + 'px';
  }

  /* --------------------------------------------------------- clusters */

  function excerpt(text, start, len, max) {
    var s = text.substr(start, len).replace(/\s+/g, ' ').trim();
    if (s.length <= max) return s;
    var cut = s.lastIndexOf(' ', max);
    return s.slice(0, cut > max * 0.6 ? cut : max) + ' …';
  }

  function clustersCard() {
    var card = el('section', {cls: 'card', id: 'clusters'});
    var alone = N - CLUSTERS.reduce(function (s, m) { return s + m.length; }, 0);
    card.appendChild(el('div', {cls: 'card-head'}, el('div', null, el('h2', {text: 'Clusters'}),
      el('p', {text: 'Documents linked, directly or through others, by an overlap, rewrite, contains, ' +
        'near-duplicate or duplicate verdict.' + (CLUSTERS.length && alone ? ' ' + plural(alone, 'document') + ' stand' +
        (alone === 1 ? 's' : '') + ' alone.' : '')}))));
    var box = el('div', {cls: 'clusters'});
    card.appendChild(box);
    if (!CLUSTERS.length) {
      box.appendChild(el('p', {cls: 'empty', text: N < 2 ? 'Fewer than two documents: nothing to group.' :
        'No clusters: no two documents share a passage or more.'}));
      return card;
    }
    var shown = 0, STEP = 30;
    function more() {
      var end = Math.min(CLUSTERS.length, shown + STEP);
      for (; shown < end; shown++) box.appendChild(clusterBox(CLUSTERS[shown], shown));
      if (btn) { if (shown >= CLUSTERS.length) btn.remove(); else btn.textContent = 'Show ' + Math.min(STEP, CLUSTERS.length - shown) + ' more of ' + (CLUSTERS.length - shown); }
    }
    var btn = CLUSTERS.length > STEP ? el('button', {cls: 'btn more', onclick: function () { more(); }}) : null;
    more();
    if (btn) card.appendChild(btn);
    return card;
  }

  var MEMBERS_MAX = 24;
  function clusterBox(members, no) {
    var links = [];
    for (var x = 0; x < members.length; x++) for (var y = x + 1; y < members.length; y++) {
      var c = cellCode(members[x], members[y]);
      if (c >= 0 && c !== 0xFFFF && codeVerdict(c) >= OVERLAP) links.push({a: members[x], b: members[y], code: c});
      else if (!GRID) {
        var p = detailOf(members[x], members[y]);
        if (p && p.verdict >= OVERLAP) links.push({a: members[x], b: members[y], code: p.verdict << 10 | Math.round(p.figures.score * 1000)});
      }
    }
    links.sort(function (p, q) { return (q.code & 1023) - (p.code & 1023); });
    var words = members.reduce(function (s, i) { return s + D.docs[i].words; }, 0);
    var box = el('div', {cls: 'cluster'},
      el('div', {cls: 'cluster-head'}, el('b', {text: 'Cluster ' + (no + 1)}),
        el('span', {cls: 'muted small', text: plural(members.length, 'document') + ' · ' + words.toLocaleString('en') + ' words'})),
      el('div', {cls: 'members'}, members.slice(0, MEMBERS_MAX).map(function (i) {
        return el('span', {cls: 'member', title: D.docs[i].name}, el('b', {text: label(i)}),
          LABELS[i] !== stem(D.docs[i].name) ? el('span', {cls: 'muted', text: ' ' + basename(D.docs[i].name)}) : null);
      }), members.length > MEMBERS_MAX ? el('span', {cls: 'muted small', text: 'and ' + (members.length - MEMBERS_MAX) + ' more'}) : null));
    var ul = el('ul', {cls: 'links'});
    var LIMIT = 6;
    links.slice(0, LIMIT).forEach(function (l) {
      var p = detailOf(l.a, l.b), v = codeVerdict(l.code);
      var li = el('li', {onclick: function () { openPair(l.a, l.b); }},
        el('div', {cls: 'link-row'}, el('span', {cls: 'pairname', text: label(l.a) + ' ↔ ' + label(l.b)}),
          verdictChip(v, p ? verdictText(p) : null), el('span', {cls: 'muted num', text: fmt(codeValue(l.code))}),
          p && p.passages.length ? el('span', {cls: 'muted', text: '· ' + plural(p.passages.length, 'shared passage')}) : null));
      if (p && p.passages.length) {
        var longest = 0;
        p.passages.forEach(function (s, k) { if (s[4] > p.passages[longest][4]) longest = k; });
        var s = p.passages[longest], t = D.docs[p.a].text;
        li.appendChild(el('p', {cls: 'quote'}, '“', el('mark', {cls: 'hl psg c' + (longest % PALETTE), text: excerpt(t, s[0], s[1], 190)}), '”'));
      }
      ul.appendChild(li);
    });
    if (links.length > LIMIT) ul.appendChild(el('li', {cls: 'muted small', text: 'and ' + plural(links.length - LIMIT, 'more link')}));
    box.appendChild(ul);
    return box;
  }

  /* ------------------------------------------------------ pair list */

  function verdictText(p) {
    var v = p.verdict;
    if (v === CONTAINS) return 'contains: ' + label(p.b_in_a ? p.a : p.b) + ' holds ' + label(p.b_in_a ? p.b : p.a);
    if (v === REWRITE && p.summary) return 'rewrite (summary)';
    if (v === REWRITE && p.within) return 'rewrite (within)';
    return VERDICTS[v];
  }

  function scoreBar(v) {
    return el('div', {cls: 'scorebar'}, el('i', {style: 'width:' + Math.round(100 * Math.max(0, Math.min(1, v))) + '%;background:' + css(scoreRgb(Math.max(v, 0.35)))}));
  }

  var pairRows = [];
  function pairsCard() {
    var card = el('section', {cls: 'card', id: 'pairs'});
    var np = D.pairs.length;
    card.appendChild(el('div', {cls: 'card-head'}, el('div', null, el('h2', {text: 'Strongest pairs'}),
      el('p', {text: np < D.pairs_listed ? 'The ' + np + ' best of ' + D.pairs_listed + ' pairs by score; each opens side by side.' :
        'Every pair by score; click one to read the two texts side by side.'}))));
    if (!np) { card.appendChild(el('p', {cls: 'empty', text: 'No pairs to list.'})); return card; }
    var tbody = el('tbody');
    var table = el('table', null, el('thead', null, el('tr', null,
      el('th', {cls: 'r', text: '#'}), el('th', {text: 'Pair'}), el('th', {text: 'Verdict'}), el('th', {text: 'Score'}),
      el('th', {cls: 'r', text: 'Passages'}), el('th', {cls: 'r', text: 'Jaccard', title: 'exact Jaccard of word shingle sets'}),
      el('th', {cls: 'r', text: 'Contained', title: 'the larger of the two containments'}),
      el('th', {cls: 'r', text: 'Cosine', title: 'TF-IDF cosine of content terms'}),
      el('th', {cls: 'r', text: 'Rewrite', title: 'sentence-alignment rewrite score'}))), tbody);
    card.appendChild(el('div', {cls: 'table-scroll'}, table));
    var shown = 0, STEP = 25;
    function more() {
      var end = Math.min(np, shown + STEP);
      for (; shown < end; shown++) {
        var p = D.pairs[shown], f = p.figures;
        var tr = el('tr', {cls: 'clickable', onclick: (function (q) { return function () { openPair(q.a, q.b); }; })(p)},
          el('td', {cls: 'r muted num', text: shown + 1}),
          el('td', null, el('span', {cls: 'pairname', text: label(p.a) + ' ↔ ' + label(p.b), title: D.docs[p.a].name + '\n' + D.docs[p.b].name})),
          el('td', null, verdictChip(p.verdict, verdictText(p))),
          el('td', null, el('div', {cls: 'scorecell'}, el('span', {cls: 'num', text: fmt(f.score, 3)}), scoreBar(f.score))),
          el('td', {cls: 'r num', text: p.passages.length || '–'}),
          el('td', {cls: 'r num', text: fmt(f.jaccard)}),
          el('td', {cls: 'r num', text: fmt(Math.max(f.containment_ab, f.containment_ba))}),
          el('td', {cls: 'r num', text: fmt(f.cosine)}),
          el('td', {cls: 'r num', text: fmt(f.rewrite)}));
        tr.dataset.key = Math.min(p.a, p.b) + ',' + Math.max(p.a, p.b);
        pairRows.push(tr);
        tbody.appendChild(tr);
      }
      if (shown >= np) btn && btn.remove();
      else if (btn) btn.textContent = 'Show ' + Math.min(STEP, np - shown) + ' more of ' + (np - shown);
      markCurrentRow();
    }
    var btn = np > STEP ? el('button', {cls: 'btn more', onclick: function () { more(); }}) : null;
    more();
    if (btn) card.appendChild(btn);
    return card;
  }
  function markCurrentRow() {
    var key = current ? Math.min(current.a, current.b) + ',' + Math.max(current.a, current.b) : '';
    pairRows.forEach(function (tr) { tr.classList.toggle('current', tr.dataset.key === key); });
  }

  /* ------------------------------------------------------ pair view */

  var pairCard = el('section', {cls: 'card', id: 'pair-view'});

  /* Splits text into text nodes and <mark>s for ranges [{s, e, k}] (UTF-16
     units; they may overlap: a segment takes the lowest k covering it). */
  function highlighted(text, ranges, what) {
    var frag = document.createDocumentFragment();
    var cuts = [0, text.length];
    ranges.forEach(function (r) { cuts.push(r.s, r.e); });
    cuts = cuts.filter(function (x) { return x >= 0 && x <= text.length; }).sort(function (x, y) { return x - y; });
    var labelled = Object.create(null);
    for (var i = 0; i + 1 < cuts.length; i++) {
      var s = cuts[i], e = cuts[i + 1];
      if (s === e) continue;
      var cover = [];
      for (var r = 0; r < ranges.length; r++) if (ranges[r].s <= s && ranges[r].e >= e) cover.push(ranges[r].k);
      var piece = text.slice(s, e);
      if (!cover.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      var k = Math.min.apply(null, cover);
      var m = el('mark', {cls: 'hl psg c' + (k % PALETTE) + (cover.length > 1 ? ' multi' : ''), 'data-k': k,
        title: what + ' ' + cover.map(function (x) { return x + 1; }).join(', ')});
      if (!labelled[k]) { m.setAttribute('data-n', k + 1); labelled[k] = 1; }
      m.textContent = piece;
      frag.appendChild(m);
    }
    return frag;
  }

  function scrollToMark(box, k, smooth) {
    var m = box.querySelector('mark[data-k="' + k + '"]');
    if (!m) return null;
    var top = m.offsetTop - box.clientHeight / 4;
    if (smooth && box.scrollTo) box.scrollTo({top: top, behavior: 'smooth'}); else box.scrollTop = top;
    return m;
  }
  function flash(k, boxes) {
    boxes.forEach(function (b) {
      b.querySelectorAll('mark[data-k="' + k + '"]').forEach(function (m) {
        m.classList.add('flash');
        setTimeout(function () { m.classList.remove('flash'); }, 1300);
      });
    });
  }

  function figure(name, value, help, main, bar) {
    return el('div', {cls: 'fig' + (main ? ' main' : ''), title: help || ''},
      el('div', {cls: 'k', text: name}), el('div', {cls: 'val', text: value}), bar === false ? null : scoreBar(+value));
  }
  function helpOf(name) { var h = ''; D.metrics.forEach(function (m) { if (m.name === name) h = m.help; }); return h; }

  function showPair(a, b, scroll) {
    current = {a: Math.min(a, b), b: Math.max(a, b)};
    if (map) drawOverlay();
    markCurrentRow();
    var p = detailOf(a, b);
    pairCard.textContent = '';
    if (p) renderDetail(p); else renderBrief(current.a, current.b);
    if (scroll) pairCard.scrollIntoView({behavior: 'auto', block: 'start'});
    listeners.forEach(function (f) { f(current); });
  }

  function pairHeading(a, b, right) {
    var da = D.docs[a], db = D.docs[b];
    return el('div', {cls: 'pair-head'},
      el('div', {style: 'min-width:0'},
        el('div', {cls: 'kicker', text: D.mode === 'compare' ? 'Pair' : 'Pair in detail'}),
        el('h2', {cls: 'pair-title'}, el('span', {cls: 'side a', text: 'A'}), el('span', {text: label(a)}),
          el('span', {cls: 'vs', text: '↔'}), el('span', {cls: 'side b', text: 'B'}), el('span', {text: label(b)})),
        el('div', {cls: 'fullnames'},
          el('div', null, el('span', {cls: 'side a', text: 'A'}), da.name + ' · ' + da.words.toLocaleString('en') + ' words, ' + plural(da.sentences, 'sentence')),
          el('div', null, el('span', {cls: 'side b', text: 'B'}), db.name + ' · ' + db.words.toLocaleString('en') + ' words, ' + plural(db.sentences, 'sentence')))),
      right);
  }

  function shellWord(s) { return /^[\w.\/:+@%=-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\''") + "'"; }

  function renderBrief(a, b) {
    var c = cellCode(a, b);
    var right = c >= 0 && c !== 0xFFFF ? el('div', {cls: 'scorebox'}, verdictChip(codeVerdict(c), null, true),
      el('div', {cls: 'bignum', text: fmt(codeValue(c))}), el('div', {cls: 'muted small', text: D.metric})) : null;
    pairCard.appendChild(pairHeading(a, b, right));
    pairCard.appendChild(el('div', {cls: 'note'},
      'Texts and passages are kept for the ' + D.pairs.length + ' strongest pairs only, to keep this page small. For this pair run ',
      el('code', {text: 'simcheck compare ' + shellWord(D.docs[a].name) + ' ' + shellWord(D.docs[b].name) + ' --format html'}), '.'));
  }

  /* The names and numbers only one side has (what lowers `facts`). */
  function missingFacts(p, ta, tb) {
    var box = el('div', {cls: 'extra facts'});
    ['A', 'B'].forEach(function (side, k) {
      var text = k ? tb : ta, words = (p.missing || []).filter(function (m) { return m[0] === k; }).map(function (m) {
        return text.slice(m[1], m[1] + m[2]);
      });
      if (words.length) box.appendChild(el('div', {text: 'Names and numbers only in ' + side + ': ' + words.join(', ')}));
    });
    return box;
  }

  function renderDetail(p) {
    var f = p.figures, a = p.a, b = p.b, ta = D.docs[a].text || '', tb = D.docs[b].text || '';
    var right = el('div', {cls: 'scorebox'}, verdictChip(p.verdict, verdictText(p), true),
      el('div', {cls: 'bignum', text: fmt(f.score, 2)}), el('div', {cls: 'muted small', text: 'combined score'}));
    pairCard.appendChild(pairHeading(a, b, right));

    /* Why: the reasons (the last one decided), and the figures. */
    var reasons = el('ul', {cls: 'reasons'});
    p.reasons.forEach(function (r, i) {
      var last = i === p.reasons.length - 1;
      reasons.appendChild(el('li', {cls: last ? 'decisive' : ''}, el('span', {cls: 'mark', text: last ? '✓' : '✗'}), el('span', {text: r.replace(/>=/g, '≥').replace(/<=/g, '≤')})));
    });
    var figs = el('div', {cls: 'figures'},
      figure('jaccard', fmt(f.jaccard), helpOf('jaccard'), true),
      figure('A in B', fmt(f.containment_ab), 'containment_ab: ' + helpOf('containment_ab'), true),
      figure('B in A', fmt(f.containment_ba), 'containment_ba: ' + helpOf('containment_ba'), true),
      figure('cosine', fmt(f.cosine), helpOf('cosine'), true),
      figure('chars', fmt(f.chars), helpOf('chars')),
      figure('words', fmt(f.words), helpOf('words')),
      figure('rewrite', fmt(f.rewrite), helpOf('rewrite'), true),
      figure('coverage A', fmt(f.coverage_ab), 'share of A’s content matched by B’s sentences'),
      figure('coverage B', fmt(f.coverage_ba), 'share of B’s content matched by A’s sentences'));
    pairCard.appendChild(el('div', {cls: 'why'},
      el('div', null, el('h3', {text: 'Why this verdict'}), reasons),
      el('div', null, el('h3', {text: 'Figures'}), figs,
        el('div', {cls: 'extra', text: 'MinHash ' + fmt(f.minhash) + ' · SimHash ' + fmt(f.simhash) + ' · sentence order ' +
          fmt(f.order) + ' · ' + plural(f.shared_shingles, 'shared shingle')}),
        missingFacts(p, ta, tb))));

    /* Highlights: shared passages, or aligned sentences. */
    var psg = p.passages.map(function (s, k) { return {a: {s: s[0], e: s[0] + s[1], k: k}, b: {s: s[2], e: s[2] + s[3], k: k}, words: s[4], sim: s[5]}; });
    var sen = p.sentences.map(function (s, k) { return {a: {s: s[0], e: s[0] + s[1], k: k}, b: {s: s[2], e: s[2] + s[3], k: k}, sim: s[4]}; });
    var mode = psg.length || !sen.length ? 'passages' : 'sentences';
    var toolbar = el('div', {cls: 'toolbar'});
    var list = el('div', {cls: 'plist'});
    var boxA = el('div', {cls: 'doc-text', tabindex: '0'}), boxB = el('div', {cls: 'doc-text', tabindex: '0'});
    var heading = el('h3', {style: 'margin:0'});
    function col(side, i, box) {
      var d = D.docs[i];
      return el('div', {cls: 'doc-col'}, el('div', {cls: 'doc-head'}, el('span', {cls: 'side ' + side, text: side.toUpperCase()}),
        el('span', {cls: 'nm', text: basename(d.name), title: d.name}), el('span', {cls: 'st', text: d.words.toLocaleString('en') + ' words'})), box);
    }
    function render() {
      var items = mode === 'passages' ? psg : sen, what = mode === 'passages' ? 'passage' : 'sentence pair';
      heading.textContent = mode === 'passages' ? (psg.length ? plural(psg.length, 'shared passage') : 'No shared passage of 8 words or more')
        : plural(sen.length, 'aligned sentence');
      boxA.textContent = ''; boxB.textContent = '';
      boxA.appendChild(highlighted(ta, items.map(function (x) { return x.a; }), what));
      boxB.appendChild(highlighted(tb, items.map(function (x) { return x.b; }), what));
      list.textContent = '';
      items.slice(0, 120).forEach(function (x, k) {
        list.appendChild(el('button', {cls: 'pchip', title: 'show in both texts', onclick: function () { go(k); }},
          el('span', {cls: 'n c' + (k % PALETTE), text: k + 1}),
          mode === 'passages' ? x.words + ' words' + (x.sim < 0.995 ? ', ' + pct(x.sim) + ' same' : '') : 'similarity ' + fmt(x.sim)));
      });
      if (items.length > 120) list.appendChild(el('span', {cls: 'muted small', text: 'and ' + (items.length - 120) + ' more in the texts'}));
      if (items.length) { scrollToMark(boxA, 0, false); scrollToMark(boxB, 0, false); }
      else { boxA.scrollTop = 0; boxB.scrollTop = 0; }
    }
    function go(k) { scrollToMark(boxA, k, true); scrollToMark(boxB, k, true); flash(k, [boxA, boxB]); }
    [boxA, boxB].forEach(function (box) {
      box.addEventListener('click', function (ev) {
        var m = ev.target.closest ? ev.target.closest('mark[data-k]') : null;
        if (m) go(+m.getAttribute('data-k'));
      });
    });
    toolbar.appendChild(heading);
    if (psg.length && sen.length) {
      var bp = el('button', {text: 'Shared passages'}), bs = el('button', {text: 'Aligned sentences'});
      var seg = el('div', {cls: 'seg', role: 'group', 'aria-label': 'highlight'}, bp, bs);
      var set = function (m) { mode = m; bp.classList.toggle('on', m === 'passages'); bs.classList.toggle('on', m === 'sentences'); render(); };
      bp.addEventListener('click', function () { set('passages'); });
      bs.addEventListener('click', function () { set('sentences'); });
      bp.classList.toggle('on', mode === 'passages'); bs.classList.toggle('on', mode === 'sentences');
      toolbar.appendChild(el('span', {cls: 'muted small', text: 'Highlight'}));
      toolbar.appendChild(seg);
    }
    pairCard.appendChild(toolbar);
    pairCard.appendChild(list);
    pairCard.appendChild(el('div', {cls: 'texts', style: 'margin-top:12px'}, col('a', a, boxA), col('b', b, boxB)));
    render();

    if (sen.length) {
      var tbody = el('tbody');
      sen.slice(0, 400).forEach(function (x, k) {
        tbody.appendChild(el('tr', {cls: 'clickable', onclick: function () { if (mode !== 'sentences' && set) set('sentences'); go(k); }},
          el('td', {cls: 'k'}, el('span', {cls: 'pchip', style: 'padding:0;border:0'}, el('span', {cls: 'n c' + (k % PALETTE), text: k + 1}))),
          el('td', {cls: 'sim num', text: fmt(x.sim)}),
          el('td', {text: excerpt(ta, x.a.s, x.a.e - x.a.s, 400)}),
          el('td', {text: excerpt(tb, x.b.s, x.b.e - x.b.s, 400)})));
      });
      pairCard.appendChild(el('details', {open: p.verdict === REWRITE ? '' : null, style: 'margin-top:18px'},
        el('summary', {text: 'Aligned sentences (' + sen.length + '): each sentence of the shorter text and its closest counterpart'}),
        el('div', {cls: 'table-scroll', style: 'margin-top:8px'}, el('table', {cls: 'sentences'},
          el('thead', null, el('tr', null, el('th', {text: ''}), el('th', {text: 'Similarity'}), el('th', {text: 'A'}), el('th', {text: 'B'}))), tbody))));
    }
  }

  /* ------------------------------------------------------- documents */

  function docsCard() {
    var tbody = el('tbody');
    D.docs.forEach(function (d, i) {
      tbody.appendChild(el('tr', null, el('td', {cls: 'r muted num', text: i + 1}), el('td', null, el('b', {text: label(i)})),
        el('td', null, el('div', {cls: 'docname', text: d.name, title: d.name})),
        el('td', {cls: 'r num', text: d.words.toLocaleString('en')}), el('td', {cls: 'r num', text: d.sentences}),
        el('td', {text: CLUSTER_NO[i] >= 0 ? 'Cluster ' + (CLUSTER_NO[i] + 1) : '–'}),
        el('td', {cls: 'muted small', text: d.invalid_utf8 ? d.invalid_utf8 + ' invalid UTF-8 bytes replaced' : ''})));
    });
    var table = el('div', {cls: 'table-scroll'}, el('table', null, el('thead', null, el('tr', null, el('th', {cls: 'r', text: '#'}),
      el('th', {text: 'Label'}), el('th', {text: 'File'}), el('th', {cls: 'r', text: 'Words'}), el('th', {cls: 'r', text: 'Sentences'}),
      el('th', {text: 'Cluster'}), el('th', {text: ''}))), tbody));
    var det = el('details', {open: N <= 40 ? '' : null}, el('summary', {text: 'Documents (' + N + ')'}), el('div', {style: 'margin-top:10px'}, table));
    return el('section', {cls: 'card', id: 'documents'}, det);
  }

  function footer() {
    var P = D.parameters, th = D.thresholds;
    var s = 'simcheck ' + D.simcheck + ' · word shingles of ' + P.shingle_k + ' · MinHash of ' + P.num_perm + ' · key ' + P.key +
      (P.top_k ? ' · top ' + P.top_k + ' partners per document' : '') + (P.min_score ? ' · pairs scoring ≥ ' + P.min_score : '') +
      '. Thresholds: near-duplicate Jaccard ≥ ' + th.near_duplicate + ', contains ≥ ' + pct(th.contains) + ' of the shingles, rewrite ≥ ' +
      th.rewrite + ', overlap ≥ ' + th.overlap_shingles + ' shared shingles, related cosine ≥ ' + th.related +
      '. This page is self-contained: it loads nothing from the network.';
    return el('footer', {text: s});
  }

  /* ----------------------------------------------------------- build */

  header();
  if (D.mode === 'matrix') {
    page.appendChild(el('div', {cls: 'overview'}, heatmapCard(), clustersCard()));
    page.appendChild(pairsCard());
  }
  page.appendChild(pairCard);
  if (D.mode === 'matrix') page.appendChild(docsCard());
  page.appendChild(footer());
  if (map) drawMap();
  var resizeTimer = 0;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () { if (map) drawMap(); }, 120);
  });
  if (!fromHash()) {
    if (D.pairs.length) showPair(D.pairs[0].a, D.pairs[0].b, false);
    else pairCard.appendChild(el('p', {cls: 'empty', text: 'No pair to show.'}));
  }

  /* For tests and scripts: the data, and where a pair's cell is. */
  window.simcheck = {
    data: D,
    openPair: function (a, b) { openPair(a, b); },
    onPair: function (f) { listeners.push(f); },
    cellCenter: function (a, b) {
      if (!map) return null;
      map.canvas.scrollIntoView({block: 'center'});
      var r = map.canvas.getBoundingClientRect();
      return {x: r.left + map.left + (map.pos[b] + 0.5) * map.cell, y: r.top + map.top + (map.pos[a] + 0.5) * map.cell};
    },
    ready: true
  };
})();
