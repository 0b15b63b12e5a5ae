// Lets wasm-bindgen keep the JS values the wasm holds (roots, elements, the listener's control)
// in its JS-side heap array instead of a wasm `externref` table (make build, before wasm-bindgen).
// The crate is compiled with `-C target-feature=-reference-types` (the Makefile's cargo call), but
// the prebuilt `core` still lists `+reference-types` in the linked wasm's `target_features`
// section, and wasm-bindgen picks its externref transform from that section. So this copy of the
// wasm leaves that one entry out (the others, `multivalue` among them, stay). Without the
// externref table the wasm loses its table allocator and an externref shim per import (about
// −330 brotli in all, docs/performance.md). Usage: node tools/no-externref.mjs <in.wasm> <out.wasm>

import fs from 'node:fs';
import { leb, readLeb } from './leb.mjs';

const [from, to] = process.argv.slice(2);
const wasm = fs.readFileSync(from);


// A crate built with reference types imports wasm-bindgen's externref intrinsics: the transform
// this step turns off would then be needed, so the build stops instead.
if (wasm.includes('__wbindgen_externref_xform__')) {
  throw new Error(`no-externref: ${from} was built with reference types (RUSTFLAGS -reference-types missing)`);
}

const parts = [wasm.subarray(0, 8)];
let dropped = false;
let at = 8;
while (at < wasm.length) {
  const [size, body] = readLeb(wasm, at + 1);
  const end = body + size;
  const [nameLen, p] = readLeb(wasm, body);
  if (wasm[at] === 0 && wasm.toString('utf8', p, p + nameLen) === 'target_features') {
    let [count, q] = readLeb(wasm, p + nameLen);
    const kept = [];
    for (let i = 0; i < count; i++) {
      const start = q++;
      let len;
      [len, q] = readLeb(wasm, q);
      q += len;
      if (wasm.toString('utf8', q - len, q) === 'reference-types') dropped = true;
      else kept.push(wasm.subarray(start, q));
    }
    const section = Buffer.concat([wasm.subarray(body, p + nameLen), leb(kept.length), ...kept]);
    parts.push(Buffer.from([0]), leb(section.length), section);
  } else {
    parts.push(wasm.subarray(at, end));
  }
  at = end;
}
if (!dropped) throw new Error(`no-externref: no reference-types entry in ${from}'s target_features`);
fs.writeFileSync(to, Buffer.concat(parts));
