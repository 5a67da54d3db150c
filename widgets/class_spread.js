// Browser half of kit.widgets.class_spread.ClassSpread: two buttons and the outcome the kernel drew.

function render({ model, el }) {
  useRuby(model.get("labels"));
  const root = h("section", { class: "nk-cs" });
  el.append(root);

  function ask(action) {
    model.set("pending", true);
    model.save_changes();
    model.send({ action });
  }

  function draw() {
    const L = model.get("labels") || {};
    const pending = model.get("pending");
    root.replaceChildren();
    root.setAttribute("aria-label", L.cs_title || "");
    root.append(h("h2", { class: "nk-cs-title", text: L.cs_title }), h("p", { class: "nk-cs-lead", text: L.cs_lead }));
    const buttons = h("div", { class: "nk-cs-actions" });
    const mine = h("button", { type: "button", class: "nk-cs-button", "data-whose": "mine", text: L.cs_mine, onclick: () => ask("mine") });
    buttons.append(mine);
    if (model.get("class_known")) {
      buttons.append(h("button", { type: "button", class: "nk-cs-button", "data-whose": "class", text: L.cs_class, onclick: () => ask("class") }));
    }
    for (const b of buttons.querySelectorAll("button")) b.disabled = pending;
    root.append(buttons);
    if (model.get("class_known") && L.cs_class_named) root.append(h("p", { class: "nk-cs-hint", text: L.cs_class_named }));
    const out = h("div", { class: "nk-cs-result", role: "status", "aria-live": "polite" });
    if (pending) out.append(h("p", { text: L.cs_running }));
    else if (model.get("result_html")) out.innerHTML = model.get("result_html");
    root.append(out);
  }

  for (const name of ["labels", "pending", "result_html", "class_known"]) model.on(`change:${name}`, draw);
  draw();
}

export default { render };
