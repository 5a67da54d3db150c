// Browser half of kit.widgets.law_walk.LawCardView: one law on the base card's strong variant —
// its name with the article as a badge, when it applies, a mild example, the penalty as a dated
// fact (the shared factCard()), and "not legal advice" with the date the card was checked.

function render({ model, el }) {
  const L = model.get("labels") || {};
  const c = model.get("shown") || {};
  el.append(h("section", { class: "nk-law-card nk-card nk-card-strong" }, [
    h("h3", { class: "nk-law-title" }, [h("span", { html: c.title_html }), " ", h("span", { class: "nk-law-badge", html: c.law_html })]),
    h("p", { class: "nk-law-what", html: c.what_html }),
    c.example_html ? h("p", { class: "nk-law-example", html: c.example_html }) : null,
    c.penalty ? h("p", { class: "nk-law-penalty", text: L.law_penalty }) : null,
    c.penalty ? factCard(c.penalty) : null,
    ...(c.facts || []).map(factCard),
    h("p", { class: "nk-law-small", text: c.small }),
  ]));
}

export default { render };
