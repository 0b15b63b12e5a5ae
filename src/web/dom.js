// The browser primitives the card's wasm calls, one boundary crossing each (bound in dom.rs,
// bundled into the wasm-bindgen glue by esbuild). Why hand-written: each is a line here, where a
// web-sys call costs a generated shim, externref bookkeeping and a Result the wasm must check;
// this file is what took the card from ≈ 60 kB to its budget (docs/performance.md).
// Rules: text goes in as textContent or text nodes, never markup; nothing here throws.

// The card is built at a cursor: `put` and `say` append to the open element, `open` appends one
// and goes into it, `shut` comes back out, `set` sets an attribute of the newest node and `keep`
// hands it to Rust. No handle crosses for the many elements Rust never refers to again.
let top, last;

/** Builds into `n` from now on. */
export const at = (n) => { top = n; };

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

/** `<tag class part>` holding `text`, appended to the open element; `spec` indexes `SPECS`. */
export function put(spec, text) {
  const [tag, cls, part = cls] = SPECS[spec].split('|');
  const e = (last = document.createElement(tag));
  if (cls) e.className = cls;
  if (part) e.setAttribute('part', part);
  if (text) e.textContent = text;
  top.append(e);
}

/** `put` an empty element and go into it. */
export const open = (spec) => { put(spec); top = last; };
export const shut = () => { top = top.parentNode; };
/** A text node appended to the open element. */
export const say = (text) => top.append((last = document.createTextNode(text)));
export const set = (name, value) => last.setAttribute(name, value);
export const keep = () => last;
export const flag = (e, name, on) => e.toggleAttribute(name, on);

/** Sets `n`'s text only when it differs: an unchanged write still costs a layout. */
export function text(n, s) {
  if (n.textContent !== s) n.textContent = s;
}

/** Each timer state as `data-state|status|action`: idle, paused, running, running until a
 * check, check now, done. */
const TIMER = ['idle||Start', 'paused|Paused|Resume', 'running|left|Pause',
  'running|until check|Pause', 'check|Check now|Pause', 'done|Done|'];

/** Shows a timer in state `k` (`TIMER`): its group `g`'s state, its time, status and one
 * button (hidden when it has no action), and Reset, hidden while idle (the group's children as
 * lists.rs builds them). */
export function timer(g, k, time, title) {
  const [, t, s, b, r] = g.children;
  const [state, status, action] = TIMER[k].split('|');
  g.setAttribute('data-state', state);
  text(t, time);
  text(s, status);
  text(b, action);
  b.setAttribute('aria-label', action + ' timer: ' + title);
  b.hidden = !action;
  r.hidden = !k;
}

/** Sets or removes boolean attribute `name` on the closest `selector` around `e`. */
export const flagClosest = (e, selector, name, on) => e.closest(selector)?.toggleAttribute(name, on);
/** Sets `n`'s text once it rests for 700 ms: each call cancels the last (one announcement per
 * gesture, not per slider tick). */
export function announce(n, s) {
  clearTimeout(n.later);
  n.later = setTimeout(() => text(n, s), 700);
}
export const clear = (n) => n.replaceChildren();
let built;
/** Starts building in a fresh fragment (the cursor goes into it), for `place`. */
export const fragment = () => { top = built = document.createDocumentFragment(); };
/** Replaces the children of `root` with what was built since `fragment`. */
export const place = (root) => root.replaceChildren(built);
export const setChecked = (e, on) => { e.checked = on; };
export const pick = (root, name, i) =>
  root.querySelectorAll(`[name=${name}]`).forEach((e, k) => { e.checked = k === i; });
/** Shows `n` servings on slider `s` (its value, `t` its spoken value), on the number after it,
 * and the − and + buttons around them as disabled at the ends (`min`, `max`). */
export function servings(s, n, t, min, max) {
  const v = s.nextSibling;
  s.value = n;
  s.setAttribute('aria-valuetext', t);
  text(v, n);
  s.previousSibling.setAttribute('aria-disabled', min);
  v.nextSibling.setAttribute('aria-disabled', max);
}

const KINDS = ['input', 'click', 'change', 'visibilitychange'];
/** The target of the event being handled. */
let current;

/** Calls `f(card, kind)` (the wasm's `event`) for a card's events: its `root`'s `input` (kind
 * 0), `click` (1) and `change` (2), and the page's `visibilitychange` (3); the handler asks for
 * the event's target (`target`). Returns the card's control: `tick(control, ms)` calls
 * `f(card, 4)` every `ms`; 0 stops the ticks, and -1 also the listening. */
export function listen(root, card, f) {
  let ticks;
  const h = (e) => f(card, KINDS.indexOf(e.type), (current = e.target));
  const each = (m) => KINDS.forEach((t, i) => (i < 3 ? root : document)[m](t, h));
  each('addEventListener');
  return (ms) => {
    clearInterval(ticks);
    if (ms < 0) each('removeEventListener');
    else if (ms) ticks = setInterval(f, ms, card, 4);
  };
}

export const tick = (control, ms) => control(ms);
export const target = () => current;

/** The value of attribute `name` on `e` or its closest ancestor that has it, as a number (''
 * reads 0); -2^31 where none has it. */
export function closest(e, name) {
  const v = e.closest?.(`[${name}]`)?.getAttribute(name);
  return v == null ? -0x80000000 : +v;
}

/** A string property of `e`: a control's `name` or `value` (one primitive,
 * one glue shim). */
export const prop = (e, k) => e[k] ?? '';
export const isChecked = (e) => !!e.checked;

export const hostAttr = (root, name) => root.host.getAttribute(name) ?? undefined;
export const search = () => location.search;
export const warn = (m) => console.warn('<recipe-card> ' + m);

/** localStorage that is never an error: missing, full or forbidden means "nothing stored". */
export function load(key) {
  try { return localStorage.getItem(key) ?? undefined; } catch { return undefined; }
}
export function store(key, value) {
  try { localStorage.setItem(key, value); } catch { /* nothing stored */ }
}
