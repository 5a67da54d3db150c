// Browser half of kit.widgets.timeline.TimelineFeed: draws one SNS-like post (postCard, widgets/_post.js) with three big
// buttons (share, check, scroll past), the lateral-reading steps after "check", and the feedback
// the kernel sends once it has stored the choice. It never holds a post's truth before that.

function render({ model, el }) {
  useRuby(model.get("labels"));
  const root = h("div", { class: "nk-tl" });
  el.append(root);
  model.send({ action: "hello", ...identity() });
  let lastDrawn = null;

  function send(msg) {
    model.set("pending", true);
    model.save_changes();
    model.send(msg);
  }

  function stepList(steps, open) {
    const list = h("div", { class: "nk-tl-steps" });
    for (const s of steps) {
      const d = h("details", { class: "nk-tl-step nk-tl-step-" + s.kind });
      if (open) d.open = true;
      d.append(h("summary", { text: s.label }), h("p", { class: "nk-tl-found", html: s.found_html }));
      list.append(d);
    }
    return list;
  }

  function draw() {
    const p = model.get("post") || {};
    const L = model.get("labels") || {};
    const stage = model.get("stage");
    const result = model.get("result") || {};
    const pending = model.get("pending");
    const key = JSON.stringify([p.id, stage, pending, Object.keys(result).length]);
    if (key === lastDrawn) return;
    const firstDraw = lastDrawn === null;
    lastDrawn = key;
    root.replaceChildren();
    const head = model.get("heading") || {};
    const header = h("header", { class: "nk-tl-header" }, [
      h("h2", { class: "nk-tl-title", html: head.title_html || "" }),
      h("p", { class: "nk-tl-intro", html: head.intro_html || "" }),
      h("p", { class: "nk-tl-note", html: head.note_html || "" }),
    ]);
    root.append(header);

    if (stage === "done") {
      const s = model.get("summary") || {};
      const box = h("div", { class: "nk-tl-summary nk-card", role: "status", tabindex: "-1" }, [
        h("h3", { text: L.tl_summary_title }),
        h("p", { text: s.counts || "" }), h("p", { class: "nk-tl-rate", text: s.untrue || "" }), h("p", { text: s.true || "" }),
      ]);
      root.append(box);
      if (!firstDraw) box.focus();
      return;
    }
    if (!p.id) return;
    const who = model.get("who");
    root.append(h("p", { class: "nk-tl-progress", text: (model.get("progress") || "") + (who ? `　${who}` : "") }));
    const card = postCard(p, L, { "aria-label": L.tl_progress ? model.get("progress") : "" });
    root.append(card);

    if (stage === "choose") {
      if (head.prompt_html) root.append(h("p", { class: "nk-tl-prompt nk-card nk-card-note", html: head.prompt_html }));
      const group = h("div", { class: "nk-tl-actions", role: "group", "aria-label": L.tl_choose_lead });
      group.append(h("p", { class: "nk-tl-lead", text: L.tl_choose_lead }));
      for (const action of ["share", "check", "ignore"]) {
        const b = h("button", { type: "button", class: `nk-tl-action nk-tl-${action}`, "data-action": action, text: L[`tl_${action}`],
          onclick: () => send({ action: "choose", post: p.id, choice: action }) });
        if (pending) b.disabled = true;
        group.append(b);
      }
      root.append(group);
      if (!firstDraw && !pending) card.focus();
    } else if (stage === "checking") {
      const panel = h("section", { class: "nk-tl-checking", "aria-label": L.tl_check });
      const lead = h("p", { class: "nk-tl-lead", tabindex: "-1", text: L.tl_check_lead });
      panel.append(lead, stepList(model.get("steps") || [], false));
      const decide = h("div", { class: "nk-tl-actions", role: "group", "aria-label": L.tl_decide_lead });
      decide.append(h("p", { class: "nk-tl-lead", text: L.tl_decide_lead }));
      for (const [action, text] of [["share", L.tl_decide_share], ["ignore", L.tl_decide_keep]]) {
        const b = h("button", { type: "button", class: `nk-tl-action nk-tl-decide-${action}`, "data-decide": action, text,
          onclick: () => send({ action: "choose", post: p.id, choice: action }) });
        if (pending) b.disabled = true;
        decide.append(b);
      }
      panel.append(decide);
      root.append(panel);
      if (!pending) lead.focus();
    } else if (stage === "feedback") {
      const box = h("div", { class: "nk-tl-feedback nk-card nk-card-result " + (result.good ? "nk-tl-good" : "nk-tl-warn"), role: "status", tabindex: "-1" });
      box.append(h("p", { class: "nk-tl-truth" }, [
        h("span", { text: L.tl_this_was + " " }), h("strong", { class: "nk-tl-badge nk-tl-badge-" + result.truth, text: result.truth_label }),
      ]));
      box.append(h("p", { class: "nk-tl-verdict", text: result.verdict }));
      box.append(h("p", { class: "nk-tl-label", text: L.tl_found }), stepList(model.get("steps") || [], true));
      box.append(h("p", { class: "nk-tl-label", text: L.explanation }), h("p", { class: "nk-tl-explanation", html: result.explanation_html }));
      for (const s of result.sources || []) box.append(h("p", { class: "nk-tl-source", text: `${L.source}: ${s.source}${s.as_of}` }));
      if (result.saved === false) box.append(h("p", { class: "nk-tl-unsaved", text: L.not_saved }));
      box.append(h("button", { type: "button", class: "nk-tl-next", text: result.is_last ? L.tl_finish : L.tl_next,
        onclick: () => send({ action: "next" }) }));
      root.append(box);
      box.focus();
    }
  }

  for (const name of ["post", "stage", "result", "pending", "summary", "steps"]) model.on(`change:${name}`, draw);
  for (const name of ["labels", "who", "heading"]) model.on(`change:${name}`, () => { lastDrawn = null; draw(); });
  draw();
}

export default { render };
