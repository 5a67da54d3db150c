// The lab shell's browser half (kit/widgets/lab.py), put in front of every lab's module: the
// controls the model's parameter spec describes, the lab's buttons and its alert line. Limits,
// steps, labels and groups all come from the kernel (controls, groups, buttons); the value beside
// each control is the kernel's wording (shown). A slider sends its value while dragged (a few
// times a second, when the lab is live) and when let go; a button first sends any value waiting.
// The lab's own module places the parts and draws what the model says.

let labUid = 0;

// A box that scrolls sideways (a table wider than the screen) takes the keyboard focus exactly while
// it has something hidden, so the arrow keys can scroll it; name it (role region, aria-label or
// aria-labelledby) so a screen reader says what the focus is on.
const scrollWatch = new ResizeObserver((entries) => {
  for (const { target } of entries) {
    if (!target.isConnected) scrollWatch.unobserve(target);
    else if (target.scrollWidth > target.clientWidth + 1) target.setAttribute("tabindex", "0");
    else target.removeAttribute("tabindex");
  }
});

function keyboardScroll(box) {
  scrollWatch.observe(box);
  return box;
}

function labShell(model, { onAction } = {}) {
  useRuby(model.get("labels"));
  const id = `nk-lab${++labUid}`;
  const inputs = {};
  let pending = {};
  let timer = null;

  function flush() {
    clearTimeout(timer);
    timer = null;
    if (!Object.keys(pending).length) return;
    model.send({ action: "set", values: pending });
    pending = {};
  }

  function queue(name, value, now) {
    pending[name] = value;
    clearTimeout(timer);
    if (now) flush();
    else timer = setTimeout(flush, 80);
  }

  function control(c) {
    const inputId = `${id}-${c.name}`;
    const out = c.kind === "choice" ? null : h("output", { for: inputId, class: "nk-param-value" }); // a menu shows its own value
    const labelEl = h("label", { for: inputId, class: "nk-param-label", html: c.label_html });
    let input;
    if (c.kind === "choice") {
      input = h("select", { id: inputId, class: "nk-param-select", "data-name": c.name,
        onchange: () => queue(c.name, input.value, true) });
      for (const ch of c.choices) input.append(h("option", { value: ch.value, text: ch.label }));
    } else {
      input = h("input", { type: "range", id: inputId, class: "nk-param-range", "data-name": c.name,
        min: String(c.min), max: String(c.max), step: String(c.step), "aria-label": c.label });
      const value = () => (c.kind === "int" ? Math.round(Number(input.value)) : Number(input.value));
      input.addEventListener("input", () => { if (model.get("live")) queue(c.name, value(), false); });
      input.addEventListener("change", () => queue(c.name, value(), true));
    }
    inputs[c.name] = { input, out };
    const box = h("div", { class: "nk-param", "data-kind": c.kind }, [h("div", { class: "nk-param-label-row" }, [labelEl, out]), input]);
    if (c.help_html) {
      input.setAttribute("aria-describedby", `${inputId}-help`);
      box.append(h("p", { id: `${inputId}-help`, class: "nk-param-help", html: c.help_html }));
    }
    if ("assumption" in c) {
      const L = model.get("labels") || {};
      box.append(h("p", { class: "nk-param-source" }, c.assumption
        ? [h("span", { class: "nk-param-badge", text: L.lab_assumption_badge })]
        : [h("span", { text: `${L.lab_source}: ` }), h("span", { html: c.source_html })]));
    }
    return box;
  }

  const controls = h("div", { class: "nk-params" });
  const groups = {};
  for (const g of model.get("groups") || []) {
    let box;
    if (g.kind === "fieldset") box = h("fieldset", { class: `nk-param-group nk-param-group-${g.key}` }, [h("legend", { text: g.legend })]);
    else if (g.kind === "details") box = h("details", { class: `nk-param-more nk-param-group-${g.key}` }, [h("summary", { text: g.legend })]);
    else box = h("div", { class: `nk-param-plain nk-param-group-${g.key}` });
    groups[g.key] = box;
    controls.append(box);
  }
  for (const c of model.get("controls") || []) (groups[c.group] || controls).append(control(c));

  const buttonEls = {};
  const buttons = h("div", { class: "nk-lab-actions" });
  for (const b of model.get("buttons") || []) {
    const el = h("button", { type: "button", class: `nk-lab-action ${b.class}`, text: b.label, onclick: () => {
      flush();
      if (onAction && onAction(b.action) === false) return;
      model.send({ action: b.action });
    } });
    buttonEls[b.action] = el;
    buttons.append(el);
  }
  const error = h("p", { class: "nk-lab-error", role: "alert" });
  const head = model.get("heading") || {};
  const heading = [head.title_html ? h("h3", { class: "nk-lab-title", html: head.title_html }) : null,
    head.lead_html ? h("p", { class: "nk-lab-lead", html: head.lead_html }) : null].filter(Boolean);

  function sync() {
    const values = model.get("values") || {};
    const shown = model.get("shown") || {};
    for (const [name, { input, out }] of Object.entries(inputs)) {
      if (!(name in values)) continue;
      if (document.activeElement !== input) input.value = String(values[name]); // never under a dragging finger
      if (!out) continue;
      out.textContent = shown[name] ?? "";
      input.setAttribute("aria-valuetext", shown[name] ?? "");
    }
  }
  model.on("change:values", sync);
  model.on("change:shown", sync);
  model.on("change:error", () => { error.textContent = model.get("error") || ""; });
  sync();
  error.textContent = model.get("error") || "";
  return { controls, buttons, button: (action) => buttonEls[action], error, heading, flush };
}
