// Browser half of kit.widgets.download_rule_checker.DownloadRuleChecker: big buttons for each
// question, then a prediction, then the law's answer. The kernel decides and stores; this file
// only shows what the kernel sends and says which button was pressed.

const MARK = { not_illegal: "○", illegal: "！", crime: "✕" };

function render({ model, el }) {
  useRuby(model.get("labels"));
  const root = h("div", { class: "nk-drc nk-card" });
  el.append(root);
  model.send({ action: "hello", ...identity() });
  let lastDrawn = null;

  function draw() {
    const L = model.get("labels") || {};
    const stage = model.get("stage");
    const step = model.get("step") || {};
    const result = model.get("result") || {};
    const key = JSON.stringify([stage, step.id, (model.get("path") || []).length, model.get("pending"), result.outcome]);
    if (key === lastDrawn) return;
    lastDrawn = key;
    root.replaceChildren();
    const head = model.get("heading") || {};
    root.append(h("p", { class: "nk-drc-title", html: head.title_html || "" }));

    const path = model.get("path") || [];
    if (path.length) {
      const list = h("ol", { class: "nk-drc-path", "aria-label": L.drc_your_case });
      for (const p of path) {
        list.append(h("li", {}, [h("span", { class: "nk-drc-q", html: p.question_html }), h("span", { class: "nk-drc-a", html: p.answer_html })]));
      }
      root.append(h("p", { class: "nk-drc-label", text: L.drc_your_case }), list);
    }

    let focusTarget = null;
    if (stage === "ask" && step.id) {
      const group = h("div", { class: "nk-drc-step", role: "group", "aria-labelledby": `nk-drc-${step.id}` });
      group.append(h("p", { class: "nk-drc-number", text: (L.drc_question || "").replace("{number}", step.number) }));
      group.append(h("p", { class: "nk-drc-question", id: `nk-drc-${step.id}`, html: step.html }));
      const buttons = h("div", { class: "nk-drc-options" });
      for (const o of step.options) {
        const b = h("button", { type: "button", class: "nk-drc-option", "data-option": o.id, html: o.html,
          onclick: () => model.send({ action: "choose", option: o.id }) });
        buttons.append(b);
        focusTarget = focusTarget || b;
      }
      group.append(buttons);
      root.append(group);
    }

    if (stage === "predict") {
      const group = h("div", { class: "nk-drc-step", role: "group", "aria-labelledby": "nk-drc-predict" });
      group.append(h("p", { class: "nk-drc-question", id: "nk-drc-predict", text: L.drc_predict }));
      group.append(h("p", { class: "nk-drc-hint", text: L.drc_predict_hint }));
      const buttons = h("div", { class: "nk-drc-options nk-drc-predictions" });
      for (const p of model.get("predictions") || []) {
        const b = h("button", { type: "button", class: `nk-drc-option nk-drc-predict nk-drc-${p.id}`, "data-outcome": p.id,
          onclick: () => { model.set("pending", true); model.save_changes(); model.send({ action: "predict", outcome: p.id }); } });
        b.append(h("span", { class: "nk-drc-mark", "aria-hidden": "true", text: MARK[p.id] }), h("span", { html: p.html }));
        if (model.get("pending")) b.disabled = true;
        buttons.append(b);
        focusTarget = focusTarget || b;
      }
      group.append(buttons);
      root.append(group);
    }

    if ((stage === "ask" || stage === "predict") && path.length) {
      root.append(h("button", { type: "button", class: "nk-drc-back", text: L.drc_back, onclick: () => model.send({ action: "back" }) }));
    }

    if (stage === "reveal" && result.outcome) {
      const box = h("div", { class: `nk-drc-result nk-card nk-card-result nk-drc-result-${result.outcome}`, role: "status", tabindex: "-1" });
      box.append(h("p", { class: "nk-drc-label", text: L.drc_answer }));
      const verdict = h("div", { class: "nk-drc-verdict" });
      verdict.append(h("span", { class: "nk-drc-mark", "aria-hidden": "true", text: MARK[result.outcome] }), h("span", { html: result.outcome_html }));
      box.append(verdict);
      const guess = h("p", { class: "nk-drc-guess" });
      guess.append(h("span", { text: `${L.drc_your_prediction}: ` }), h("span", { html: result.prediction_html }),
        h("strong", { text: `　${result.correct ? L.drc_right : L.drc_wrong}` }));
      box.append(guess);
      box.append(h("p", { class: "nk-drc-label", text: L.drc_reason }), h("p", { class: "nk-drc-reason", html: result.reason_html }));
      if (result.caution_html) {
        box.append(h("div", { class: "nk-drc-caution" }, [h("p", { class: "nk-drc-label", text: L.drc_caution }), h("p", { html: result.caution_html })]));
      }
      if (result.penalty) box.append(h("p", { class: "nk-drc-label", text: L.drc_penalty }), h("div", { class: "nk-drc-penalty" }, [factCard(result.penalty)]));
      const arts = h("ul", { class: "nk-drc-articles" });
      for (const a of result.articles || []) {
        arts.append(h("li", {}, [h("strong", { html: a.label_html }), h("span", { text: "　" }), h("span", { html: a.about_html })]));
      }
      box.append(h("p", { class: "nk-drc-label", text: L.drc_articles }), arts);
      if (result.unconfirmed) box.append(h("p", { class: "nk-drc-note", text: L.drc_unconfirmed }));
      if (result.saved === false) box.append(h("p", { class: "nk-drc-warn", text: L.not_saved }));
      box.append(h("p", { class: "nk-drc-asof", text: head.as_of || "" }));
      box.append(h("button", { type: "button", class: "nk-drc-again", text: L.drc_again, onclick: () => model.send({ action: "reset" }) }));
      root.append(box);
      focusTarget = box;
    }
    // After a button press the pressed button is gone: keep the keyboard on the first new button,
    // or on the answer. The first drawing never takes the focus away from the page.
    if (focusTarget && drawn > 0) focusTarget.focus();
    drawn += 1;
  }

  let drawn = 0;
  for (const name of ["stage", "step", "path", "result", "pending"]) model.on(`change:${name}`, draw);
  model.on("change:labels", () => { lastDrawn = null; draw(); });
  draw();
}

export default { render };
