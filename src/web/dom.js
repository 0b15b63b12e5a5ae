// The browser primitives the card's wasm calls, one boundary crossing each (bound in dom.rs,
// bundled into the wasm-bindgen glue by esbuild). Why hand-written: each is a line here, where a
// web-sys call costs a generated shim, externref bookkeeping and a Result the wasm must check;
// this file is what took the card from ≈ 60 kB to its budget (docs/performance.md).
// Rules: text goes in as textContent or text nodes, never markup; nothing here throws (but
// `fail`, which entry.js calls outside the wasm). Only numbers cross the boundary (dom.rs says
// why): the wasm's text arrives as its address and length (`text`), text for the wasm leaves as
// its length and is copied in when the wasm has made room (`give`, `take`), flags and indices
// are plain numbers, and what is no number (a card's root, the `event` export, the memory)
// comes from entry.js (`wire`, `hold`).

// The card is built at a cursor: `put` and `say` append to the open element, `open` appends one
// and goes into it, `shut` comes back out, `set` sets an attribute of the newest node. No handle
// crosses: every element put is kept in its card's `C` under its spec's number (the last one of
// each), so the wasm names the parts that change later by their spec, and the nodes of a list's
// slots are kept on the list (`slot`, `slotText`).
import { ring as ringer, cook as cooker, notifyButton, title as titler, beep, notify as notifier, vibrate } from './device.js';

let top, last, C, S, J, F, M;
/** Each card's kept parts, by its number (`listen`); 0 is scratch for an error card. */
const cards = [[]];

/** Card `id` acts on events, ticks and builds from now on: hands back its state as `keep` left
 * it, once (0, and no change of card, when the card is gone or its state is out). */
export function card(id) {
  const c = cards[id], p = c?.p;
  if (p) (C = c).p = 0;
  return p | 0;
}
/** Keeps card `id`'s state (its address in the wasm) for `card`. */
export const keep = (id, p) => { if (cards[id]) cards[id].p = p; };
/** No JS value crosses the wasm's boundary (so wasm-bindgen's glue keeps no heap of them): once
 * the wasm is instantiated, `entry.js` (and tests/web.rs) hands this module the wasm's `event`
 * export (`f`, which `listen` calls) and its memory (`m`, which `text` reads); before each
 * `mount` or `showError`, the card's shadow `root` (`hold`). */
export const wire = (f, m) => { F = f; M = m; };
/** `root` is kept as the scratch card's until `listen` makes the card; an error card goes into
 * it (`place`). `s`, the recipe's text for `mount` or the error's for `showError`, is given
 * (`give`): its length goes to the wasm as the export's argument. */
export const hold = (root, s) => {
  (C = cards[0]).r = root;
  return give(s);
};
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
/** Text from the wasm: every primitive that takes text gets it as the address `p` and length
 * `n` of its UTF-8 bytes in the wasm's memory (dom.rs: no `&str` in an import's signature, so
 * wasm-bindgen binds the primitive itself, with no JS shim), and reads it here, at once: the view
 * is made afresh for each text, as the memory can grow (and detach an older view) in a later
 * call. */
const text = (p, n) => utf8.decode(new Uint8Array(M.buffer, p, n));
let given;
const utf8out = new TextEncoder();
/** Text for the wasm (`load`, `query`, `hostAttr`, and `hold`'s for the exports): its
 * UTF-8 bytes are kept, and their length returned (-1 for none); the wasm then makes room for
 * them and has `take` copy them there (dom.rs `taken`). */
const give = (s) => (s == null ? -1 : (given = utf8out.encode(s)).length);
export const take = (p) => new Uint8Array(M.buffer, p, given.length).set(given);

/** The card's elements as `tag|class|part`, numbered in this order by `specs` in dom.rs: a
 * missing part is the class (`h3|section-title`), an empty one none (`ul|tip-list|`). */
