// The page's state and the graph view: one `state`, one `apply()` that makes the graph, the
// highlight, the side panel, the menu and the URL hash agree with it. Every control changes
// `state` and calls `apply()`; nothing else draws. (panels.js, before this file, renders the panel.)
var data = JSON.parse(document.getElementById("graph-data").textContent);
var GREY = "#d9e2ec", GREY_TEXT = "#bcccdc", TEXT = "#1f2933";

var byId = {}, edgeById = {}, linked = {}, colors = {};
data.nodes.forEach(function (n) { byId[n.id] = n; colors[n.kind] = n.color; });
data.edges.forEach(function (e) {
  edgeById[e.id] = e; linked[e.from] = true; linked[e.to] = true;
});
// co-mentions: dashed, light, no arrow, no label; their weight is counted again for the dates shown
var CO_COLOR = { color: "rgba(130, 154, 177, 0.45)", highlight: "#627d98", hover: "#829ab1" };
var coEdges = (data.co || []).map(function (c) {
  var e = { id: "co|" + data.nodes[c[0]].id + "|" + data.nodes[c[1]].id, from: data.nodes[c[0]].id,
            to: data.nodes[c[1]].id, co: true, places: c[2], count: 0, dashes: [5, 5], color: CO_COLOR, width: 1,
            smooth: false, arrows: { to: { enabled: false } } };
  edgeById[e.id] = e;
  return e;
});

var state = {
  entity: null,   // the selected entity (an IRI), or null
  edge: null,     // the selected pair "subject|object", or null
  article: "",    // the article chosen: the graph shows its entities only
  at: null,       // [start, end] of the sentence to show in the article's text
  panel: "",      // what the side panel shows: "entity", "edge", "article", "nomatch" or "" (the help)
  query: "",      // the search that matched nothing
  hidden: {},     // entity types hidden
  linked: data.linkedOnly,
  from: "", to: "",  // the dates shown (YYYY-MM-DD, either end open when empty)
  undated: true,    // whether articles without a date count as in the dates
  co: ""            // co-mentions drawn: "" (none), "article" or "sentence"
};

// vis-network gets what it draws only (the rest stays in byId and edgeById): it copies less
function drawnNode(n) {
  return { id: n.id, label: n.label, color: n.color, size: n.size, shape: n.shape, x: n.x, y: n.y };
}
function drawnEdge(e) {
  var keep = ["id", "from", "to", "arrows", "smooth", "color", "dashes", "width", "co", "count"];  // labels: labels.js
  var out = {};
  keep.forEach(function (k) { if (e[k] !== undefined) { out[k] = e[k]; } });
  return out;
}
var nodes = new vis.DataSet(data.nodes.map(drawnNode));
var edges = new vis.DataSet(data.edges.map(drawnEdge));  // co-mentions join when first switched on
var coAdded = false;
var nodeView = new vis.DataView(nodes, { filter: function (n) { return nodeShown(byId[n.id]); } });
var edgeView = new vis.DataView(edges, { filter: function (e) { return edgeShown(edgeById[e.id]); } });
var network = new vis.Network(document.getElementById("net"), { nodes: nodeView, edges: edgeView }, data.options);

function dateOf(id) { var d = (data.articles[id] || {}).date; return d ? String(d).slice(0, 10) : ""; }
function inDates(id) {  // is the article in the dates chosen (its own date, or undated and undated ones kept)
  var d = dateOf(id);
  if (!d) { return state.undated; }
  return (!state.from || d >= state.from) && (!state.to || d <= state.to);
}
function datesNarrowed() { return Boolean(state.from || state.to || !state.undated); }
function counts(id) {  // does an article count: the one chosen, or with none chosen, one in the dates
  return state.article ? id === state.article : inDates(id);
}
function nodeShown(n) {
  return !state.hidden[n.kind] && n.articles.some(counts) && (!state.linked || linked[n.id] === true);
}
function evidenceShown(ev) { return counts(ev.article); }
function edgeShown(e) {  // both ends are shown, and an article that counts states it (or names both)
  if (!nodeShown(byId[e.from]) || !nodeShown(byId[e.to])) { return false; }
  if (e.co) { return Boolean(state.co) && e.count > 0; }
  return e.relations.some(function (r) { return r.evidence.some(evidenceShown); });
}
function coPlaces(e) {  // [[article, sentences naming both]] of the articles that count
  var out = [];
  for (var i = 0; i + 1 < e.places.length; i += 2) {
    var article = data.articleOrder[e.places[i]];
    if (counts(article) && (state.co !== "sentence" || e.places[i + 1] > 0)) { out.push([article, e.places[i + 1]]); }
  }
  return out;
}
function countCo() {  // each co-mention's weight for the articles and mode chosen, as its width
  if (!state.co) { return; }
  if (!coAdded) { edges.add(coEdges.map(drawnEdge)); coAdded = true; }
  var changed = [];
  coEdges.forEach(function (e) {
    var places = coPlaces(e), n = state.co === "sentence" ?
      places.reduce(function (s, p) { return s + p[1]; }, 0) : places.length;
    if (n !== e.count || e.mode !== state.co) {
      e.count = n; e.mode = state.co;
      changed.push({ id: e.id, count: n, mode: state.co, width: 1 + Math.min(5, Math.log2(Math.max(1, n))) });
    }
  });
  if (changed.length) { edges.update(changed); }
}
function shownIds() { return nodeView.getIds(); }

