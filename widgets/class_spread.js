// Browser half of kit.widgets.class_spread.ClassSpread: two buttons and the outcome the kernel drew.
// The buttons are drawn again only when their words change, so the keyboard stays on the one
// pressed while the kernel runs the model and sends the outcome.

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

  function drawState() {
    const L = model.get("labels") || {};
    const pending = model.get("pending");
    // aria-disabled, not disabled: a disabled button would drop the keyboard focus.
    for (const b of buttons.querySelectorAll("button")) b.setAttribute("aria-disabled", String(!!pending));
    out.replaceChildren();
    if (pending) out.append(h("p", { text: L.cs_running }));
    else if (model.get("result_html")) out.innerHTML = model.get("result_html");
  }

  for (const name of ["labels", "class_known"]) model.on(`change:${name}`, drawButtons);
  for (const name of ["pending", "result_html"]) model.on(`change:${name}`, drawState);
  drawButtons();
}

export default { render };
