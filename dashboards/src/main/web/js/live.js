// One server-sent-events connection for the whole page (GET /api/v1/alerts/stream); pages
// subscribe to new alert versions while they are shown.
const listeners = new Set();
const receivedListeners = new Set();
let source = null;
let state = 'connecting';
const stateListeners = new Set();

function setState(s) {
  state = s;
  stateListeners.forEach((l) => l(s));
}

export function connect() {
  if (source) return;
  source = new EventSource('/api/v1/alerts/stream');
  source.onopen = () => setState('open');
  // The server pings at once on connecting, then every 20 s: a ping also means the stream is up.
  source.addEventListener('ping', () => setState('open'));
  // EventSource reconnects by itself; the page says so meanwhile.
  source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
  source.addEventListener('alert', (event) => {
    const alert = JSON.parse(event.data);
    listeners.forEach((l) => l(alert));
  });
  // Alerts partner regions shared (issue 20): not ours, so a stream of their own.
  source.addEventListener('received', (event) => {
    const received = JSON.parse(event.data);
    receivedListeners.forEach((l) => l(received));
  });
}

/** Calls listener(received) for every new version of an alert a partner region shared; returns the unsubscribe. */
export function subscribeReceived(listener) {
  receivedListeners.add(listener);
  return () => receivedListeners.delete(listener);
}

/** Calls listener(alert) for every new alert version; returns the unsubscribe function. */
export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function onState(listener) {
  stateListeners.add(listener);
  listener(state);
  return () => stateListeners.delete(listener);
}

/** Closes the stream (signed out: the stream needs the session too). */
export function disconnect() {
  if (source) source.close();
  source = null;
  setState('closed');
}

/** Opens the stream anew, with the session just signed in. */
export function reconnect() {
  disconnect();
  setState('connecting');
  connect();
}
