// Blanks the text in the wasm's data that only a panic message would read (make build, before
// wasm-opt, whose memory packing then drops the zeroed runs). The panic handler
// (src/web/runtime.rs) traps without reading its message or location, but the code that calls it
// still names them, so the linker keeps source paths, core's and alloc's panic messages and the
// two-digit table of core's integer formatting (which nothing else in the wasm uses). On nightly,
// `-Zlocation-detail=none` and `panic = "immediate-abort"` would leave them out; on stable this
// tool does. Each text is found by its exact bytes; if one is missing (a new toolchain or
// wasm-bindgen), the build stops here so the list is looked at again.
// Usage: node tools/blank-panic-text.mjs <in.wasm> <out.wasm>

import fs from 'node:fs';
import { readLeb } from './leb.mjs';

const [from, to] = process.argv.slice(2);
const wasm = fs.readFileSync(from);

// The data section (id 11): where every searched text must lie.
let start = -1;
let end = -1;
for (let at = 8; at < wasm.length; ) {
  const id = wasm[at];
  const [size, body] = readLeb(wasm, at + 1);
  if (id === 11) [start, end] = [body, body + size];
  at = body + size;
}
if (start < 0) throw new Error('blank-panic-text: no data section');
const data = wasm.subarray(start, end);

const digits = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')).join('');
// Passed only to panics, by alloc (Vec growth, allocation failure). Each must be present. (With
// js-sys linked, for `Date.now`, wasm-bindgen's runtime also brought RefCell's and its closures'
// messages and `shrink_to`'s; src/web/browser.rs now imports `Date.now` as it is.)
const messages = ['capacity overflow', 'memory allocation of ', ' bytes failed', digits];

let blanked = 0;
function blank(at, length) {
  data.fill(0, at, at + length);
  blanked += length;
}

const text = data.toString('latin1');
for (const message of messages) {
  const at = text.indexOf(message);
  if (at < 0 || text.indexOf(message, at + 1) >= 0) {
    throw new Error(`blank-panic-text: expected ${JSON.stringify(message.slice(0, 40))} once in the data`);
  }
  blank(at, message.length);
}
// Source paths of panic locations: absolute paths ending in `.rs` (the recipe's own text never
// holds one; its JSON is read at run time, not compiled in).
let paths = 0;
for (const m of text.matchAll(/\/[\w.\-/@]+\.rs/g)) {
  blank(m.index, m[0].length);
  paths++;
}
if (paths === 0) throw new Error('blank-panic-text: no source path in the data');

fs.writeFileSync(to, wasm);
console.log(`blank-panic-text: ${blanked} bytes blanked (${messages.length} messages, ${paths} paths)`);
