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
 *
 * A recommendation sends its calls as a custom payload {"cards": [...], "replaces": [texts]} before
 * the same calls as text (for the rest channel and the terminal): the widget draws the cards, each
 * an element with data-call-code, and skips the texts listed in "replaces". A document payload
 * {"document": {"url", "filename", "title"}} (the « fiche projet », contract §7) is drawn as a
 * download link.
 *
 * Before a booking, the advisor's summary comes the same way, {"intro", "disclosure": {"label", "text"},
 * "replaces"}: the widget says the short intro, then the slot buttons as they come, and only then the
 * summary, folded behind its label (on a phone the slots are on screen at once).
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
  function choiceButton(button, className, shown) {
    var choice = el("button", { type: "button", class: className }, button.title);
    if (button.label && button.label !== button.title) choice.setAttribute("aria-label", button.label);
    choice.addEventListener("click", function () { sendMessage(button.payload, shown || button.title); });
    return choice;
  }

  /* One recommended call as a card (contract §6: data-call-code, verdict, amount and status on it). */
  function renderCard(card) {
    var item = el("li", { class: "ofr-card", "data-call-code": card.code, "data-verdict": card.verdict });
    var heading = el("h3", { class: "ofr-card__title" });
    heading.append(el("span", { class: "ofr-card__code" }, card.code), document.createTextNode(" " + card.title));
    var tags = el("p", { class: "ofr-card__tags" });
    tags.append(el("span", { class: "ofr-tag ofr-tag--" + card.verdict, "data-role": "verdict" }, card.verdict_text),
      el("span", { class: "ofr-tag ofr-tag--" + card.status, "data-role": "status" }, card.status_text));
    if (card.fund) tags.appendChild(el("span", { class: "ofr-tag ofr-tag--fund" }, card.fund));
    item.append(heading, tags, el("p", { class: "ofr-card__amount", "data-role": "amount" }, card.amount_text));
    (card.notes || []).forEach(function (note) { item.appendChild(el("p", { class: "ofr-card__note" }, note)); });
    (card.buttons || []).forEach(function (button) {
      // what the user's bubble says after the click: « Détails de TNT-COOP », not « Détails »
      item.appendChild(choiceButton(button, "ofr-card__button", button.label));
    });
    return item;
  }

  function fileLink(file) {
    var blob = new Blob([file.content], { type: "text/calendar" });
    return el("a", { href: URL.createObjectURL(blob), download: file.name, class: "ofr-file" },
      "Télécharger l'invitation (" + file.name + ")");
  }

  function render(message) {
    var bubble = el("div", { class: "ofr-message ofr-" + message.from });
    var who = el("span", { class: "ofr-sr-only" }, message.from === "user" ? "Vous : " : "Assistant : ");
    bubble.appendChild(who);
    if (message.cards) {
      bubble.classList.add("ofr-cards-message");
      var list = el("ul", { class: "ofr-cards", "aria-label": message.cards.length > 1 ? "Appels recommandés" :
        "Appel recommandé" });
      message.cards.forEach(function (card) { list.appendChild(renderCard(card)); });
      bubble.appendChild(list);
    } else if (message.disclosure) {
      var details = el("details", { class: "ofr-disclosure" });
      details.appendChild(el("summary", { class: "ofr-disclosure__label" }, message.disclosure.label));
      var folded = el("p", { class: "ofr-text" });
      folded.appendChild(richText(message.disclosure.text || ""));
      details.appendChild(folded);
      bubble.appendChild(details);
    } else if (message.text) {  // a message of buttons or a file alone draws no empty paragraph
      var body = el("p", { class: "ofr-text" });
      body.appendChild(richText(message.text));
      bubble.appendChild(body);
    }
    if (message.buttons && message.buttons.length) {
      var group = el("div", { class: "ofr-buttons", role: "group", "aria-label": "Réponses proposées" });
      message.buttons.forEach(function (button) { group.appendChild(choiceButton(button, "ofr-choice")); });
      bubble.appendChild(group);
    }
    if (message.file) bubble.appendChild(fileLink(message.file));
    if (message.document && /^https?:\/\//.test(message.document.url || "")) {
      // the « fiche projet » (contract §7): served as an attachment by the Rasa server
      bubble.appendChild(el("a", { href: message.document.url, download: message.document.filename || "",
        class: "ofr-file ofr-document", "data-role": "document" },
        "Télécharger " + (message.document.title || "le document") + " — " + (message.document.filename || "")));
    }
    log.appendChild(bubble);
    intro.hidden = true;  // once the conversation has started, the space goes to it
    return bubble;
  }

  /* A reply of several messages is read from its start: the view goes to the reply's first message,
     not to its end (on a phone the end is the closing question, the calls are above it). A message of
     the user goes to the end, where it is. */
  var replyStart = null;
  function scrollToReply() {
    if (!replyStart) { log.scrollTop = log.scrollHeight; return; }
    log.scrollTop += replyStart.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
  }

  function add(message) {
    var last = state.messages[state.messages.length - 1];
    var lastBubble = log.lastElementChild;
    if (message.file && !message.text && !message.buttons && last && last.from === "bot" && !last.file &&
        !last.cards && !last.disclosure && lastBubble) {
      // the invitation's file goes under the sentence that announces it, not in a bubble of its own
      last.file = message.file;
      saveState();
      lastBubble.appendChild(fileLink(message.file));
      return;
    }
    state.messages.push(message);
    saveState();
    var bubble = render(message);
    if (message.from === "user") replyStart = null;
    else if (!replyStart) replyStart = bubble;
    scrollToReply();
  }

  function setStatus(text) { status.textContent = text; }
  function setTyping(on) { typing.hidden = !on; }

  // --- connection ---------------------------------------------------------------------------
  var socket = null;
  var connected = false;
  var replyTimer = null;
  var pending = null;  // the typed message awaiting its reply, given back if the connection drops
  var skipped = [];       // texts of the current reply already drawn as cards
  var cardPayloads = [];  // payloads of the current reply's card buttons
  var heldDisclosure = null;  // the advisor's summary, drawn once the reply's buttons are on screen
  var disclosureTimer = null;

  function releaseDisclosure() {
    window.clearTimeout(disclosureTimer);
    if (heldDisclosure) add(heldDisclosure);
    heldDisclosure = null;
  }

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
      if (Array.isArray(reply.cards)) {
        // The cards come before the texts that say the same for the rest channel: those are skipped,
        // and so are the reply's buttons that repeat a card's button (one « Détails de X » per call).
        skipped = skipped.concat(reply.replaces || []);
        reply.cards.forEach(function (card) {
          (card.buttons || []).forEach(function (button) { cardPayloads.push(button.payload); });
        });
        if (reply.cards.length) add({ from: "bot", cards: reply.cards });
        return;
      }
      if (reply.disclosure) {
        skipped = skipped.concat(reply.replaces || []);
        if (reply.intro) add({ from: "bot", text: reply.intro });
        heldDisclosure = { from: "bot", disclosure: reply.disclosure };
        // a reply without buttons after it (a refusal) still shows it, a moment later
        disclosureTimer = window.setTimeout(releaseDisclosure, 3000);
        return;
      }
      if (reply.document) { add({ from: "bot", document: reply.document }); return; }
      var text = reply.text || "";
      var at = skipped.indexOf(text);
      if (text && at !== -1 && !reply.quick_replies && !reply.buttons) { skipped.splice(at, 1); return; }
      var message = { from: "bot", text: text };
      var buttons = reply.buttons || reply.quick_replies;
      if (buttons) {
        buttons = buttons.filter(function (button) { return cardPayloads.indexOf(button.payload) === -1; });
        if (buttons.length) message.buttons = buttons;
      }
      if (reply.ics) message.file = { content: reply.ics, name: reply.filename || "invitation.ics" };
      if (message.text || message.buttons || message.file) add(message);
      if (heldDisclosure && message.buttons) releaseDisclosure();
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
    releaseDisclosure();
    skipped = [];
    cardPayloads = [];
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
    scrollToReply();
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
    replyStart = null;
    intro.hidden = false;
    saveState();
    sendMessage("/restart", "Recommencer");
    input.focus();
  });

  // --- start -------------------------------------------------------------------------------
  function start() {
    document.body.appendChild(root);
    // after a reload, the view goes back to the start of the last reply, as when it arrived
    state.messages.forEach(function (message) {
      var bubble = render(message);
      if (message.from === "user") replyStart = null;
      else if (!replyStart) replyStart = bubble;
    });
    input.value = state.draft || "";
    if (state.open) {
      panel.hidden = false;
      launcher.hidden = true;
      launcher.setAttribute("aria-expanded", "true");
      scrollToReply();
    }
    loadClient();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
