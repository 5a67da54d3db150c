// The lesson page's notice for a stopped kernel. A kernel that reached its memory or CPU cap
// (kit/kernel.py), or crashed, cannot bring the lesson back by itself: the server starts an empty
// one and tells the page "restarting" (or "dead"). The student is told, kindly and in the page's
// language, that reloading goes on where they were: answers are in the results store, and the
// lesson resumes from them. The words come from kit/text/ui.yaml through the page's
// #nk-stopped-text element (a file, not an inline script: the page's Content-Security-Policy).
(function () {
  var STOPPED = /"execution_state":\s*"(restarting|dead)"/;

  function words(kind) {
    var el = document.getElementById("nk-stopped-text");
    var lang = document.documentElement.lang === "en" ? "en" : "ja";
    return el ? el.getAttribute("data-" + kind + "-" + lang) || "" : "";
  }

  function showStopped() {
    if (document.querySelector(".nk-stopped")) return;
    var box = document.createElement("div");
    box.className = "nk-stopped";
    box.setAttribute("role", "alert");
    var text = document.createElement("p");
    text.textContent = words("text");
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = words("reload");
    button.addEventListener("click", function () { window.location.reload(); });
    box.append(text, button);
    document.body.prepend(box);
  }

  function watch(event) {
    var data = event.data;
    if (typeof data !== "string") {
      if (!(data instanceof ArrayBuffer) || data.byteLength > 4096) return; // status messages are small
      data = new TextDecoder().decode(data);
    }
    if (data.indexOf("execution_state") >= 0 && STOPPED.test(data)) showStopped();
  }

  // Voilà's scripts open the kernel's websocket after this file runs; watch the kernel channels.
  var NativeSocket = window.WebSocket;
  function WatchedSocket(url, protocols) {
    var socket = protocols === undefined ? new NativeSocket(url) : new NativeSocket(url, protocols);
    if (String(url).indexOf("/channels") >= 0) socket.addEventListener("message", watch);
    return socket;
  }
  WatchedSocket.prototype = NativeSocket.prototype;
  ["CONNECTING", "OPEN", "CLOSING", "CLOSED"].forEach(function (k) { WatchedSocket[k] = NativeSocket[k]; });
  window.WebSocket = WatchedSocket;
  window.netkitShowStopped = showStopped; // for a test that cannot stop a kernel
})();
