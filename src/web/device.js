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

/** Beeps again every 4 s, at most 15 times, while the card whose alerts are in `e` has any:
 * `kind` is the latest alert's (1 check now, 2 done; 0 stops); `again` starts the count over. */
export function ring(e, kind, again) {
  e.kind = kind;
  if (!kind || again) {
    let n = 0;
    clearInterval(e.ring);
    if (kind) e.ring = setInterval(() => (++n > 15 || !e.kind ? clearInterval(e.ring) : beep(e.kind > 1)), 4000);
  }
}

/** A buzz where the device has a motor and the browser allows it. */
export const vibrate = () => navigator.vibrate?.([300, 150, 300]);

/** The notification permission as `Notification.permission` names it, read when the glue loads
 * (so while the wasm streams in) through `navigator.permissions`, which answers without making
 * the page wait, and kept current by its change events: each read of `Notification.permission`
 * waits for the browser process (1–3 ms of a first render at 4× throttling, docs/performance.md). */
let known;
globalThis.Notification && navigator.permissions?.query({ name: 'notifications' }).then(
  (s) => (s.onchange = () => (known = s.state == 'prompt' ? 'default' : s.state))(),
  () => {},
);
/** "default", "granted" or "denied"; "" where the browser has no notifications. Until
 * `navigator.permissions` has answered (or where it cannot), `Notification.permission`. */
export const permission = () => known ?? globalThis.Notification?.permission ?? '';

/** Shows the "Notify me" button `b` only while asking would show the browser's prompt (the
 * reader has not answered); with `ask` (only ever from the reader's click), asks first. */
export function notifyButton(b, ask) {
  const show = () => b.toggleAttribute('hidden', permission() !== 'default');
  if (ask) globalThis.Notification?.requestPermission().then((p) => show((known = p)), show);
  else show();
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

/** Cook mode for the card whose switch is `sw`: on the switch's change (`why` 1) asks for the
 * screen wake lock or lets it go; when the page comes back into view (2) asks again if the
 * switch is on and the browser let the lock go; when the card goes (0) lets it go. The lock is
 * kept on the status line, which says what is true. */
export function cook(sw, why) {
  const st = sw.parentNode.nextSibling;
  const show = (text, state) => {
    st.textContent = text;
    st.setAttribute('data-state', state);
  };
  const api = navigator.wakeLock;
  if (why == 2 && (st.lock || !sw.checked || document.visibilityState != 'visible')) return;
  if (!why || !sw.checked) {
    st.gone = !why;
    st.lock?.release().catch(() => {});
    st.lock = null;
    if (why) show('Keeps your screen on while you cook', 'off');
  } else if (!api?.request) {
    show("This browser can't keep the screen on: adjust auto-lock in your settings", 'unsupported');
  } else {
    show('Asking to keep the screen on…', 'off');
    api.request('screen').then(
      (lock) => {
        // Off, gone, or a second request (on, off, on quickly) that lost the race: let it go.
        if (st.gone || !sw.checked || st.lock) return lock.release().catch(() => {});
        st.lock = lock;
        show('Screen stays on', 'on');
        lock.addEventListener('release', () => {
          st.lock = null;
          if (sw.checked) show('Screen lock released; it comes back when you return', 'off');
        }, { once: true });
      },
      (e) => show("Couldn't keep the screen on: " + (e?.message || 'the browser refused'), 'unsupported'),
    );
  }
}