// --- the one way the view changes ----------------------------------------------------------
var greyed = {};
function apply(how) {
  how = how || {};
  if (state.article && !data.articles[state.article]) { state.article = ""; }
  countCo();
  if (!how.first) { nodeView.refresh(); edgeView.refresh(); }  // (made with the filters of the first view)
  // a selection that the filters now hide is let go
  if (state.entity && !nodeView.get(state.entity)) { state.entity = null; }
  if (state.edge && !edgeView.get(state.edge)) { state.edge = null; }
  if (!state.article) { state.at = null; }
  var wanted = { entity: state.entity, edge: state.edge, article: state.article, nomatch: state.query };
  if (state.panel && !wanted[state.panel]) { state.panel = ""; }
  if (!state.panel) { state.panel = state.edge ? "edge" : state.entity ? "entity" : state.article ? "article" : ""; }
  if (state.panel !== "nomatch") { state.query = ""; }
  picker.value = state.article;
  var pair = state.edge ? edgeById[state.edge] : null;
  network.setSelection({ nodes: state.entity ? [state.entity] : [], edges: pair ? [pair.id] : [] },
                       { unselectAll: true, highlightEdges: true });
  highlight();
  renderPanel();
  showNotice();
  showDates();
  searchNote.textContent = state.panel === "nomatch" ? "no match" : "";
  if (how.focus && state.entity) {
    network.focus(state.entity, { scale: Math.max(network.getScale(), 1), animation: { duration: 300 } });
  }
  if (how.fit && !(how.focus && state.entity)) { fitTo(shownIds()); }
  writeHash();
}

// --- take it away: a picture of the view, a table of the selection ---------------------------
function download(name, blob) {
  var a = document.createElement("a");
  a.href = URL.createObjectURL(blob); a.download = name;
  document.body.appendChild(a); a.click();
  setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}
function savePng() {  // the canvas as drawn, on white (the canvas itself is transparent)
  var src = document.querySelector("#net canvas"), out = document.createElement("canvas");
  out.width = src.width; out.height = src.height;
  var ctx = out.getContext("2d");
  ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, out.width, out.height); ctx.drawImage(src, 0, 0);
  out.toBlob(function (blob) { download("newsgraph.png", blob); }, "image/png");
}
function selectedIds() {  // the selection and its neighbours; with none, every entity shown
  if (state.entity) { return [state.entity].concat(network.getConnectedNodes(state.entity)); }
  if (state.edge) { return [edgeById[state.edge].from, edgeById[state.edge].to]; }
  return shownIds();
}
function sure(ev) { return ev.confidence === null || ev.confidence === undefined ? 1 : ev.confidence; }
function csvCell(value) {  // RFC 4180; a cell a spreadsheet would run as a formula gets an apostrophe
  var text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) { text = "'" + text; }
  return /[",\r\n]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
}
var CSV_COLUMNS = ["row", "source", "source_label", "source_type", "predicate", "target", "target_label",
                   "target_type", "evidence", "confidence", "sentence", "article"];
