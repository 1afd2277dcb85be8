// The side panel and the tooltips. Every text from the corpus goes on screen as textContent or a
// text node, never as HTML. page.js, after this file, holds the state and calls renderPanel().

function el(tag, text, cls) {
  var e = document.createElement(tag);
  if (text !== undefined && text !== null) { e.textContent = String(text); }
  if (cls) { e.className = cls; }
  return e;
}
function fmt(n) { return n.toLocaleString("en"); }
function link(text, onclick, title) {
  var b = el("button", text, "link"); b.type = "button"; b.addEventListener("click", onclick);
  if (title) { b.title = title; }
  return b;
}
function articleLine(id) {
  var a = data.articles[id] || {};
  return (a.headline || id) + (a.date ? " (" + a.date + ")" : "");
}
function quoted(text) {  // a sentence that already opens with a quote mark keeps its own
  return /^["“‘']/.test(text) ? text : "“" + text + "”";
}
function entityLink(id) { return link(byId[id].label, function () { selectEntity(id); }); }
function articleLink(id, at) {
  return link(articleLine(id), function () { readArticle(id, at); }, at ? "Read the sentence in the article" : "");
}

function nodeTip(node) {
  var box = el("div", null, "tip");
  box.appendChild(el("strong", node.label));
  box.appendChild(el("div", node.kind + " · " + node.articles.length + " article(s)", "muted"));
  if (node.aliases.length) { box.appendChild(el("div", "Also: " + node.aliases.join(", "))); }
  return box;
}
function edgeTip(edge) {  // short: the panel has the evidence
  var box = el("div", null, "tip");
  box.appendChild(el("strong", byId[edge.from].label + " → " + byId[edge.to].label));
  edge.relations.forEach(function (r) {
    box.appendChild(el("div", r.label + " · " + sentenceCount(r.evidence) + " sentence(s)"));
  });
  box.appendChild(el("div", "Click for the evidence", "muted"));
  return box;
}

function coTip(e) {
  var box = el("div", null, "tip"), places = coPlaces(e);
  box.appendChild(el("strong", byId[e.from].label + " and " + byId[e.to].label));
  box.appendChild(el("div", "Named together in " + coWords(places)));
  box.appendChild(el("div", "A co-mention, not a stated relation", "muted"));
  return box;
}
function coWords(places) {
  var sentences = places.reduce(function (s, p) { return s + p[1]; }, 0);
  return places.length + " article" + (places.length === 1 ? "" : "s") + " (" + sentences + " sentence" +
    (sentences === 1 ? "" : "s") + ")";
}

// --- evidence: each sentence once ---------------------------------------------------------
function sentenceKey(text) {  // the same words with other quote marks, spacing or case are the same sentence
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
function sentenceCount(evidence) {
  var seen = {};
  evidence.forEach(function (ev) { seen[sentenceKey(ev.sentence)] = true; });
  return Object.keys(seen).length;
}
// items: [{sentence, article, start, end, confidence, what}] -> one group per distinct sentence, in
// the order first met: {text, refs: [{article, start, end}] (one per place), confidence, what: [...]}
function groupSentences(items) {
  var groups = [], byKey = {};
  items.forEach(function (it) {
    var key = sentenceKey(it.sentence), g = byKey[key];
    if (!g) { g = byKey[key] = { text: it.sentence, refs: [], places: {}, confidence: 0, what: [] }; groups.push(g); }
    var place = it.article + "@" + it.start;
    if (!g.places[place]) { g.places[place] = true; g.refs.push({ article: it.article, start: it.start, end: it.end }); }
    var c = it.confidence === null || it.confidence === undefined ? 1 : it.confidence;
    g.confidence = Math.max(g.confidence, c);
    if (it.what && g.what.indexOf(it.what) < 0) { g.what.push(it.what); }
  });
  return groups;
}
function sentenceList(groups) {
  var ul = el("ul");
  groups.forEach(function (g) {
    var li = el("li");
    li.className = "sentence";
    var line = el("div", quoted(g.text), "evidence");
    if (g.refs.length > 1) { line.appendChild(el("span", "×" + g.refs.length, "count-badge")); }
    li.appendChild(line);
    var about = el("div", null, "refs");
    if (g.what.length) { about.appendChild(document.createTextNode("states: " + g.what.join(", ") + " · ")); }
    about.appendChild(document.createTextNode("confidence " + g.confidence.toFixed(2)));
    li.appendChild(about);
    var refs = el("div", null, "refs");
    g.refs.forEach(function (ref) { refs.appendChild(articleLink(ref.article, [ref.start, ref.end])); });
    li.appendChild(refs);
    ul.appendChild(li);
  });
  return ul;
}
function shownRelations(edge) {  // the relations of an arrow that an article counting states, with that evidence
  return edge.relations.map(function (r) {
    var evidence = r.evidence.filter(evidenceShown);
    return { label: r.label, evidence: evidence, confidence: Math.max.apply(null, evidence.map(sure).concat([0])) };
  }).filter(function (r) { return r.evidence.length > 0; });
}
function evidenceItems(edge, describe) {
  var items = [];
  shownRelations(edge).forEach(function (r) {
    r.evidence.forEach(function (ev) {
      var as = ev.roles && ev.roles.length ? " (as " + ev.roles.join(", ") + ")" : "";  // the role this sentence gives
      items.push({ sentence: ev.sentence, article: ev.article, start: ev.start, end: ev.end,
                   confidence: ev.confidence, what: describe(edge, r) + as });
    });
  });
  return items;
}
function pairEdges(a, b) {  // the drawn arrows between two entities, both ways
  return [edgeById[a + "|" + b], edgeById[b + "|" + a]].filter(function (e) { return e && !e.co; });
}

// --- the panels ---------------------------------------------------------------------------
var panel = document.getElementById("panel");
var PANELS = { entity: entityPanel, edge: edgePanel, article: articlePanel, nomatch: noMatchPanel };
function renderPanel() {
  panel.textContent = "";
  (PANELS[state.panel] || helpPanel)();
  panel.scrollTop = 0;
}
function helpPanel() {
  panel.appendChild(el("p", "Click an entity to see its names, the articles that mention it and its relations; " +
    "click an arrow to see every relation between two entities. Each sentence is shown once, with the " +
    "articles it comes from: click one to read it there.", "muted"));
}
function noMatchPanel() {
  panel.appendChild(el("h2", "No match"));
  panel.appendChild(el("p", "No entity is named “" + state.query + "”, and no name contains it. " +
    "The list under the search box has every name and alias.", "muted"));
}
function kindChip(kind) {
  var chip = el("span", kind, "kind"); chip.style.background = colors[kind]; return chip;
}
function entityPanel() {
  var id = state.entity, n = byId[id];
  panel.appendChild(el("h2", n.label));
  panel.appendChild(kindChip(n.kind));
  if (n.jobTitles.length) { panel.appendChild(el("div", n.jobTitles.join(", "), "muted")); }
  if (n.aliases.length) {
    panel.appendChild(el("h3", "Also written"));
    panel.appendChild(el("div", n.aliases.join(" · ")));
  }
  var mine = edgeView.get({ filter: function (e) { return !e.co && (e.from === id || e.to === id); } })
    .map(function (e) { return edgeById[e.id]; });
  var count = mine.reduce(function (s, e) { return s + shownRelations(e).length; }, 0);
  panel.appendChild(el("h3", "Relations (" + count + ")"));
  var rl = el("ul"), items = [];
  mine.forEach(function (e) {
    var other = e.from === id ? e.to : e.from;
    shownRelations(e).forEach(function (r) {
      var li = el("li");
      var text = e.from === id ? r.label + " → " + byId[e.to].label : byId[e.from].label + " — " + r.label + " → " + n.label;
      li.appendChild(link(text, function () { selectEdge(e.id); }, "Every relation between the two, with evidence"));
      li.appendChild(el("span", "confidence " + r.confidence.toFixed(2) + " · " + sentenceCount(r.evidence) +
        " sentence(s)", "refs"));
      rl.appendChild(li);
    });
    items = items.concat(evidenceItems(e, function (edge, r) {
      return edge.from === id ? r.label + " " + byId[other].label : byId[other].label + " " + r.label;
    }));
  });
  panel.appendChild(rl);
  var groups = groupSentences(items);
  if (groups.length) {
    panel.appendChild(el("h3", "Evidence (" + groups.length + " sentence" + (groups.length === 1 ? "" : "s") + ")"));
    panel.appendChild(sentenceList(groups));
  }
  panel.appendChild(el("h3", "Articles (" + n.articles.length + ")"));
  var ul = el("ul");
  n.articles.forEach(function (a) {
    var li = el("li"); li.appendChild(articleLink(a));
    if (!inDates(a)) { li.appendChild(el("span", "outside the dates shown", "refs")); }
    ul.appendChild(li);
  });
  panel.appendChild(ul);
  var said = (data.quotations || []).filter(function (q) { return q.speaker === id; });
  if (said.length) {
    panel.appendChild(el("h3", "Quoted (" + said.length + ")"));
    panel.appendChild(quotationList(said, false));
  }
}
function coPanel(e) {  // two entities named together: where, and that it is no more than that
  var h = el("h2");
  h.appendChild(entityLink(e.from)); h.appendChild(document.createTextNode(" and ")); h.appendChild(entityLink(e.to));
  panel.appendChild(h);
  var places = coPlaces(e);
  panel.appendChild(el("p", "Named together in " + coWords(places) + ". This is a co-mention: the two names stand " +
    "in the same " + (state.co === "sentence" ? "sentence" : "article") + "; nobody stated a relation.", "muted"));
  var stated = pairEdges(e.from, e.to).filter(edgeShown);
  if (stated.length) {
    panel.appendChild(link("Relations stated between them", function () { selectEdge(stated[0].id); }));
  }
  panel.appendChild(el("h3", "Articles (" + places.length + ")"));
  var ul = el("ul");
  places.forEach(function (p) {
    var li = el("li"); li.appendChild(articleLink(p[0]));
    li.appendChild(el("span", p[1] + " sentence" + (p[1] === 1 ? "" : "s") + " naming both", "refs"));
    ul.appendChild(li);
  });
  panel.appendChild(ul);
}
function edgePanel() {
  var e = edgeById[state.edge], a = e.from, b = e.to;
  if (e.co) { coPanel(e); return; }
  var h = el("h2");
  h.appendChild(entityLink(a)); h.appendChild(document.createTextNode(" — ")); h.appendChild(entityLink(b));
  panel.appendChild(h);
  var both = pairEdges(a, b).filter(function (x) { return edgeShown(x); });
  var rels = [];
  both.forEach(function (x) { shownRelations(x).forEach(function (r) { rels.push([x, r]); }); });
  panel.appendChild(el("h3", "Relations (" + rels.length + ")"));
  var ul = el("ul");
  rels.forEach(function (xr) {
    var li = el("li");
    li.appendChild(el("div", byId[xr[0].from].label + " — " + xr[1].label + " → " + byId[xr[0].to].label));
    li.appendChild(el("span", "confidence " + xr[1].confidence.toFixed(2) + " · " + sentenceCount(xr[1].evidence) +
      " sentence(s)", "refs"));
    ul.appendChild(li);
  });
  panel.appendChild(ul);
  var items = [];
  both.forEach(function (x) {
    items = items.concat(evidenceItems(x, function (edge, r) {
      return edge.from === a ? r.label : r.label + " (" + byId[b].label + " → " + byId[a].label + ")";
    }));
  });
  var groups = groupSentences(items);
  panel.appendChild(el("h3", "Evidence (" + groups.length + " sentence" + (groups.length === 1 ? "" : "s") + ")"));
  panel.appendChild(sentenceList(groups));
}
function quotationList(quotes, withSpeaker) {
  var ul = el("ul");
  quotes.forEach(function (q) {
    var li = el("li");
    li.appendChild(el("div", "“" + q.text + "”", "quotation"));
    var line = el("div", null, "refs");
    if (withSpeaker) {
      if (q.speaker && byId[q.speaker]) { line.appendChild(entityLink(q.speaker)); line.appendChild(document.createTextNode(" · ")); }
      else if (!q.speaker) { line.appendChild(document.createTextNode("speaker not named · ")); }
    }
    line.appendChild(articleLink(q.article, [q.start, q.end]));
    li.appendChild(line);
    ul.appendChild(li);
  });
  return ul;
}
function articlePanel() {  // the article chosen: what it is, its text with its entities marked, its quotations
  var id = state.article, a = data.articles[id] || {};
  panel.appendChild(el("h2", a.headline || id));
  var meta = [id, a.date || "undated"].concat(a.authors && a.authors.length ? ["by " + a.authors.join(", ")] : []);
  panel.appendChild(el("div", meta.join(" · "), "muted"));
  if (a.url && /^https?:\/\//i.test(a.url)) {
    var out = el("a", a.url); out.href = a.url; out.target = "_blank"; out.rel = "noopener noreferrer";
    panel.appendChild(out);
  }
  if (state.entity) {
    var chosen = el("div", null, "refs");
    chosen.appendChild(document.createTextNode("Marked: "));
    chosen.appendChild(link(byId[state.entity].label, function () { selectEntity(state.entity, {}); },
                            "Open its panel"));
    panel.appendChild(chosen);
  }
  var here = data.nodes.filter(function (n) { return n.articles.indexOf(id) >= 0; });
  panel.appendChild(el("h3", "Text"));
  var held = articleTexts();
  if (typeof held.texts[id] === "string") {
    panel.appendChild(articleText(held.texts[id], held.spans[id] || [], state.at));
  } else {
    var why = data.textsLeftOut ? "left out to keep this page under " + fmt(Math.round(data.budget / 1e6)) + " MB" :
      "not in this page (it was drawn from a graph without article texts)";
    panel.appendChild(el("p", "The text of this article is " + why + ".", "muted"));
    var said = state.at && sentenceAt(id, state.at);
    if (said) { panel.appendChild(el("p", quoted(said), "evidence")); }
  }
  panel.appendChild(el("h3", "Entities (" + here.length + ")"));
  var ul = el("ul");
  here.forEach(function (n) { var li = el("li"); li.appendChild(entityLink(n.id)); li.appendChild(el("span", " " + n.kind, "muted")); ul.appendChild(li); });
  panel.appendChild(ul);
  var quotes = (data.quotations || []).filter(function (q) { return q.article === id; });
  if (quotes.length) {
    panel.appendChild(el("h3", "Quotations (" + quotes.length + ")"));
    panel.appendChild(quotationList(quotes, true));
  }
}
var textBlock = null;
function articleTexts() {  // {texts: {id: body}, spans: {id: [start, end, node, ...]}}, read on first use
  if (textBlock === null) { textBlock = JSON.parse(document.getElementById("article-texts").textContent); }
  return textBlock;
}
function sentenceAt(article, at) {  // the evidence sentence or quotation held for a place in an article
  var found = null;
  data.edges.forEach(function (e) {
    e.relations.forEach(function (r) {
      r.evidence.forEach(function (ev) { if (ev.article === article && ev.start === at[0]) { found = ev.sentence; } });
    });
  });
  (data.quotations || []).forEach(function (q) { if (q.article === article && q.start === at[0]) { found = q.text; } });
  return found;
}
// Offsets from the build count code points; JavaScript strings count UTF-16 units. The map from
// one to the other, or null when the text has no character outside the BMP (the two then agree).
function unitOffsets(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) { return null; }
  var map = [], i = 0;
  for (var cp = 0; i < text.length; cp++) {
    map[cp] = i;
    var c = text.charCodeAt(i);
    i += c >= 0xD800 && c <= 0xDBFF && i + 1 < text.length ? 2 : 1;
  }
  map.push(text.length);
  return map;
}
// The body as text nodes, each entity it names a button (click: go to its node), the sentence at
// `at` (code-point offsets) inside a <mark> scrolled into view.
function articleText(body, spans, at) {
  var box = el("div", null, "article-text"), map = unitOffsets(body);
  function unit(cp) { cp = Math.max(0, Math.min(cp, map ? map.length - 1 : body.length)); return map ? map[cp] : cp; }
  var marks = [], cuts = [0, body.length];
  for (var k = 0; k + 2 < spans.length; k += 3) {  // longest first where two start together; overlaps skipped
    var s = unit(spans[k]), e = unit(spans[k + 1]), node = data.nodes[spans[k + 2]];
    if (!node || e <= s || (marks.length && s < marks[marks.length - 1].end)) { continue; }
    marks.push({ start: s, end: e, node: node }); cuts.push(s, e);
  }
  var hi = at ? { start: unit(at[0]), end: unit(at[1]) } : null;
  if (hi) { cuts.push(hi.start, hi.end); }
  cuts = cuts.filter(function (c, i) { return cuts.indexOf(c) === i; }).sort(function (x, y) { return x - y; });
  var m = 0, mark = null, button = null, current = null;
  for (var c = 0; c + 1 < cuts.length; c++) {
    var a = cuts[c], b = cuts[c + 1], piece = body.slice(a, b);
    while (m < marks.length && marks[m].end <= a) { m++; }
    var inMention = m < marks.length && marks[m].start <= a ? marks[m] : null;
    var parent = box;
    if (hi && a >= hi.start && b <= hi.end) {
      if (!mark) { mark = el("mark", null, "evidence-mark"); box.appendChild(mark); }
      parent = mark;
    }
    if (inMention) {
      if (!(button && current === inMention && button.parentNode === parent)) {
        button = mentionButton(inMention.node);
        current = inMention;
        parent.appendChild(button);
      }
      button.appendChild(document.createTextNode(piece));
    } else {
      parent.appendChild(document.createTextNode(piece));
    }
  }
  if (mark && !keepScroll) { requestAnimationFrame(function () { mark.scrollIntoView({ block: "center" }); }); }
  return box;
}
function mentionButton(node) {
  var b = el("button", null, "mention" + (node.id === state.entity ? " current" : ""));
  b.type = "button"; b.dataset.kind = node.kind; b.title = node.label + " (" + node.kind + "): show it in the graph";
  b.style.borderBottomColor = node.color;
  b.addEventListener("click", function () { markEntity(node.id); });
  return b;
}
