// The light page's widget manager (kit/serve/light.py): draws the kit's own components without
// JupyterLab. Voilà has run the lesson's cells in the kernel and sent the page with each widget as a
// placeholder (<script type="application/vnd.jupyter.widget-view+json">{"model_id": …}</script>);
// this module connects to the same kernel websocket (/api/kernels/<id>/channels), asks the kernel
// for every widget's state through the widget control comm (the one comm kit/kernel.py lets a page
// open), and draws:
//
// - anywidget models: the component's ES module (sent by the kernel as text) imported from a blob:
//   URL, its CSS in a <style>, and render({model, el}) with anywidget's model API (get, set,
//   save_changes, on, off, send, "msg:custom" with buffers);
// - the three ipywidgets models the kit puts components together with: VBox (a column of
//   children), HTML (a title) and Output (a section's Markdown, drawn by marked, loaded when needed).
//
// Messages follow the Jupyter protocol over Jupyter Server's websocket: JSON text frames, and binary
// frames (offsets, JSON, buffers) for messages that carry buffers.
(function () {
  "use strict";

  const WIDGET_VIEW = "application/vnd.jupyter.widget-view+json";
  const PROTOCOL = "2.1.0"; // ipywidgets' widget protocol
  const CONTROL = "1.0.0"; // its control protocol
  const configElement = document.getElementById("jupyter-config-data");
  if (!configElement) return; // the page never got a kernel (an error page)
  const config = JSON.parse(configElement.textContent);
  const base = config.baseUrl || "/";
  const session = randomId();

  function randomId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes); // randomUUID needs https; a classroom server is plain http
    return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  }

  // --- the kernel's websocket -----------------------------------------------------------------

  const pending = [];
  const scheme = location.protocol === "https:" ? "wss://" : "ws://";
  let socket = null;
  let leaving = false;
  let retry = 1000;
  window.addEventListener("pagehide", () => { leaving = true; });

  // The connection comes back by itself after a short break (Wi-Fi, a sleeping tablet), as
  // JupyterLab's does: the kernel and its widgets are still there. static/connection.js shows the
  // banner meanwhile, and offers a reload if the server itself was restarted.
  function connect() {
    socket = new WebSocket(`${scheme}${location.host}${base}api/kernels/${config.kernelId}/channels?session_id=${session}`);
    socket.binaryType = "arraybuffer";
    socket.addEventListener("open", () => { retry = 1000; while (pending.length) socket.send(pending.shift()); });
    socket.addEventListener("message", (event) => receive(decode(event.data)));
    socket.addEventListener("close", () => {
      if (leaving) return;
      window.setTimeout(connect, retry);
      retry = Math.min(retry * 2, 8000);
    });
  }
  connect();

  function message(msgType, content, metadata = {}, buffers = []) {
    return {
      header: { msg_id: randomId(), username: "", session, msg_type: msgType, version: "5.3", date: new Date().toISOString() },
      parent_header: {}, metadata, content, channel: "shell", buffers,
    };
  }

  function send(msg) {
    const data = encode(msg);
    if (socket.readyState === WebSocket.OPEN) socket.send(data);
    else pending.push(data);
  }

  // Jupyter Server's binary frame: [n][offset of each of n parts] then the JSON message and the buffers.
  function encode(msg) {
    const buffers = msg.buffers || [];
    if (!buffers.length) return JSON.stringify(msg);
    const json = new TextEncoder().encode(JSON.stringify({ ...msg, buffers: [] }));
    const parts = [json, ...buffers.map((b) => new Uint8Array(b.buffer ? b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) : b))];
    const head = 4 * (parts.length + 1);
    const total = head + parts.reduce((n, p) => n + p.byteLength, 0);
    const out = new Uint8Array(total);
    const view = new DataView(out.buffer);
    view.setUint32(0, parts.length);
    let offset = head;
    parts.forEach((p, i) => { view.setUint32(4 * (i + 1), offset); out.set(p, offset); offset += p.byteLength; });
    return out.buffer;
  }

  function decode(data) {
    if (typeof data === "string") return JSON.parse(data);
    const view = new DataView(data);
    const n = view.getUint32(0);
    const offsets = [];
    for (let i = 0; i < n; i++) offsets.push(view.getUint32(4 * (i + 1)));
    offsets.push(data.byteLength);
    const msg = JSON.parse(new TextDecoder().decode(new Uint8Array(data, offsets[0], offsets[1] - offsets[0])));
    msg.buffers = offsets.slice(1, -1).map((start, i) => new DataView(data, start, offsets[i + 2] - start));
    return msg;
  }

  // Put each buffer at its place in ``state`` (ipywidgets' _put_buffers).
  function putBuffers(state, paths, buffers) {
    (paths || []).forEach((path, i) => {
      let obj = state;
      for (const key of path.slice(0, -1)) obj = obj[key];
      obj[path[path.length - 1]] = buffers[i];
    });
  }

  // --- models -----------------------------------------------------------------------------------

  const models = new Map(); // model id -> Model
  const waiting = new Map(); // model id -> [resolve] for views asked before their model arrived

  class Model {
    constructor(id, module, name, state) {
      this.model_id = id;
      this.module = module;
      this.name = name;
      this.state = state;
      this.changed = {};
      this.listeners = new Map();
      this.widget_manager = manager;
    }
    get(key) { return this.state[key]; }
    set(key, value) {
      const values = typeof key === "object" ? key : { [key]: value };
      for (const [k, v] of Object.entries(values)) {
        this.state[k] = v;
        this.changed[k] = v;
      }
      for (const k of Object.keys(values)) this.trigger(`change:${k}`, this, values[k]);
      this.trigger("change", this);
    }
    save_changes() {
      const state = this.changed;
      this.changed = {};
      if (Object.keys(state).length) this.comm({ method: "update", state, buffer_paths: [] });
    }
    send(content, callbacks, buffers) { this.comm({ method: "custom", content }, buffers || []); }
    on(event, callback) {
      for (const name of String(event).split(/\s+/)) {
        if (!this.listeners.has(name)) this.listeners.set(name, new Set());
        this.listeners.get(name).add(callback);
      }
    }
    off(event, callback) {
      const names = event ? String(event).split(/\s+/) : [...this.listeners.keys()];
      for (const name of names) {
        if (callback) this.listeners.get(name)?.delete(callback);
        else this.listeners.delete(name);
      }
    }
    trigger(event, ...args) {
      for (const callback of [...(this.listeners.get(event) || [])]) {
        try { callback(...args); } catch (error) { console.error(error); }
      }
    }
    comm(data, buffers = []) {
      send(message("comm_msg", { comm_id: this.model_id, data }, {}, buffers));
    }
    fromKernel(state) {
      Object.assign(this.state, state);
      for (const [k, v] of Object.entries(state)) this.trigger(`change:${k}`, this, v);
      this.trigger("change", this);
    }
    closed() {
      this.trigger("destroy", this);
      this.listeners.clear();
      models.delete(this.model_id);
    }
  }

  const manager = {
    get_model(id) {
      if (models.has(id)) return Promise.resolve(models.get(id));
      return new Promise((resolve) => { waiting.set(id, [...(waiting.get(id) || []), resolve]); });
    },
  };

  function addModel(id, module, name, state) {
    const model = new Model(id, module, name, state);
    models.set(id, model);
    for (const resolve of waiting.get(id) || []) resolve(model);
    waiting.delete(id);
    if (module === "anywidget") model.ready = initialize(model); // before any view renders, as anywidget does
    return model;
  }

  // --- messages from the kernel ----------------------------------------------------------------

  const control = randomId();

  function receive(msg) {
    const type = msg.header && msg.header.msg_type;
    const content = msg.content || {};
    if (type === "comm_open" && content.target_name === "jupyter.widget") {
      const data = content.data || {};
      putBuffers(data.state, data.buffer_paths, msg.buffers);
      const state = data.state || {};
      addModel(content.comm_id, state._model_module, state._model_name, state);
    } else if (type === "comm_msg" && content.comm_id === control) {
      const data = content.data || {};
      if (data.method !== "update_states") return;
      putBuffers(data.states, data.buffer_paths, msg.buffers);
      for (const [id, entry] of Object.entries(data.states || {})) {
        if (!models.has(id)) addModel(id, entry.model_module, entry.model_name, entry.state || {});
      }
      drawPlaceholders();
    } else if (type === "comm_msg") {
      const model = models.get(content.comm_id);
      const data = content.data || {};
      if (!model) return;
      if (data.method === "update") {
        putBuffers(data.state, data.buffer_paths, msg.buffers);
        model.fromKernel(data.state || {});
      } else if (data.method === "custom") {
        model.trigger("msg:custom", data.content, msg.buffers || []);
      } // "echo_update" repeats this page's own change: already applied
    } else if (type === "comm_close") {
      models.get(content.comm_id)?.closed();
    }
  }

  // --- views --------------------------------------------------------------------------------------

  const modules = new Map(); // ES module text -> Promise of its widget ({initialize, render})
  const styles = new Set();

  function widgetOf(model) {
    const esm = model.get("_esm") || "";
    if (!modules.has(esm)) {
      const url = URL.createObjectURL(new Blob([esm], { type: "text/javascript" }));
      modules.set(esm, import(url).then((mod) => {
        URL.revokeObjectURL(url);
        const widget = mod.default;
        return typeof widget === "function" ? widget() : widget;
      }));
    }
    return modules.get(esm);
  }

  function addStyle(css) {
    if (!css || styles.has(css)) return;
    styles.add(css);
    const style = document.createElement("style");
    style.textContent = css;
    document.head.append(style);
  }

  async function initialize(model) {
    addStyle(model.get("_css"));
    const widget = await widgetOf(model);
    if (widget && typeof widget.initialize === "function") await widget.initialize({ model, experimental: {} });
  }

  function withClasses(el, model, classes) {
    const draw = () => { el.className = [...classes, ...(model.get("_dom_classes") || [])].join(" "); };
    model.on("change:_dom_classes", draw); // add_class / remove_class in the kernel
    draw();
    return el;
  }

  const VIEWS = {
    async AnyModel(model) {
      const el = withClasses(document.createElement("div"), model, ["nk-anywidget"]);
      await model.ready;
      const widget = await widgetOf(model);
      const cleanup = await widget.render({ model, el, experimental: {} });
      if (typeof cleanup === "function") model.on("destroy", cleanup);
      return el;
    },
    async VBoxModel(model) { return box(model, ["widget-container", "widget-box", "widget-vbox"]); },
    async BoxModel(model) { return box(model, ["widget-container", "widget-box"]); },
    async HBoxModel(model) { return box(model, ["widget-container", "widget-box", "widget-hbox"]); },
    async HTMLModel(model) {
      const el = withClasses(document.createElement("div"), model, ["widget-html"]);
      const content = document.createElement("div");
      content.className = "widget-html-content";
      const draw = () => { setCleanHTML(content, model.get("value") || ""); };
      model.on("change:value", draw);
      draw();
      el.append(content);
      return el;
    },
    async OutputModel(model) {
      const el = withClasses(document.createElement("div"), model, ["widget-output"]);
      const area = document.createElement("div");
      area.className = "jp-OutputArea";
      el.append(area);
      const draw = async () => {
        const drawn = await Promise.all((model.get("outputs") || []).map(outputElement));
        area.replaceChildren(...drawn);
      };
      model.on("change:outputs", draw);
      await draw();
      return el;
    },
  };

  async function box(model, classes) {
    const el = withClasses(document.createElement("div"), model, classes);
    const draw = async () => {
      const children = await Promise.all((model.get("children") || []).map((ref) => view(String(ref).replace(/^IPY_MODEL_/, ""))));
      el.replaceChildren(...children.filter(Boolean));
    };
    model.on("change:children", draw);
    await draw();
    return el;
  }

  const drawnViews = new Map(); // model id -> element drawn for a box (kept when the box redraws)

  async function view(id) {
    if (drawnViews.has(id)) return drawnViews.get(id);
    const model = await manager.get_model(id);
    const draw = VIEWS[model.name];
    if (!draw) {
      console.error(`netkit light page: no view for ${model.module}:${model.name}`);
      voilasPage();
      return null;
    }
    const el = await draw(model);
    drawnViews.set(id, el);
    model.on("destroy", () => { drawnViews.delete(id); el.remove(); });
    return el;
  }

  // A widget this page cannot draw (kit/serve/light.py should have sent Voilà's page): the same lesson
  // again on Voilà's page, which draws every widget (?page=voila, kit/serve/handlers.py), once.
  function voilasPage() {
    const url = new URL(location.href);
    if (url.searchParams.get("page") === "voila") return;
    url.searchParams.set("page", "voila");
    location.replace(url.href);
  }

  // --- HTML from the kernel, cleaned before it is inserted ---------------------------------------
  //
  // An HTML widget's value and an output's HTML or Markdown come from lesson content (a teacher's YAML,
  // a published lesson) through the kernel. The Content-Security-Policy stops their scripts, but not a
  // <meta http-equiv="refresh"> that takes the student's tab away, a <base> or <form> that sends a click
  // elsewhere, or frames and embedded objects: those elements, every on… attribute and script: or data:
  // links are dropped. Parsing with DOMParser is inert (nothing loads or runs while it is cleaned).
  const DROPPED = new Set(["SCRIPT", "META", "BASE", "LINK", "STYLE", "IFRAME", "FRAME", "FRAMESET", "OBJECT",
    "EMBED", "APPLET", "FORM", "TEMPLATE", "NOSCRIPT"]);
  const URL_ATTRIBUTES = new Set(["href", "src", "xlink:href", "action", "formaction", "srcset", "poster", "background"]);
  function cleanFragment(html) {
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
    for (const el of [...doc.body.querySelectorAll("*")]) {
      if (DROPPED.has(el.tagName.toUpperCase())) { el.remove(); continue; }
      for (const attr of [...el.attributes]) {
        const name = attr.name.toLowerCase();
        const value = attr.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
        if (name.startsWith("on") || name === "http-equiv" || name === "formaction"
            || (URL_ATTRIBUTES.has(name) && /^(javascript|vbscript|data):/.test(value)
                && !(name === "src" && el.tagName === "IMG" && value.startsWith("data:image/") && !value.startsWith("data:image/svg")))) {
          el.removeAttribute(attr.name);
        }
      }
    }
    const fragment = document.createDocumentFragment();
    fragment.append(...doc.body.childNodes);
    return fragment;
  }
  function setCleanHTML(el, html) {
    el.replaceChildren(cleanFragment(html));
  }

  // --- outputs inside an Output widget (a section's Markdown) -----------------------------------

  let marked = null;
  function markdown(text) {
    if (!marked) {
      marked = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = `${base}voila/templates/netkit/static/vendor/marked.min.js`;
        script.onload = () => resolve(window.marked);
        script.onerror = reject;
        document.head.append(script);
      });
    }
    return marked.then((m) => m.parse(text));
  }

  async function outputElement(output) {
    const child = document.createElement("div");
    child.className = "jp-OutputArea-child";
    const el = document.createElement("div");
    const data = output.data || {};
    if (output.output_type === "stream") {
      el.className = "jp-RenderedText jp-OutputArea-output";
      const pre = document.createElement("pre");
      pre.textContent = output.text || "";
      el.append(pre);
    } else if (data["text/html"] !== undefined) {
      el.className = "jp-RenderedHTMLCommon jp-RenderedHTML jp-OutputArea-output";
      setCleanHTML(el, [].concat(data["text/html"]).join(""));
    } else if (data["text/markdown"] !== undefined) {
      el.className = "jp-RenderedHTMLCommon jp-RenderedMarkdown jp-OutputArea-output";
      setCleanHTML(el, await markdown([].concat(data["text/markdown"]).join("")));
    } else if (data[WIDGET_VIEW]) {
      el.className = "jupyter-widgets jp-OutputArea-output";
      const drawn = await view(data[WIDGET_VIEW].model_id);
      if (drawn) el.append(drawn);
    } else {
      el.className = "jp-RenderedText jp-OutputArea-output";
      const pre = document.createElement("pre");
      pre.textContent = [].concat(data["text/plain"] || "").join("");
      el.append(pre);
    }
    child.append(el);
    return child;
  }

  // --- the page's placeholders -------------------------------------------------------------------

  async function drawPlaceholders() {
    const placeholders = [...document.querySelectorAll(`script[type="${WIDGET_VIEW}"]`)];
    await Promise.all(placeholders.map(async (script) => {
      let id = "";
      try { id = JSON.parse(script.textContent).model_id; } catch (error) { return; }
      const el = await view(id).catch((error) => { console.error(error); return null; });
      if (el) script.replaceWith(el);
    }));
    document.body.classList.add("nk-light-ready");
  }

  send(message("comm_open", { comm_id: control, target_name: "jupyter.widget.control", data: {} }, { version: CONTROL }));
  send(message("comm_msg", { comm_id: control, data: { method: "request_states" } }, { version: CONTROL }));
  window.netkitLight = { models, protocol: PROTOCOL, cleanFragment };
})();