function selectionCsv() {  // one row per entity, then one per relation between them (its best sentence)
  var ids = selectedIds(), chosen = {}, rows = [CSV_COLUMNS];
  ids.forEach(function (id) { chosen[id] = true; });
  ids.slice().sort().forEach(function (id) {
    var n = byId[id];
    rows.push(["entity", id, n.label, n.kind, "", "", "", "", "", "", "", n.articles.join("; ")]);
  });
  edgeView.get().map(function (e) { return edgeById[e.id]; }).filter(function (e) {
    return e.relations && chosen[e.from] && chosen[e.to];
  }).sort(function (a, b) { return a.id < b.id ? -1 : a.id > b.id ? 1 : 0; }).forEach(function (e) {
    shownRelations(e).forEach(function (r) {
      var best = r.evidence.slice().sort(function (x, y) { return sure(y) - sure(x); })[0];
      rows.push(["relation", e.from, byId[e.from].label, byId[e.from].kind, r.label, e.to, byId[e.to].label,
                 byId[e.to].kind, sentenceCount(r.evidence), r.confidence.toFixed(3), best.sentence, best.article]);
    });
  });
  return rows.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
}
document.getElementById("png").addEventListener("click", savePng);
document.getElementById("csv").addEventListener("click", function () {
  download("newsgraph-selection.csv", new Blob(["\ufeff" + selectionCsv()], { type: "text/csv;charset=utf-8" }));
});

// --- the view in the URL hash: a link reopens it -------------------------------------------
// #entity=IRI&edge=S|O&article=ID&at=START-END&panel=article&hide=Place,Person&linked=0
function hashOf() {
  var parts = [];
  function put(key, value) { parts.push(key + "=" + encodeURIComponent(value)); }
  if (state.entity) { put("entity", state.entity); }
  if (state.edge) { put("edge", state.edge); }
  if (state.article) { put("article", state.article); }
  if (state.at) { put("at", state.at.join("-")); }
  if (state.panel === "article" && (state.entity || state.edge)) { put("panel", "article"); }
  var hidden = Object.keys(state.hidden).filter(function (k) { return state.hidden[k]; }).sort();
  if (hidden.length) { put("hide", hidden.join(",")); }
  if (state.linked !== data.linkedOnly) { put("linked", state.linked ? "1" : "0"); }
  if (state.from) { put("from", state.from); }
  if (state.to) { put("to", state.to); }
  if (!state.undated) { put("undated", "0"); }
  if (state.co) { put("co", state.co); }
  return parts.join("&");
}
function writeHash() {
  var hash = hashOf();
  if (hash !== location.hash.slice(1)) {
    history.replaceState(null, "", hash ? "#" + hash : location.href.split("#")[0]);
  }
}
function readHash() {  // anything unknown in the hash is ignored
  var got = {};
  location.hash.slice(1).split("&").forEach(function (part) {
    var i = part.indexOf("=");
    if (i > 0) { try { got[part.slice(0, i)] = decodeURIComponent(part.slice(i + 1)); } catch (e) { /* bad escape */ } }
  });
  state.hidden = {};
  (got.hide || "").split(",").forEach(function (k) { if (colors[k]) { state.hidden[k] = true; } });
  Object.keys(colors).forEach(function (k) { setKindBox(k, !state.hidden[k]); });
  state.linked = got.linked === "1" ? true : got.linked === "0" ? false : data.linkedOnly;
  linkedBox.checked = state.linked;
  var day = /^\d{4}-\d{2}-\d{2}$/;
  state.from = day.test(got.from || "") ? got.from : ""; fromBox.value = state.from;
  state.to = day.test(got.to || "") ? got.to : ""; toBox.value = state.to;
  state.undated = got.undated !== "0"; undatedBox.checked = state.undated;
  state.co = got.co === "article" || got.co === "sentence" ? got.co : ""; setCoBoxes();
  state.entity = byId[got.entity] ? got.entity : null;
  state.edge = edgeById[got.edge] ? got.edge : null;
  state.article = data.articles[got.article] ? got.article : "";
  var at = /^(\d+)-(\d+)$/.exec(got.at || "");
  state.at = at && state.article ? [Number(at[1]), Number(at[2])] : null;
  state.panel = got.panel === "article" && state.article ? "article" : "";
  state.query = "";
}
window.addEventListener("hashchange", function () {
  readHash(); relaxed = "";
  apply({ focus: true, fit: !state.entity });
});