const SPECS = ('h3|section-title,header|head|,h2|title,p|byline,p|intro,dl|meta,div|meta-item|,' +
  'dt,dd,section|section tips|tips,ul|tip-list|,section|section pairings|pairings,ul|pairing-list|,li,' +
  'section|section storage|storage,dl|storage-list|,div,section|section faq|faq,div|faq-item,h4|faq-question,p|faq-answer,' +
  'legend,label,div|servings,button|step-button|servings-button,input|slider|servings-slider,output|servings-value,article|card,' +
  'div|controls,fieldset|choice units|units,input||units-option,fieldset|choice spice|spice,input||spice-option,label|switch|side,input||side-switch,' +
  'details|swaps,summary||swaps-summary,fieldset|choice swap|swap,input||swap-option,div|cook|cook-mode,label|switch|,input||cook-mode-switch,' +
  'span|cook-status|cook-mode-status,p|announcer,section|section ingredients|ingredients,ul|notes,ul|ingredient-list|,section|section steps|steps,button|timer-notify,' +
  'ol|step-list|,div|alerts,li|note,div|alert,p,button||alert-dismiss,div|card card-error|card error,' +
  'p|error-title|,p|error-detail|,li|ingredient,label|ingredient-label|,input|check|ingredient-check,span|amount amount-text|amount,span|amount,' +
  'span|item,span|prep,span|tip,li|step,h4|step-title,p|step-text,span|ref,' +
  'p|step-note,label|step-done,input|check|step-done-check,div|timer,span|step-time,span|timer-time,span|timer-status,' +
  'button|timer-button,button|timer-reset').split(',');
// The primitives below reach some parts by themselves, by their number in `SPECS` written out
// (tests/dom_specs.rs checks each against dom.rs): C[5 /* META */].

/** One `<tag class part>` per spec, made on its first use (or by `warm`), which `add` clones:
 * one call into the browser per element instead of three, and no split of its spec. */
const made = [];
function make(spec) {
  const [tag, cls, part = cls] = SPECS[spec].split('|');
  const e = (made[spec] = document.createElement(tag));
  if (cls) e.className = cls;
  if (part) e.setAttribute('part', part);
  return e;
}
/** `<tag class part>` holding `text`, appended to the open element; `spec` indexes `SPECS`. */
function add(spec, text) {
  const e = (last = C[spec] = (made[spec] ?? make(spec)).cloneNode());
  if (text) e.textContent = text;
  top.append(e);
}
/** `add`, for the wasm (the text at `p`, `n` bytes long: `text`). */
export const put = (spec, p, n) => add(spec, text(p, n));

/** `put` an empty element and go into it. */
export const open = (spec) => { add(spec); top = last; };
export const shut = () => { top = top.parentNode; };
/** A text node appended to the open element. */
export const say = (p, n) => top.append((last = document.createTextNode(text(p, n))));
/** Sets an attribute of the newest node; `set` is it for the wasm (`text`). */
const attr = (name, value) => last.setAttribute(name, value);
export const set = (p, n, q, m) => attr(text(p, n), text(q, m));
/** Keeps the newest node as the next slot of the list being built (`into`). */
export const slot = () => S.push(last);

/** Pays the first render's first-time costs while the wasm streams in and the main thread only
 * waits (`entry.js`): every spec's element is made for `add`, a slider is built and thrown away
 * (the browser's first range input costs ≈ 0.5 ms unthrottled, the next nearly nothing; and so
 * the primitives' first runs), and the query string is read. Measured alone, the first render
 * after the wasm's arrival is ≈ 9 ms shorter at 4× throttling (docs/performance.md). Nothing
 * here may fail: it is the code a first render runs anyway, on a scratch card (`C`, restored). */
export function warm() {
  const c = C;
  SPECS.forEach((_, i) => make(i));
  top = document.createDocumentFragment();
  C = [];
  slider(1, 2);
  param('');
  C = c;
}

/** Sets `n`'s text only when it differs: an unchanged write still costs a layout. */
function show(n, s) {
  if (n.textContent !== s) n.textContent = s;
}
/** The next slot's text in the list `shaped` last found in its shape (`J` counts them). */
export const slotText = (p, n) => show(S[J++], text(p, n));

/** Each timer state as `data-state|status|action`: idle, paused, running, running until a
 * check, check now, done. */
const TIMER = ['idle||Start', 'paused|Paused|Resume', 'running|left|Pause',
  'running|until check|Pause', 'check|Check now|Pause', 'done|Done|'];

/** Step `step`'s timer group (kept on the card by `clock`: no selector to parse per call). */
const clocked = (step) => C.t[step];

