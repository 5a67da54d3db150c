// Browser half of kit.widgets.help_router.HelpRouter: one question at a time with big answer
// buttons, then the help desks that fit. Nothing is stored; the kernel only walks the chart.

function deskItem(d, L) {
  const li = h("li", { class: "nk-hr-desk" });
  li.append(h("p", { class: "nk-hr-desk-name", html: d.name_html }), h("p", { class: "nk-hr-desk-for", html: d.for_html }));
  const contact = h("div", { class: "nk-hr-contact" }); // a div: big and bold, but not a heading
  if (d.tel) contact.append(h("a", { href: `tel:${d.tel}`, "aria-label": `${L.router_call}: ${d.name} ${d.contact}`, html: d.contact_html }));
  else contact.innerHTML = d.contact_html; // kernel-made HTML: escaped text plus <ruby>
  li.append(contact);
  // "受付: …" and "確認日: …": the word and its value as parts of their own, so each keeps its readings
  if (d.hours_html) li.append(h("p", { class: "nk-hr-small" }, [h("span", { text: L.help_hours }), ": ", h("span", { html: d.hours_html })]));
  li.append(h("p", { class: "nk-hr-small" }, [h("span", { text: L.help_checked }), `: ${d.checked}`]));
  return li;
}

function render({ model, el }) {
  useRuby(model.get("labels"));
  const root = h("section", { class: "nk-help-router nk-card nk-card-help", "aria-labelledby": "nk-hr-title" });
  el.append(root);
  let busy = false;
  let focusAfter = false;
  let showAll = false;

  function send(action, extra = {}) {
    if (busy) return;
    busy = true;
    focusAfter = true;
    model.send({ action, ...extra });
  }

  model.on("msg:custom", (msg) => {
    if (!msg || msg.event !== "done") return;
    busy = false;
    draw();
  });

  function draw() {
    const C = model.get("chart") || {};
    const L = model.get("labels") || {};
    const step = model.get("step") || {};
    const trail = model.get("trail") || [];
    root.replaceChildren();
    root.append(h("h3", { id: "nk-hr-title", class: "nk-hr-title", html: C.title_html || "" }));
    if (C.intro_html && trail.length === 0) root.append(h("p", { class: "nk-hr-intro", html: C.intro_html }));
    root.append(h("p", { class: "nk-hr-note", text: L.help_note }));
    if (trail.length) {
      const ol = h("ol", { class: "nk-hr-trail" });
      for (const t of trail) ol.append(h("li", {}, [h("span", { html: t.ask_html }), h("strong", { html: ` → ${t.answer_html}` })]));
      root.append(ol);
    }
    const card = h("div", { class: "nk-hr-card nk-card" });
    let focusTarget = null;
    if (step.kind === "question") {
      const q = h("p", { class: "nk-hr-ask", id: "nk-hr-ask", tabindex: "-1", html: step.ask_html });
      const group = h("div", { class: "nk-hr-answers", role: "group", "aria-labelledby": "nk-hr-ask" });
      for (const a of step.answers) {
        group.append(h("button", { type: "button", class: "nk-hr-answer", "data-index": String(a.index),
          onclick: () => send("answer", { index: a.index }), html: a.html }));
      }
      card.append(q, group);
      focusTarget = group.querySelector("button");
    } else if (step.kind === "result") {
      const head = h("p", { class: "nk-hr-result-h", tabindex: "-1", text: L.router_result });
      card.append(head, h("p", { class: "nk-hr-say", html: step.say_html }));
      card.append(h("ul", { class: "nk-hr-desks" }, (step.desks || []).map((d) => deskItem(d, L))));
      if (step.more) card.append(h("button", { type: "button", class: "nk-hr-answer", onclick: () => send("more"), text: L.router_more }));
      focusTarget = head;
    }
    root.append(card);
    const nav = h("div", { class: "nk-hr-nav" });
    if (trail.length) {
      nav.append(h("button", { type: "button", class: "nk-hr-nav-b", onclick: () => send("back"), text: L.router_back }));
      nav.append(h("button", { type: "button", class: "nk-hr-nav-b", onclick: () => send("restart"), text: L.router_restart }));
    }
    const all = h("button", { type: "button", class: "nk-hr-nav-b", "aria-expanded": String(showAll),
      onclick: () => { showAll = !showAll; draw(); root.querySelector(".nk-hr-nav-b[aria-expanded]").focus(); }, text: L.router_all });
    nav.append(all);
    root.append(nav);
    if (showAll) root.append(h("ul", { class: "nk-hr-desks nk-hr-all" }, (model.get("all_desks") || []).map((d) => deskItem(d, L))));
    root.append(h("p", { class: "nk-hr-small" }, [h("span", { text: L.router_private }), " ", h("span", { text: L.router_source }), ": ",
      h("span", { html: C.source_html || "" }), `（${C.checked || ""}）`]));
    if (focusAfter && focusTarget) {
      focusTarget.focus({ preventScroll: true });
      card.scrollIntoView({ block: "nearest" });
      focusAfter = false;
    }
  }

  for (const name of ["chart", "labels", "step", "trail", "all_desks"]) model.on(`change:${name}`, () => { if (!busy) draw(); });
  draw();
}

export default { render };
