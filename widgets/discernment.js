// Browser half of kit.widgets.discernment.DiscernmentFeed: a feed of posts (postCard, widgets/_post.js),
// each with two big buttons, 信じる and あやしい. A judgment is sent to the kernel, which stores it and
// sends it back in `judged`; only then is it shown (and it cannot be changed). After the last post
// the kernel sends `result`: the truths and clues when the lesson reveals them. Focus moves to the
// next post still to judge, then to the result, so the test works from the keyboard alone.

function render({ model, el }) {
  useRuby(model.get("labels"));
  const root = h("div", { class: "nk-dc" });
  el.append(root);
  model.send({ action: "hello", ...identity() });
  let lastDrawn = null;
  let focusNext = false;

  function judge(post, choice) {
    model.set("pending", true);
    model.save_changes();
    focusNext = true;
    model.send({ action: "judge", post, choice });
  }

  function answers(result, L) {
    const list = h("ol", { class: "nk-dc-answers" });
    for (const r of result.posts || []) {
      list.append(h("li", { class: "nk-dc-answer " + (r.right ? "nk-dc-right" : "nk-dc-wrong") }, [
        h("p", { class: "nk-dc-answer-head" }, [
          h("strong", { class: "nk-tl-badge nk-tl-badge-" + r.truth, text: r.truth_label }),
          h("span", { text: ` ${L.dc_chosen}: ${r.mine} — ${r.right ? L.dc_right : L.dc_wrong}` }),
        ]),
        h("p", { class: "nk-dc-clue" }, [h("span", { class: "nk-dc-clue-label", text: `${L.dc_clue}: ` }), h("strong", { text: r.clue_label })]),
        h("p", { class: "nk-dc-reason", html: r.reason_html }),
      ]));
    }
    return list;
  }

  function draw() {
    const L = model.get("labels") || {};
    const posts = model.get("posts") || [];
    const judged = model.get("judged") || {};
    const result = model.get("result") || {};
    const pending = model.get("pending");
    const key = JSON.stringify([judged, pending, Object.keys(result).length, model.get("who"), model.get("unsaved"), model.get("waiting")]);
    if (key === lastDrawn) return;
    lastDrawn = key;
    root.replaceChildren();
    const head = model.get("heading") || {};
    root.append(h("header", { class: "nk-tl-header" }, [
      h("h2", { class: "nk-tl-title", html: head.title_html || "" }),
      h("p", { class: "nk-tl-intro", html: head.intro_html || "" }),
      h("p", { class: "nk-tl-note", html: head.note_html || "" }),
    ]));
    if (model.get("waiting")) { // the student's form of the pair is not known yet: no post to judge
      root.append(h("p", { class: "nk-preparing", role: "status", "aria-live": "polite", "aria-busy": "true", text: L.preparing || "" }));
      return;
    }
    const who = model.get("who");
    root.append(h("p", { class: "nk-tl-progress nk-dc-progress", role: "status", text: (model.get("progress") || "") + (who ? `　${who}` : "") }));
    const feed = h("ol", { class: "nk-dc-feed" });
    let next = null;
    posts.forEach((p, i) => {
      const item = h("li", { class: "nk-dc-item" });
      item.append(postCard(p, L, { "aria-label": `${i + 1} / ${posts.length}` }));
      const mine = judged[p.id];
      if (mine === 0 || mine === 1) {
        item.append(h("p", { class: "nk-dc-chosen nk-dc-chosen-" + (mine === 0 ? "believe" : "doubt") },
          [h("span", { text: `${L.dc_chosen}: ` }), h("strong", { text: mine === 0 ? L.dc_believe : L.dc_doubt })]));
      } else {
        const group = h("div", { class: "nk-tl-actions nk-dc-actions", role: "group", "aria-label": `${L.dc_lead} (${i + 1} / ${posts.length})` });
        group.append(h("p", { class: "nk-tl-lead", text: L.dc_lead }));
        for (const [choice, text] of [["believe", L.dc_believe], ["doubt", L.dc_doubt]]) {
          const b = h("button", { type: "button", class: `nk-tl-action nk-dc-${choice}`, "data-post": p.id, "data-choice": choice, text,
            onclick: () => judge(p.id, choice) });
          if (pending) b.disabled = true;
          group.append(b);
        }
        item.append(group);
        if (next === null) next = group;
      }
      feed.append(item);
    });
    root.append(feed);
    if (model.get("unsaved")) root.append(h("p", { class: "nk-tl-unsaved", role: "alert", text: L.not_saved }));
    if (result.done) {
      const box = h("section", { class: "nk-dc-result nk-card nk-card-result", tabindex: "-1", "aria-label": result.done }, [
        h("p", { class: "nk-dc-done", text: result.done }),
        result.message ? h("p", { class: "nk-dc-later", text: result.message }) : null,
        result.score ? h("p", { class: "nk-tl-rate nk-dc-score", text: result.score }) : null,
      ]);
      if (result.revealed) box.append(h("h3", { text: L.dc_answers }), answers(result, L));
      root.append(box);
      if (focusNext && !pending) { focusNext = false; box.focus(); }
    } else if (focusNext && !pending && next) {
      focusNext = false;
      const first = next.querySelector("button");
      if (first) first.focus();
    }
  }

  for (const name of ["judged", "pending", "result", "unsaved", "progress"]) model.on(`change:${name}`, draw);
  for (const name of ["labels", "who", "heading", "posts", "waiting"]) model.on(`change:${name}`, () => { lastDrawn = null; draw(); });
  draw();
}

export default { render };
