// Getting a cook's attention and keeping the screen on: the device APIs the card's wasm calls
// (bound in alert.rs and wake.rs, bundled into the glue by esbuild; why in dom.js). Each tolerates
// a browser without the API: the visible, announced message in the card is the floor.

let audio;

/** Creates or resumes the page's one audio context. Call from a tap: sound needs one first. */
export function unlockAudio() {
  try {
    (audio ??= new AudioContext()).resume();
  } catch { /* no Web Audio: silent */ }
}

/** Three short beeps synthesised (no file to fetch), rising on "done". Silent until unlocked. */
export function beep(done) {
  if (!audio) return;
  const t0 = audio.currentTime;
  for (let i = 0; i < 3; i++) {
    const at = t0 + i * 0.35;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = done ? 880 + i * 110 : 660;
    gain.gain.value = 0;
    gain.gain.linearRampToValueAtTime(0.4, at + 0.02);
    gain.gain.linearRampToValueAtTime(0, at + 0.25);
    osc.connect(gain).connect(audio.destination);
    osc.start(at);
    osc.stop(at + 0.3);
  }
}

/** A buzz where the device has a motor and the browser allows it. */
export const vibrate = () => navigator.vibrate?.([300, 150, 300]);

/** "default", "granted" or "denied"; "" where the browser has no notifications. */
export const permission = () => globalThis.Notification?.permission ?? '';

/** Whether asking for permission would show the browser's prompt (the reader has not answered). */
export const canAsk = () => permission() === 'default';

/** Asks for permission (only ever from the reader's click), then calls `then`. */
export function askPermission(then) {
  globalThis.Notification?.requestPermission().then(then, then);
}

/** A system notification, when the reader granted it. */
export function notify(title, body) {
  if (permission() === 'granted') {
    try {
      new Notification(title, { body, tag: title });
    } catch { /* e.g. Android Chrome wants a service worker: the card's alert remains */ }
  }
}

const lines = new Map();
let page;

/** Sets card `card`'s line for the page title ('' withdraws it): the most urgent line (lowest
 * `urgency`; of equals, the one set first) goes ahead of the page's own title, which comes
 * back when no card has a line. */
export function title(card, urgency, text) {
  lines.delete(card);
  if (text) lines.set(card, [urgency, text]);
  let top;
  for (const l of lines.values()) if (!top || l[0] < top[0]) top = l;
  if (page == null) {
    if (!top) return;
    page = document.title;
  }
  document.title = top ? top[1] + ' · ' + page : page;
  if (!top) page = null;
}

/** Asks for the screen wake lock; `done(sentinel, undefined)` or `done(undefined, reason)`.
 * False where the browser has no Wake Lock API. */
export function wake(done) {
  const api = navigator.wakeLock;
  if (!api?.request) return false;
  api.request('screen').then(
    (sentinel) => done(sentinel, undefined),
    (e) => done(undefined, e?.message || 'the browser refused'),
  );
  return true;
}

/** Calls `f` once when the browser lets go of the lock (the page was hidden). */
export const onRelease = (sentinel, f) => sentinel.addEventListener('release', f, { once: true });

export const release = (sentinel) => sentinel.release?.().catch(() => {});
