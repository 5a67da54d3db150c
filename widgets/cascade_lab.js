// Browser half of kit.widgets.cascade_lab.CascadeLab: the lab shell's two share-rate sliders and run
// button (_lab.js, limits from the model's spec); the kernel runs the cascades and sends back the
// outcome as data (kit.widgets.cascade_lab.result_view), drawn here as two tables and a scatter,
// its colours from cascade_lab.css by story ("false", "true").

function table(t) {
  const rows = t.rows.map((row) => h("tr", row.few ? { class: "nk-ce-few", title: t.few } : {},
    row.cells.map((cell, i) => (i === 0 ? h("th", { scope: "row", text: cell }) : h("td", { text: cell })))));
  return [h("h3", { text: t.title }),
    h("table", { class: "nk-ce-table" }, [h("thead", {}, [h("tr", {}, t.columns.map((c) => h("th", { scope: "col", text: c })))]), h("tbody", {}, rows)]),
    h("p", { class: "nk-ce-caption", text: t.caption })];
}

// Size (log scale) against depth, one dot per cascade.
function scatter(c) {
  const width = 560, height = 280, left = 52, bottom = 42, pad = 12;
  const x = (size) => left + (width - left - pad) * Math.log10(Math.max(size, 1)) / c.top_x;
  const y = (depth) => pad + (height - bottom - pad) * (1 - depth / c.top_y);
  const mid = ((height - bottom) / 2).toFixed(1);
  return s("svg", { class: "nk-ce-chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `${c.y_label} / ${c.x_label}` }, [
    s("line", { class: "nk-ce-axis", x1: left, y1: y(0).toFixed(1), x2: width - pad, y2: y(0).toFixed(1) }),
    s("line", { class: "nk-ce-axis", x1: left, y1: pad, x2: left, y2: y(0).toFixed(1) }),
    ...c.x_ticks.map((tick) => s("text", { class: "nk-ce-tick", x: x(tick).toFixed(1), y: height - bottom + 16, "text-anchor": "middle" }, [String(tick)])),
    ...c.y_ticks.map((d) => s("text", { class: "nk-ce-tick", x: left - 6, y: (y(d) + 4).toFixed(1), "text-anchor": "end" }, [String(d)])),
    s("text", { class: "nk-ce-axis-label", x: ((left + width) / 2).toFixed(1), y: height - 6, "text-anchor": "middle" }, [c.x_label]),
    s("text", { class: "nk-ce-axis-label", x: 14, y: mid, "text-anchor": "middle", transform: `rotate(-90 14 ${mid})` }, [c.y_label]),
    ...c.series.map((line) => s("g", { class: `nk-ce-dots nk-ce-dots-${line.key}` }, [s("title", {}, [line.name]),
      ...line.points.map(([size, depth]) => s("circle", { cx: x(size).toFixed(1), cy: y(depth).toFixed(1), r: 3.5 }))]))]);
}

function render({ model, el }) {
  const shell = labShell(model, { onAction: () => {
    if (model.get("pending")) return false;
    model.set("pending", true);
    model.save_changes();
    return true;
  } });
  const root = h("section", { class: "nk-ce", "aria-label": (model.get("labels") || {}).ce_title || "" });
  const out = h("div", { class: "nk-ce-result", role: "status", "aria-live": "polite" });
  root.append(...shell.heading, shell.controls, shell.buttons, shell.error, out);
  el.append(root);

  function draw() {
    const L = model.get("labels") || {};
    const pending = model.get("pending");
    const r = model.get("result") || {};
    shell.button("run").setAttribute("aria-disabled", String(!!pending)); // not disabled: that would drop the keyboard focus
    if (pending) out.replaceChildren(h("p", { text: L.ce_running }));
    else if (!r.tables) out.replaceChildren();
    else {
      const legend = h("ul", { class: "nk-ce-legend" }, r.scatter.series.map((line) =>
        h("li", {}, [h("span", { class: `nk-ce-dot nk-ce-dot-${line.key}` }), line.name])));
      out.replaceChildren(...r.tables.flatMap(table), scatter(r.scatter), legend, h("p", { class: "nk-ce-note", text: r.note }));
    }
  }

  for (const name of ["pending", "result"]) model.on(`change:${name}`, draw);
  draw();
}

export default { render };
