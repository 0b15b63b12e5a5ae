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

// Safari's TextDecoder fails after about 2 GB decoded, so wasm-bindgen renews it as it nears
// that: a card decodes a few hundred bytes a second while a timer runs (two months to get there).
// Marked pure, so that esbuild drops it with its last user: only the panic path's import (which
// tools/drop-dead-imports.mjs drops) decodes text in the glue; dom.js decodes the card's own.
rewrite('TextDecoder renewal', `let cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
cachedTextDecoder.decode();
const MAX_SAFARI_DECODE_BYTES = 2146435072;
let numBytesDecoded = 0;
function decodeText(bytes) {
    numBytesDecoded += bytes.length;
    if (numBytesDecoded >= MAX_SAFARI_DECODE_BYTES) {
        cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
        cachedTextDecoder.decode();
        numBytesDecoded = bytes.length;
    }
    return cachedTextDecoder.decode(bytes);
}
`, `const cachedTextDecoder = /* @__PURE__ */ new TextDecoder('utf-8', { ignoreBOM: true });
`);
rewrite('decodeText', 'return decodeText(getUint8ArrayMemory0()', 'return cachedTextDecoder.decode(getUint8ArrayMemory0()');

// The JS heap's slots read in place (no JS value crosses the card's own boundary: only the
// panic path's dead imports use the heap, and tools/drop-dead-imports.mjs drops them).
rewrite('getObject', 'function getObject(idx) { return heap[idx]; }\n', '');
glue = glue.replace(/\bgetObject\((\w+)\)/g, 'heap[$1]');
if (glue.includes('getObject')) throw new Error('trim-glue: getObject still named in the glue');

// The memory's byte view made on first use and again when the memory grows (a grown memory
// detaches the old view, whose length is then 0); the wasm is instantiated once per page.
rewrite('byte view test', 'if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0) {', 'if (!cachedUint8ArrayMemory0?.byteLength) {');
rewrite('byte view reset', '    cachedUint8ArrayMemory0 = null;\n', '');

// `Date.now` is passed itself (it reads no `this`).
const NOW = /(__wbg_now_[0-9a-f]{16}): function\(\) \{\n {12}const ret = Date\.now\(\);\n {12}return ret;\n {8}\}/;
if (!NOW.test(glue)) throw new Error('trim-glue: no Date.now import found in the glue');
glue = glue.replace(NOW, '$1: Date.now');

// Pointers and lengths as the wasm passes them (an i32 below 2 GB, the most a memory that never
// nears it can hold: no `>>> 0` to read one unsigned).
rewrite('pointer read unsigned', '    ptr = ptr >>> 0;\n', '');
rewrite('byte view unset', 'let cachedUint8ArrayMemory0 = null;', 'let cachedUint8ArrayMemory0;');
if (glue.includes('>>> 0')) throw new Error('trim-glue: >>> 0 still in the glue');

fs.writeFileSync(to, glue);
