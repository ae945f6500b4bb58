// The state–organization network on a day: a small force layout (springs along
// memberships, repulsion between all nodes, a pull to the centre), run to rest once and
// drawn as SVG. Organizations are sized by their members; a state that belongs to several
// organizations settles between them, so overlap shows as shared neighbours.
"use strict";
(function () {
  const svg = document.getElementById("network");
  const data = document.getElementById("network-data");
  if (!svg || !data) return;
  const graph = JSON.parse(data.textContent);
  const NS = "http://www.w3.org/2000/svg";
  const W = 1000, H = 640;

  const nodes = graph.nodes.map((n, i) => {
    const org = n.kind === "organization";
    const angle = (2 * Math.PI * i) / graph.nodes.length;
    const ring = org ? 120 : 260;            // organizations start inside, states outside
    return Object.assign({}, n, {
      r: org ? 12 + 4 * Math.sqrt(n.members) : 5 + Math.min(n.organizations || 0, 6),
      x: W / 2 + ring * Math.cos(angle), y: H / 2 + ring * Math.sin(angle)});
  });
  const byId = new Map(nodes.map(n => [n.kind + ":" + n.id, n]));
  const links = graph.links.map(l => Object.assign({}, l, {
    s: byId.get("state:" + l.state), o: byId.get("organization:" + l.org)}))
    .filter(l => l.s && l.o);

  // --- layout: Fruchterman–Reingold with a linear cooling schedule, a fixed number of
  // steps (so it always stops) and a weak pull to the centre for loose nodes
  const STEPS = 360;
  const k = 0.75 * Math.sqrt((W * H) / Math.max(nodes.length, 1));
  for (let step = 0; step < STEPS; step++) {
    const t = (W / 8) * (1 - step / STEPS) + 0.5;
    for (const n of nodes) { n.dx = 0; n.dy = 0; }
    for (let i = 0; i < nodes.length; i++) {
      const a = nodes[i];
      for (let j = i + 1; j < nodes.length; j++) {
        const b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        let d = Math.sqrt(dx * dx + dy * dy);
        if (d < 0.01) { dx = 0.1 * (i - j); dy = 0.1; d = Math.sqrt(dx * dx + dy * dy); }
        const both = a.kind === "organization" && b.kind === "organization";
        const f = (k * k / d) * (both ? 2.2 : 1) + (d < a.r + b.r + 8 ? k : 0);
        a.dx += dx / d * f; a.dy += dy / d * f;
        b.dx -= dx / d * f; b.dy -= dy / d * f;
      }
    }
    for (const l of links) {
      const dx = l.o.x - l.s.x, dy = l.o.y - l.s.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = (d * d / k) * (l.member ? 1 : 0.45);
      l.s.dx += dx / d * f; l.s.dy += dy / d * f;
      l.o.dx -= dx / d * f * 0.6; l.o.dy -= dy / d * f * 0.6;
    }
    for (const n of nodes) {
      const pull = (n.kind === "state" ? 0.06 : 0.03) * k / 40;    // loose states stay near
      n.dx += (W / 2 - n.x) * pull; n.dy += (H / 2 - n.y) * pull * 1.5;
      const d = Math.sqrt(n.dx * n.dx + n.dy * n.dy) || 1;
      const m = Math.min(d, t);
      n.x = Math.min(W - n.r - 14, Math.max(n.r + 14, n.x + n.dx / d * m));
      n.y = Math.min(H - n.r - 14, Math.max(n.r + 14, n.y + n.dy / d * m));
    }
  }

  // --- drawing
  function el(name, attrs, parent) {
    const e = document.createElementNS(NS, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function roleCss(role) {
    const cls = {founding_member: "member"}[role] || role;
    return "role-" + cls.replace(/_/g, "-");
  }
  const gLinks = el("g", {"class": "links"}, svg);
  const gNodes = el("g", {"class": "nodes"}, svg);
  for (const l of links) {
    l.el = el("line", {"class": "link " + roleCss(l.role) + (l.certain ? "" : " uncertain") +
                       (l.member ? "" : " weak")}, gLinks);
    const t = el("title", {}, l.el);
    t.textContent = l.state + " — " + l.role.replace(/_/g, " ") + " — " + l.org;
  }
  for (const n of nodes) {
    const g = el("g", {"class": "node " + n.kind, "tabindex": "0"}, gNodes);
    const a = el("a", {href: (n.kind === "state" ? "/states/" : "/organizations/") + encodeURIComponent(n.id)}, g);
    el("circle", {r: n.r}, a);
    const label = el("text", {"class": "label", dy: n.kind === "organization" ? 4 : -(n.r + 3)}, a);
    label.textContent = n.id;
    const title = el("title", {}, a);
    title.textContent = n.name + (n.kind === "organization" ? " — " + n.members + " members"
                                  : " — in " + n.organizations + " of these organizations");
    n.el = g;
  }
  function place() {
    for (const l of links) {
      l.el.setAttribute("x1", l.s.x.toFixed(1)); l.el.setAttribute("y1", l.s.y.toFixed(1));
      l.el.setAttribute("x2", l.o.x.toFixed(1)); l.el.setAttribute("y2", l.o.y.toFixed(1));
    }
    for (const n of nodes) n.el.setAttribute("transform", "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")");
  }
  place();

  // --- hover: an organization's members, and the organizations it shares them with
  const shared = new Map();
  for (const o of graph.overlaps) {
    shared.set(o.a + "|" + o.b, o.shared); shared.set(o.b + "|" + o.a, o.shared);
  }
  function highlight(n) {
    svg.classList.add("focusing");
    const near = new Set([n]);
    for (const l of links) {
      const on = (n.kind === "organization" ? l.o === n : l.s === n);
      l.el.classList.toggle("hot", on);
      if (on) { near.add(l.s); near.add(l.o); }
    }
    if (n.kind === "organization") {
      for (const m of nodes) if (m.kind === "organization" && shared.get(n.id + "|" + m.id)) near.add(m);
    }
    for (const m of nodes) m.el.classList.toggle("hot", near.has(m));
  }
  function clear() {
    svg.classList.remove("focusing");
    for (const l of links) l.el.classList.remove("hot");
    for (const m of nodes) m.el.classList.remove("hot");
  }
  let dragging = null, moved = false;
  for (const n of nodes) {
    n.el.addEventListener("mouseenter", () => { if (!dragging) highlight(n); });
    n.el.addEventListener("mouseleave", () => { if (!dragging) clear(); });
    n.el.addEventListener("focus", () => highlight(n));
    n.el.addEventListener("blur", clear);
    n.el.addEventListener("pointerdown", ev => { dragging = n; moved = false; ev.preventDefault(); });
    n.el.addEventListener("click", ev => { if (moved) ev.preventDefault(); });
  }
  function point(ev) {
    const p = svg.createSVGPoint();
    p.x = ev.clientX; p.y = ev.clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  svg.addEventListener("pointermove", ev => {
    if (!dragging) return;
    const p = point(ev);
    dragging.x = p.x; dragging.y = p.y; moved = true;
    place();
  });
  window.addEventListener("pointerup", () => { dragging = null; });
  svg.dataset.ready = "1";
})();
