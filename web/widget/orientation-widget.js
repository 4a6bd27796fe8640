/*
 * Orientation France Relance — chat widget.
 *
 * Embed with one tag (the server URL and the title are optional attributes):
 *   <script src="/widget/orientation-widget.js" data-server-url="https://bot.example.gouv.fr"
 *           data-title="Assistant France Relance" defer></script>
 * Without data-server-url, window.OrientationWidgetConfig.serverUrl is used, else port 5005 of
 * this host. The widget loads its stylesheet and the socket.io client next to itself
 * (data-socketio-src overrides the latter) and talks to Rasa's socketio channel.
 *
 * Everything shown is inserted as text (textContent): markup typed by a user or present in a
 * reply is never interpreted. Links are built as <a> elements from http(s) URLs only.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var here = script.src.replace(/[^/]*$/, "");
  var globalConfig = window.OrientationWidgetConfig || {};
  var config = {
    serverUrl: script.getAttribute("data-server-url") || globalConfig.serverUrl ||
      window.location.protocol + "//" + window.location.hostname + ":5005",
    title: script.getAttribute("data-title") || globalConfig.title || "Assistant France Relance",
    socketioSrc: script.getAttribute("data-socketio-src") || globalConfig.socketioSrc ||
      new URL("../vendor/socket.io/socket.io.min.js", here).href,
    replyTimeoutMs: 45000
  };
  var STORAGE_KEY = "orientation-widget:" + config.serverUrl;
  var MAX_MESSAGE_LENGTH = 2000;
  var URL_PATTERN = /(https?:\/\/[^\s<>"«»]+[^\s<>"«».,;:!?)\]])/g;

  // --- state kept across reloads ---------------------------------------------------------
  function loadState() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null");
      if (saved && Array.isArray(saved.messages)) return saved;
    } catch (e) { /* unreadable storage: start afresh */ }
    return { sessionId: null, messages: [], open: false, draft: "" };
  }
  var state = loadState();
  function saveState() {
    try {
      state.messages = state.messages.slice(-200);
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (e) { /* storage full or disabled: the conversation still works */ }
  }

  // --- DOM helpers -------------------------------------------------------------------------
  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* Text with its line breaks kept (CSS pre-line) and its URLs as links; never innerHTML. */
  function richText(text) {
    var fragment = document.createDocumentFragment();
    var last = 0;
    String(text).replace(URL_PATTERN, function (url, _group, offset) {
      fragment.appendChild(document.createTextNode(text.slice(last, offset)));
      var link = el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, url);
      link.title = url + " (nouvelle fenêtre)";
      fragment.appendChild(link);
      last = offset + url.length;
      return url;
    });
    fragment.appendChild(document.createTextNode(String(text).slice(last)));
    return fragment;
  }

  var stylesheet = el("link", { rel: "stylesheet", href: new URL("orientation-widget.css", here).href });
  document.head.appendChild(stylesheet);

  // --- the widget's elements -----------------------------------------------------------------
  var root = el("div", { class: "ofr-widget", lang: "fr" });
  var launcher = el("button", { type: "button", class: "ofr-launcher", "aria-expanded": "false",
    "aria-controls": "ofr-panel" }, "Une question sur les financements ? Discuter avec l'assistant");
  var panel = el("section", { id: "ofr-panel", class: "ofr-panel", role: "dialog", "aria-modal": "false",
    "aria-labelledby": "ofr-title", hidden: "" });
  var header = el("div", { class: "ofr-header" });
  var title = el("h2", { id: "ofr-title", class: "ofr-title" }, config.title);
  var restart = el("button", { type: "button", class: "ofr-tool" }, "Recommencer");
  restart.setAttribute("aria-label", "Recommencer la conversation");
  var close = el("button", { type: "button", class: "ofr-tool ofr-close", "aria-label": "Fermer l'assistant" }, "Fermer");
  header.append(title, restart, close);
  var intro = el("p", { class: "ofr-intro" },
    "Décrivez votre structure et votre projet (par exemple : « Je suis la DDT du Rhône, projet de 300 k€ pour " +
    "ouvrir nos données ») : je vous indique les appels à projets qui conviennent, leur montant et leurs conditions.");
  var log = el("div", { class: "ofr-log", role: "log", "aria-live": "polite", "aria-relevant": "additions",
    "aria-label": "Conversation avec l'assistant", tabindex: "0" });
  var typing = el("p", { class: "ofr-typing", hidden: "" }, "L'assistant rédige sa réponse…");
  var status = el("p", { class: "ofr-status", role: "status" });
  var form = el("form", { class: "ofr-form" });
  var label = el("label", { for: "ofr-input", class: "ofr-sr-only" }, "Votre message");
  var input = el("input", { id: "ofr-input", type: "text", autocomplete: "off", maxlength: String(MAX_MESSAGE_LENGTH),
    placeholder: "Écrivez votre message…" });
  var send = el("button", { type: "submit", class: "ofr-send" }, "Envoyer");
  form.append(label, input, send);
  panel.append(header, intro, log, typing, status, form);
  root.append(launcher, panel);

  // --- rendering ---------------------------------------------------------------------------
  function render(message) {
    var bubble = el("div", { class: "ofr-message ofr-" + message.from });
    var who = el("span", { class: "ofr-sr-only" }, message.from === "user" ? "Vous : " : "Assistant : ");
    var body = el("p", { class: "ofr-text" });
    body.appendChild(richText(message.text || ""));
    bubble.append(who, body);
    if (message.buttons && message.buttons.length) {
      var group = el("div", { class: "ofr-buttons", role: "group", "aria-label": "Réponses proposées" });
      message.buttons.forEach(function (button) {
        var choice = el("button", { type: "button", class: "ofr-choice" }, button.title);
        choice.addEventListener("click", function () { sendMessage(button.payload, button.title); });
        group.appendChild(choice);
      });
      bubble.appendChild(group);
    }
    if (message.file) {
      var blob = new Blob([message.file.content], { type: "text/calendar" });
      var download = el("a", { href: URL.createObjectURL(blob), download: message.file.name, class: "ofr-file" },
        "Télécharger l'invitation (" + message.file.name + ")");
      bubble.appendChild(download);
    }
    log.appendChild(bubble);
    log.scrollTop = log.scrollHeight;
    intro.hidden = true;  // once the conversation has started, the space goes to it
  }

  function add(message) {
    state.messages.push(message);
    saveState();
    render(message);
  }

  function setStatus(text) { status.textContent = text; }
  function setTyping(on) { typing.hidden = !on; }

  // --- connection ---------------------------------------------------------------------------
  var socket = null;
  var connected = false;
  var replyTimer = null;
  var pending = null;  // the typed message awaiting its reply, given back if the connection drops

  function connect() {
    if (!window.io) {
      setStatus("Le service de discussion est indisponible pour le moment. Nouvelle tentative…");
      window.setTimeout(loadClient, 5000);
      return;
    }
    socket = window.io(config.serverUrl, { path: "/socket.io", transports: ["websocket", "polling"],
      reconnection: true, reconnectionDelay: 1000, reconnectionDelayMax: 5000 });
    socket.on("connect", function () {
      socket.emit("session_request", { session_id: state.sessionId });
    });
    socket.on("session_confirm", function (sessionId) {
      var id = typeof sessionId === "string" ? sessionId : (sessionId && sessionId.session_id);
      if (id) { state.sessionId = id; saveState(); }
      if (!connected && status.textContent) setStatus("Connexion rétablie : vous pouvez écrire.");
      connected = true;
      send.disabled = false;
    });
    socket.on("bot_uttered", function (reply) {
      window.clearTimeout(replyTimer);
      setTyping(false);
      pending = null;
      var message = { from: "bot", text: reply.text || "" };
      if (reply.quick_replies) message.buttons = reply.quick_replies;
      if (reply.buttons) message.buttons = reply.buttons;
      if (reply.ics) message.file = { content: reply.ics, name: reply.filename || "invitation.ics" };
      if (message.text || message.buttons || message.file) add(message);
    });
    function lost() {
      if (connected || !status.textContent) {
        setStatus("Connexion au service perdue. Nouvelle tentative en cours… Votre message est conservé.");
      }
      connected = false;
      setTyping(false);
      window.clearTimeout(replyTimer);
      // A message sent just before the drop may not have been handled: it goes back to the input.
      if (pending && !input.value) {
        input.value = pending;
        state.draft = pending;
        saveState();
      }
      pending = null;
    }
    socket.on("disconnect", lost);
    socket.on("connect_error", lost);
  }

  function loadClient() {
    if (window.io) { connect(); return; }
    var loader = el("script", { src: config.socketioSrc });
    loader.onload = connect;
    loader.onerror = function () {
      setStatus("Le service de discussion est injoignable. Nouvelle tentative dans quelques secondes…");
      loader.remove();
      window.setTimeout(loadClient, 5000);
    };
    document.head.appendChild(loader);
  }

  function sendMessage(text, shown) {
    text = String(text || "").trim();
    if (!text) {
      setStatus("Votre message est vide : écrivez une question ou décrivez votre projet.");
      return false;
    }
    if (text.length > MAX_MESSAGE_LENGTH) {
      setStatus("Votre message est trop long (" + MAX_MESSAGE_LENGTH + " caractères au plus) : pouvez-vous le raccourcir ?");
      return false;
    }
    if (!connected || !socket) {
      setStatus("Le service est momentanément injoignable : votre message n'est pas envoyé, il reste dans la " +
        "zone de saisie. Réessayez dans un instant.");
      return false;
    }
    add({ from: "user", text: shown || text });
    socket.emit("user_uttered", { message: text, session_id: state.sessionId });
    pending = shown ? null : text;  // button payloads are not given back as typed text
    setStatus("");
    setTyping(true);
    window.clearTimeout(replyTimer);
    replyTimer = window.setTimeout(function () {
      setTyping(false);
      setStatus("L'assistant ne répond pas pour le moment. Réessayez dans un instant.");
    }, config.replyTimeoutMs);
    return true;
  }

  // --- interactions --------------------------------------------------------------------------
  function openPanel() {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    launcher.hidden = true;
    state.open = true;
    saveState();
    input.focus();
    log.scrollTop = log.scrollHeight;
  }

  function closePanel() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    state.open = false;
    saveState();
    launcher.focus();
  }

  launcher.addEventListener("click", openPanel);
  close.addEventListener("click", closePanel);
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.preventDefault(); closePanel(); }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (sendMessage(input.value)) {
      input.value = "";
      state.draft = "";
      saveState();
    }
    input.focus();
  });
  input.addEventListener("input", function () { state.draft = input.value; saveState(); });
  restart.addEventListener("click", function () {
    if (!connected) {
      setStatus("Le service est momentanément injoignable : réessayez de recommencer dans un instant.");
      return;
    }
    state.messages = [];
    log.textContent = "";
    intro.hidden = false;
    saveState();
    sendMessage("/restart", "Recommencer");
    input.focus();
  });

  // --- start -------------------------------------------------------------------------------
  function start() {
    document.body.appendChild(root);
    state.messages.forEach(render);
    input.value = state.draft || "";
    if (state.open) {
      panel.hidden = false;
      launcher.hidden = true;
      launcher.setAttribute("aria-expanded", "true");
    }
    loadClient();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
