// Browser half of kit.widgets.problem_card.ProblemCard: a calm card for the student, and behind a
// disclosure the teacher's sentences (file, place, field, fix), one list item each.

function render({ model, el }) {
  const L = model.get("labels") || {};
  const list = h("ul", {}, (model.get("sentences") || []).map((s) => h("li", { text: s })));
  const more = model.get("more");
  if (more) list.append(h("li", { text: `… (${more})` }));
  el.append(h("div", { class: "nk-problem nk-card nk-card-problem", role: "note" }, [
    h("p", { class: "nk-problem-title", text: model.get("partial") ? L.problem_partial : L.problem_title }),
    h("p", { text: L.problem_student }),
    h("details", {}, [h("summary", { class: "nk-problem-teacher", text: L.problem_teacher }), list]),
  ]));
}

export default { render };
