// Browser half of kit.widgets.post_checker.PostChecker: a text box and a check button. The text
// goes to the kernel only when the student presses the button (or Ctrl+Enter); the kernel sends
// back the post cut into pieces, the flagged ones highlighted, and one card per flag; or, for mild
// words in a plainly friendly post, a gentle note that names the words (softly marked, no cards).
// Every piece of the student's text is shown with textContent, never as HTML.

let uid = 0;

function render({ model, el }) {
  useRuby(model.get("labels"));
  const L = model.get("labels") || {};
  const id = `nk-pc${++uid}`;
  const root = h("div", { class: "nk-post-checker" });
  el.append(root);
  model.send({ action: "hello", ...identity() });

  const max = model.get("max_length");
  const title = h("h3", { class: "nk-pc-title", text: L.pc_title });
  const lead = h("p", { class: "nk-pc-lead", id: `${id}-lead`, text: L.pc_lead });
  const box = h("textarea", { class: "nk-pc-input", id: `${id}-input`, rows: "4", maxlength: String(max),
    placeholder: L.pc_placeholder, "aria-describedby": `${id}-lead ${id}-privacy`, "aria-label": L.pc_title });
  const counter = h("p", { class: "nk-pc-counter", "aria-live": "off" });
  const button = h("button", { type: "button", class: "nk-pc-check", text: L.pc_button, onclick: () => check() });
  const privacy = h("p", { class: "nk-pc-privacy", id: `${id}-privacy`, text: model.get("store_text") ? L.pc_stored : L.pc_private });
  const out = h("div", { class: "nk-pc-result nk-card nk-card-result", role: "status", "aria-live": "polite", tabindex: "-1" });
  root.append(title, lead, box, counter, button, privacy, out);

  function count() {
    counter.textContent = (L.pc_counter || "{length} / {max}").replace("{length}", [...box.value].length).replace("{max}", max);
  }
  box.addEventListener("input", count);
  box.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); check(); } });
  count();

  function check() {
    if (model.get("pending")) return;
    model.set("pending", true);
    model.save_changes();
    model.send({ action: "check", text: box.value });
  }

  function draw() {
    button.disabled = !!model.get("pending");
    const r = model.get("result") || {};
    out.replaceChildren();
    if (!r.state) return;
    if (r.state !== "checked") {
      out.append(h("p", { class: "nk-pc-warn", text: r.message || "" }));
      return;
    }
    out.className = "nk-pc-result " + (r.noted ? "nk-pc-noted" : r.ok ? "nk-pc-ok" : "nk-pc-found");
    out.append(h("p", { class: "nk-pc-verdict", html: r.verdict_html }));
    if (r.noted) {  // mild words in a plainly friendly post: a gentle note, the words named in text, no warning cards
      const words = h("p", { class: "nk-pc-words" });
      words.append(h("span", { html: r.words_html }));
      for (const w of r.words || []) words.append(" ", h("span", { class: "nk-pc-word", text: `「${w}」` }));
      const post = h("p", { class: "nk-pc-post" });
      for (const piece of r.pieces || []) {
        post.append(piece.soft ? h("mark", { class: "nk-pc-mark nk-pc-soft", text: piece.text }) : document.createTextNode(piece.text));
      }
      if (r.words && r.words.length) out.append(words);
      out.append(post);
    } else if (!r.ok) {
      const post = h("p", { class: "nk-pc-post" });
      for (const piece of r.pieces || []) {
        if (piece.flags) {
          const mark = h("mark", { class: `nk-pc-mark nk-pc-${piece.category}`, text: piece.text });
          mark.dataset.flags = piece.flags.join(" ");
          post.append(mark);
        } else post.append(document.createTextNode(piece.text));
      }
      out.append(post);
      const list = h("ol", { class: "nk-pc-flags" });
      for (const f of r.flags || []) {
        const item = h("li", { class: `nk-pc-flag nk-pc-${f.category}` });
        const head = h("p", { class: "nk-pc-flag-head" });
        head.append(h("span", { class: "nk-pc-badge", html: f.label_html }), h("span", { class: "nk-pc-word", text: `「${f.word}」` }));
        item.append(head,
          h("p", { class: "nk-label", text: L.pc_why }), h("p", { class: "nk-pc-why", html: f.why_html }),
          h("p", { class: "nk-label", text: L.pc_suggestion }), h("p", { class: "nk-pc-suggestion", html: f.suggestion_html }));
        list.append(item);
      }
      out.append(list);
      if (r.masked) out.append(h("p", { class: "nk-label", text: L.pc_masked }), h("p", { class: "nk-pc-masked", text: r.masked }));
    }
    out.append(h("p", { class: "nk-pc-note", text: L.pc_note }));
    if (r.saved === false) out.append(h("p", { class: "nk-pc-warn", text: L.not_saved }));
    out.focus();
  }

  model.on("change:result", draw);
  model.on("change:pending", () => { button.disabled = !!model.get("pending"); });
  draw();
}

export default { render };