/** Builds step `step`'s timer, titled `title`, at the cursor: `<div class=timer role=group
 * aria-label="Timer: <title>">` holding the step's `duration`, its time, its status, its one
 * button and Reset; the group keeps its title for `timer`, `alert` and `title`. */
export function clock(step, p, n, q, m) {
  const title = text(p, n);
  open(73 /* TIMER */);
  (C.t ??= [])[step] = top;
  top.t = title;
  attr('role', 'group');
  attr('aria-label', 'Timer: ' + title);
  add(74 /* STEP_TIME */, text(q, m));
  add(75 /* TIMER_TIME */);
  add(76 /* TIMER_STATUS */);
  add(77 /* TIMER_BUTTON */);
  attr('type', 'button');
  attr('data-timer', step);
  add(78 /* TIMER_RESET */, 'Reset');
  attr('type', 'button');
  attr('aria-label', 'Reset timer: ' + title);
  attr('data-reset', step);
  shut();
}

/** Shows step `step`'s timer in state `k` (`TIMER`): its group's state, its time, status and one
 * button (hidden when it has no action), and Reset, hidden while idle. */
export function timer(step, k, p, n) {
  const g = clocked(step);
  const [, t, s, b, r] = g.children;
  const [state, status, action] = TIMER[k].split('|');
  g.setAttribute('data-state', state);
  show(t, text(p, n));
  show(s, status);
  show(b, action);
  b.setAttribute('aria-label', action + ' timer: ' + g.t);
  b.hidden = !action;
  r.hidden = !k;
}

/** Marks the step whose Done box is the event's target as done or not. */
export const done = (on) => current.closest('li')?.toggleAttribute('data-done', on);
/** `n` servings as read out: "6 servings", "1 serving". */
const says = (n) => n + (n == 1 ? ' serving' : ' servings');
/** Stores `n` as the servings, and sets the announcer's text to `n` servings once it rests for
 * 700 ms: each call cancels the last (one announcement per gesture, not per slider tick). */
export function announce(n) {
  const a = C[43 /* ANNOUNCER */];
  stash('servings', n);
  clearTimeout(a.later);
  a.later = setTimeout(() => show(a, says(n)), 700);
}
/** Empties part `k` and builds into it from now on; its slots start over. */
export const into = (k) => {
  top = C[k];
  top.replaceChildren();
  S = top.s = [];
};
/** Whether list `k` shows `shape` (lists.rs), its slots then set from the first (`slotText`);
 * when it does not, it is emptied to be built anew in that shape. */
export function shaped(k, p, n) {
  const shape = text(p, n);
  J = 0;
  if (C[k].h === shape) {
    S = C[k].s;
    return true;
  }
  into(k);
  top.h = shape;
  return false;
}
let built;
/** Starts building in a fresh fragment (the cursor goes into it), for `place`. */
export const fragment = () => { top = built = document.createDocumentFragment(); };
/** Replaces the children of the card's root with what was built since `fragment`. */
export const place = () => C.r.replaceChildren(built);
/** Shows the "on the side" switch when it is `available` (else hides its label), checked when `on`. */
export const side = (available, on) => {
  C[33 /* SIDE */].hidden = !available;
  C[34 /* SIDE_SWITCH */].checked = on;
};
/** The controls' groups by number (dom.rs `group`): a control is named `rc-<group>`, swap `i`'s
 * radios `rc-swap-<i>` (group 6 + i). */
const NAMES = ['units', 'spice', 'side', 'cook', 'got', 'done'];
const named = (g) => 'rc-' + (NAMES[g] ?? 'swap-' + (g - 6));
/** Names the newest element for its group `g`. */
export const name = (g) => attr('name', named(g));
/** A checkbox (`spec`, `input|class|part`) named for group `g`, with `value`, checked when `on`. */
export function check(spec, g, value, on) {
  add(spec);
  attr('type', 'checkbox');
  name(g);
  attr('value', value);
  if (on) attr('checked', '');
}
/** The group of the event's target, from its name: -1 for none (the slider). */
export function group() {
  const n = current.name;
  if (!n) return -1;
  const i = NAMES.indexOf(n.slice(3));
  return i < 0 ? 6 + +n.slice(8) : i;
}
/** The controls named `name` (a group's radios). */
const radios = (name) => C[28 /* CONTROLS */].querySelectorAll(`[name=${name}]`);
/** Checks the `i`th of the controls' radios of group `g` and unchecks the others; the swaps'
 * summary (when the card has swaps) names the options checked ("Swaps: <label>, <label>"). */
