// Drops from wasm-bindgen's glue every import entry the optimised wasm no longer imports (make
// build, after wasm-opt and before esbuild): wasm-opt removes imports whose every call it proved
// dead (the JS heap's object drop, the panic path's throw), but the glue still lists them, and
// whatever only they call (takeObject, dropObject, the heap's free list) stays in the bundle.
// With no heap slot ever taken, the heap is only the borrow stack: its reserved constants go too.
// Usage: node tools/drop-dead-imports.mjs <recipe_card_bg.wasm> <recipe_card.js>

import fs from 'node:fs';

const [wasmPath, gluePath] = process.argv.slice(2);
const imported = new Set(
  WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(wasmPath))).map((i) => i.name),
);
let glue = fs.readFileSync(gluePath, 'utf8');

// The imports object: one entry per import, `        name: ...,` up to the next entry or its end.
const start = glue.indexOf('    const import0 = {\n        __proto__: null,\n');
const end = glue.indexOf('\n    };\n', start);
if (start < 0 || end < 0) throw new Error('drop-dead-imports: no imports object found in the glue');
const head = glue.slice(0, start) + '    const import0 = {\n        __proto__: null,\n';
const body = glue.slice(head.length, end + 1);
const entries = body.split(/(?=^ {8}\w+: )/m);
const dropped = [];
const kept = entries.filter((e) => {
  const name = /^ {8}(\w+): /.exec(e)?.[1];
  if (!name) throw new Error(`drop-dead-imports: unexpected text in the imports object:\n${e}`);
  if (imported.has(name)) return true;
  dropped.push(name);
  return false;
});
if (kept.length !== imported.size) {
  throw new Error(`drop-dead-imports: the wasm imports ${imported.size} names, the glue lists ${kept.length} of them`);
}
glue = head + kept.join('') + glue.slice(end + 1);

// No heap slot taken (no addHeapObject, no takeObject left): the heap holds only what the wasm
// borrows for one call, from the top of its 1,024 slots down; the constants above them (undefined,
// null, true, false) are never read.
const HEAP = 'let heap = new Array(1024).fill(undefined);\nheap.push(undefined, null, true, false);\n';
if (!/addHeapObject|takeObject\(arg/.test(glue) && glue.includes(HEAP)) {
  glue = glue.replace(HEAP, 'const heap = [];\n').replace('let heap_next = heap.length;\n', '');
}

// The imports object and its module map as plain objects: the wasm's import names (`a`, `_a`…)
// are no Object.prototype keys.
if (glue.split('        __proto__: null,\n').length !== 3) throw new Error('drop-dead-imports: expected two __proto__ lines');
glue = glue.split('        __proto__: null,\n').join('');

fs.writeFileSync(gluePath, glue);
console.log(`drop-dead-imports: dropped ${dropped.join(', ') || 'nothing'}`);
