// Browser half of kit.widgets.flaming_lab.FlamingLab: the lab shell's sliders (_lab.js: the main ones,
// the rest under a disclosure) and its "try it" button, then the two runs' charts and what the
// measures changed, drawn as SVG and text in the kernel.

function render({ model, el }) {
  const shell = labShell(model);
  const charts = h("div", { class: "nk-flaming-charts" });
  const summary = h("div", { class: "nk-fl-summary", role: "status" });
  const root = h("div", { class: "nk-flaming-lab" }, [...shell.heading, shell.controls, shell.buttons, shell.error, charts, summary]);
  el.append(root);

  function draw() {
    charts.innerHTML = model.get("charts_html") || ""; // kernel-made HTML: escaped text and SVG charts
    summary.innerHTML = model.get("summary_html") || "";
  }
  model.on("change:charts_html", draw);
  model.on("change:summary_html", draw);
  draw();
}

export default { render };
