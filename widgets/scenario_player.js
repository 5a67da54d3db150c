// Browser half of kit.widgets.scenario_player.ScenarioPlayer: draws the story as a group chat or
// an SNS timeline, offers the choices as big buttons (mouse, touch, Tab + Enter, or keys 1-4) and
// sends the chosen index to the kernel. The kernel stores the choice before it sends the next
// messages, and it never sends a choice's outcome tags before the summary at the end.

function render({ model, el }) {
  useRuby(model.get("labels"));
  const root = h("div", { class: "nk-scenario" });
  el.append(root);
  model.send({ action: "hello", ...identity() });
  let focusNext = null; // what to focus once the kernel has answered: "choice" or "role"
  let busy = false; // a choice was sent and the kernel has not said "done" yet

  function send(msg, focus) {
    if (busy) return;
    busy = true;
    focusNext = focus;
    draw();
    model.send(msg);
  }

  // The kernel says "done" after it has stored a choice and sent every change it made, so the
  // page is drawn once, complete, and the keyboard focus lands on the new choices.
  model.on("msg:custom", (msg) => {
    if (!msg || msg.event !== "done") return;
    busy = false;
    draw();
    if (focusNext === "role") focusRole();
    focusNext = null;
  });

  function avatar(c) {
    const a = h("span", { class: "nk-avatar", "aria-hidden": "true", text: c.icon || "?" });
    a.style.background = c.color || "var(--nk-blue)";
    return a;
  }

  function entry(m, S, L) {
    const chars = S.characters || {};
    if (m.kind === "role") return h("p", { class: "nk-sc-role-intro", html: m.html });
    if (m.kind === "narration") return h("p", { class: "nk-sc-narration", html: m.html });
    if (m.kind === "you" || m.kind === "action") {
      const box = h("div", { class: `nk-sc-row nk-sc-mine nk-sc-${m.kind}` });
      const who = h("span", { class: "nk-sc-name", text: m.kind === "action" ? L.scenario_action : L.scenario_you });
      const body = h("div", { class: m.kind === "you" ? "nk-bubble nk-bubble-mine" : "nk-sc-act", html: m.html });
      box.append(h("div", { class: "nk-sc-col" }, [who, body]));
      if (m.not_saved) box.append(h("p", { class: "nk-warn", text: L.not_saved }));
      return box;
    }
    const c = chars[m.speaker] || { name_html: m.name_html || "", icon: "?" };
    const head = h("span", { class: "nk-sc-name" }, [h("span", { html: c.name_html || "" })]);
    if (S.look === "timeline" && c.handle) head.append(h("span", { class: "nk-sc-handle", text: ` ${c.handle}` }));
    const body = h("div", { class: S.look === "timeline" ? "nk-post-text" : "nk-bubble", html: m.html });
    const col = h("div", { class: "nk-sc-col" }, [head, body]);
    if (m.photo_html) {
      col.append(h("figure", { class: "nk-sc-photo" },
        [h("span", { class: "nk-sc-photo-label", text: L.scenario_photo }), h("figcaption", { html: m.photo_html })]));
    }
    return h("div", { class: `nk-sc-row nk-sc-other ${S.look === "timeline" ? "nk-post" : ""}` }, [avatar(c), col]);
  }

  function draw() {
    const S = model.get("scenario") || {};
    const L = model.get("labels") || {};
    const role = model.get("role");
    const summary = model.get("summary") || {};
    const finished = Object.keys(summary).length > 0;
    root.className = `nk-scenario nk-look-${S.look || "chat"}`;
    root.replaceChildren();
    root.append(h("h3", { class: "nk-sc-title", html: S.title_html || "" }));
    const who = model.get("who");
    if (who) root.append(h("p", { class: "nk-sc-who", text: who }));

    if (!role) {
      const pick = h("div", { class: "nk-sc-pick", role: "group", "aria-labelledby": "nk-sc-pick-q" });
      if (S.intro_html) pick.append(h("p", { class: "nk-sc-intro", html: S.intro_html }));
      pick.append(h("p", { class: "nk-sc-prompt", id: "nk-sc-pick-q", text: L.scenario_pick_role }));
      for (const r of S.roles || []) {
        pick.append(h("button", { type: "button", class: "nk-sc-choice nk-sc-role", "data-role": r.id,
          onclick: () => send({ action: "pick", role: r.id }, "choice") },
        [h("strong", { text: r.label }), h("span", { class: "nk-sc-about", text: r.about })]));
      }
      root.append(pick);
      return;
    }

    const screen = h("div", { class: "nk-sc-screen" });
    if (S.channel_html) screen.append(h("div", { class: "nk-sc-channel", html: S.channel_html }));
    if (S.intro_html && model.get("fixed_role")) screen.append(h("p", { class: "nk-sc-narration", html: S.intro_html }));
    const logBox = h("div", { class: "nk-sc-log", role: "log", "aria-live": "polite" });
    for (const m of model.get("log") || []) logBox.append(entry(m, S, L));
    screen.append(logBox);
    root.append(screen);

    if (!finished) {
      const choices = model.get("choices") || [];
      const group = h("div", { class: "nk-sc-choices", role: "group", "aria-labelledby": "nk-sc-q" });
      group.append(h("p", { class: "nk-sc-prompt", id: "nk-sc-q", text: L.scenario_choose }));
      for (const c of choices) {
        const b = h("button", { type: "button", class: `nk-sc-choice nk-sc-${c.kind}`, "data-index": String(c.index),
          onclick: () => send({ action: "choose", index: c.index }, "choice") },
        [h("span", { class: "nk-sc-num", "aria-hidden": "true", text: String(c.index + 1) }), h("span", { html: c.html })]);
        if (busy) b.setAttribute("aria-disabled", "true");
        group.append(b);
      }
      group.append(h("p", { class: "nk-sc-hint", html: model.get("key_hint_html") || "" }));
      root.append(group);
      if (focusNext === "choice" && !busy && choices.length) {
        group.querySelector("button.nk-sc-choice").focus({ preventScroll: true });
        group.scrollIntoView({ block: "nearest" });
      }
      return;
    }

    const box = h("section", { class: "nk-sc-summary nk-card nk-card-result", "aria-labelledby": "nk-sc-sum-h" });
    const heading = h("h4", { id: "nk-sc-sum-h", tabindex: "-1", text: L.scenario_summary_title });
    box.append(heading, h("p", { class: "nk-sc-verdict", role: "status", text: summary.verdict }));
    if (summary.takeaway_html) box.append(h("p", { class: "nk-sc-takeaway", html: summary.takeaway_html }));
    box.append(h("p", { class: "nk-label", text: L.scenario_your_path }));
    const ol = h("ol", { class: "nk-sc-path" });
    for (const s of summary.steps || []) {
      const li = h("li", { class: s.safe ? "nk-sc-safe" : "nk-sc-unsafe" });
      li.append(h("span", { class: "nk-sc-chosen", html: s.choice_html }));
      const tags = h("span", { class: "nk-sc-tags" });
      for (const t of s.tags) tags.append(h("span", { class: `nk-tag nk-tag-${t.id}`, text: t.label }));
      if (!s.tags.length) tags.append(h("span", { class: "nk-tag nk-tag-none", text: L.scenario_no_tag }));
      li.append(tags);
      if (s.note_html) li.append(h("p", { class: "nk-sc-note", html: s.note_html }));
      if (s.kinder && s.kinder.length) {
        li.append(h("p", { class: "nk-sc-kinder-h", text: L.scenario_kinder }));
        li.append(h("ul", { class: "nk-sc-kinder" }, s.kinder.map((k) => h("li", { html: k }))));
      }
      ol.append(li);
    }
    box.append(ol);
    box.append(h("p", { class: "nk-label", text: L.scenario_tags_title }));
    const dl = h("dl", { class: "nk-sc-legend" });
    for (const c of summary.counts || []) {
      dl.append(h("dt", {}, [h("span", { class: `nk-tag nk-tag-${c.id}`, text: c.label }), h("span", { class: "nk-sc-count", text: `× ${c.count}` })]));
      dl.append(h("dd", { text: c.about }));
    }
    box.append(dl);
    const again = h("div", { class: "nk-sc-again" });
    const other = (summary.other_roles || []).length > 0;
    again.append(h("button", { type: "button", class: "nk-sc-restart", onclick: () => send({ action: "restart" }, other ? "role" : "choice") },
      [h("span", { text: other ? L.scenario_other_role : L.scenario_again })]));
    box.append(again);
    root.append(box);
    if (focusNext === "choice" && !busy) {
      heading.focus({ preventScroll: true });
      box.scrollIntoView({ block: "nearest" });
    }
  }

  root.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || !/^[1-9]$/.test(e.key)) return;
    const b = root.querySelector(`.nk-sc-choices button[data-index="${Number(e.key) - 1}"]`);
    if (b && !busy) { e.preventDefault(); b.click(); }
  });

  // Changes the kernel makes on its own (a new language, identity) are drawn as they come; while
  // a choice is being handled the page waits for "done" instead of drawing half a step.
  for (const name of ["scenario", "labels", "role", "log", "choices", "key_hint_html", "summary", "who"]) {
    model.on(`change:${name}`, () => { if (!busy) draw(); });
  }
  function focusRole() {
    const b = root.querySelector(".nk-sc-role");
    if (b) b.focus({ preventScroll: true });
  }
  draw();
}

export default { render };