function highlight() {  // grey every shown entity that is not the selection or next to it
  var near = null;
  if (state.entity) {
    near = {}; near[state.entity] = true;
    network.getConnectedNodes(state.entity).forEach(function (id) { near[id] = true; });
  } else if (state.edge) {
    near = {}; near[edgeById[state.edge].from] = true; near[edgeById[state.edge].to] = true;
  }
  var changes = [];
  data.nodes.forEach(function (n) {
    var grey = near !== null && !near[n.id];
    if (grey !== (greyed[n.id] === true)) {
      greyed[n.id] = grey;
      changes.push({ id: n.id, color: grey ? GREY : n.color, font: { color: grey ? GREY_TEXT : TEXT } });
    }
  });
  if (changes.length) { nodes.update(changes); }
}

// --- what a user does ----------------------------------------------------------------------
function relaxFiltersFor(id) {  // make an entity visible again, saying which filters gave way
  var n = byId[id], undone = [];
  if (state.hidden[n.kind]) { state.hidden[n.kind] = false; setKindBox(n.kind, true); undone.push(n.kind + " shown"); }
  if (state.article && n.articles.indexOf(state.article) < 0) { state.article = ""; undone.push("all articles"); }
  if (state.linked && !linked[id]) { state.linked = false; linkedBox.checked = false; undone.push("“linked only” off"); }
  if (!state.article && !n.articles.some(inDates)) { openDates(); undone.push("all dates"); }
  relaxed = undone.length ? "To show " + n.label + ": " + undone.join(", ") + "." : "";
}
function selectEntity(id, how) {
  if (!nodeShown(byId[id])) { relaxFiltersFor(id); }
  state.entity = id; state.edge = null; state.panel = "entity"; state.at = null;
  apply(how || { focus: true });
}
function selectEdge(id) {
  var e = edgeById[id];
  if (!edgeShown(e)) { relaxFiltersFor(e.from); relaxFiltersFor(e.to); }
  if (!edgeShown(e)) { state.article = ""; openDates(); }
  state.edge = id; state.entity = null; state.panel = "edge"; state.at = null;
  apply();
}
function readArticle(id, at) {  // the article's panel, scrolled to a sentence when `at` is given
  if (!inDates(id)) { openDates(); relaxed = "To show “" + articleLine(id) + "”: all dates."; }
  var other = state.article !== id;
  state.article = id; state.at = at || null; state.panel = "article";
  apply({ fit: other });  // another article: its entities, in view
}
function markEntity(id) {  // from a name in an article's text: select it in the graph, keep reading
  if (!nodeShown(byId[id])) { relaxFiltersFor(id); }
  state.entity = id; state.edge = null; state.panel = "article";
  var scroll = panel.scrollTop;
  keepScroll = true;
  apply({ focus: true });
  keepScroll = false;
  panel.scrollTop = scroll;
}
var keepScroll = false;  // a panel drawn again for a mark in the text it shows stays where the reader was
function clearAll() {
  state.entity = null; state.edge = null; state.article = ""; state.at = null; state.panel = ""; state.query = "";
  search.value = ""; searched = null; relaxed = "";
  apply({ fit: true });
}

// tooltips: drawn by the page (in its font) when the pointer rests on an entity or a link
var tip = document.getElementById("tip");
function showTip(content, pointer) {
  tip.textContent = "";
  tip.appendChild(content);
  tip.style.left = Math.min(pointer.x + 14, netbox.clientWidth - tip.offsetWidth - 4) + "px";
  tip.style.top = Math.min(pointer.y + 14, netbox.clientHeight - tip.offsetHeight - 4) + "px";
  tip.style.visibility = "visible";
}
function hideTip() { tip.style.visibility = "hidden"; }
var netbox = document.getElementById("netbox");
network.on("hoverNode", function (p) { showTip(nodeTip(byId[p.node]), p.pointer.DOM); });
network.on("hoverEdge", function (p) {
  var e = edgeById[p.edge];
  showTip(e.co ? coTip(e) : edgeTip(e), p.pointer.DOM);
});
["blurNode", "blurEdge", "dragStart", "zoom", "click"].forEach(function (ev) { network.on(ev, hideTip); });

function fitTo(ids) {  // the view that holds these entities, from their known places (no text measured)
  if (!ids.length) { return; }
  var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  ids.forEach(function (id) {
    var n = byId[id], r = n.size + 10, half = 4 * Math.min(n.label.length, 30);  // the disc, about half its name
    x0 = Math.min(x0, n.x - Math.max(r, half)); x1 = Math.max(x1, n.x + Math.max(r, half));
    y0 = Math.min(y0, n.y - r); y1 = Math.max(y1, n.y + r + 18);
  });
  var box = document.getElementById("net");
  var scale = Math.min(1.2, box.clientWidth / (x1 - x0), box.clientHeight / (y1 - y0));
  network.moveTo({ position: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, scale: scale, animation: false });
}

