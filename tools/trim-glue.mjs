// Rewrites wasm-bindgen's glue (the pinned 0.2.130 output, before tools/shorten-imports.mjs) for
// the bundle that src/web/entry.js makes of it (make build). Each rewrite names the exact text it
// replaces and how often it occurs; if wasm-bindgen's output differs, the build stops here rather
// than ship something else. Usage: node tools/trim-glue.mjs <recipe_card.js> <out.js>

import fs from 'node:fs';

const [from, to] = process.argv.slice(2);
let glue = fs.readFileSync(from, 'utf8');

function rewrite(what, old, replacement, count = 1) {
  const found = glue.split(old).length - 1;
  if (found !== count) {
    throw new Error(`trim-glue: ${what}: expected ${count} occurrence(s) in the glue, found ${found}:\n${old}`);
  }
  glue = glue.split(old).join(replacement);
}

// The entry loads the wasm itself, with the glue's imports object and its finalisation.
rewrite(
  'exports for src/web/entry.js',
  'export { initSync, __wbg_init as default };',
  'export { __wbg_get_imports, __wbg_finalize_init };',
);

// No string crosses the glue (src/web/dom.rs: text crosses as numbers, read and written by
// dom.js itself), so wasm-bindgen writes no string-passing code (passStringToWasm0, return
// slots, its DataView of the memory) for this file to trim.
if (glue.includes('passStringToWasm0') || glue.includes('getDataViewMemory0')) {
  throw new Error('trim-glue: the glue passes strings again (src/web/dom.rs says why it should not)');
}
// The wasm's three exports (src/web/mod.rs: `mount`, `event`, `showError`) are plain
// `extern "C"` functions, not `#[wasm_bindgen]` ones, whose export shims spill a closure's
// environment to the stack for nothing (about 100 bytes of wasm each): wasm-bindgen leaves them
// as they are, and the glue gets here the wrappers it would have written for them (numbers
// only), ahead of its imports.
for (const name of ['mount', 'event', 'showError']) {
  if (new RegExp(`\\b${name}\\b`).test(glue)) throw new Error(`trim-glue: wasm-bindgen's glue names ${name} itself`);
}
rewrite('the exports\' wrappers', 'function __wbg_get_imports() {', `export function event(id, kind) {
    wasm.event(id, kind);
}

export function mount(recipe) {
    return wasm.mount(recipe);
}

export function showError(detail) {
    wasm.showError(detail);
}

function __wbg_get_imports() {`);

rewrite('unused module and instance', `    wasmInstance = instance;
    wasm = instance.exports;
    wasmModule = module;`, '    wasm = instance.exports;');

// `Date.now` is passed itself (it reads no `this`).
const NOW = /(__wbg_now_[0-9a-f]{16}): function\(\) \{\n {12}const ret = Date\.now\(\);\n {12}return ret;\n {8}\}/;
if (!NOW.test(glue)) throw new Error('trim-glue: no Date.now import found in the glue');
glue = glue.replace(NOW, '$1: Date.now');

// Nothing but numbers crosses, and `Date.now` is imported by the card itself
// (src/web/browser.rs), not through js-sys, whose runtime brought panic-path imports: wasm-bindgen
// writes no text decoding, JS-side heap, memory view or other per-import shim for this file to trim.
for (const gone of ['TextDecoder', 'getObject', 'heap', 'getUint8ArrayMemory0', '>>> 0', 'function() {']) {
  if (glue.includes(gone)) throw new Error(`trim-glue: the glue holds ${gone} again (src/web/dom.rs says why it should not)`);
}

fs.writeFileSync(to, glue);
