// Shared by the browser halves of the kit's components: kit/widgets/_assets.py puts this in
// front of each component's ES module, so every component builds its elements the same way.

// An element with attributes ("html": kernel-made HTML, escaped text plus <ruby>; "text"; "on…":
// event listeners) and children.
function h(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "html") el.innerHTML = v; // kernel-made HTML: escaped text plus <ruby>
    else if (k === "text") el.textContent = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v);
  }
  for (const c of children) el.append(c);
  return el;
}