network.on("click", function (p) {
  relaxed = "";
  if (p.nodes.length) { state.entity = p.nodes[0]; state.edge = null; state.panel = "entity"; }
  else if (p.edges.length) { state.edge = p.edges[0]; state.entity = null; state.panel = "edge"; }
  else { state.entity = null; state.edge = null; state.panel = ""; }
  state.at = null;
  apply();
});

// search: any name or alias, else the first name that contains the words typed
var search = document.getElementById("search");
var searchNote = document.getElementById("searchnote");
var names = document.getElementById("names");
var lookup = {};
data.nodes.forEach(function (n) {
  [n.label].concat(n.aliases).forEach(function (name) {
    var key = name.toLowerCase();
    if (!(key in lookup)) { lookup[key] = n.id; names.appendChild(el("option", name)); }
  });
});
var lookupKeys = Object.keys(lookup).sort();
function find(text) {
  var key = text.trim().toLowerCase();
  if (key in lookup) { return lookup[key]; }
  var hit = lookupKeys.find(function (k) { return k.indexOf(key) >= 0; });
  return hit ? lookup[hit] : null;
}
var searched = null;  // the text last searched: Enter and the change event that follows it search once
function runSearch(ev) {
  var text = search.value.trim();
  if (!text || (ev.type === "change" && text === searched)) { return; }
  searched = text;
  relaxed = "";
  var id = find(text);
  if (id) { selectEntity(id); return; }
  state.entity = null; state.edge = null; state.query = text; state.panel = "nomatch";
  apply();
}
search.addEventListener("change", runSearch);
search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { runSearch(ev); } });

// filters
var relaxed = "";  // what the last selection undid of the filters, said in the notice
function setKindBox(kind, on) { document.querySelector("#legend input[data-kind='" + kind + "']").checked = on; }
document.querySelectorAll("#legend input").forEach(function (box) {
  box.addEventListener("change", function () { state.hidden[box.dataset.kind] = !box.checked; relaxed = ""; apply(); });
});
var coBox = document.getElementById("co"), coMode = document.getElementById("comode");
function setCoBoxes() { coBox.checked = Boolean(state.co); coMode.disabled = !state.co; if (state.co) { coMode.value = state.co; } }
function onCo() { state.co = coBox.checked ? coMode.value : ""; relaxed = ""; setCoBoxes(); apply(); }
coBox.addEventListener("change", onCo);
coMode.addEventListener("change", onCo);
if (!coEdges.length) { coBox.disabled = true; coBox.parentNode.title = "No two entities drawn are named together"; }
setCoBoxes();
var linkedBox = document.getElementById("linked");
linkedBox.checked = state.linked;
linkedBox.addEventListener("change", function () { state.linked = linkedBox.checked; relaxed = ""; apply(); });
// the article menu: dated articles by date, then the undated ones in a group of their own
var picker = document.getElementById("article");
var articleIds = Object.keys(data.articles).sort(function (a, b) {
  var da = dateOf(a) || "9999", db = dateOf(b) || "9999";
  return da < db ? -1 : da > db ? 1 : a < b ? -1 : a > b ? 1 : 0;
});
var dated = articleIds.filter(dateOf), undatedIds = articleIds.filter(function (id) { return !dateOf(id); });
var options = {};
dated.forEach(function (id) {
  var opt = el("option", articleLine(id)); opt.value = id; picker.appendChild(opt); options[id] = opt;
});
if (undatedIds.length) {
  var group = el("optgroup"); group.label = "Undated (" + undatedIds.length + ")"; picker.appendChild(group);
  undatedIds.forEach(function (id) {
    var opt = el("option", articleLine(id) + " (undated)"); opt.value = id; group.appendChild(opt); options[id] = opt;
  });
}
picker.addEventListener("change", function () {
  relaxed = "";
  state.article = picker.value; state.at = null;
  state.panel = state.article ? "article" : "";
  apply({ fit: true });
});
// dates: the range of the articles' datePublished; undated articles kept unless unticked
var fromBox = document.getElementById("from"), toBox = document.getElementById("to");
var undatedBox = document.getElementById("undated");
var first = dated.length ? dateOf(dated[0]) : "", last = dated.length ? dateOf(dated[dated.length - 1]) : "";
[fromBox, toBox].forEach(function (box) { box.min = first; box.max = last; });
document.getElementById("undatedcount").textContent = "(" + undatedIds.length + ")";
if (!dated.length) { fromBox.disabled = toBox.disabled = true; fromBox.title = toBox.title = "No article has a date"; }
function openDates() {
  state.from = ""; state.to = ""; state.undated = true;
  fromBox.value = ""; toBox.value = ""; undatedBox.checked = true;
}
function onDates() {
  state.from = fromBox.value; state.to = toBox.value; state.undated = undatedBox.checked;
  if (state.from && state.to && state.from > state.to) { state.to = state.from; toBox.value = state.from; }
  relaxed = "";
  if (state.article && !inDates(state.article)) { state.article = ""; }
  apply();
}
[fromBox, toBox, undatedBox].forEach(function (box) { box.addEventListener("change", onDates); });
function showDates() {  // the menu offers the articles in the dates; the stats say how many
  var n = 0;
  articleIds.forEach(function (id) {
    var ok = inDates(id);
    if (ok) { n++; }
    var hide = !ok && id !== state.article;
    if (options[id].hidden !== hide) { options[id].hidden = hide; }
  });
  var text = fmt(articleIds.length) + " articles" + (undatedIds.length ? " (" + fmt(undatedIds.length) + " undated)" : "");
  if (datesNarrowed()) { text = fmt(n) + " of " + text + " in the dates"; }
  document.getElementById("stats").textContent = text + " · " + fmt(data.total) + " entities · " +
    fmt(data.relations) + " relations";
}