export function pick(g, i) {
  radios(named(g)).forEach((e, k) => { e.checked = k === i; });
  const w = C[35 /* SWAPS */];
  if (w) show(C[36 /* SWAPS_SUMMARY */], 'Swaps: ' + [...w.querySelectorAll(':checked')].map((e) => e.parentNode.textContent).join(', '));
}
/** A `<button type=button>` showing `text`, named `label`, that changes the slider by
 * `step` servings. */
function step(text, label, step) {
  add(24 /* SERVINGS_BUTTON */, text);
  attr('type', 'button');
  attr('aria-label', label);
  attr('aria-controls', 'rc-servings');
  attr('data-step', step);
}
/** Builds the servings slider from `min` to `max` at the cursor: its label, − and + buttons
 * around it, and its number after it (`servings` reaches them through the slider). */
export function slider(min, max) {
  open(23 /* SERVINGS */);
  add(22 /* LABEL */, 'Servings');
  attr('for', 'rc-servings');
  step('−', 'Fewer servings', -1);
  add(25 /* SERVINGS_SLIDER */);
  attr('type', 'range');
  attr('id', 'rc-servings');
  attr('min', min);
  attr('max', max);
  add(26 /* SERVINGS_VALUE */);
  attr('aria-hidden', 'true');
  step('+', 'More servings', 1);
  shut();
}
/** Shows `n` servings on the slider (its value, and its spoken value), on the number after it,
 * on the meta's last value ("Serves"), and the − and + buttons around the slider as disabled at
 * the ends (the slider's `min` and `max`). */
export function servings(n) {
  const s = C[25 /* SERVINGS_SLIDER */];
  const v = s.nextSibling;
  n = '' + n;
  s.value = n;
  s.setAttribute('aria-valuetext', says(n));
  show(v, n);
  show(C[5 /* META */].lastChild.lastChild, n);
  s.previousSibling.setAttribute('aria-disabled', n == s.min);
  v.nextSibling.setAttribute('aria-disabled', n == s.max);
}
/** Raises an alert for step `step` (Done when `done`, else Check now): shows it at the end of the
 * card's alerts, in place of the step's earlier one (`<div class=alert><p>Done: <title></p>
 * <button data-dismiss=<step>>Dismiss</button></div>`, built at the cursor like the rest of the
 * card), and beeps, notifies, buzzes and rings on (device.js). */
export function alert(step, done) {
  const title = clocked(step).t;
  drop(step);
  top = C[50 /* ALERTS */];
  open(52 /* ALERT */);
  top.k = 1 + done;
  add(53 /* P */, (done ? 'Done: ' : 'Check now: ') + title);
  add(54 /* ALERT_DISMISS */, 'Dismiss');
  attr('type', 'button');
  attr('aria-label', 'Dismiss: ' + title);
  attr('data-dismiss', step);
  notifier(done ? 'Timer done' : 'Check now', title);
  beep(done);
  vibrate();
  ring(true);
}
/** Takes away step `step`'s alert. */
const drop = (step) => C[50 /* ALERTS */].querySelector(`[data-dismiss="${step}"]`)?.parentNode.remove();
/** Takes away step `step`'s alert and rings on for the latest left. */
export const dismiss = (step) => {
  drop(step);
  ring(false);
};
/** The card's alerts ring as the latest one does (`ring` in device.js; none stops it). */
export const ring = (again) => {
  const a = C[50 /* ALERTS */];
  ringer(a, a.lastChild?.k ?? 0, again);
};
/** The card's line in the page title (`title` in device.js): its latest alert's while it has
 * one, else `⏱ <time> <title>` for step `step`'s timer (none when `time` is empty). */
export const title = (urgency, p, n, step) => {
  const a = C[50 /* ALERTS */].lastChild, time = text(p, n);
  titler(C.i, a ? 0 : urgency, a ? '⏰ ' + a.firstChild.textContent : time && '⏱ ' + time + ' ' + clocked(step).t);
};
/** Cook mode for the card's switch (`cook` in device.js). */
export const cook = (why) => cooker(C[41 /* COOK_MODE_SWITCH */], why);
/** The card's "Notify me" button (`notifyButton` in device.js). */
export const notify = (ask) => notifyButton(C[48 /* TIMER_NOTIFY */], ask);

