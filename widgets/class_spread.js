// Browser half of kit.widgets.class_spread.ClassSpread: two buttons, and the outcome the kernel sends
// as data (sentences, believers per round) drawn as text and an SVG line chart.
// The buttons are drawn again only when their words change, so the keyboard stays on the one
// pressed while the kernel runs the model and sends the outcome.

// Believers per round, one line per series (kit.widgets.class_spread.chart_view), y from 0 to top;
// the lines' colours and dashes come from class_spread.css by their kind. The viewBox is as wide as
// the chart is drawn (``width`` CSS pixels), so its 12–13 px labels stay that size on a 360 px phone
// instead of shrinking with a fixed viewBox; the chart is drawn again when its box changes width.
const CHART_WIDTH = 560, CHART_MIN = 200;

function lineChart(c, drawnWidth) {
  const width = Math.max(CHART_MIN, Math.round(drawnWidth || CHART_WIDTH)), height = 260, left = 56, bottom = 40, pad = 12;
  const rounds = Math.max(1, ...c.series.map((line) => line.values.length)) - 1 || 1;
  const top = Math.max(c.top, 1);
  const x = (i) => left + (width - left - pad) * i / rounds;
  const y = (v) => pad + (height - bottom - pad) * (1 - v / top);
  const mid = ((height - bottom) / 2).toFixed(1);
  const svg = s("svg", { class: "nk-cs-chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": c.y_label }, [
    s("line", { class: "nk-cs-axis", x1: left, y1: y(0), x2: width - pad, y2: y(0) }),
    s("line", { class: "nk-cs-axis", x1: left, y1: pad, x2: left, y2: y(0) }),
  ]);
  for (const v of [0, Math.floor(top / 2), top]) {
    svg.append(s("text", { class: "nk-cs-tick", x: left - 6, y: (y(v) + 4).toFixed(1), "text-anchor": "end" }, [String(v)]));
  }
  const ticks = Math.max(2, Math.min(6, Math.floor((width - left - pad) / 40)));  // at least 40 px apart
  for (let i = 0; i <= rounds; i += Math.max(1, Math.ceil(rounds / ticks))) {
    svg.append(s("text", { class: "nk-cs-tick", x: x(i).toFixed(1), y: height - bottom + 16, "text-anchor": "middle" }, [String(i)]));
  }
  svg.append(s("text", { class: "nk-cs-axis-label", x: ((left + width) / 2).toFixed(1), y: height - 6, "text-anchor": "middle" }, [c.x_label]));
  svg.append(s("text", { class: "nk-cs-axis-label", x: 14, y: mid, "text-anchor": "middle", transform: `rotate(-90 14 ${mid})` }, [c.y_label]));
  for (const line of c.series) {
    const points = line.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    svg.append(s("polyline", { class: `nk-cs-line nk-cs-line-${line.kind}`, points }, [s("title", {}, [line.name])]));
  }
  return svg;
}

function outcome(r, width) {
  if (r.empty) return [h("p", { class: "nk-cs-empty", text: r.empty })];
  const legend = h("ul", { class: "nk-cs-legend" }, r.chart.series.map((line) =>
    h("li", {}, [h("span", { class: `nk-cs-key nk-cs-key-${line.kind}` }), line.name])));
  return [h("p", { class: "nk-cs-rate", text: r.rate }), h("p", { class: "nk-cs-outcome", text: r.outcome }),
    lineChart(r.chart, width), legend, h("p", { class: "nk-cs-note", text: r.note })];
}

function render({ model, el }) {
  useRuby(model.get("labels"));
  const root = h("section", { class: "nk-cs" });
  const head = h("div", { class: "nk-cs-head" });
  const buttons = h("div", { class: "nk-cs-actions" });
  const hint = h("div", { class: "nk-cs-hint-box" });
  const out = h("div", { class: "nk-cs-result", role: "status", "aria-live": "polite" });
  root.append(head, buttons, hint, out);
  el.append(root);

  function ask(action) {
    if (model.get("pending")) return;
    model.set("pending", true);
    model.save_changes();
    model.send({ action });
  }

  function drawButtons() {
    const L = model.get("labels") || {};
    const focused = buttons.contains(document.activeElement) ? document.activeElement.dataset.whose : null;
    root.setAttribute("aria-label", L.cs_title || "");
    head.replaceChildren(h("h2", { class: "nk-cs-title", text: L.cs_title }), h("p", { class: "nk-cs-lead", text: L.cs_lead }));
    buttons.replaceChildren(h("button", { type: "button", class: "nk-cs-button", "data-whose": "mine", text: L.cs_mine, onclick: () => ask("mine") }));
    hint.replaceChildren();
    if (model.get("class_known")) {
      buttons.append(h("button", { type: "button", class: "nk-cs-button", "data-whose": "class", text: L.cs_class, onclick: () => ask("class") }));
      if (L.cs_class_named) hint.append(h("p", { class: "nk-cs-hint", text: L.cs_class_named }));
    }
    if (focused) buttons.querySelector(`[data-whose="${focused}"]`)?.focus();
    drawState();
  }

  let drawnWidth = 0;  // the result box's width when the chart was last drawn

  function drawState() {
    const L = model.get("labels") || {};
    const pending = model.get("pending");
    // aria-disabled, not disabled: a disabled button would drop the keyboard focus.
    for (const b of buttons.querySelectorAll("button")) b.setAttribute("aria-disabled", String(!!pending));
    out.replaceChildren();
    if (pending) out.append(h("p", { text: L.cs_running }));
    else if (Object.keys(model.get("result") || {}).length) {
      drawnWidth = out.clientWidth;
      out.append(...outcome(model.get("result"), drawnWidth && drawnWidth - 2));  // less the chart's 1 px border each side
    }
  }

  // A phone turned, a window resized: the chart drawn again at its new width (text stays its size).
  new ResizeObserver(() => {
    const width = out.clientWidth, chart = out.querySelector(".nk-cs-chart"), r = model.get("result") || {};
    if (!chart || !r.chart || !width || Math.abs(width - drawnWidth) < 1) return;
    drawnWidth = width;
    chart.replaceWith(lineChart(r.chart, width - 2));
  }).observe(out);

  for (const name of ["labels", "class_known"]) model.on(`change:${name}`, drawButtons);
  for (const name of ["pending", "result"]) model.on(`change:${name}`, drawState);
  drawButtons();
}

export default { render };
