// Browser half of kit.widgets.model_lab.ModelLab: the lab shell's sliders (_lab.js: one per
// assumption, with its source or an "assumption" badge) beside the model's results as bars with
// their numbers written out. The kernel computes everything; this file draws what comes back.

function render({ model, el }) {
  const shell = labShell(model);
  const L = model.get("labels") || {};
  const root = h("div", { class: "nk-lab" });
  el.append(root);
  root.append(...shell.heading);

  const results = h("div", { class: "nk-lab-results", "aria-live": "polite" });
  const group = shell.controls.querySelector(".nk-param-group") || shell.controls;
  group.append(shell.error, shell.buttons);
  const body = h("div", { class: "nk-lab-body" }, [shell.controls, results]);
  const wide = h("div", { class: "nk-lab-wide" }); // tables need the whole width
  root.append(body, wide);

  const prompts = model.get("prompts") || [];
  if (prompts.length) {
    const list = h("ol", { class: "nk-lab-prompts" });
    for (const p of prompts) list.append(h("li", { html: p }));
    root.append(h("div", { class: "nk-lab-discuss" }, [h("p", { class: "nk-lab-subtitle", text: L.lab_discuss }), list]));
  }

  function drawResults() {
    const out = model.get("output") || {};
    results.replaceChildren();
    wide.replaceChildren();
    if (out.headline_html) results.append(h("div", { class: "nk-lab-headline", html: out.headline_html }));
    for (const chart of out.charts || []) {
      const box = h("figure", { class: "nk-lab-chart" }, [h("figcaption", { html: chart.title_html })]);
      const max = Math.max(chart.max || 0, ...chart.rows.map((r) => r.value), 1e-9);
      for (const r of chart.rows) {
        const bar = h("div", { class: `nk-lab-bar nk-lab-bar-${r.kind || "plain"}` });
        bar.style.width = `${Math.max(0, Math.min(100, (100 * r.value) / max))}%`;
        box.append(h("div", { class: "nk-lab-row" }, [
          h("span", { class: "nk-lab-row-label", html: r.label_html }),
          h("span", { class: "nk-lab-track", "aria-hidden": "true" }, [bar]),
          h("span", { class: "nk-lab-row-text", text: r.text }),
        ]));
      }
      results.append(box);
    }
    if (out.table && out.table.rows.length) wide.append(tableBox(out.table));
    for (const n of out.notes_html || []) results.append(h("p", { class: "nk-lab-note", html: n }));
  }

  // A table of sources (kit.widgets.estimate_explorer: table {caption_html, columns, rows}). Under
  // about 480 px (model_lab.css, a container query) each row is a card, every cell with its column's
  // heading, so nothing needs scrolling on a phone; wider, the table scrolls inside a region named
  // by its caption that takes the keyboard focus only while it is too wide to show whole.
  let tableSeq = 0;

  function tableBox(t) {
    const table = h("table", { class: "nk-lab-table", role: "table" });
    const id = `nk-lab-caption-${Math.random().toString(36).slice(2)}-${++tableSeq}`;
    if (t.caption_html) table.append(h("caption", { id, class: "nk-lab-caption", html: t.caption_html }));
    const tr = h("tr", { role: "row" });
    for (const c of t.columns) tr.append(h("th", { scope: "col", role: "columnheader", html: c }));
    table.append(h("thead", { role: "rowgroup" }, [tr]));
    const tbody = h("tbody", { role: "rowgroup" });
    for (const row of t.rows) {
      const r = h("tr", { role: "row", class: "nk-lab-table-row" });
      row.forEach((cell, i) => {
        const head = h("span", { class: "nk-lab-cell-head", "aria-hidden": "true", html: t.columns[i] || "" });
        const content = h("span", { class: "nk-lab-cell-text", html: cell });
        r.append(h(i === 0 ? "th" : "td", i === 0 ? { scope: "row", role: "rowheader" } : { role: "cell" }, [head, content]));
      });
      tbody.append(r);
    }
    table.append(tbody);
    const box = h("div", { class: "nk-lab-table-wrap" }, [table]);
    if (t.caption_html) {
      box.setAttribute("role", "region");
      box.setAttribute("aria-labelledby", id);
    }
    return keyboardScroll(box);  // _lab.js
  }

  model.on("change:output", drawResults);
  drawResults();
}

export default { render };
