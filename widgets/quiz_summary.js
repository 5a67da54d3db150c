// Browser half of kit.widgets.quiz_card.QuizSummary: the score, then the questions to look at again.
// It takes the keyboard's focus from the quiz's last card (followToNext in quiz_card.js).

function render({ model, el }) {
  const L = model.get("labels") || {};
  const box = h("div", { class: "nk-summary nk-card", role: "status", tabindex: "-1" });
  function draw() {
    const review = model.get("review") || [];
    box.replaceChildren(
      h("h3", { class: "nk-summary-title", text: L.summary_title }),
      h("p", { class: "nk-score", text: model.get("score") }),
      review.length ? h("p", { text: L.summary_review }) : null,
      review.length ? h("ul", {}, review.map((text) => h("li", { text }))) : null,
    );
  }
  model.on("change:score", draw);
  model.on("change:review", draw);
  draw();
  el.append(box);
}

export default { render };
