// Browser half of kit.widgets.cascade_lab.CascadeLab: the lab shell's two share-rate sliders and run
// button (_lab.js, limits from the model's spec); the kernel runs the cascades and sends back the
// tables and the scatter it drew.

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
    shell.button("run").setAttribute("aria-disabled", String(!!pending)); // not disabled: that would drop the keyboard focus
    if (pending) out.replaceChildren(h("p", { text: L.ce_running }));
    else out.innerHTML = model.get("result_html") || ""; // kernel-made HTML: escaped text, tables and an SVG chart
  }

  for (const name of ["pending", "result_html"]) model.on(`change:${name}`, draw);
  draw();
}

export default { render };
