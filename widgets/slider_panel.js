// Browser half of kit.widgets.slider_panel.SliderPanel: native range sliders, each with its label
// (readings drawn, the plain label as its name) and value, the extra ones inside <details>, and a
// button. A slider sends its value when it is let go (or at each arrow key); the kernel runs the model.

let uid = 0;

function render({ model, el }) {
  useRuby(model.get("labels"));
  const id = `nk-sp${++uid}`;
  const root = h("div", { class: "nk-slider-panel" });
  el.append(root);
  const outputs = {};
  const inputs = {};

  function shown(s, v) {
    return s.integer ? String(Math.round(v)) : String(Number(v.toFixed(3)));
  }

  function slider(s) {
    const inputId = `${id}-${s.name}`;
    const value = model.get("values")[s.name];
    const out = h("output", { for: inputId, class: "nk-sp-value", text: shown(s, value) });
    const input = h("input", { type: "range", id: inputId, class: "nk-sp-range", min: String(s.min), max: String(s.max),
      step: String(s.step), value: String(value), "aria-label": s.label });
    input.addEventListener("input", () => { out.textContent = shown(s, Number(input.value)); });
    input.addEventListener("change", () => {
      const v = s.integer ? Math.round(Number(input.value)) : Number(input.value);
      model.send({ action: "set", name: s.name, value: v });
    });
    inputs[s.name] = input;
    outputs[s.name] = [out, s];
    const labelEl = h("label", { for: inputId, class: "nk-sp-label", html: s.label_html });
    return h("div", { class: "nk-sp-slider" }, [h("div", { class: "nk-sp-label-row" }, [labelEl, out]), input]);
  }

  const L = model.get("labels") || {};
  const all = model.get("sliders") || [];
  for (const s of all.filter((x) => !x.more)) root.append(slider(s));
  const extra = all.filter((x) => x.more);
  if (extra.length) {
    const more = h("details", { class: "nk-sp-more" }, [h("summary", { text: L.more })]);
    for (const s of extra) more.append(slider(s));
    root.append(more);
  }
  root.append(h("button", { type: "button", class: "nk-sp-run", text: L.run, onclick: () => model.send({ action: "press" }) }));

  model.on("change:values", () => {
    const v = model.get("values") || {};
    for (const [name, input] of Object.entries(inputs)) {
      if (document.activeElement !== input) input.value = String(v[name]);
      const [out, s] = outputs[name];
      out.textContent = shown(s, Number(document.activeElement === input ? input.value : v[name]));
    }
  });
}

export default { render };
