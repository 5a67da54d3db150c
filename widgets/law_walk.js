// Browser half of kit.widgets.law_walk.LawWalkView: a numbered path of steps, the current step's
// explanation and fact cards, and its question as big buttons. The kernel stores the answer
// before it sends the feedback, and says "done" once everything for the click has been sent.

function render({ model, el }) {
  useRuby(model.get("labels"));
  const root = h("section", { class: "nk-law-walk" });
  el.append(root);
  model.send({ action: "hello", ...identity() });
  let busy = false;
  let focusAfter = false;

  function send(action, extra = {}) {
    if (busy) return;
    busy = true;
    focusAfter = true;
    draw();
    model.send({ action, ...extra });
  }
  model.on("msg:custom", (msg) => {
    if (!msg || msg.event !== "done") return;
    busy = false;
    draw();
  });

  function draw() {
    const W = model.get("walk") || {};
    const L = model.get("labels") || {};
    const step = model.get("step") || {};
    const result = model.get("result") || {};
    const number = model.get("number");
    const total = (W.headings || []).length;
    const answered = Object.keys(result).length > 0;
    root.replaceChildren();
    root.append(h("h3", { class: "nk-lw-title", html: W.title_html || "" }));
    if (W.intro_html && number === 0 && !answered) root.append(h("p", { class: "nk-lw-intro", html: W.intro_html }));
    const path = h("ol", { class: "nk-lw-path", "aria-label": L.law_steps });
    (W.headings || []).forEach((hd, i) => {
      const state = i < number ? "done" : i === number ? "now" : "later";
      const li = h("li", { class: `nk-lw-dot nk-lw-${state}`, html: hd });
      if (state === "now") li.setAttribute("aria-current", "step");
      path.append(li);
    });
    root.append(path);
    let focusTarget = null;
    if (number >= total) {
      const end = h("div", { class: "nk-lw-card nk-card nk-lw-end" });
      const head = h("p", { class: "nk-lw-heading", tabindex: "-1", text: L.law_done });
      end.append(head);
      if (W.outro_html) end.append(h("p", { html: W.outro_html }));
      end.append(h("button", { type: "button", class: "nk-lw-next", onclick: () => send("restart"), text: L.law_again }));
      root.append(end);
      focusTarget = head;
    } else {
      const card = h("div", { class: "nk-lw-card nk-card" });
      card.append(h("p", { class: "nk-lw-count", text: L.law_step.replace("{number}", number + 1).replace("{total}", total) }));
      card.append(h("h4", { class: "nk-lw-heading", html: step.heading_html || "" }));
      card.append(h("p", { class: "nk-lw-body", html: step.body_html || "" }));
      for (const f of step.facts || []) card.append(factCard(f));
      const qid = `nk-lw-q-${step.id}`;
      card.append(h("p", { class: "nk-lw-ask", id: qid, html: step.ask_html || "" }));
      const group = h("div", { class: "nk-lw-choices", role: "group", "aria-labelledby": qid });
      for (const c of step.choices || []) {
        const cls = ["nk-lw-choice"];
        if (answered && c.index === result.answer) cls.push("nk-lw-right");
        if (answered && c.index === result.chosen && !result.correct) cls.push("nk-lw-wrong");
        const b = h("button", { type: "button", class: cls.join(" "), "data-index": String(c.index), html: c.html,
          onclick: () => { if (!answered) send("answer", { index: c.index }); } });
        if (answered || busy) b.setAttribute("aria-disabled", "true");
        if (answered && c.index === result.chosen) b.setAttribute("aria-pressed", "true");
        group.append(b);
      }
      card.append(group);
      if (answered) {
        const box = h("div", { class: `nk-lw-feedback nk-card nk-card-result ${result.correct ? "nk-lw-ok" : "nk-lw-ng"}`, role: "status", tabindex: "-1" });
        box.append(h("p", { class: "nk-lw-verdict", text: result.correct ? L.correct : L.incorrect }));
        box.append(h("p", { html: result.feedback_html }));
        if (result.answer_feedback_html) box.append(h("p", { html: result.answer_feedback_html }));
        if (result.saved === false) box.append(h("p", { class: "nk-warn", text: L.not_saved }));
        box.append(h("button", { type: "button", class: "nk-lw-next", onclick: () => send("next"),
          text: number + 1 < total ? L.law_next : L.law_finish }));
        card.append(box);
        focusTarget = box.querySelector(".nk-lw-next");
      } else {
        focusTarget = group.querySelector("button");
      }
      root.append(card);
    }
    const who = model.get("who");
    if (who) root.append(h("p", { class: "nk-lw-who", text: who }));
    if (focusAfter && !busy && focusTarget) {
      focusTarget.focus({ preventScroll: true });
      focusTarget.scrollIntoView({ block: "nearest" });
      focusAfter = false;
    }
  }

  for (const name of ["walk", "labels", "step", "result", "number", "who"]) model.on(`change:${name}`, () => { if (!busy) draw(); });
  draw();
}

export default { render };
