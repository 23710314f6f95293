// Hygie's chat page over Rasa's socket.io channel (session persistence on).
// The session id lives in localStorage, so a reload keeps the conversation: its
// history comes back from the page's server (/history), which reads the tracker
// with the API token the browser never sees. New messages are announced by the
// log's live region; history is written before the region goes live.
(function () {
  "use strict";

  const rasaUrl = document.querySelector('meta[name="hygie-rasa-url"]').content;
  const log = document.getElementById("log");
  const typing = document.getElementById("typing");
  const status = document.getElementById("status");
  const form = document.getElementById("chat");
  const input = document.getElementById("message");
  const urgent = document.getElementById("urgent").textContent.replace(/\s+/g, " ").trim();
  const SESSION_KEY = "hygie_session";
  const TYPING_TIMEOUT_MS = 20000;
  let typingTimer = null;
  let socket = null;
  let notice = "";  // said in the status line once connected (a connection clears it)

  function newSessionId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  let sessionId = localStorage.getItem(SESSION_KEY);
  const returning = Boolean(sessionId);
  if (!sessionId) {
    sessionId = newSessionId();
    localStorage.setItem(SESSION_KEY, sessionId);
  }

  function setTyping(on) {
    typing.hidden = !on;
    clearTimeout(typingTimer);
    if (on) typingTimer = setTimeout(() => { typing.hidden = true; }, TYPING_TIMEOUT_MS);
  }

  function show(who, text, buttons) {
    const item = document.createElement("li");
    item.className = who;
    const label = document.createElement("span");
    label.className = "who";
    label.textContent = who === "bot" ? "Hygie :" : "Vous :";
    item.appendChild(label);
    item.appendChild(document.createTextNode(text || ""));
    if (buttons && buttons.length) {
      const group = document.createElement("div");
      group.className = "replies";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", "Réponses proposées");
      for (const button of buttons) {
        const element = document.createElement("button");
        element.type = "button";
        element.textContent = button.title;
        element.addEventListener("click", () => {
          send(button.payload, button.title, true);
          input.focus();
        });
        group.appendChild(element);
      }
      item.appendChild(group);
    }
    log.appendChild(item);
    item.scrollIntoView({ block: "end" });
    return item;
  }

  // A click is marked so: the server reads a typed "/" as text, a click as its button.
  function send(payload, shown, click) {
    if (!socket || !socket.connected) {
      status.textContent = "Message non envoyé : Hygie n'est pas joignable. Réessayez dans un instant. " + urgent;
      return false;
    }
    show("user", shown || payload);
    setTyping(true);
    socket.emit("user_uttered", { message: payload, session_id: sessionId, click: Boolean(click) });
    return true;
  }

  function connect(greet) {
    socket = io(rasaUrl, { transports: ["websocket", "polling"], reconnectionDelayMax: 10000 });
    socket.on("connect", () => {
      status.textContent = notice;
      notice = "";
      socket.emit("session_request", { session_id: sessionId });
    });
    socket.on("session_confirm", () => {
      if (greet) {
        greet = false;
        setTyping(true);
        socket.emit("user_uttered", { message: "/greet", session_id: sessionId, click: true });
      }
    });
    socket.on("bot_uttered", (message) => {
      setTyping(false);
      show("bot", message.text, message.quick_replies || message.buttons);
    });
    socket.on("disconnect", () => {
      status.textContent = "Connexion perdue. Nouvelle tentative… " + urgent;
    });
    socket.on("connect_error", () => {
      status.textContent = "Hygie n'est pas joignable pour le moment. " + urgent;
    });
  }

  async function loadHistory() {
    try {
      const answer = await fetch("history?session=" + encodeURIComponent(sessionId));
      if (!answer.ok) return [];
      return await answer.json();
    } catch (error) {
      return [];
    }
  }

  function toggle(id) {
    const button = document.getElementById(id);
    const on = document.documentElement.classList.contains(id);
    button.setAttribute("aria-pressed", String(on));
    button.addEventListener("click", () => {
      const now = document.documentElement.classList.toggle(id);
      button.setAttribute("aria-pressed", String(now));
      localStorage.setItem("hygie_" + id, now ? "on" : "off");
    });
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text && send(text)) input.value = "";
  });

  // "Effacer la conversation de cet appareil" asks whether to erase it at Hygie too:
  // that is the patient's erasure request, confirmed in the chat like a typed one.
  const forgetDialog = document.getElementById("forget-dialog");

  function forgetOnThisDevice() {
    localStorage.removeItem(SESSION_KEY);
    sessionId = newSessionId();
    localStorage.setItem(SESSION_KEY, sessionId);
    log.replaceChildren();
    if (socket) socket.disconnect();
    notice = "Conversation effacée de cet appareil.";
    status.textContent = notice;
    connect(true);
  }

  document.getElementById("forget").addEventListener("click", () => forgetDialog.showModal());
  document.getElementById("forget-cancel").addEventListener("click", () => forgetDialog.close());
  document.getElementById("forget-device").addEventListener("click", () => {
    forgetDialog.close();
    forgetOnThisDevice();
    input.focus();
  });
  document.getElementById("forget-everywhere").addEventListener("click", () => {
    forgetDialog.close();
    send("/erase_data", "Effacer aussi chez Hygie", true);
    input.focus();
  });

  toggle("large-text");
  toggle("high-contrast");

  (async () => {
    const history = returning ? await loadHistory() : [];
    history.forEach((message, index) => {
      const last = index === history.length - 1;
      show(message.from, message.text, last ? message.buttons : null);
    });
    document.getElementById("conversation").setAttribute("aria-live", "polite");
    connect(history.length === 0);
  })();
})();
