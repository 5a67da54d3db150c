// Browser half of kit.widgets.feed_lab.FeedLab: the lab shell's controls (_lab.js: the likes and
// rounds, then the model's assumptions under a disclosure) and its reset button; then the two
// timelines A and B (side by side, one above the other when narrow: a few post cards of the last
// round each, and their figures), the two charts per round (kit.widgets.feed_lab.view_data sends their numbers; drawn here as SVG, each
// with a text name and a table of the same numbers) and what changed and what the platform earned.

const WIDTH = 360, HEIGHT = 200, PAD = 40, TOP = 26;

function card(c) {
  return h("li", { class: `nk-fd-card nk-fd-source-${c.source}` }, [
    h("article", { class: "nk-fd-post" }, [
      h("p", { class: "nk-fd-who" }, [
        h("span", { class: "nk-fd-name", html: c.name_html }),
        c.badge_label ? h("span", { class: `nk-fd-badge nk-fd-badge-${c.badge}`, text: "✓ " + c.badge_label }) : null,
        h("span", { class: "nk-fd-handle", text: c.handle }),
      ]),
      h("p", { class: "nk-fd-text", html: c.text_html }),
      h("p", { class: "nk-fd-tags" }, [
        h("span", { class: "nk-fd-tag", text: c.topic_label }),
        h("span", { class: "nk-fd-tag", text: c.source_label }),
        h("span", { class: `nk-fd-tag nk-fd-level-${c.level}`, text: c.level_label }),
        c.clicked ? h("span", { class: "nk-fd-tag nk-fd-clicked", text: c.clicked_label }) : null,
      ]),
    ]),
  ]);
}

function lineChart(chart, rounds, xLabel) {
  const innerW = WIDTH - PAD - 12, innerH = HEIGHT - TOP - 34;
  const x = (i) => PAD + (rounds.length > 1 ? (i * innerW) / (rounds.length - 1) : innerW / 2);
  const y = (v) => TOP + innerH - (innerH * v) / chart.top;
  const described = chart.series.map((s) => `${s.name}: ${s.values.join(", ")}`).join("; ");
  return s("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", class: "nk-fd-chart",
    "aria-label": `${chart.title} — ${described}` }, [
    s("text", { class: "nk-fd-chart-title", x: PAD, y: 16 }, [chart.title]),
    s("line", { class: "nk-fd-frame", x1: PAD, y1: TOP + innerH, x2: WIDTH - 12, y2: TOP + innerH }),
    s("line", { class: "nk-fd-frame", x1: PAD, y1: TOP, x2: PAD, y2: TOP + innerH }),
    s("text", { class: "nk-fd-axis", x: PAD - 4, y: TOP + 4, "text-anchor": "end" }, [String(chart.top)]),
    s("text", { class: "nk-fd-axis", x: PAD - 4, y: TOP + innerH, "text-anchor": "end" }, ["0"]),
    s("text", { class: "nk-fd-axis", x: PAD, y: TOP + innerH + 14, "text-anchor": "middle" }, [String(rounds[0] ?? "")]),
    s("text", { class: "nk-fd-axis", x: WIDTH - 12, y: TOP + innerH + 14, "text-anchor": "middle" }, [String(rounds[rounds.length - 1] ?? "")]),
    s("text", { class: "nk-fd-axis", x: PAD + innerW / 2, y: HEIGHT - 4, "text-anchor": "middle" }, [xLabel]),
    ...chart.series.map((series) => s("polyline", { class: `nk-fd-line nk-fd-${series.key}`,
      points: series.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ") })),
  ]);
}

// The same numbers as a table, for a screen reader and for whoever prefers to read them.
function chartTable(c) {
  const head = h("tr", {}, [h("th", { scope: "col", text: c.x_label })]);
  for (const chart of c.charts) for (const series of chart.series) head.append(h("th", { scope: "col", text: `${chart.title}: ${series.name}` }));
  const rows = c.rounds.map((round, i) => {
    const row = h("tr", {}, [h("th", { scope: "row", text: String(round) })]);
    for (const chart of c.charts) for (const series of chart.series) row.append(h("td", { text: String(series.values[i]) }));
    return row;
  });
  return h("details", { class: "nk-fd-table" }, [h("summary", { text: c.table_label }),
    keyboardScroll(h("div", { class: "nk-fd-table-scroll", role: "region", "aria-label": c.table_label }, [
      h("table", {}, [h("thead", {}, [head]), h("tbody", {}, rows)])]))]);
}

function render({ model, el }) {
  const shell = labShell(model);
  const panels = h("div", { class: "nk-fd-panels" });
  const charts = h("div", { class: "nk-fd-charts" });
  const summary = h("div", { class: "nk-fd-summary", "aria-live": "polite" });
  el.append(h("div", { class: "nk-feed-lab" }, [...shell.heading, shell.controls, shell.buttons, shell.error, panels, charts, summary]));

  function draw() {
    const v = model.get("view") || {};
    const L = model.get("labels") || {};
    panels.replaceChildren(...(v.panels || []).map((p) => h("section", { class: `nk-fd-panel nk-fd-panel-${p.key}`, "aria-label": p.name }, [
      h("h4", { class: "nk-fd-panel-name", text: p.name }),
      h("p", { class: "nk-fd-round", text: p.round_label }),
      h("ul", { class: "nk-fd-cards" }, p.cards.map((c) => card({ ...c, clicked_label: L.fd_clicked }))),
      ...p.facts.map((f) => h("p", { class: "nk-fd-fact", html: f })),
    ])));
    const c = v.chart;
    charts.replaceChildren(...(c ? [...c.charts.map((chart) => h("figure", { class: "nk-fd-figure" }, [lineChart(chart, c.rounds, c.x_label),
      h("figcaption", { class: "nk-fd-keys" }, chart.series.map((series) => h("span", { class: `nk-fd-key nk-fd-key-${series.key}`, text: series.name })))])),
    chartTable(c)] : []));
    summary.replaceChildren(...(v.summary || []).map((line, i) => h("p", { class: i === 0 ? "nk-fd-change" : i === 2 ? "nk-fd-note" : "nk-fd-earned", html: line })));
  }
  model.on("change:view", draw);
  draw();
}

export default { render };
