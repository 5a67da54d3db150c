// Browser half of kit.widgets.spread_lab.SpreadLab. The network (positions, links) arrives once as
// binary arrays; after each change the kernel sends every person's state in every round (one byte
// each). This file only draws: the network on a canvas (links painted once into a layer, people
// coloured by state) and the curves of believers and correctors; the controls and buttons are the
// lab shell's (_lab.js). Every change is decided by the kernel.

const COLOURS = ["#c4c9cf", "#d55e00", "#e69f00", "#0072b2", "#56b4e9"]; // Okabe–Ito, by State: --nk-state-* in _tokens.css
const STATE_KEYS = ["spread_unaware", "spread_sharing", "spread_believing", "spread_correcting", "spread_corrected"];
const BELIEVERS = "#d55e00";
const CORRECTORS = "#0072b2";

function bytes(value) {
  if (!value) return new Uint8Array(0);
  if (value instanceof DataView) return new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
  if (value instanceof ArrayBuffer) return new Uint8Array(value.slice(0));
  return new Uint8Array(value);
}

let uid = 0;

function render({ model, el }) {
  const L = () => model.get("labels") || {};
  const id = `nk-spread${++uid}`;
  const root = h("div", { class: "nk-spread", id });
  el.append(root);

  // --- the network, read once -------------------------------------------------------------
  const n = model.get("nodes");
  const xy = new Float32Array(bytes(model.get("positions")).buffer);
  const links = new Uint32Array(bytes(model.get("links")).buffer);
  let bots = bytes(model.get("bots"));
  let states = { spread_with: bytes(model.get("states_with")), spread_without: bytes(model.get("states_without")) };
  let shown = model.get("round");
  let animation = null;
  let playing = false;

  // --- controls (the lab shell: widgets/_lab.js) -------------------------------------------
  const title = h("h3", { class: "nk-spread-title", text: model.get("title") });
  const roundText = h("p", { class: "nk-spread-round", "aria-live": "polite" });
  const shell = labShell(model, { onAction: (action) => { if (action === "run") playing = true; } });
  shell.buttons.append(roundText);

  // --- panels -----------------------------------------------------------------------------
  const panelsBox = h("div", { class: "nk-spread-panels" });
  const panels = {};
  function buildPanels() {
    panelsBox.replaceChildren();
    for (const p of model.get("panels")) {
      const net = h("canvas", { class: "nk-spread-network", role: "img", "aria-label": `${p.heading}: ${L().spread_network_alt}` });
      const chart = h("canvas", { class: "nk-spread-chart", role: "img", "aria-label": `${p.heading}: ${L().spread_chart_alt}` });
      const summary = h("p", { class: "nk-spread-summary", "aria-live": "polite" });
      panelsBox.append(h("section", { class: `nk-spread-panel nk-${p.key}` }, [h("h4", { text: p.heading }), net, chart, summary]));
      panels[p.key] = { net, chart, summary, layer: null, size: 0 };
    }
  }
  const legend = h("ul", { class: "nk-spread-legend" });
  STATE_KEYS.forEach((key) => legend.append(h("li", {}, [h("span", { class: `nk-swatch nk-swatch-${key.replace("spread_", "")}` }), h("span", { text: L()[key] })])));
  legend.append(h("li", {}, [h("span", { class: "nk-swatch nk-swatch-bot" }), h("span", { text: L().spread_bot })]));

  root.append(title, shell.controls, shell.buttons, shell.error, panelsBox, legend);

  // --- drawing ----------------------------------------------------------------------------
  function sizeOf() {
    const width = panelsBox.clientWidth || root.clientWidth || 800;
    const per = model.get("panels").length > 1 ? (width - 24) / 2 - 4 : width - 4; // 24px gap, 2px borders
    return Math.max(240, Math.min(460, Math.floor(per)));
  }

  function linkLayer(size, ratio) {
    const layer = document.createElement("canvas");
    layer.width = layer.height = Math.round(size * ratio);
    const ctx = layer.getContext("2d");
    ctx.scale(ratio, ratio);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, size, size);
    ctx.strokeStyle = n > 2000 ? "rgba(60,70,80,0.06)" : n > 200 ? "rgba(60,70,80,0.18)" : "rgba(60,70,80,0.45)";
    ctx.lineWidth = n > 200 ? 0.5 : 1.2;
    ctx.beginPath();
    for (let i = 0; i < links.length; i += 2) {
      const a = links[i], b = links[i + 1];
      ctx.moveTo(xy[2 * a] * size, xy[2 * a + 1] * size);
      ctx.lineTo(xy[2 * b] * size, xy[2 * b + 1] * size);
    }
    ctx.stroke();
    return layer;
  }

  function drawNetwork(panel, key, round) {
    const size = sizeOf();
    const ratio = window.devicePixelRatio || 1;
    const canvas = panel.net;
    if (panel.size !== size) {
      canvas.width = canvas.height = Math.round(size * ratio);
      canvas.style.width = canvas.style.height = `${size}px`;
      panel.layer = linkLayer(size, ratio);
      panel.size = size;
    }
    const ctx = canvas.getContext("2d");
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(panel.layer, 0, 0);
    ctx.scale(ratio, ratio);
    const all = states[key];
    const base = round * n;
    const r = n > 5000 ? 1.1 : n > 1000 ? 1.8 : n > 200 ? 3 : 7;
    for (let s = 0; s < COLOURS.length; s++) {
      ctx.fillStyle = COLOURS[s];
      ctx.beginPath();
      for (let i = 0; i < n; i++) {
        if (all[base + i] !== s) continue;
        const x = xy[2 * i] * size, y = xy[2 * i + 1] * size;
        if (r < 3) ctx.rect(x - r, y - r, 2 * r, 2 * r);
        else { ctx.moveTo(x + r, y); ctx.arc(x, y, r, 0, 2 * Math.PI); }
      }
      ctx.fill();
    }
    ctx.strokeStyle = "#111";
    ctx.lineWidth = r < 3 ? 1 : 2.5;
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      if (!bots[i]) continue;
      const x = xy[2 * i] * size, y = xy[2 * i + 1] * size, b = r + 2;
      ctx.rect(x - b, y - b, 2 * b, 2 * b);
    }
    ctx.stroke();
  }

  function drawChart(panel, p, round) {
    const width = sizeOf(), height = 150;
    const ratio = window.devicePixelRatio || 1;
    const canvas = panel.chart;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    const ctx = canvas.getContext("2d");
    ctx.scale(ratio, ratio);
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, width, height);
    const left = 44, right = 8, top = 8, bottom = 26;
    const people = Math.max(1, n - bots.reduce((a, b) => a + b, 0));
    const last = Math.max(1, p.believers.length - 1);
    const X = (t) => left + (t / last) * (width - left - right);
    const Y = (v) => top + (1 - v / people) * (height - top - bottom);
    ctx.strokeStyle = "#8a949d";
    ctx.lineWidth = 1;
    ctx.strokeRect(left, top, width - left - right, height - top - bottom);
    ctx.fillStyle = "#333";
    ctx.font = "12px sans-serif";
    ctx.fillText(String(people), 4, top + 10);
    ctx.fillText("0", 4, height - bottom);
    ctx.fillText(L().spread_rounds_axis || "", left, height - 8);
    ctx.fillText(String(last), width - right - 18, height - 8);
    for (const [series, colour, dash] of [[p.believers, BELIEVERS, []], [p.correctors, CORRECTORS, [6, 4]]]) {
      ctx.strokeStyle = colour;
      ctx.lineWidth = 3;
      ctx.setLineDash(dash); // shape as well as colour tells the lines apart
      ctx.beginPath();
      series.forEach((v, t) => (t ? ctx.lineTo(X(t), Y(v)) : ctx.moveTo(X(t), Y(v))));
      ctx.stroke();
    }
    ctx.setLineDash([]);
    ctx.strokeStyle = "#111";
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(X(round), top);
    ctx.lineTo(X(round), height - bottom);
    ctx.stroke();
    ctx.font = "bold 12px sans-serif";
    ctx.fillStyle = BELIEVERS;
    ctx.fillText(`━ ${L().spread_believers}`, left + 6, top + 14);
    ctx.fillStyle = CORRECTORS;
    ctx.fillText(`┅ ${L().spread_correctors}`, left + 6, top + 30);
  }

  function draw(round) {
    shown = round;
    for (const p of model.get("panels")) {
      const panel = panels[p.key];
      if (!panel) continue;
      drawNetwork(panel, p.key, round);
      drawChart(panel, p, round);
      const believing = p.believers[round], correcting = p.correctors[round];
      panel.summary.textContent = round === p.believers.length - 1
        ? p.summary
        : (L().spread_now || "").replace("{believers}", believing).replace("{correctors}", correcting);
    }
    roundText.textContent = (L().spread_round || "").replace("{round}", round).replace("{last}", model.get("last_round"));
    root.dataset.round = String(round);
    root.dataset.version = String(model.get("version"));
  }

  function show(target) {
    if (animation) cancelAnimationFrame(animation);
    animation = null;
    if (!playing || target <= shown) {
      playing = false;
      if (target !== shown) draw(target);
      return;
    }
    playing = false;
    // Play the rounds the browser already has: about 8 a second, at most 3 seconds in all.
    const from = shown, per = Math.min(125, 3000 / Math.max(1, target - from));
    const start = performance.now();
    const tick = (now) => {
      const r = Math.min(target, from + Math.floor((now - start) / per) + 1);
      if (r !== shown) draw(r);
      animation = r < target ? requestAnimationFrame(tick) : null;
    };
    animation = requestAnimationFrame(tick);
  }

  function newRun() {
    states = { spread_with: bytes(model.get("states_with")), spread_without: bytes(model.get("states_without")) };
    bots = bytes(model.get("bots"));
    if (Object.keys(panels).length !== model.get("panels").length) buildPanels();
    playing = false;
    draw(model.get("round"));
  }

  buildPanels();
  draw(shown);
  requestAnimationFrame(() => { for (const p of Object.values(panels)) p.size = 0; draw(shown); }); // sized once attached

  model.on("change:version", newRun);
  model.on("change:round", () => { if (String(model.get("version")) === root.dataset.version) show(model.get("round")); });
  return () => { if (animation) cancelAnimationFrame(animation); };
}

export default { render };
