/* Overstapcoach chat widget: plain JavaScript, no framework, no CDN.
 *
 * Embed: <script src="https://HOST/widget.js" async></script>
 * Recruiter embed adds page context:
 *   data-vacature-id, data-titel, data-beroep, data-regio, data-werkgever, data-contact
 * It talks to HOST/api/chat (the web app forwards to Rasa's REST channel) and keeps
 * the conversation in sessionStorage, so it survives a reload within the tab.
 * Every message has an id: a retry after an error sends the same id, and the server
 * answers it once. Bot text is always inserted as text, never as HTML.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || window.__overstapcoach) { return; }
  window.__overstapcoach = true;

  var BASE = new URL(script.src, window.location.href).origin;
  var TIMEOUT_MS = 25000;
  var CONTEXT_KEYS = ["vacatureId", "titel", "beroep", "regio", "werkgever", "contact"];
  var context = {};
  CONTEXT_KEYS.forEach(function (key) {
    var value = script.dataset[key];
    if (value) { context[key === "vacatureId" ? "vacature_id" : key] = String(value).slice(0, 200); }
  });
  context.pagina = context.vacature_id ? "vacature" : "site";

  var STORE = "overstapcoach:" + (context.vacature_id || "site");
  var TEXT = {
    launcher: "Vraag het de Overstapcoach",
    title: "Overstapcoach",
    notice: "Je praat met een digitale coach, geen mens. Typ geen naam, adres of telefoonnummer.",
    label: "Je bericht",
    placeholder: "Typ je vraag…",
    send: "Verstuur",
    close: "Chat sluiten",
    clear: "Wis gesprek",
    clearAsk: "Wil je dit gesprek wissen? Het wordt ook bij ons verwijderd.",
    clearYes: "Ja, wis het gesprek",
    clearNo: "Nee, ga terug",
    cleared: "Je gesprek is gewist.",
    clearFailed: "Wissen lukte nu niet. Probeer het zo opnieuw.",
    typing: "De coach typt…",
    retry: "Opnieuw proberen",
    offline: "De coach is nu niet bereikbaar. Controleer je internet en probeer het opnieuw.",
    pending: "Je laatste bericht is nog niet beantwoord.",
    you: "Jij",
    bot: "Coach"
  };

  // --- state ------------------------------------------------------------------------
  function newId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function load() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(STORE));
      if (saved && saved.sender && Array.isArray(saved.log)) { return saved; }
    } catch (e) { /* a broken store starts a new conversation */ }
    return { sender: newId(), log: [], pending: null, open: false, started: false };
  }
  var state = load();
  function save() {
    try { window.sessionStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }

  // --- DOM helpers ------------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") { node.textContent = attrs[name]; }
      else if (name === "hidden") { node.hidden = !!attrs[name]; }
      else { node.setAttribute(name, attrs[name]); }
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  var URL_PATTERN = /\bhttps:\/\/[^\s<>"')]+[^\s<>"').,;:!?]/g;
  function textWithLinks(text) {
    var fragment = document.createDocumentFragment();
    String(text).split("\n").forEach(function (line, index) {
      if (index > 0) { fragment.appendChild(document.createElement("br")); }
      var last = 0;
      line.replace(URL_PATTERN, function (url, offset) {
        fragment.appendChild(document.createTextNode(line.slice(last, offset)));
        fragment.appendChild(el("a", { href: url, target: "_blank", rel: "noopener noreferrer", text: url }));
        last = offset + url.length;
        return url;
      });
      fragment.appendChild(document.createTextNode(line.slice(last)));
    });
    return fragment;
  }

  // --- build --------------------------------------------------------------------------
  var stylesheet = el("link", { rel: "stylesheet", href: BASE + "/widget.css" });
  document.head.appendChild(stylesheet);

  var launcher = el("button", {
    type: "button", "class": "oc-launcher", "aria-expanded": "false", "aria-controls": "oc-panel",
    text: TEXT.launcher
  });
  var log = el("div", {
    "class": "oc-log", role: "log", "aria-live": "polite", "aria-label": "Gesprek", tabindex: "0"
  });
  var typing = el("p", { "class": "oc-typing", hidden: true, text: TEXT.typing });
  var status = el("div", { "class": "oc-status", role: "status" });
  var input = el("textarea", {
    id: "oc-input", rows: "2", maxlength: "1000", placeholder: TEXT.placeholder, autocomplete: "off"
  });
  var sendButton = el("button", { type: "submit", "class": "oc-send", text: TEXT.send });
  var form = el("form", { "class": "oc-form" }, [
    el("label", { "for": "oc-input", "class": "oc-sr", text: TEXT.label }), input, sendButton
  ]);
  var closeButton = el("button", { type: "button", "class": "oc-close", "aria-label": TEXT.close, text: "×" });
  var clearButton = el("button", { type: "button", "class": "oc-clear", text: TEXT.clear });
  var panel = el("section", {
    id: "oc-panel", "class": "oc-panel", role: "dialog", "aria-labelledby": "oc-title", hidden: true
  }, [
    el("header", { "class": "oc-header" }, [
      el("h2", { id: "oc-title", text: TEXT.title }), clearButton, closeButton
    ]),
    el("p", { "class": "oc-notice", text: TEXT.notice }),
    log, typing, status, form
  ]);
  var root = el("div", { "class": "oc-root", lang: "nl" }, [panel, launcher]);
  document.body.appendChild(root);

  // --- rendering ----------------------------------------------------------------------
  function renderEntry(entry, index) {
    var bubble = el("div", { "class": "oc-msg oc-" + entry.from });
    bubble.appendChild(el("span", { "class": "oc-sr", text: (entry.from === "user" ? TEXT.you : TEXT.bot) + ": " }));
    bubble.appendChild(textWithLinks(entry.text));
    if (entry.buttons && entry.buttons.length) {
      var group = el("div", { "class": "oc-buttons", role: "group", "aria-label": "Kies een antwoord" });
      entry.buttons.forEach(function (button) {
        var node = el("button", { type: "button", "class": "oc-choice", text: button.title });
        node.disabled = !!entry.used;
        node.addEventListener("click", function () {
          if (state.pending) { return; }
          state.log[index].used = true;
          Array.prototype.forEach.call(group.querySelectorAll("button"), function (b) { b.disabled = true; });
          send(button.payload, button.title);
        });
        group.appendChild(node);
      });
      bubble.appendChild(group);
    }
    return bubble;
  }
  function renderLog() {
    log.textContent = "";
    state.log.forEach(function (entry, index) { log.appendChild(renderEntry(entry, index)); });
    log.scrollTop = log.scrollHeight;
  }
  function addEntry(entry) {
    state.log.push(entry);
    log.appendChild(renderEntry(entry, state.log.length - 1));
    log.scrollTop = log.scrollHeight;
    save();
  }
  function showStatus(message, actions) {
    status.textContent = "";
    if (!message) { return; }
    status.appendChild(el("p", { text: message }));
    (actions || []).forEach(function (action) {
      var node = el("button", { type: "button", "class": "oc-action", text: action.label });
      node.addEventListener("click", action.run);
      status.appendChild(node);
    });
  }
  function setBusy(busy) {
    typing.hidden = !busy;
    sendButton.disabled = busy;
  }

  // --- talking to the coach -----------------------------------------------------------
  function post(message) {
    setBusy(true);
    showStatus("");
    var controller = window.AbortController ? new AbortController() : null;
    var timer = window.setTimeout(function () { if (controller) { controller.abort(); } }, TIMEOUT_MS);
    window.fetch(BASE + "/api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: state.sender, id: message.id, message: message.text, metadata: context }),
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        return { ok: response.ok, status: response.status, body: body };
      });
    }).then(function (result) {
      window.clearTimeout(timer);
      if (result.status === 409) {  // the same message is still being answered
        window.setTimeout(function () { post(message); }, 1500);
        return;
      }
      setBusy(false);
      var refused = result.status >= 400 && result.status < 500 && result.status !== 408 && result.status !== 429;
      if (refused) {  // this message as it is: sending it again cannot help (slow down or time-out can)
        state.pending = null;
        save();
        showStatus((result.body && result.body.bericht) || TEXT.offline);
        return;
      }
      if (!result.ok) { failed(message, result.body && result.body.bericht); return; }
      state.pending = null;
      if (result.body.gewist) {  // deleted on the user's request in the chat: start afresh
        state = { sender: newId(), log: [], pending: null, open: true, started: true };
        renderLog();
      }
      (result.body.messages || []).forEach(function (reply) {
        addEntry({ from: "bot", text: reply.text || "", buttons: reply.buttons || [] });
      });
      save();
    }).catch(function () {
      window.clearTimeout(timer);
      setBusy(false);
      failed(message, TEXT.offline);
    });
  }
  function failed(message, text) {
    showStatus(text || TEXT.offline, [{ label: TEXT.retry, run: function () { post(message); } }]);
  }
  function send(text, shown) {
    if (state.pending || !String(text).trim()) { return; }
    var message = { id: newId(), text: String(text).trim() };
    state.pending = message;
    state.started = true;
    if (shown !== null) { addEntry({ from: "user", text: shown || message.text }); }
    save();
    post(message);
  }

  // --- open, close, clear -------------------------------------------------------------
  function open() {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    launcher.hidden = true;
    state.open = true;
    save();
    renderLog();
    if (!state.started) { send("/greet", null); }
    input.focus();
  }
  function close() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    state.open = false;
    save();
    launcher.focus();
  }
  function clearConversation() {
    showStatus(TEXT.clearAsk, [
      { label: TEXT.clearYes, run: function () {
        window.fetch(BASE + "/api/chat/" + encodeURIComponent(state.sender), { method: "DELETE" })
          .then(function (response) {
            if (!response.ok) { throw new Error("delete failed"); }
            state = { sender: newId(), log: [], pending: null, open: true, started: false };
            save();
            renderLog();
            showStatus(TEXT.cleared);
            input.focus();
          })
          .catch(function () { showStatus(TEXT.clearFailed); });
      } },
      { label: TEXT.clearNo, run: function () { showStatus(""); input.focus(); } }
    ]);
    status.querySelector("button").focus();
  }

  launcher.addEventListener("click", open);
  closeButton.addEventListener("click", close);
  clearButton.addEventListener("click", clearConversation);
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { close(); }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim() || state.pending) { return; }
    input.value = "";
    send(text);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit"));
    }
  });

  // --- after a reload -----------------------------------------------------------------
  if (state.open) {
    open();
    if (state.pending) {
      showStatus(TEXT.pending, [{ label: TEXT.retry, run: function () { post(state.pending); } }]);
    }
  }
})();
