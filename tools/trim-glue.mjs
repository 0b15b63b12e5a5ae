// Rewrites wasm-bindgen's glue (the pinned 0.2.130 output, after tools/shorten-imports.mjs) for
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

fs.writeFileSync(to, glue);
