// When the server goes away (the teacher's PC slept, the window was closed, the Wi-Fi dropped), the
// lesson page says so in a banner and dims the lesson, so no student keeps pressing dead buttons.
// If the kernel's connection comes back by itself, the banner goes and the lesson works again; if
// the server was restarted, the page checks every few seconds whether it answers and then offers a
// button that reloads the lesson, which resumes where the student was (answers are in the store).
// Behind JupyterHub with several instances (kit/serve/route.py) the page knows the router's path
// (data-resume-url): it checks the router instead, and the button opens the same lesson through it,
// on a live instance if this one died.
(function () {
  "use strict";
  var texts = JSON.parse(document.getElementById("nk-connection-texts").textContent);
  var lang = new URLSearchParams(window.location.search).get("lang") === "en" ? "en" : "ja";
  var leaving = false, lost = false, banner = null, timer = null;
  var router = document.getElementById("nk-connection-texts").getAttribute("data-resume-url") || "";
  function t(key) { return texts[key][lang]; }
  function baseUrl() {
    try { return JSON.parse(document.getElementById("jupyter-config-data").textContent).baseUrl || "/"; }
    catch (e) { return "/"; }
  }
  function resumeUrl() {  // this lesson through the router ("" on one machine)
    var base = baseUrl(), path = window.location.pathname;
    return router && path.indexOf(base) === 0 ? router + path.slice(base.length) + window.location.search : "";
  }
  window.addEventListener("pagehide", function () { leaving = true; });
  window.addEventListener("beforeunload", function () { leaving = true; });

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  function showLost() {
    if (lost || leaving) return;
    lost = true;
    document.body.classList.add("nk-offline");
    banner = el("div", { "class": "nk-connection", role: "alert", "aria-live": "assertive" });
    banner.append(el("p", { "class": "nk-connection-title" }, t("lost_title")),
                  el("p", { "class": "nk-connection-body" }, t("lost_body")),
                  el("p", { "class": "nk-connection-status" }, t("lost_waiting")));
    document.body.prepend(banner);
    timer = window.setInterval(probe, 3000);
  }

  function probe() {
    var answering = resumeUrl() ? router + "voila/templates/netkit/static/netkit-base.css" : baseUrl() + "voila/templates/netkit/static/netkit.css";
    fetch(answering + "?alive=" + Date.now(), { cache: "no-store" })
      .then(function (r) { if (r.ok) showBack(); })
      .catch(function () { /* still away */ });
  }

  function showBack() {
    if (!banner || banner.querySelector("button")) return;
    window.clearInterval(timer);
    banner.classList.add("nk-connection-back");
    banner.querySelector(".nk-connection-status").textContent = t("back_body");
    var button = el("button", { type: "button", "class": "nk-connection-button" }, t("back_button"));
    button.addEventListener("click", function () {
      if (resumeUrl()) window.location.assign(resumeUrl());
      else window.location.reload();
    });
    banner.append(button);
    button.focus();
  }

  function recovered() {
    if (!lost) return;
    lost = false;
    window.clearInterval(timer);
    document.body.classList.remove("nk-offline");
    if (banner) banner.remove();
    banner = null;
  }

  // Watch the kernel's websocket (the one connection that carries every answer).
  var Native = window.WebSocket;
  function Watched(url, protocols) {
    var ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
    if (/\/api\/kernels\//.test(String(url))) {
      ws.addEventListener("open", recovered);
      ws.addEventListener("close", function () { window.setTimeout(showLost, 0); });
    }
    return ws;
  }
  Watched.prototype = Native.prototype;
  ["CONNECTING", "OPEN", "CLOSING", "CLOSED"].forEach(function (k) { Watched[k] = Native[k]; });
  window.WebSocket = Watched;
})();
