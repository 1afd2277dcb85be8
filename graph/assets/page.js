// The page's state and the graph view: one `state`, one `apply()` that makes the graph, the
// highlight, the side panel, the menu and the URL hash agree with it. Every control changes
// `state` and calls `apply()`; nothing else draws. (panels.js, before this file, renders the panel.)
var data = JSON.parse(document.getElementById("graph-data").textContent);
var GREY = "#d9e2ec", GREY_TEXT = "#bcccdc", TEXT = "#1f2933";

var byId = {}, edgeById = {}, linked = {}, colors = {};
data.nodes.forEach(function (n) { byId[n.id] = n; colors[n.kind] = n.color; n.title = nodeTip(n); });
data.edges.forEach(function (e) {
  edgeById[e.id] = e; linked[e.from] = true; linked[e.to] = true; e.title = edgeTip(e);
});

var state = {
  entity: null,   // the selected entity (an IRI), or null
  edge: null,     // the selected pair "subject|object", or null
  article: "",    // the article chosen: the graph shows its entities only
  at: null,       // [start, end] of the sentence to show in the article's text
  panel: "",      // what the side panel shows: "entity", "edge", "article", "nomatch" or "" (the help)
  query: "",      // the search that matched nothing
  hidden: {},     // entity types hidden
  linked: data.linkedOnly
};

var nodes = new vis.DataSet(data.nodes);
var edges = new vis.DataSet(data.edges);
var nodeView = new vis.DataView(nodes, { filter: function (n) { return nodeShown(byId[n.id]); } });
var edgeView = new vis.DataView(edges, { filter: function (e) { return edgeShown(edgeById[e.id]); } });
var network = new vis.Network(document.getElementById("net"), { nodes: nodeView, edges: edgeView }, data.options);

function nodeShown(n) {
  return !state.hidden[n.kind] && (!state.article || n.articles.indexOf(state.article) >= 0) &&
    (!state.linked || linked[n.id] === true);
}
function edgeShown(e) {  // both ends are shown, and with an article chosen, the article states it
  if (!nodeShown(byId[e.from]) || !nodeShown(byId[e.to])) { return false; }
  return !state.article || e.relations.some(function (r) {
    return r.evidence.some(function (ev) { return ev.article === state.article; });
  });
}
function shownIds() { return nodeView.getIds(); }

// --- the one way the view changes ----------------------------------------------------------
var greyed = {};
function apply(how) {
  how = how || {};
  if (state.article && !data.articles[state.article]) { state.article = ""; }
  nodeView.refresh();
  edgeView.refresh();
  if (document.body.dataset.stable === "true") { layOutNewcomers(); }
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
  searchNote.textContent = state.panel === "nomatch" ? "no match" : "";
  if (how.focus && state.entity) {
    network.focus(state.entity, { scale: Math.max(network.getScale(), 1), animation: { duration: 300 } });
  } else if (how.fit) {
    network.fit({ nodes: shownIds(), animation: { duration: 300 } });
  }
  document.body.dataset.state = JSON.stringify([state.entity, state.edge, state.article, state.panel]);
}

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
  relaxed = undone.length ? "To show " + n.label + ": " + undone.join(", ") + "." : "";
}
function selectEntity(id, how) {
  if (!nodeShown(byId[id])) { relaxFiltersFor(id); }
  state.entity = id; state.edge = null; state.panel = "entity"; state.at = null;
  apply(how || { focus: true });
}
function selectEdge(id) {
  var e = edgeById[id];
  if (!edgeShown(e)) { relaxFiltersFor(e.from); relaxFiltersFor(e.to); if (!edgeShown(e)) { state.article = ""; } }
  state.edge = id; state.entity = null; state.panel = "edge"; state.at = null;
  apply();
}
function readArticle(id, at) {  // the article's panel, scrolled to a sentence when `at` is given
  state.article = id; state.at = at || null; state.panel = "article";
  apply({ fit: !state.entity && !state.edge });
}
function clearAll() {
  state.entity = null; state.edge = null; state.article = ""; state.at = null; state.panel = ""; state.query = "";
  search.value = ""; relaxed = "";
  apply({ fit: true });
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
function runSearch() {
  var text = search.value.trim();
  if (!text) { return; }
  relaxed = "";
  var id = find(text);
  if (id) { selectEntity(id); return; }
  state.entity = null; state.edge = null; state.query = text; state.panel = "nomatch";
  apply();
}
search.addEventListener("change", runSearch);
search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { runSearch(); } });

// filters
var relaxed = "";  // what the last selection undid of the filters, said in the notice
function setKindBox(kind, on) { document.querySelector("#legend input[data-kind='" + kind + "']").checked = on; }
document.querySelectorAll("#legend input").forEach(function (box) {
  box.addEventListener("change", function () { state.hidden[box.dataset.kind] = !box.checked; relaxed = ""; apply(); });
});
var linkedBox = document.getElementById("linked");
linkedBox.checked = state.linked;
linkedBox.addEventListener("change", function () { state.linked = linkedBox.checked; relaxed = ""; apply(); });
var picker = document.getElementById("article");
Object.keys(data.articles).sort().forEach(function (id) {
  var opt = el("option", articleLine(id)); opt.value = id; picker.appendChild(opt);
});
picker.addEventListener("change", function () {
  relaxed = "";
  state.article = picker.value; state.at = null;
  state.panel = state.article ? "article" : "";
  apply({ fit: true });
});
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
  if (state.linked) { notes.push("Entities without relations are hidden (untick “linked only”)."); }
  if (relaxed) { notes.push(relaxed); }
  document.getElementById("notice").textContent = notes.join(" ");
}

var perKind = {};
data.nodes.forEach(function (n) { perKind[n.kind] = (perKind[n.kind] || 0) + 1; });
document.querySelectorAll("#legend input").forEach(function (box) {
  box.parentNode.querySelector(".count").textContent = "(" + (perKind[box.dataset.kind] || 0) + ")";
});
document.getElementById("stats").textContent = fmt(Object.keys(data.articles).length) + " articles · " +
  fmt(data.total) + " entities · " + fmt(data.relations) + " relations";

window.newsgraph = { network: network, nodes: nodes, edges: edges, view: nodeView, edgeView: edgeView, state: state,
  focus: selectEntity, selectEdge: selectEdge, read: readArticle, clear: clearAll };

// the layout settles in the browser, then physics stops; entities shown later are laid out then
var placed = {};
network.on("stabilizationIterationsDone", function () {
  network.setOptions({ physics: false });
  var at = network.getPositions();
  nodes.update(Object.keys(at).map(function (id) { placed[id] = true; return { id: id, x: at[id].x, y: at[id].y }; }));
  document.body.dataset.stable = "true";
});
function layOutNewcomers() {
  if (network.body.nodeIndices.some(function (id) { return !placed[id]; })) {
    document.body.dataset.stable = "false";
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(data.options.physics.stabilization.iterations);
  }
}

apply();
