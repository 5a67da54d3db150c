// Browser half of kit.widgets.model_lab.ModelLab: one native range slider per assumption, and
// the model's results as bars with their numbers written out. The kernel computes everything;
// this file sends slider values and draws what comes back.

let uid = 0;

function render({ model, el }) {
  useRuby(model.get("labels"));
  const id = `nk-lab${++uid}`;
  const root = h("div", { class: "nk-lab" });
  el.append(root);
  const head = model.get("heading") || {};
  const L = model.get("labels") || {};
  root.append(h("h3", { class: "nk-lab-title", html: head.title_html || "" }));
  if (head.lead_html) root.append(h("p", { class: "nk-lab-lead", html: head.lead_html }));

  const results = h("div", { class: "nk-lab-results", "aria-live": "polite" });
  const controls = h("fieldset", { class: "nk-lab-controls" }, [h("legend", { text: L.lab_assumptions })]);
  const inputs = {};
  const shownValue = {};
  for (const s of model.get("sliders") || []) {
    const inputId = `${id}-${s.name}`;
    const row = h("div", { class: "nk-lab-slider" });
    const value = h("output", { for: inputId, class: "nk-lab-value" });
    const labelEl = h("label", { for: inputId, class: "nk-lab-label" }, [h("span", { html: s.label_html })]);
    row.append(h("div", { class: "nk-lab-label-row" }, [labelEl, value]));
    const input = h("input", { type: "range", id: inputId, min: s.min, max: s.max, step: s.step, class: "nk-lab-range" });
    let timer = null;
    input.addEventListener("input", () => {
      clearTimeout(timer); // a dragged slider sends its value a few times a second, not on every pixel
      timer = setTimeout(() => model.send({ action: "set", name: s.name, value: Number(input.value) }), 80);
    });
    row.append(input);
    const source = h("p", { class: "nk-lab-source" });
    if (s.assumption) source.append(h("span", { class: "nk-lab-badge", text: L.lab_assumption_badge }));
    else source.append(h("span", { text: `${L.lab_source}: ` }));
    source.append(h("span", { html: s.assumption ? "" : s.source_html }));
    row.append(source);
    controls.append(row);
    inputs[s.name] = input;
    shownValue[s.name] = value;
  }
  const error = h("p", { class: "nk-lab-error", role: "alert" });
  controls.append(error);
  controls.append(h("button", { type: "button", class: "nk-lab-reset", text: L.lab_reset, onclick: () => model.send({ action: "reset" }) }));
  const body = h("div", { class: "nk-lab-body" }, [controls, results]);
  const wide = h("div", { class: "nk-lab-wide" }); // tables need the whole width
  root.append(body, wide);

  const prompts = model.get("prompts") || [];
  if (prompts.length) {
    const list = h("ol", { class: "nk-lab-prompts" });
    for (const p of prompts) list.append(h("li", { html: p }));
    root.append(h("div", { class: "nk-lab-discuss" }, [h("p", { class: "nk-lab-subtitle", text: L.lab_discuss }), list]));
  }

  function drawValues() {
    const v = model.get("values") || {};
    for (const [name, input] of Object.entries(inputs)) {
      if (document.activeElement !== input) input.value = v.raw[name];
      shownValue[name].textContent = v.shown[name];
      input.setAttribute("aria-valuetext", v.shown[name]);
    }
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
    if (out.table && out.table.rows.length) {
      const table = h("table", { class: "nk-lab-table" });
      const tr = h("tr");
      for (const c of out.table.columns) tr.append(h("th", { scope: "col", html: c }));
      table.append(h("thead", {}, [tr]));
      const tbody = h("tbody");
      for (const row of out.table.rows) {
        const r = h("tr");
        row.forEach((cell, i) => r.append(h(i === 0 ? "th" : "td", i === 0 ? { scope: "row", html: cell } : { html: cell })));
        tbody.append(r);
      }
      table.append(tbody);
      wide.append(h("div", { class: "nk-lab-table-wrap" }, [table]));
    }
    for (const n of out.notes_html || []) results.append(h("p", { class: "nk-lab-note", html: n }));
  }

  model.on("change:values", drawValues);
  model.on("change:output", drawResults);
  model.on("change:error", () => { error.textContent = model.get("error") || ""; });
  drawValues();
  drawResults();
}

export default { render };
