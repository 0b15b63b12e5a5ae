// The browser primitives the card's wasm calls, one boundary crossing each (bound in dom.rs,
// bundled into the wasm-bindgen glue by esbuild). Why hand-written: each is a line here, where a
// web-sys call costs a generated shim, externref bookkeeping and a Result the wasm must check;
// this file is what took the card from ≈ 60 kB to its budget (docs/performance.md).
// Rules: text goes in as textContent or text nodes, never markup; nothing here throws.

/** `<tag class part>` holding `text`, appended to `parent` (when given); `spec` is
 * `tag|class|part`, trailing empty pieces left off. */
export function el(parent, spec, text) {
  const [tag, cls, part] = spec.split('|');
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (part) e.setAttribute('part', part);
  if (text) e.textContent = text;
  parent?.append(e);
  return e;
}

/** A text node appended to `parent`. */
export const words = (parent, text) => parent.appendChild(document.createTextNode(text));
export const attr = (e, name, value) => e.setAttribute(name, value);
export const flag = (e, name, on) => e.toggleAttribute(name, on);

/** Sets `n`'s text only when it differs: an unchanged write still costs a layout. */
export function text(n, s) {
  if (n.textContent !== s) n.textContent = s;
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
export const fragment = () => document.createDocumentFragment();
export const replace = (root, child) => root.replaceChildren(child);
export const setChecked = (e, on) => { e.checked = on; };
export const pick = (root, name, i) =>
  root.querySelectorAll(`[name=${name}]`).forEach((e, k) => { e.checked = k === i; });
export const setValue = (e, v) => { e.value = v; };

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
