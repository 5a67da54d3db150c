// An SNS-like post card, shared by the timeline (widgets/timeline.js) and the discernment feed
// (widgets/discernment.js): who posted it (avatar, name, official mark, handle, time, joined,
// followers, profile), the text, a picture or a photo described in words, and the counts. Every
// field is a clue a student weighs; kernel-made HTML (escaped text plus readings) goes in as html.
function postCard(p, L, attrs = {}) {
  const a = p.author || {};
  const card = h("article", { class: "nk-tl-post", tabindex: "-1", ...attrs });
  if (p.basis) card.append(h("p", { class: "nk-tl-basis nk-tl-basis-" + p.basis, text: p.basis === "real-case" ? L.tl_real_case : L.tl_fictional }));
  card.append(h("div", { class: "nk-tl-head" }, [
    h("span", { class: "nk-tl-avatar", "aria-hidden": "true", text: a.initial || "?" }),
    h("div", { class: "nk-tl-who" }, [
      h("div", { class: "nk-tl-name" }, [
        h("span", { html: a.name_html }),
        a.official ? h("span", { class: "nk-tl-official", text: "✓ " + L.tl_official }) : null,
      ]),
      h("div", { class: "nk-tl-handle", text: `${a.handle} · ${p.time}` }),
    ]),
  ]));
  const meta = h("p", { class: "nk-tl-meta" });
  meta.append(h("span", { html: a.joined_html }), h("span", { text: ` · ${a.followers} ${L.tl_followers}` }));
  card.append(meta);
  if (a.bio_html) card.append(h("p", { class: "nk-tl-bio", html: a.bio_html }));
  card.append(h("p", { class: "nk-tl-text", html: p.text_html }));
  if (p.picture) card.append(h("img", { class: "nk-tl-picture", src: p.picture, alt: p.picture_alt || "" }));
  if (p.photo_html) {
    card.append(h("figure", { class: "nk-tl-photo" }, [
      h("span", { class: "nk-tl-photo-mark", "aria-hidden": "true", text: "📷" }),
      h("figcaption", {}, [h("span", { class: "nk-tl-photo-label", text: (L.dc_photo || "") + ": " }), h("span", { html: p.photo_html })]),
    ]));
  }
  if (p.reposts || p.likes) {
    card.append(h("p", { class: "nk-tl-counts" }, [
      p.reposts ? h("span", {}, [h("strong", { text: p.reposts }), ` ${L.tl_reposts}`]) : null,
      p.likes ? h("span", {}, [h("strong", { text: p.likes }), ` ${L.tl_likes}`]) : null,
    ]));
  }
  return card;
}
