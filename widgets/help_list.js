// Browser half of kit.widgets.help_list.HelpList: the help card, a reassuring note, then each desk
// with its contact in large print, its hours and the date it was checked. The desks' words come as
// kernel-made HTML (with readings in a lesson with furigana); the card's words get theirs from h().

// "受付: 平日…": the word and its value as parts of their own, so each keeps its readings.
function helpLine(cls, word, valueHtml) {
  return h("span", { class: cls }, [h("span", { text: word }), ": ", h("span", { html: valueHtml })]);
}

function render({ model, el }) {
  const L = model.get("labels") || {};
  useRuby(L);
  const desk = (d) => h("li", { class: "nk-help-desk" }, [
    h("strong", { html: d.name_html }), " — ", h("span", { html: d.for_html }),
    h("span", { class: "nk-help-contact", html: d.contact_html }),
    d.hours_html ? helpLine("nk-help-line", L.help_hours, d.hours_html) : null,
    h("small", { class: "nk-help-line nk-help-checked" }, [h("span", { text: L.help_checked }), `: ${d.checked}`]),
  ]);
  el.append(h("section", { class: "nk-help nk-card nk-card-help" }, [
    h("h3", { class: "nk-help-title", text: L.help_title }),
    h("p", { text: L.help_note }),
    h("ul", { class: "nk-help-desks" }, (model.get("shown") || []).map(desk)),
  ]));
}

export default { render };
