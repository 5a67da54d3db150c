// Browser half of kit.widgets.manipulator_game.ManipulatorGame (posts drawn by postCard, widgets/_post.js,
// with the timeline's look, widgets/timeline.css): the student's fictional account
// (followers, credibility) at the top, the technique being learned, the posts to publish as big
// buttons (mouse, touch, Tab + Enter, or keys 1-4), then what the chosen post did and how to spot
// the technique. The kernel stores a choice before it sends its outcome, and never sends a post's
// hook, risk or explanation before the student has chosen.

function render({ model, el }) {
  useRuby(model.get("labels"));
  const root = h("div", { class: "nk-mg" });
  el.append(root);
  model.send({ action: "hello", ...identity() });
  let busy = false; // a choice was sent and the kernel has not said "done" yet
  let focusNext = null; // what to focus once the kernel has answered: "result" or "stage"

  function send(msg, focus) {
    if (busy) return;
    busy = true;
    focusNext = focus;
    draw();
    model.send(msg);
  }

  model.on("msg:custom", (msg) => {
    if (!msg || msg.event !== "done") return;
    busy = false;
    draw();
    const target = focusNext && root.querySelector(focusNext === "result" ? ".nk-mg-result-h" : ".nk-mg-stage-h");
    if (target) {
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "nearest" });
    }
    focusNext = null;
  });

  function account(G, S, L) {
    const a = G.account || {};
    return h("section", { class: "nk-mg-account nk-card", "aria-label": L.mg_account }, [
      h("span", { class: "nk-tl-avatar", "aria-hidden": "true", text: a.initial || "?" }),
      h("div", { class: "nk-mg-who" }, [
        h("div", { class: "nk-tl-name" }, [h("span", { html: a.name_html || "" })]),
        h("div", { class: "nk-tl-handle", text: `${a.handle || ""} · ${L.mg_created_today}` }),
      ]),
      h("div", { class: "nk-mg-score" }, [
        h("p", { class: "nk-mg-metric" }, [h("span", { class: "nk-mg-metric-name", text: L.mg_followers }),
          h("strong", { text: String(S.followers ?? "") })]),
        h("p", { class: "nk-mg-metric" }, [h("span", { class: "nk-mg-metric-name", text: L.mg_credibility }),
          h("meter", { min: "0", max: "100", low: "25", high: "60", optimum: "100", value: String(S.credibility ?? 0),
            "aria-label": L.mg_credibility }),
          h("strong", { text: `${S.credibility ?? ""} / 100` })]),
      ]),
      h("p", { class: `nk-mg-standing nk-mg-${S.standing || ""}`, text: S.standing_label || "" }),
    ]);
  }

  function published(G, L, postHtml, extra) {
    const a = G.account || {};
    const S = model.get("score") || {};
    return postCard({ author: { initial: a.initial, name_html: a.name_html, handle: a.handle, joined_html: L.mg_created_today,
      followers: S.followers }, time: L.mg_now, text_html: postHtml, ...extra }, L);
  }

  function draw() {
    const G = model.get("game") || {};
    const L = model.get("labels") || {};
    const S = model.get("score") || {};
    const phase = model.get("phase");
    root.replaceChildren();
    root.append(h("header", { class: "nk-tl-header" }, [
      h("h2", { class: "nk-tl-title", html: G.title_html || "" }),
      h("p", { class: "nk-tl-intro", html: G.intro_html || "" }),
      G.note_html ? h("p", { class: "nk-tl-note", html: G.note_html }) : null,
    ]));
    const who = model.get("who");
    if (who) root.append(h("p", { class: "nk-mg-whoami", text: who }));
    root.append(account(G, S, L));

    if (phase === "done") {
      drawSummary(G, L);
    } else {
      drawStage(G, L, phase);
    }
    const feed = model.get("feed") || [];
    if (feed.length) {
      const list = h("ol", { class: "nk-mg-feed", "aria-label": L.mg_your_posts });
      for (const f of feed) {
        const li = h("li", { class: "nk-mg-feed-item" });
        li.append(h("p", { class: "nk-mg-feed-tech", html: f.technique_html }));
        li.append(published(G, L, f.post_html, { reposts: f.reposts, likes: f.likes }));
        if (f.found_out) li.append(h("p", { class: "nk-mg-flag", text: "⚠ " + L.mg_found_out }));
        list.append(li);
      }
      root.append(h("section", { class: "nk-mg-feed-box" }, [h("h3", { class: "nk-mg-sub", text: L.mg_your_posts }), list]));
    }
  }

  function drawStage(G, L, phase) {
    const st = model.get("stage") || {};
    const box = h("section", { class: "nk-mg-stage nk-card", "aria-labelledby": "nk-mg-stage-h" });
    box.append(h("p", { class: "nk-tl-progress", text: st.progress || "" }));
    box.append(h("h3", { class: "nk-mg-stage-h", id: "nk-mg-stage-h", tabindex: "-1", html: st.technique_html || "" }));
    box.append(h("p", { class: "nk-mg-explain", html: st.explain_html || "" }));
    box.append(h("p", { class: "nk-mg-target" }, [h("strong", { text: L.mg_target + ": " }), h("span", { html: st.target_html || "" })]));
    if (phase === "choose") {
      const group = h("div", { class: "nk-mg-choices", role: "group", "aria-labelledby": "nk-mg-q" });
      group.append(h("p", { class: "nk-mg-prompt", id: "nk-mg-q", text: L.mg_choose }));
      for (const c of st.choices || []) {
        const b = h("button", { type: "button", class: "nk-mg-choice", "data-index": String(c.index),
          onclick: () => send({ action: "choose", index: c.index }, "result") },
        [h("span", { class: "nk-mg-num", "aria-hidden": "true", text: String(c.index + 1) }),
          h("span", { class: "nk-mg-post", html: c.html })]);
        if (busy) b.setAttribute("aria-disabled", "true");
        group.append(b);
      }
      group.append(h("p", { class: "nk-mg-hint", html: st.key_hint_html || "" }));
      box.append(group);
    } else {
      box.append(drawResult(G, L));
    }
    root.append(box);
  }

  function drawResult(G, L) {
    const r = model.get("result") || {};
    const out = h("div", { class: "nk-mg-result" });
    out.append(h("h4", { class: "nk-mg-result-h", tabindex: "-1", text: L.mg_published }));
    out.append(published(G, L, r.post_html || "", {}));
    out.append(h("p", { class: `nk-mg-verdict ${r.found_out ? "nk-mg-caught" : "nk-mg-spread"}`, role: "status" }, [
      h("span", { "aria-hidden": "true", text: r.found_out ? "⚠ " : "↗ " }), h("span", { text: r.verdict || "" })]));
    out.append(h("p", { class: "nk-mg-numbers", text: r.numbers || "" }));
    if (r.not_saved) out.append(h("p", { class: "nk-warn", text: L.not_saved }));
    out.append(h("p", { class: "nk-mg-meter-line", text: `${L.mg_hook}: ${"★".repeat(r.hook || 0)}${"☆".repeat(5 - (r.hook || 0))} · ${L.mg_risk}: ${r.risk_label || ""}` }));
    out.append(h("div", { class: "nk-mg-why" }, [h("p", { class: "nk-label", text: L.mg_why }), h("p", { html: r.why_html || "" })]));
    const spot = h("aside", { class: "nk-mg-spot nk-card", "aria-labelledby": "nk-mg-spot-h" }, [
      h("h4", { id: "nk-mg-spot-h" }, [h("span", { text: L.mg_spot_title + " — " }), h("span", { html: r.technique_html || "" })]),
      h("ul", {}, (r.spot || []).map((s) => h("li", { html: s }))),
    ]);
    out.append(spot);
    out.append(h("button", { type: "button", class: "nk-mg-next", onclick: () => send({ action: "next" }, "stage") },
      [h("span", { text: r.last ? L.mg_finish : L.mg_next })]));
    return out;
  }

  function drawSummary(G, L) {
    const s = model.get("summary") || {};
    const box = h("section", { class: "nk-mg-summary nk-card nk-card-result", "aria-labelledby": "nk-mg-sum-h" });
    box.append(h("h3", { class: "nk-mg-stage-h", id: "nk-mg-sum-h", tabindex: "-1", text: L.mg_debrief_title }));
    box.append(h("p", { class: "nk-mg-totals", role: "status", text: s.totals || "" }));
    box.append(h("p", { class: "nk-mg-debrief", html: s.debrief_html || "" }));
    box.append(h("h4", { text: L.mg_all_spots }));
    const dl = h("dl", { class: "nk-mg-all" });
    for (const t of s.techniques || []) {
      dl.append(h("dt", { html: t.technique_html }));
      dl.append(h("dd", {}, [h("ul", {}, (t.spot || []).map((p) => h("li", { html: p })))]));
    }
    box.append(dl);
    root.append(box);
  }

  root.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || !/^[1-9]$/.test(e.key)) return;
    const b = root.querySelector(`.nk-mg-choices button[data-index="${Number(e.key) - 1}"]`);
    if (b && !busy) { e.preventDefault(); b.click(); }
  });

  // Changes the kernel makes on its own (a new language, identity, a resumed game) are drawn as
  // they come; while a choice is being handled the page waits for "done" instead.
  for (const name of ["game", "labels", "phase", "stage", "result", "score", "feed", "summary", "who"]) {
    model.on(`change:${name}`, () => { if (!busy) draw(); });
  }
  draw();
}

export default { render };
