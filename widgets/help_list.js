// Browser half of kit.widgets.help_list.HelpList: the help card, a reassuring note, then each desk
// with its contact in large print, its hours and the date it was checked.

function render({ model, el }) {
  const L = model.get("labels") || {};
  const desk = (d) => h("li", { class: "nk-help-desk" }, [
    h("strong", { text: d.name }), ` — ${d.purpose}`,
    h("span", { class: "nk-help-contact", text: d.contact }),
    d.hours ? h("span", { class: "nk-help-line", text: `${L.help_hours}: ${d.hours}` }) : null,
    h("small", { class: "nk-help-line nk-help-checked", text: `${L.help_checked}: ${d.checked}` }),
  ]);
  el.append(h("section", { class: "nk-help nk-card nk-card-help" }, [
    h("h3", { class: "nk-help-title", text: L.help_title }),
    h("p", { text: L.help_note }),
    h("ul", { class: "nk-help-desks" }, (model.get("shown") || []).map(desk)),
  ]));
}

export default { render };
