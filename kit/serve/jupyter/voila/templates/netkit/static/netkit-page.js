// The lesson page's own script (a file, not inline: pages allow only the server's own scripts, so
// a script written into a page by a link or an output cannot run). Voilà's helper functions, the
// Japanese loading text, progress from the cells as they arrive, and freeing the kernel on pagehide.
(function () {
  // The light page (kit/serve/light.py) has no JupyterLab theme to wait for: its styles are linked in the head.
  if (document.body && document.body.classList.contains("nk-light")) window.themeLoaded = true;
  window.voila_heartbeat = function () {};
  window.update_loading_text = function (cellIndex, cellCount, text) {
    var spinner = document.getElementById("loading");
    if (spinner && spinner.style.display === "none") spinner.style.display = "flex";
    var el = document.getElementById("loading_text");
    if (el) el.textContent = text || ("授業を準備しています… Getting the lesson ready… (" + cellIndex + " / " + cellCount + ")");
  };
  window.display_cells = function () {
    if (!window.themeLoaded) { window.cellLoaded = true; return; }
    var el = document.getElementById("loading");
    if (el) el.parentNode.removeChild(el);
    el = document.getElementById("rendered_cells");
    if (el) el.style.display = "";
  };
  window.voila_process = window.update_loading_text;
  // Voilà's page ran an inline voila_process(i, n) before each cell; the cells say it instead.
  var progress = new MutationObserver(function (records) {
    records.forEach(function (record) {
      record.addedNodes.forEach(function (node) {
        if (node.nodeType === 1 && node.hasAttribute("cell-index")) {
          window.voila_process(Number(node.getAttribute("cell-index")), Number(node.getAttribute("data-cell-count")));
        }
      });
    });
  });
  progress.observe(document.documentElement, {childList: true, subtree: true});
  window.voila_finish = function () {
    progress.disconnect();
    window.display_cells();
  };
  var lang = new URLSearchParams(window.location.search).get("lang");
  document.documentElement.lang = lang === "en" ? "en" : "ja";
  var title = document.getElementById("nk-lesson-title"); // the lesson's title for the tab, not its file name
  if (title) document.title = title.getAttribute("data-title-" + document.documentElement.lang) || document.title;
  // iPad Safari does not fire beforeunload: free the kernel on pagehide as well.
  window.addEventListener("pagehide", function () {
    try {
      var config = JSON.parse(document.getElementById("jupyter-config-data").textContent);
      var m = document.cookie.match("\\b_xsrf=([^;]*)\\b");
      var body = new FormData();
      body.append("_xsrf", m ? m[1] : "");
      navigator.sendBeacon(config.baseUrl + "voila/api/shutdown/" + config.kernelId, body);
    } catch (e) { /* the page never got a kernel */ }
  });
})();
