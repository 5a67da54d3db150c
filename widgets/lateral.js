// Browser half of kit.widgets.lateral.LateralReading: a post and its page, a practice search "in
// another tab" whose results open source pages inside this card, and the closing question. Nothing
// is loaded from anywhere: every page arrives from the kernel as text. The kernel keeps the path,
// stores the answer and only then sends the feedback; this file draws and says what was pressed.

function render({ model, el }) {
  useRuby(model.get("labels"));
  const root = h("div", { class: "nk-lr nk-card" });
  el.append(root);
  model.send({ action: "hello", ...identity() });
  let searchOpen = false; // the search tab shown before the first search (no kernel state yet)
  let query = null; // the words in the search box, kept across redraws
  let chosen = ""; // the answer picked, kept across redraws
  let want = null; // where the keyboard goes once the kernel's answer is drawn
  let lastSource = ""; // the result to come back to from its page
  let lastDrawn = null;
  let drawn = 0;

  function send(message, next) {
    want = next;
    model.send(message);
  }

  function draw() {
    const L = model.get("labels") || {};
    const stage = model.get("stage");
    const task = model.get("task") || {};
    const view = model.get("view");
    const source = model.get("source") || {};
    const results = model.get("results") || [];
    const result = model.get("result") || {};
    const summary = model.get("summary") || {};
    const key = JSON.stringify([stage, task.id, view, source.id, results.length, (model.get("opened") || []).length,
      model.get("pending"), result.verdict, summary.points, searchOpen, model.get("who")]);
    if (key === lastDrawn) return;
    lastDrawn = key;
    if (query === null || (stage === "read" && !results.length && !searchOpen)) query = task.query || "";
    const focusBefore = document.activeElement && root.contains(document.activeElement);
    root.replaceChildren();
    const head = model.get("heading") || {};
    root.append(h("div", { class: "nk-lr-header" }, [
      h("h2", { class: "nk-lr-title", html: head.title_html || "" }),
      h("p", { class: "nk-lr-intro", html: head.intro_html || "" }),
      h("p", { class: "nk-lr-note", html: head.note_html || "" }),
    ]));
    let target = null;

    if (stage === "done") {
      const box = h("div", { class: "nk-lr-summary nk-card nk-card-result", tabindex: "-1" }, [
        h("p", { class: "nk-lr-label", text: L.lr_summary }),
        h("p", { text: summary.right || "" }), h("p", { text: summary.left || "" }),
        h("p", { class: "nk-lr-total", text: summary.points || "" }),
        method(L, summary.method || []),
      ]);
      root.append(box);
      finish(want === "summary" ? box : null);
      return;
    }

    root.append(h("p", { class: "nk-lr-progress", text: model.get("progress") || "" }));
    const searching = stage === "read" && (searchOpen || view !== "post");
    const tabs = h("div", { class: "nk-lr-tabs", role: "group", "aria-label": L.lr_tabs });
    const postTab = h("button", { type: "button", class: "nk-lr-tab nk-lr-tab-post", "aria-pressed": String(!searching),
      text: L.lr_tab_post, onclick: () => { searchOpen = false; if (view === "post") { redraw("tab-post"); } else send({ action: "post" }, "tab-post"); } });
    const searchTab = h("button", { type: "button", class: "nk-lr-tab nk-lr-tab-search", "aria-pressed": String(searching),
      text: L.lr_tab_search, onclick: () => {
        if (results.length) send({ action: "results" }, "results");
        else { searchOpen = true; want = "query"; lastDrawn = null; draw(); }
      } });
    if (stage !== "read") { postTab.disabled = true; searchTab.disabled = true; }
    tabs.append(postTab, searchTab);
    const frame = h("div", { class: "nk-lr-frame" });

    if (!searching) {
      const post = h("article", { class: "nk-lr-post", tabindex: "-1", "aria-label": L.lr_post_label }, [
        h("div", { class: "nk-lr-head" }, [
          h("span", { class: "nk-lr-avatar", "aria-hidden": "true", text: task.initial || "" }),
          h("div", {}, [h("p", { class: "nk-lr-name", html: task.author_html || "" }), h("p", { class: "nk-lr-handle", text: task.handle || "" })]),
        ]),
        h("p", { class: "nk-lr-text", html: task.text_html || "" }),
      ]);
      frame.append(post, page(L.lr_page_label, task.page || {}, true));
      if (want === "post" || want === "tab-post") target = want === "post" ? post : postTab;
    } else {
      const input = h("input", { type: "search", class: "nk-lr-query", id: `nk-lr-q-${task.id}`, value: query,
        oninput: (e) => { query = e.target.value; } });
      const form = h("form", { class: "nk-lr-search", role: "search", onsubmit: (e) => { e.preventDefault(); send({ action: "search" }, "results"); } }, [
        h("label", { for: `nk-lr-q-${task.id}`, text: L.lr_search_label }),
        h("div", { class: "nk-lr-search-row" }, [input, h("button", { type: "submit", class: "nk-lr-search-go", text: L.lr_search })]),
        h("p", { class: "nk-lr-hint", text: L.lr_search_note }),
      ]);
      if (view === "source" && source.id) {
        const back = h("button", { type: "button", class: "nk-lr-back", text: L.lr_back_results,
          onclick: () => send({ action: "results" }, "results") });
        const shown = page(source.site_html, source, false);
        frame.append(back, shown);
        if (want === "source") target = shown.querySelector(".nk-lr-page-heading");
      } else {
        frame.append(form);
        if (want === "query") target = input;
        if (results.length) {
          const heading = h("p", { class: "nk-lr-label nk-lr-results-heading", id: `nk-lr-r-${task.id}`, tabindex: "-1", text: L.lr_results });
          const list = h("ol", { class: "nk-lr-results", "aria-labelledby": `nk-lr-r-${task.id}` });
          const opened = model.get("opened") || [];
          for (const r of results) {
            const visited = opened.includes(r.id);
            const open = h("button", { type: "button", class: "nk-lr-result-open", "data-source": r.id,
              onclick: () => { lastSource = r.id; send({ action: "open", source: r.id }, "source"); } },
            [h("span", { html: r.title_html }), visited ? h("span", { class: "nk-lr-visited", text: L.lr_visited }) : null]);
            list.append(h("li", { class: "nk-lr-result" }, [
              h("p", { class: "nk-lr-result-site" }, [h("span", { html: r.site_html }), h("span", { class: "nk-lr-address", text: ` ${r.address}` })]),
              open,
              h("p", { class: "nk-lr-snippet", html: r.snippet_html }),
            ]));
            if (want === "results" && lastSource === r.id) target = open;
          }
          frame.append(heading, list);
          if (want === "results" && !target) target = heading;
        }
      }
    }
    root.append(tabs, frame);

    if (stage === "read") {
      const group = h("fieldset", { class: "nk-lr-question" }, [h("legend", { html: task.question_html || "" })]);
      for (const o of task.options || []) {
        const id = `nk-lr-${task.id}-${o.id}`;
        const radio = h("input", { type: "radio", name: `nk-lr-${task.id}`, id, value: o.id,
          onchange: () => { chosen = o.id; } });
        if (chosen === o.id) radio.checked = true;
        group.append(h("div", { class: "nk-lr-option" }, [radio, h("label", { for: id, html: o.html })]));
      }
      const hint = h("p", { class: "nk-lr-hint", "aria-live": "polite" });
      const answer = h("button", { type: "button", class: "nk-lr-answer", text: model.get("pending") ? L.lr_pending : L.lr_answer,
        onclick: () => {
          if (!chosen) { hint.textContent = L.lr_choose; return; }
          model.set("pending", true); model.save_changes();
          send({ action: "answer", task: task.id, option: chosen }, "feedback");
        } });
      if (model.get("pending")) answer.disabled = true;
      group.append(answer, hint);
      root.append(group);
    }

    if (stage === "feedback" && result.verdict) {
      const box = h("div", { class: `nk-lr-feedback nk-card nk-card-result ${result.right ? "nk-lr-good" : "nk-lr-bad"}`, role: "status", tabindex: "-1" }, [
        h("p", { class: "nk-lr-verdict" }, [h("span", { "aria-hidden": "true", text: result.right ? "○ " : "△ " }), h("span", { text: result.verdict })]),
        h("p", {}, [h("span", { class: "nk-lr-label", text: `${L.lr_your_answer}: ` }), h("span", { html: result.chosen_html })]),
        result.right ? null : h("p", {}, [h("span", { class: "nk-lr-label", text: `${L.lr_right_answer}: ` }), h("span", { html: result.right_html })]),
        h("p", { html: result.feedback_html }),
        h("p", { class: "nk-lr-label", text: L.lr_behind }), h("p", { html: result.behind_html }),
        h("p", { class: "nk-lr-label", text: L.lr_your_reading }),
        h("p", { class: `nk-lr-reading nk-lr-${result.reading}`, text: result.reading_text }),
        (result.opened || []).length ? h("p", { class: "nk-lr-opened" }, [h("span", { text: `${L.lr_opened}: ` }),
          h("span", { html: result.opened.join("、") })]) : null,
        h("p", { class: "nk-lr-points", text: result.points }),
        method(L, result.method || []),
        result.saved === false ? h("p", { class: "nk-lr-warn", text: L.not_saved }) : null,
        h("button", { type: "button", class: "nk-lr-next", text: result.is_last ? L.lr_finish : L.lr_next,
          onclick: () => { chosen = ""; searchOpen = false; query = null; send({ action: "next" }, result.is_last ? "summary" : "post"); } }),
      ]);
      root.append(box);
      if (want === "feedback") target = box;
    }
    finish(target);

    function finish(t) {
      // The first drawing never takes the focus from the page; later ones put it where the press leads.
      if (t && drawn > 0) { t.focus(); want = null; } else if (focusBefore && !root.contains(document.activeElement) && drawn > 0) {
        const fallback = root.querySelector(".nk-lr-tab:not([disabled]), .nk-lr-next, .nk-lr-summary");
        if (fallback) fallback.focus();
      }
      drawn += 1;
    }
  }

  function redraw(next) { want = next; lastDrawn = null; draw(); }

  // A page as the simulated browser shows it: address bar, site, badge, heading and paragraphs.
  function page(labelHtml, p, isPost) {
    const heading = h("p", { class: "nk-lr-page-heading", role: "heading", "aria-level": "3", tabindex: "-1", html: p.heading_html || "" });
    return h("section", { class: `nk-lr-page ${isPost ? "nk-lr-page-post" : "nk-lr-page-source"}`, "aria-label": stripTags(labelHtml) }, [
      h("p", { class: "nk-lr-bar", text: p.address || "" }),
      h("p", { class: "nk-lr-site" }, [h("span", { html: p.site_html || "" }),
        p.badge_html ? h("span", { class: "nk-lr-badge", html: p.badge_html }) : null]),
      heading,
      ...(p.body || []).map((para) => h("p", { class: "nk-lr-body", html: para })),
    ]);
  }

  function method(L, paragraphs) {
    if (!paragraphs.length) return null;
    return h("details", { class: "nk-lr-method", open: "" }, [
      h("summary", { text: L.lr_method }),
      ...paragraphs.map((para) => h("p", { html: para })),
    ]);
  }

  function stripTags(html) {
    const t = document.createElement("template");
    t.innerHTML = html || "";
    for (const rt of t.content.querySelectorAll("rt, rp")) rt.remove();
    return t.content.textContent;
  }

  for (const name of ["stage", "task", "view", "results", "source", "opened", "result", "summary", "pending", "progress", "who"]) {
    model.on(`change:${name}`, draw);
  }
  model.on("change:labels", () => { lastDrawn = null; draw(); });
  draw();
}

export default { render };
