// Browser half of kit.widgets.fact_card.FactCard: one fact, drawn by the shared factCard() (_common.js).

function render({ model, el }) {
  el.append(factCard(model.get("fact") || {}));
}

export default { render };
