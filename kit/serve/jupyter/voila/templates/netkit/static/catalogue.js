// The catalogue's join form (a file, not an inline script: pages allow only the server's own scripts).
(function () {
  // The class and nickname stay in this browser (localStorage) and go with every lesson link,
  // so the lesson's kernel can store answers under them. A new identity starts a new sitting.
  var form = document.getElementById("nk-join"), klass = document.getElementById("nk-class"),
      name = document.getElementById("nk-name"), status = document.getElementById("nk-join-status");
  var saved = form.getAttribute("data-saved");
  var query = new URLSearchParams(location.search);
  function get(k) { try { return localStorage.getItem(k) || ""; } catch (e) { return ""; } }
  function set(k, v) { try { localStorage.setItem(k, v); } catch (e) {} }
  klass.value = query.get("class") || get("netkit.class");
  name.value = query.get("name") || get("netkit.name");
  function apply() {
    var c = klass.value.trim(), n = name.value.trim();
    if (c !== get("netkit.class") || n !== get("netkit.name")) {
      try { localStorage.removeItem("netkit.session"); } catch (e) {}
    }
    set("netkit.class", c); set("netkit.name", n);
    document.querySelectorAll("a.nk-lesson").forEach(function (a) {
      var url = new URL(a.getAttribute("href"), location.href);
      if (c) url.searchParams.set("class", c); else url.searchParams.delete("class");
      if (n) url.searchParams.set("name", n); else url.searchParams.delete("name");
      a.setAttribute("href", url.pathname + url.search);
    });
    if (c || n) status.textContent = saved.replace("{class}", c || "-").replace("{name}", n || "-");
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  apply();
})();
