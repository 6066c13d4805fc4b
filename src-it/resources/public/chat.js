// The chat page of Switchboard's example app: plain JavaScript, no build step.
//
// It connects to ws(s)://<this host>/chat/<room>?name=<name>. The server relays every text to the whole
// room unchanged, so messages are JSON the pages agree on: {"from": name, "text": text}. When a named
// client comes or goes, the server sends the room {"online": [names]}. After the connection drops (the
// server restarted, say), the page reconnects with a growing delay.
'use strict';

(() => {
  const RETRY_FIRST_MS = 500;
  const RETRY_MAX_MS = 5000;

  const $ = (id) => document.getElementById(id);
  const joinForm = $('join');
  const chat = $('chat');
  const status = $('status');
  const messages = $('messages');
  const online = $('online');
  const onlineCount = $('online-count');
  const sendForm = $('send');
  const text = $('text');
  const sendButton = $('send-button');

  let room = null;
  let name = null;
  let socket = null;
  let retries = 0;
  let retryTimer = null;

  // Pre-fill from the page's own query, e.g. /?room=lobby&name=Ann
  const query = new URLSearchParams(location.search);
  if (query.get('room')) $('room').value = query.get('room');
  if (query.get('name')) $('name').value = query.get('name');

  function setStatus(state, message) {
    status.dataset.state = state;
    status.textContent = message;
  }

  function setConnected(connected) {
    text.disabled = !connected;
    sendButton.disabled = !connected;
    if (connected) text.focus();
  }

  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const url = `${scheme}://${location.host}/chat/${encodeURIComponent(room)}?name=${encodeURIComponent(name)}`;
    const ws = new WebSocket(url);
    socket = ws;
    if (retries === 0) {
      setStatus('connecting', `Connecting to ${room}…`);
    } else {
      setStatus('reconnecting', `reconnecting… (attempt ${retries})`);
    }

    ws.addEventListener('open', () => {
      if (ws !== socket) return;
      const again = retries > 0;
      retries = 0;
      setStatus('connected', `Connected to ${room} as ${name}`);
      setConnected(true);
      if (again) addNotice('Reconnected.');
    });
    ws.addEventListener('message', (event) => {
      if (ws === socket) receive(event.data);
    });
    ws.addEventListener('close', () => {
      if (ws !== socket) return; // a socket we left on purpose
      if (retries === 0) addNotice('Connection lost.');
      socket = null;
      setConnected(false);
      showOnline([]);
      scheduleReconnect();
    });
  }

  function scheduleReconnect() {
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** retries) * (0.8 + Math.random() * 0.4);
    retries++;
    setStatus('reconnecting', `reconnecting… (next attempt in ${(delay / 1000).toFixed(1)} s)`);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect();
    }, delay);
  }

  function disconnect() {
    clearTimeout(retryTimer);
    retryTimer = null;
    retries = 0;
    const ws = socket;
    socket = null;
    if (ws) ws.close(1000, 'left the room');
    setConnected(false);
  }

  function receive(data) {
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      message = null;
    }
    if (message && Array.isArray(message.online)) {
      showOnline(message.online.map(String));
    } else if (message && typeof message.text === 'string') {
      addMessage(typeof message.from === 'string' ? message.from : '?', message.text);
    } else {
      addMessage('?', String(data)); // a client that is not this page, e.g. a load generator
    }
  }

  // User data is only ever set with textContent, never as HTML.
  function addMessage(from, body) {
    const item = document.createElement('li');
    item.className = from === name ? 'message mine' : 'message';
    item.dataset.test = 'message';
    const who = document.createElement('span');
    who.className = 'from';
    who.dataset.test = 'message-from';
    who.textContent = from;
    const what = document.createElement('span');
    what.className = 'text';
    what.dataset.test = 'message-text';
    what.textContent = body;
    item.append(who, what);
    append(item);
  }

  function addNotice(notice) {
    const item = document.createElement('li');
    item.className = 'notice';
    item.dataset.test = 'notice';
    item.textContent = notice;
    append(item);
  }

  function append(item) {
    const atBottom = messages.scrollHeight - messages.scrollTop - messages.clientHeight < 40;
    messages.append(item);
    if (atBottom) messages.scrollTop = messages.scrollHeight;
  }

  function showOnline(names) {
    online.replaceChildren(...names.map((member) => {
      const item = document.createElement('li');
      item.dataset.test = 'online-name';
      item.textContent = member;
      if (member === name) item.className = 'me';
      return item;
    }));
    onlineCount.textContent = String(names.length);
  }

  joinForm.addEventListener('submit', (event) => {
    event.preventDefault();
    room = $('room').value.trim();
    name = $('name').value.trim();
    if (!room || !name) return;
    $('room-title').textContent = room;
    messages.replaceChildren();
    showOnline([]);
    joinForm.hidden = true;
    chat.hidden = false;
    connect();
  });

  sendForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = text.value;
    if (!body.trim() || !socket || socket.readyState !== WebSocket.OPEN) return;
    socket.send(JSON.stringify({ from: name, text: body }));
    text.value = '';
  });

  $('leave').addEventListener('click', () => {
    disconnect();
    showOnline([]);
    chat.hidden = true;
    joinForm.hidden = false;
    setStatus('idle', 'Pick a room and a name.');
    $('name').focus();
  });

  window.addEventListener('pagehide', () => disconnect());
})();