document.getElementById("clear").addEventListener("click", clearAll);
document.addEventListener("keydown", function (ev) {
  if (ev.key === "Escape" && ev.target === document.body) { clearAll(); }
});

function showNotice() {
  var notes = [];
  if (data.omitted > 0) {
    notes.push("Showing the " + fmt(data.nodes.length) + " most mentioned of " + fmt(data.total) + " entities; " +
      fmt(data.omitted) + " left out.");
    if (data.quotations.length < data.quotationsTotal) {
      notes.push("Quotations: " + fmt(data.quotations.length) + " of " + fmt(data.quotationsTotal) +
        ", those of the entities shown (up to " + data.quotesPerSpeaker + " each); graph.ttl has them all.");
    }
  }
  if (data.textsLeftOut > 0) {
    var held = data.textsHeld;
    notes.push("Article texts: " + fmt(held) + " of " + fmt(held + data.textsLeftOut) + " in this page; the rest " +
      "were left out to keep it under " + fmt(Math.round(data.budget / 1e6)) + " MB (those behind the entities " +
      "drawn came first).");
  }
  if (state.linked) { notes.push("Entities without relations are hidden (untick “linked only”)."); }
  if (state.co && data.coLeftOut > 0) {
    notes.push("Co-mentions: each entity's " + data.coPerEntity + " most frequent (" + fmt(data.coLeftOut) +
      " rarer pairs not drawn).");
  }
  if (relaxed) { notes.push(relaxed); }
  document.getElementById("notice").textContent = notes.join(" ");
}

var perKind = {};
data.nodes.forEach(function (n) { perKind[n.kind] = (perKind[n.kind] || 0) + 1; });
document.querySelectorAll("#legend input").forEach(function (box) {
  box.parentNode.querySelector(".count").textContent = "(" + (perKind[box.dataset.kind] || 0) + ")";
});

window.newsgraph = { network: network, nodes: nodes, edges: edges, view: nodeView, edgeView: edgeView, state: state,
  focus: selectEntity, selectEdge: selectEdge, read: readArticle, clear: clearAll, csv: selectionCsv,
  edgeLabels: function () { return placedLabels; },
  nodeBoxes: function () { return nodeBoxes(network.body.nodeIndices); } };
network.on("afterDrawing", drawEdgeLabels);

// the positions come from the build: the page is laid out as soon as it is drawn
fitTo(shownIds());
if (location.hash.length > 1) { readHash(); apply({ focus: true, fit: true }); } else { apply({ first: true }); }
network.once("afterDrawing", function () { document.body.dataset.stable = "true"; });
