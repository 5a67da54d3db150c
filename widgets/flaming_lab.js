// Browser half of kit.widgets.flaming_lab.FlamingLab: the lab shell's sliders (_lab.js: the main ones,
// the rest under a disclosure) and its "try it" button, then the two runs' charts and what the
// measures changed. The kernel sends the charts as data (kit.widgets.flaming_lab.chart_view); they
// are drawn here as SVG, their colours from flaming_lab.css by run ("without", "with").

const WIDTH = 360, HEIGHT = 200, PAD = 36;

function axisLabels(x, y, mid, xLabel, yLabel) {
  return [s("text", { class: "nk-fl-axis", x, y: HEIGHT - 6, "text-anchor": "middle" }, [xLabel]),
    s("text", { class: "nk-fl-axis", x: 10, y: mid, "text-anchor": "middle", transform: `rotate(-90 10 ${mid})` }, [yLabel])];
}

// Bars of posts per round, on the shared y scale top so two runs compare by eye.
function postsChart(panel, c) {
  const innerW = WIDTH - PAD - 8, innerH = HEIGHT - PAD - 24, top = Math.max(c.top, 1);
  const barW = innerW / Math.max(panel.posts.length, 1);
  const bars = panel.posts.map((posts, i) => {
    const height = innerH * posts / top;
    return s("rect", { class: `nk-fl-bar nk-fl-${panel.key}`, x: (PAD + i * barW + 1).toFixed(1), y: (24 + innerH - height).toFixed(1),
      width: Math.max(barW - 2, 1).toFixed(1), height: height.toFixed(1) }, [s("title", {}, [`${panel.rounds[i]}: ${posts}`])]);
  });
  return s("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": `${panel.name}: ${panel.posts.join(", ")}`, class: "nk-fl-chart" }, [
    s("text", { class: "nk-fl-chart-title", x: PAD, y: 16 }, [panel.name]),
    s("line", { class: "nk-fl-frame", x1: PAD, y1: 24 + innerH, x2: WIDTH - 8, y2: 24 + innerH }),
    s("line", { class: "nk-fl-frame", x1: PAD, y1: 24, x2: PAD, y2: 24 + innerH }),
    s("text", { class: "nk-fl-axis", x: PAD - 4, y: 30, "text-anchor": "end" }, [String(top)]),
    s("text", { class: "nk-fl-axis", x: PAD - 4, y: 24 + innerH, "text-anchor": "end" }, ["0"]),
    ...axisLabels((PAD + innerW / 2).toFixed(0), 0, (24 + innerH / 2).toFixed(0), c.x_label, c.y_label),
    ...bars]);
}

// Share of posts written by the most active share of posters, one line per run, and equality.
function lorenzChart(l) {
  const inner = HEIGHT - PAD - 24;
  const point = ([x, y]) => `${(PAD + x * inner).toFixed(1)},${(24 + inner - y * inner).toFixed(1)}`;
  const described = l.lines.map((line) => `${line.name}: ${line.top_share}%`).join("; ");
  return s("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": `${l.title} — ${described}`, class: "nk-fl-chart" }, [
    s("text", { class: "nk-fl-chart-title", x: PAD, y: 16 }, [l.title]),
    s("rect", { class: "nk-fl-frame", x: PAD, y: 24, width: inner, height: inner, fill: "none" }),
    ...axisLabels((PAD + inner / 2).toFixed(0), 0, (24 + inner / 2).toFixed(0), l.x_label, l.y_label),
    s("polyline", { class: "nk-fl-equal", points: `${point([0, 0])} ${point([1, 1])}` }),
    ...l.lines.map((line) => s("polyline", { class: `nk-fl-line nk-fl-${line.key}`, points: line.points.map(point).join(" ") })),
    ...l.lines.flatMap((line, n) => [
      s("rect", { class: `nk-fl-key nk-fl-${line.key}`, x: PAD + inner + 12, y: 34 + n * 20, width: 12, height: 12 }),
      s("text", { class: "nk-fl-key-name", x: PAD + inner + 28, y: 44 + n * 20 }, [line.name])])]);
}

function render({ model, el }) {
  const shell = labShell(model);
  const charts = h("div", { class: "nk-flaming-charts" });
  const summary = h("div", { class: "nk-fl-summary", role: "status" });
  const root = h("div", { class: "nk-flaming-lab" }, [...shell.heading, shell.controls, shell.buttons, shell.error, charts, summary]);
  el.append(root);

  function draw() {
    const c = model.get("charts") || {};
    const panels = (c.panels || []).map((panel) => h("figure", { class: "nk-fl-figure" }, [postsChart(panel, c),
      h("figcaption", {}, panel.facts.map((fact) => h("p", { class: "nk-fl-fact", html: fact })))]));
    if (c.lorenz) panels.push(h("figure", { class: "nk-fl-figure" }, [lorenzChart(c.lorenz)]));
    charts.replaceChildren(...panels);
    const [change, note] = model.get("summary") || [];
    summary.replaceChildren(...(change === undefined ? [] : [h("p", { class: "nk-fl-change", html: change }), h("p", { class: "nk-fl-note", html: note })]));
  }
  model.on("change:charts", draw);
  model.on("change:summary", draw);
  draw();
}

export default { render };