const KINDS = ['input', 'click', 'change', 'visibilitychange'];
/** The target of the event being handled. */
let current;

/** Makes a card (the current card from now on; its number, returned, is the lowest free) in the
 * root `hold` was given, and calls `f(card, kind)` (the wasm's `event`, also from `hold`) for its
 * events: its root's `input` (kind 0), `click` (1) and `change` (2), and the page's
 * `visibilitychange` (3); the handler reads the event's target through `clicked`, `chose`,
 * `isChecked` and `done`. `tick(ms)` then calls `f(card, 4)` every `ms` (the same `ms` again
 * changes nothing); 0 stops the ticks, and -1 also the listening, and forgets the card. */
export function listen(p, n) {
  let ticks, every = 0, card = cards.indexOf(null, 1), root = cards[0].r, f = F;
  if (card < 0) card = cards.length;
  const h = (e) => f(card, KINDS.indexOf(e.type), (current = e.target));
  const each = (m) => KINDS.forEach((t, i) => (i < 3 ? root : document)[m](t, h));
  each('addEventListener');
  (C = cards[card] = []).r = root;
  C.n = text(p, n);
  C.i = card;
  C.k = (ms) => {
    if (ms == every) return;
    every = ms;
    clearInterval(ticks);
    if (ms < 0) each('removeEventListener'), (cards[card] = null);
    else if (ms) ticks = setInterval(f, ms, card, 4);
  };
  return card;
}

export const tick = (ms) => C.k(ms);

/** What a click does, by the `data-…` attributes of its target or its ancestors (dom.rs `click`,
 * same order: the first that one of them has wins). */
const ACTS = ['step', 'timer', 'reset', 'dismiss', 'notify'];
/** The current click's kind (its index in `ACTS`), plus 8 × its attribute's value as a number
 * ('' reads 0); -1 (7 in its low bits) when it is none of them. */
export function clicked() {
  for (let i = 0; i < 5; i++) {
    const v = current.closest?.(`[data-${ACTS[i]}]`)?.getAttribute('data-' + ACTS[i]);
    if (v != null) return i + 8 * v;
  }
  return -1;
}

/** The index of the radio that is the event's target among its group's (in the order they were
 * built), once its value is stored under `what` (`store`). */
export function chose(p, n) {
  stash(text(p, n), current.value);
  return [...radios(current.name)].indexOf(current);
}
/** The event's target's value as a whole number: the slider's, or a checkbox's index. */
export const number = () => +current.value;
export const isChecked = () => !!current.checked;

export const hostAttr = (p, n) => give(C.r.host.getAttribute(text(p, n)));
/** The value of `name` in the page's query string, undecoded: the
 * first field whose key, up to its first `=`, is `name`; '' for a field without `=`
 * (tests/e2e/query.test.mjs calls it; the wasm, `query`). */
export function param(name) {
  for (const kv of location.search.replace(/^\?+/, '').split('&')) {
    const i = kv.indexOf('=');
    if ((i < 0 ? kv : kv.slice(0, i)) == name) return i < 0 ? '' : kv.slice(i + 1);
  }
}
/** `param`, for the wasm (`text`, `give`). */
export const query = (p, n) => give(param(text(p, n)));
export const warn = (p, n) => console.warn('<recipe-card> ' + text(p, n));

/** The storage key of `what` for the current card's recipe (`recipe-card:<what>:<recipe name>`); the units
 * are the reader's for every recipe. */
const key = (what) => 'recipe-card:' + what + (what == 'units' ? '' : ':' + C.n);
/** localStorage that is never an error: missing, full or forbidden means "nothing stored". */
export function load(p, n) {
  try { return give(localStorage.getItem(key(text(p, n)))); } catch { return -1; }
}
function stash(what, value) {
  try { localStorage.setItem(key(what), value); } catch { /* nothing stored */ }
}
export const store = (p, n, q, m) => stash(text(p, n), text(q, m));
/** Why `mount` refused a recipe, kept until `fail` throws it: `entry.js` calls it when `mount`
 * returns 0, so that the throw leaves no frame of the wasm half done. */
let refused;
export const refuse = (p, n) => { refused = text(p, n); };
export const fail = () => { throw new Error(refused); };
