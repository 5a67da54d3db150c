// /check: the checks a teacher runs on a student's device (kit/serve/check.py). No inline script: the page's policy forbids it.
(function () {
  "use strict";
  const main = document.querySelector(".nk-check");
  const M = JSON.parse(main.dataset.messages);
  const base = main.dataset.baseUrl || "/";
  const where = location.host;
  const failed = [];

  function fill(text) {
    const port = location.port || (location.protocol === "https:" ? "443" : "80");
    return text.split("{host}").join(location.hostname).split("{port}").join(port)
      .split("{address}").join(location.protocol + "//" + where + "/");
  }
  function show(id, state, text) {
    const li = document.getElementById(id);
    li.dataset.state = state;
    li.querySelector(".nk-mark").textContent = state === "ok" ? "✓" : state === "fail" ? "✗" : "ℹ";
    li.lastChild.textContent = " " + fill(text);
    if (state === "fail") failed.push(id);
  }
  function finish() {
    if (failed.length) {
      const advice = [];
      if (failed.includes("nk-check-socket")) advice.push(M.check_advice_socket);
      if (failed.includes("nk-check-font")) advice.push(M.check_advice_font);
      document.getElementById("nk-check-advice-text").textContent = fill(advice.join(" "));
      document.getElementById("nk-check-advice").hidden = false;
      document.getElementById("nk-check-summary").textContent = M.check_summary_fail;
    } else {
      document.getElementById("nk-check-summary").textContent = M.check_summary_ok;
    }
    main.dataset.done = failed.length ? "fail" : "ok";
  }

  function checkSocket() {
    return new Promise((resolve) => {
      let settled = false;
      const done = (ok) => { if (!settled) { settled = true; show("nk-check-socket", ok ? "ok" : "fail", ok ? M.check_socket_ok : M.check_socket_fail); resolve(); } };
      let ws;
      try {
        ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + where + base + "check/ws");
      } catch (e) { done(false); return; }
      const nonce = String(Math.random()).slice(2, 10);
      ws.onopen = () => ws.send(nonce);
      ws.onmessage = (event) => { try { done(JSON.parse(event.data).echo === nonce); } catch (e) { done(false); } ws.close(); };
      ws.onerror = () => done(false);
      ws.onclose = () => done(false);
      setTimeout(() => { done(false); try { ws.close(); } catch (e) { /* already closed */ } }, 10000);
    });
  }

  function checkFont() {
    // A Japanese font draws kana and kanji full width: four characters about four times the font size.
    const sample = document.getElementById("nk-check-sample");
    const probe = document.createElement("span");
    probe.textContent = "漢字かな";
    probe.style.cssText = "font-size:40px;white-space:nowrap;position:absolute;visibility:hidden";
    sample.appendChild(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    const family = getComputedStyle(sample).fontFamily;
    const named = family.split(",").map((f) => f.trim().replace(/^["']|["']$/g, "")).filter((f) => !/^(system-ui|sans-serif|serif)$/.test(f));
    const installed = named.some((f) => document.fonts.check("16px \"" + f + "\"", "漢字"));
    const ok = width > 40 * 4 * 0.85 && width < 40 * 4 * 1.15;
    show("nk-check-font", ok ? "ok" : "fail", (ok ? M.check_font_ok : M.check_font_fail) + (installed ? "" : " " + M.check_font_fallback));
  }

  function device() {
    const ua = navigator.userAgent;
    const browser = (ua.match(/(Edg|CriOS|Chrome|Firefox|Version)\/[\d.]+/) || [ua.slice(0, 60)])[0].replace("Version", "Safari");
    const os = /iPad|iPhone/.test(ua) || (navigator.platform === "MacIntel" && navigator.maxTouchPoints > 1) ? "iPadOS"
      : /CrOS/.test(ua) ? "ChromeOS" : /Windows/.test(ua) ? "Windows" : /Android/.test(ua) ? "Android" : /Mac/.test(ua) ? "macOS" : "Linux";
    show("nk-check-device", "info", M.check_device.replace("{browser}", browser).replace("{os}", os)
      .replace("{screen}", screen.width + "×" + screen.height).replace("{window}", innerWidth + "×" + innerHeight)
      .replace("{ratio}", String(Math.round(devicePixelRatio * 100) / 100)));
  }

  device();
  document.fonts.ready.then(checkFont).then(checkSocket).then(finish);
})();
