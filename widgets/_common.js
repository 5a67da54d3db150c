// Shared by the browser halves of the kit's components: kit/widgets/_assets.py puts this in
// front of each component's ES module, so every component builds its elements the same way.

// Readings for interface strings in a lesson with furigana (小学生): plain text -> HTML with <ruby>,
// sent by the kernel as labels.__ruby (kit.text.ui.labels). A component calls useRuby(labels) as it
// renders; every component of one kind on a page has the same language and furigana.
let RUBY = {};
function useRuby(labels) {
  RUBY = (labels && typeof labels.__ruby === "object" && labels.__ruby) || {};
}

// An element with attributes ("html": kernel-made HTML, escaped text plus <ruby>; "text"; "on…":
// event listeners) and children (null, undefined and false are left out, for optional parts).
// A "text" the kernel sent readings for (see useRuby) is drawn with them. On a button or a label
// the readings are drawn by CSS (quietReadings), so the control is named by its plain text, once,
// and that name is exactly the text a speech-input user sees and says.
function h(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "html") el.innerHTML = v; // kernel-made HTML: escaped text plus <ruby>
    else if (k === "text" && typeof v === "string" && Object.prototype.hasOwnProperty.call(RUBY, v)) {
      el.innerHTML = RUBY[v]; // kernel-made HTML, as above
    } else if (k === "text") el.textContent = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  if (tag === "button" || tag === "label" || tag === "a") quietReadings(el);
  return el;
}

// Readings (<rt>) inside a control (a button, a label, a link such as a help desk's phone number)
// move into a data attribute that _common.css draws with an empty alternative text: seen above the
// kanji, never part of the control's name. A control with no name of its own and nothing hidden from
// screen readers is named by its text without readings (browsers would otherwise split 答える into
// "答 える" at the ruby).
function quietReadings(el) {
  const readings = el.querySelectorAll("rt");
  if (!readings.length) return;
  for (const rt of readings) {
    rt.dataset.reading = rt.textContent;
    rt.textContent = "";
  }
  for (const rp of el.querySelectorAll("rp")) rp.remove();
  if (el.tagName === "BUTTON" && !el.hasAttribute("aria-label") && !el.querySelector("[aria-hidden]")) {
    el.setAttribute("aria-label", el.textContent.replace(/\s+/g, " ").trim());
  }
}

// A fact on its card (kit.widgets.fact_card.fact_view): the statement (kernel-made HTML: escaped
// text plus readings), then its source and as-of date as text. Facts stand alone, under a law and
// in the download-rule checker's result, always drawn here.
function factCard(fact) {
  return h("aside", { class: "nk-fact nk-card nk-card-fact" }, [
    h("p", { class: "nk-fact-text", html: fact.html || "" }),
    h("p", { class: "nk-fact-source", text: fact.source || "" }),
  ]);
}

// Who is playing, as this browser remembers it: a random token (32 hex characters; the kernel
// finds earlier answers by it), and the class code and nickname from the join form. The token is
// one student's: on a shared device (an iPad cart) a link naming another class or nickname than the
// token was made for makes a new token, so the next student starts afresh; a reload keeps it.
function identity() {
  const id = { session: "", class_code: "", student: "" };
  try {
    const link = new URLSearchParams(location.search);
    const who = (link.get("class") || localStorage.getItem("netkit.class") || "").trim() + "\n" +
      (link.get("name") || localStorage.getItem("netkit.name") || "").trim();
    const owner = localStorage.getItem("netkit.session.who");
    id.session = localStorage.getItem("netkit.session") || "";
    if (owner !== null && owner !== who) id.session = ""; // another student on this device
    localStorage.setItem("netkit.session.who", who);
    if (!/^[0-9a-f]{32}$/.test(id.session)) {
      const bytes = new Uint8Array(16);
      crypto.getRandomValues(bytes); // randomUUID needs https; a classroom server is plain http
      id.session = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
      localStorage.setItem("netkit.session", id.session);
    }
    id.class_code = localStorage.getItem("netkit.class") || "";
    id.student = localStorage.getItem("netkit.name") || "";
  } catch (e) { /* storage blocked: answers are still stored, only resuming is lost */ }
  return id;
}

const SVG = "http://www.w3.org/2000/svg";

// An SVG element for the charts (h() makes HTML ones); children are elements or strings (drawn as text).
function s(tag, attrs = {}, children = []) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}
