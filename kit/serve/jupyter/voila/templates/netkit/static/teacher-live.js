// The teacher's live progress picture redraws itself: every few seconds (and when the tab is shown
// again) it asks the server for the picture of the same class and lesson and swaps it in, without
// reloading the page. The server draws and escapes it (kit/analysis/charts/progress_chart.py); a
// failed request, or a session that ended (the server redirects to the login page), keeps the last one.
(function () {
  "use strict";
  const box = document.querySelector("[data-nk-progress]");
  if (!box) return;
  const every = Math.max(2, Number(box.dataset.every) || 10) * 1000;
  let busy = false;
  async function refresh() {
    if (document.hidden || busy) return;
    busy = true;
    box.setAttribute("aria-busy", "true");
    try {
      const reply = await fetch(box.dataset.nkProgress, { credentials: "same-origin", cache: "no-store" });
      if (reply.ok && !reply.redirected) {
        const page = document.createElement("template");
        page.innerHTML = await reply.text();
        box.replaceChildren(page.content);
        box.dataset.refreshed = String((Number(box.dataset.refreshed) || 0) + 1);
      }
    } catch (error) {
      // the server is away for a moment: keep the last picture
    } finally {
      busy = false;
      box.removeAttribute("aria-busy");
    }
  }
  setInterval(refresh, every);
  document.addEventListener("visibilitychange", refresh);
})();
