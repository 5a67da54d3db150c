// Shared by the browser halves of the kit's components: kit/widgets/_assets.py puts this in
// front of each component's ES module, so every component builds its elements the same way.

// An element with attributes ("html": kernel-made HTML, escaped text plus <ruby>; "text"; "on…":
// event listeners) and children (null, undefined and false are left out, for optional parts).
function h(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "html") el.innerHTML = v; // kernel-made HTML: escaped text plus <ruby>
    else if (k === "text") el.textContent = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

// Who is playing, as this browser remembers it: a random token made once (32 hex characters; the
// kernel finds earlier answers by it), and the class code and nickname from the join form.
function identity() {
  const id = { session: "", class_code: "", student: "" };
  try {
    id.session = localStorage.getItem("netkit.session") || "";
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
