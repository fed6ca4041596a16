/* Samen stand mode: keep entries on the tablet and send each one exactly once.
   Every entry gets its own id here; the server stores an id once, so sending again is safe.
   An entry leaves the queue only when the server answered "stored" or "duplicate". */
(function () {
  "use strict";
  var form = document.getElementById("stand-form");
  if (!form || !window.fetch || !window.localStorage || !window.JSON) return;
  var me = document.currentScript;
  var d = form.dataset, f = form.elements;
  var T = JSON.parse(document.getElementById("stand-texts").textContent);
  var KEY = d.queueKey, CHANNEL = KEY + ":channel";
  var statusEl = document.getElementById("stand-status");
  var alertEl = document.getElementById("stand-alert");
  var listEl = document.getElementById("stand-queue");
  var todayEl = document.getElementById("stand-today");
  var syncing = false, editing = null;

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16)), h = "";
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    for (var i = 0; i < 16; i++) h += (b[i] + 256).toString(16).slice(1);
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function load() { try { return JSON.parse(localStorage.getItem(KEY)) || []; } catch (e) { return []; } }
  function save(q) { localStorage.setItem(KEY, JSON.stringify(q)); }
  function plural(forms, n) { return (n === 1 ? forms[0] : forms[1]).replace("%(count)s", n); }
  function csrf() {
    var m = document.cookie.match(new RegExp("(?:^|; )" + d.csrfCookie + "=([^;]+)"));
    return m ? decodeURIComponent(m[1]) : f.csrfmiddlewaretoken.value;
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function render(note) {
    var q = load(), bad = q.filter(function (e) { return e.errors; }).length, waiting = q.length - bad;
    var parts = waiting ? [plural(T.waiting, waiting)] : bad ? [] : [T.none];
    if (bad) parts.push(plural(T.invalid, bad));
    if (note) parts.push(note);
    statusEl.textContent = parts.join(" ");
    listEl.textContent = "";
    q.forEach(function (e) {
      var li = el("li"), p = el("p");
      p.appendChild(el("strong", (T.kinds[e.kind] || e.kind || "?") + ": "));
      p.appendChild(document.createTextNode(e.text.length > 80 ? e.text.slice(0, 80) + "…" : e.text));
      li.appendChild(p);
      if (e.errors) {
        Object.keys(e.errors).forEach(function (k) { li.appendChild(el("p", e.errors[k].join(" "), "field__error")); });
        var fix = el("button", T.fix, "button button--secondary"), drop = el("button", T.drop, "button button--secondary");
        fix.type = drop.type = "button";
        fix.onclick = function () { correct(e); };
        drop.onclick = function () { if (window.confirm(T.confirm_drop)) { remove(e.client_id); render(); } };
        li.appendChild(fix); li.appendChild(drop);
      }
      listEl.appendChild(li);
    });
  }
  function remove(id) { save(load().filter(function (e) { return e.client_id !== id; })); }
  function correct(e) {
    // The entry stays in the queue until the corrected version replaces it.
    editing = e.client_id;
    form.querySelectorAll("input[name=kind]").forEach(function (r) { r.checked = r.value === e.kind; });
    f.text.value = e.text; f.street.value = e.street || ""; f.household.value = e.household_id || "";
    f.consent_named.checked = !!e.consent_named;
    if (e.channel) f.channel.value = e.channel;
    render(); f.text.focus();
  }

  function sync() {
    var q = load().filter(function (e) { return !e.errors; });
    if (syncing || !q.length || navigator.onLine === false) { render(navigator.onLine === false && q.length ? T.offline : ""); return; }
    syncing = true;
    var note = "", more = q.length > 200;
    fetch(d.syncUrl, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrf() },
      body: JSON.stringify({ entries: q.slice(0, 200) })
    }).then(function (r) {
      if (!r.ok) { var err = new Error(r.status); err.status = r.status; throw err; }
      return r.json();
    }).then(function (data) {
      var answers = {}, stored = 0;
      data.results.forEach(function (r) { answers[r.client_id] = r; });
      // Read the queue again: entries taken while this request ran must stay.
      save(load().filter(function (e) {
        var r = answers[e.client_id];
        if (!r) return true;
        if (r.status === "invalid") { e.errors = r.errors; return true; }
        if (r.status === "stored") stored++;
        return false;
      }));
      if (todayEl) todayEl.textContent = (parseInt(todayEl.textContent, 10) || 0) + stored;
    }).catch(function (err) {
      note = err.status === 401 || err.status === 403 ? T.login : T.offline;
      more = false;
    }).then(function () {
      syncing = false;
      render(note);
      if (more) sync();
    });
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var kind = form.querySelector("input[name=kind]:checked");
    var text = f.text.value.trim();
    if (!kind || !text) {
      alertEl.textContent = T.missing;
      (kind ? f.text : form.querySelector("input[name=kind]")).focus();
      return;
    }
    alertEl.textContent = "";
    var id = editing || uuid();
    var q = load().filter(function (e) { return e.client_id !== id; });
    q.push({
      client_id: id, kind: kind.value, text: text, channel: f.channel.value,
      street: f.street.value, household_id: f.household.value ? parseInt(f.household.value, 10) : null,
      consent_named: f.consent_named.checked, entered_at: new Date().toISOString()
    });
    save(q);
    editing = null;
    var channel = f.channel.value;
    form.reset();
    f.channel.value = channel;
    form.querySelector("input[name=kind]").focus();
    render(T.kept);
    sync();
  });
  f.channel.addEventListener("change", function () {
    localStorage.setItem(CHANNEL, f.channel.value);
    var label = document.getElementById("stand-channel-label");
    if (label) label.textContent = f.channel.options[f.channel.selectedIndex].text;
  });

  if (localStorage.getItem(CHANNEL)) {
    f.channel.value = localStorage.getItem(CHANNEL);
    f.channel.dispatchEvent(new Event("change"));
  }
  if (navigator.onLine === false) {
    // A page from the offline cache: its "saved" message is old news.
    var old = document.querySelector(".messages");
    if (old) old.hidden = true;
  }
  document.getElementById("stand-queue-section").hidden = false;
  window.addEventListener("online", sync);
  window.addEventListener("offline", function () { render(T.offline); });
  document.addEventListener("visibilitychange", function () { if (!document.hidden) sync(); });
  setInterval(sync, 30000);
  sync();

  if ("serviceWorker" in navigator && d.sw) {
    // The worker caches this page plus these files, so a reload without network still works.
    var css = document.querySelector("link[rel=stylesheet]");
    var assets = [css && css.href, me && me.src].filter(Boolean).map(function (a) {
      return "asset=" + encodeURIComponent(a);
    });
    navigator.serviceWorker.register(d.sw + "?" + assets.join("&")).catch(function () {});
  }
})();
