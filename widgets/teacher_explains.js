// Browser half of kit.widgets.fact_card.TeacherExplains: the section's heading and 「ここは先生が説明します」
// on the base card's note variant; the section's own text is for the teacher and never sent.

function render({ model, el }) {
  el.append(h("div", { class: "nk-placeholder nk-card nk-card-note", role: "note" }, [
    h("h3", { class: "nk-placeholder-heading", html: model.get("heading_html") }),
    h("p", { class: "nk-placeholder-note" }, ["🧑‍🏫 ", h("span", { html: model.get("note_html") })]),
  ]));
}

export default { render };
