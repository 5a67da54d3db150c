// Browser half of kit.widgets.quiz_card.QuizCard: shows one question, sends the student's
// response to the kernel, and shows the feedback the kernel sends back. It never knows the
// answer before the kernel has graded (and stored) the response.

// Element ids count per page, not per copy of this module: each widget may load its own copy, and two
// quizzes (pre and post) numbered alike made a click on the post-test's choice pick the pre-test's.
function nextUid() {
  globalThis.__nkQuizUid = (globalThis.__nkQuizUid || 0) + 1;
  return globalThis.__nkQuizUid;
}

// "Next" makes the kernel swap this card for the next one (or the quiz's summary). Once this card
// is gone, the keyboard goes on there instead of falling back to the top of the page.
function followToNext(el) {
  const quiz = el.closest(".nk-quiz");
  if (!quiz) return;
  const observer = new MutationObserver(() => {
    if (el.isConnected) return;
    const target = quiz.querySelector(".nk-quiz-card .nk-input, .nk-quiz-card .nk-move:not([disabled]), .nk-summary");
    if (target) { observer.disconnect(); target.focus(); }
  });
  observer.observe(quiz, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 60000);
}

function render({ model, el }) {
  useRuby(model.get("labels"));
  const root = h("div", { class: "nk-quiz-card" });
  el.append(root);
  model.send({ action: "hello", ...identity() });
  let order = []; // current order for "order" questions (choice indices)
  let lastDrawn = null;

  function draw() {
    const q = model.get("question") || {};
    const L = model.get("labels") || {};
    const result = model.get("result") || {};
    const answered = Object.keys(result).length > 0;
    const key = JSON.stringify([q.id, answered, model.get("pending")]);
    if (key === lastDrawn) return;
    lastDrawn = key;
    root.replaceChildren();
    if (!q.id) { // a quiz on matched forms waits for the student's form: no question yet
      root.append(h("p", { class: "nk-preparing", role: "status", "aria-live": "polite", "aria-busy": "true", text: L.preparing || "" }));
      return;
    }
    const id = `nk-q${nextUid()}`;
    const who = model.get("who");
    root.append(h("p", { class: "nk-progress" }, [h("span", { text: model.get("progress") || "" }), who ? `　${who}` : null]));
    const form = h("form", { class: "nk-form", onsubmit: (e) => { e.preventDefault(); submit(); } });
    const fieldset = h("fieldset", { class: "nk-fieldset nk-card" });
    fieldset.append(h("legend", { class: "nk-question", id: `${id}-legend`, html: q.text_html }));
    const hintKey = { single: "choose_one", multiple: "choose_many", truefalse: "choose_truefalse", order: "put_in_order" }[q.type];
    fieldset.append(h("p", { class: "nk-hint", text: L[hintKey] || "" }));
    const chosen = new Set(answered ? result.response : []);

    if (q.type === "order") {
      if (!answered && order.length !== q.choices.length) order = q.choices.map((c) => c.index);
      if (answered) order = result.response.slice();
      const byIndex = Object.fromEntries(q.choices.map((c) => [c.index, c]));
      const list = h("ol", { class: "nk-order" });
      order.forEach((ci, pos) => {
        const item = h("li", { class: "nk-order-item" });
        item.append(h("span", { class: "nk-choice-text", html: byIndex[ci].html }));
        if (!answered) {
          const up = h("button", { type: "button", class: "nk-move", "aria-label": `${L.move_up}: ${byIndex[ci].plain}`, text: "↑",
            onclick: () => move(pos, -1, "up") });
          const down = h("button", { type: "button", class: "nk-move", "aria-label": `${L.move_down}: ${byIndex[ci].plain}`, text: "↓",
            onclick: () => move(pos, 1, "down") });
          if (pos === 0) up.disabled = true;
          if (pos === order.length - 1) down.disabled = true;
          up.dataset.pos = pos; down.dataset.pos = pos;
          item.append(h("span", { class: "nk-move-group" }, [up, down]));
        }
        list.append(item);
      });
      fieldset.append(list);
    } else {
      const type = q.type === "multiple" ? "checkbox" : "radio";
      for (const c of q.choices) {
        const inputId = `${id}-c${c.index}`;
        const input = h("input", { type, name: `${id}-choice`, id: inputId, value: String(c.index), class: "nk-input" });
        if (chosen.has(c.index)) input.checked = true;
        if (answered) input.disabled = true;
        const cls = ["nk-choice"];
        if (answered && result.correct_choices.includes(c.index)) cls.push("nk-right");
        if (answered && chosen.has(c.index) && !result.correct_choices.includes(c.index)) cls.push("nk-wrong");
        const label = h("label", { for: inputId, class: cls.join(" ") }, [input, h("span", { class: "nk-choice-text", html: c.html })]);
        fieldset.append(label);
      }
    }
    form.append(fieldset);
    const warn = h("p", { class: "nk-warn", role: "alert" });
    form.append(warn);
    if (!answered) {
      const btn = h("button", { type: "submit", class: "nk-submit", text: L.submit });
      if (model.get("pending")) btn.disabled = true;
      form.append(btn);
    }
    root.append(form);

    if (answered) {
      const box = h("div", { class: "nk-feedback nk-card nk-card-result " + (result.correct ? "nk-feedback-right" : "nk-feedback-wrong"), role: "status", tabindex: "-1" });
      box.append(h("p", { class: "nk-verdict", text: result.correct ? L.correct : L.incorrect }));
      for (const f of result.feedback || []) box.append(h("p", { class: "nk-choice-feedback", html: f.html }));
      if (q.type === "order") {
        const byIndex = Object.fromEntries(q.choices.map((c) => [c.index, c]));
        const ol = h("ol", { class: "nk-right-order", "aria-label": L.correct_answer });
        for (const ci of result.correct_choices) ol.append(h("li", { html: byIndex[ci].html }));
        box.append(h("p", { class: "nk-label", text: L.correct_answer }), ol);
      }
      box.append(h("p", { class: "nk-label", text: L.explanation }), h("p", { class: "nk-explanation", html: result.explanation_html }));
      if (result.saved === false) box.append(h("p", { class: "nk-warn", text: L.not_saved }));
      const next = h("button", { type: "button", class: "nk-next", text: model.get("is_last") ? L.finish : L.next,
        onclick: () => { followToNext(el); model.send({ action: "next" }); } });
      if (model.get("show_next")) box.append(next);
      root.append(box);
      box.focus();
    }

    function submit() {
      let response;
      if (q.type === "order") response = order.slice();
      else response = [...form.querySelectorAll("input:checked")].map((i) => Number(i.value));
      if (response.length === 0) { warn.textContent = L.pick_first; return; }
      model.set("pending", true);
      model.save_changes();
      model.send({ action: "submit", response });
    }

    function move(pos, delta, dir) {
      const to = pos + delta;
      [order[pos], order[to]] = [order[to], order[pos]];
      lastDrawn = null;
      draw();
      // keep the keyboard on the item just moved
      const buttons = root.querySelectorAll(`.nk-move[data-pos="${to}"]`);
      const again = dir === "up" ? buttons[0] : buttons[1];
      (again && !again.disabled ? again : buttons[0] || buttons[1])?.focus();
    }
  }

  model.on("change:question", () => { order = []; draw(); });
  model.on("change:result", draw);
  model.on("change:pending", draw);
  model.on("change:labels", () => { lastDrawn = null; draw(); });
  model.on("change:who", () => { lastDrawn = null; draw(); });
  draw();
}

export default { render };
