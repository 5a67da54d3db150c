// Browser half of kit.widgets.cascade_lab.CascadeLab: two share-rate sliders and a run button;
// the kernel runs the cascades and sends back the tables and the scatter it drew.

function h(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "html") el.innerHTML = v; // kernel-made HTML: escaped text, tables and an SVG chart
    else if (k === "text") el.textContent = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v);
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

let uid = 0;

function render({ model, el }) {
  const root = h("section", { class: "nk-ce" });
  el.append(root);
  const id = `nk-ce${++uid}`;
  const values = { false_rate: model.get("false_rate"), true_rate: model.get("true_rate") };

  function slider(key, labelText) {
    const lim = model.get("limits") || { min: 0.02, max: 0.4, step: 0.01 };
    const out = h("output", { id: `${id}-${key}-out`, class: "nk-ce-value", text: `${Math.round(values[key] * 100)}%` });
    const input = h("input", { type: "range", id: `${id}-${key}`, class: "nk-ce-range", min: lim.min, max: lim.max, step: lim.step,
      value: values[key], oninput: (e) => { values[key] = Number(e.target.value); out.textContent = `${Math.round(values[key] * 100)}%`; } });
    return h("div", { class: "nk-ce-field" }, [h("label", { for: `${id}-${key}`, text: labelText }), input, out]);
  }

  function draw() {
    const L = model.get("labels") || {};
    const pending = model.get("pending");
    const focused = root.contains(document.activeElement) ? document.activeElement.id || "run" : null;
    root.replaceChildren();
    root.setAttribute("aria-label", L.ce_title || "");
    root.append(h("h2", { class: "nk-ce-title", text: L.ce_title }), h("p", { class: "nk-ce-lead", text: L.ce_lead }));
    root.append(slider("false_rate", L.ce_false_rate), slider("true_rate", L.ce_true_rate));
    const run = h("button", { type: "button", class: "nk-ce-run", text: L.ce_run, onclick: () => {
      if (model.get("pending")) return;
      model.set("pending", true); model.save_changes(); model.send({ action: "run", ...values }); } });
    run.setAttribute("aria-disabled", String(!!pending)); // not disabled: that would drop the keyboard focus
    root.append(run);
    const out = h("div", { class: "nk-ce-result", role: "status", "aria-live": "polite" });
    if (pending) out.append(h("p", { text: L.ce_running }));
    else if (model.get("result_html")) out.innerHTML = model.get("result_html");
    root.append(out);
    // Everything is drawn anew: the keyboard stays on the slider or button it was on.
    if (focused) (focused === "run" ? run : root.querySelector(`#${focused}`))?.focus();
  }

  model.on("change:false_rate", () => { values.false_rate = model.get("false_rate"); draw(); });
  model.on("change:true_rate", () => { values.true_rate = model.get("true_rate"); draw(); });
  for (const name of ["labels", "pending", "result_html"]) model.on(`change:${name}`, draw);
  draw();
}

export default { render };
