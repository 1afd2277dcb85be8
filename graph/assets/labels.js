// Edge labels, drawn by the page after vis-network has drawn the graph: horizontal, on a white
// ground, and only where they cover no entity, no entity's name and no other edge label (tried at
// the middle of the arrow, then a little to either side). The selection's arrows are placed first,
// then the surest. Names are what a reader came for; a label that does not fit is left out (its
// arrow's tooltip and panel still say it).
var EDGE_FONT = 11;       // canvas units: edge labels zoom with the graph, as node labels do
var EDGE_FONT_MIN = 7;    // screen px under which edge labels are not drawn at all
var placedLabels = [];    // what the last drawing placed: {id, text, x, y, w, h} (canvas units), for tests

function edgeLabelText(e) {
  var labels = e.relations.filter(function (r) { return r.evidence.some(evidenceShown); })
    .map(function (r) { return r.label; });
  return labels.length > 1 ? labels[0] + " +" + (labels.length - 1) : labels[0] || "";
}
function Grid(cell) { this.cell = cell; this.cells = {}; }
Grid.prototype.keys = function (b) {
  var out = [], c = this.cell;
  for (var gx = Math.floor(b.x0 / c); gx <= Math.floor(b.x1 / c); gx++) {
    for (var gy = Math.floor(b.y0 / c); gy <= Math.floor(b.y1 / c); gy++) { out.push(gx + "," + gy); }
  }
  return out;
};
Grid.prototype.add = function (b) {
  var cells = this.cells;
  this.keys(b).forEach(function (k) { (cells[k] = cells[k] || []).push(b); });
};
Grid.prototype.hits = function (b) {
  var cells = this.cells;
  return this.keys(b).some(function (k) {
    return (cells[k] || []).some(function (o) { return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1; });
  });
};
function nodeBoxes(ids) {  // each shown entity's disc and name, as vis-network drew them (canvas units)
  var boxes = [];
  ids.forEach(function (id) {
    var n = network.body.nodes[id];
    if (!n) { return; }
    var r = n.shape.radius || n.options.size || 10;
    boxes.push({ x0: n.x - r, x1: n.x + r, y0: n.y - r, y1: n.y + r, id: id });
    var s = n.labelModule.size;
    if (s && s.width) { boxes.push({ x0: s.left, x1: s.left + s.width, y0: s.top, y1: s.top + s.height, id: id }); }
  });
  return boxes;
}
function drawEdgeLabels(ctx) {
  placedLabels = [];
  var scale = network.getScale();
  if (EDGE_FONT * scale < EDGE_FONT_MIN) { return; }
  var box = document.getElementById("net");
  var a = network.DOMtoCanvas({ x: 0, y: 0 }), b = network.DOMtoCanvas({ x: box.clientWidth, y: box.clientHeight });
  var view = { x0: a.x, y0: a.y, x1: b.x, y1: b.y };
  function inView(p) { return p.x > view.x0 && p.x < view.x1 && p.y > view.y0 && p.y < view.y1; }
  var near = 300;  // canvas units: an entity just outside the view can have its name inside
  var shownNodes = network.body.nodeIndices.filter(function (id) {
    var n = network.body.nodes[id];
    return n.x > view.x0 - near && n.x < view.x1 + near && n.y > view.y0 - near && n.y < view.y1 + near;
  });
  var grid = new Grid(120);
  nodeBoxes(shownNodes).forEach(function (bx) { grid.add(bx); });
  var chosen = {};
  if (state.entity && network.body.nodes[state.entity]) {
    network.getConnectedEdges(state.entity).forEach(function (id) { chosen[id] = true; });
  }
  if (state.edge) { chosen[state.edge] = true; }
  var candidates = network.body.edgeIndices.map(function (id) { return edgeById[id]; }).filter(function (e) {
    return e && !e.co && (inView(network.body.nodes[e.from]) || inView(network.body.nodes[e.to]));
  });
  candidates.sort(function (x, y) {
    return (chosen[y.id] ? 1 : 0) - (chosen[x.id] ? 1 : 0) || bestConfidence(y) - bestConfidence(x) ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  });
  ctx.save();
  ctx.font = EDGE_FONT + "px " + getComputedStyle(document.body).fontFamily;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  var h = EDGE_FONT + 4;
  candidates.forEach(function (e) {
    var text = edgeLabelText(e);
    if (!text) { return; }
    var w = ctx.measureText(text).width + 6, shape = network.body.edges[e.id];
    var spots = [0.5, 0.38, 0.62, 0.28, 0.72];
    for (var i = 0; i < spots.length; i++) {
      var p = shape.edgeType.getPoint(spots[i]);
      var bx = { x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y - h / 2, y1: p.y + h / 2 };
      if (!inView(p) || grid.hits(bx)) { continue; }
      grid.add(bx);
      ctx.fillStyle = "rgba(255, 255, 255, 0.88)";
      ctx.fillRect(bx.x0, bx.y0, w, h);
      ctx.fillStyle = chosen[e.id] ? "#102a43" : "#52606d";
      ctx.fillText(text, p.x, p.y + 0.5);
      placedLabels.push({ id: e.id, text: text, x: bx.x0, y: bx.y0, w: w, h: h });
      return;
    }
  });
  ctx.restore();
}
function bestConfidence(e) {
  return Math.max.apply(null, e.relations.map(function (r) { return r.confidence; }));
}
