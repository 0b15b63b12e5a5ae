// Renames the wasm's imports and exports to short names, in the wasm and in the wasm-bindgen glue
// at once (make build, after wasm-bindgen and before wasm-opt and esbuild). wasm-bindgen names
// each import `__wbg_<method>_<16 hex digits>` under the module "./recipe_card_bg.js", each
// snippet module by its path, and exports such as its closure shim
// `wasm_bindgen__convert__closures_____invoke__h<16 hex digits>`: each appears in the wasm and
// again in the glue, and the hex digits do not compress. Exports the glue never names
// (`__wbindgen_free`, the abort-handler globals) are dropped, so that wasm-opt can remove what
// only they kept. Usage: node tools/shorten-imports.mjs <dir with recipe_card_bg.wasm and recipe_card.js>

import fs from 'node:fs';
import { leb, readLeb } from './leb.mjs';
import path from 'node:path';

const dir = process.argv[2];
const wasmPath = path.join(dir, 'recipe_card_bg.wasm');
const gluePath = path.join(dir, 'recipe_card.js');
const wasm = fs.readFileSync(wasmPath);
let glue = fs.readFileSync(gluePath, 'utf8');


const str = (s) => Buffer.concat([leb(Buffer.byteLength(s)), Buffer.from(s)]);
const shortName = (i) => {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do {
    s += letters[i % 52];
    i = Math.floor(i / 52);
  } while (i);
  return s;
};

// The glue reaches each export as `wasm.<name>`; one it names in any other way stops the build.
const exportsRenamed = new Map();
const exportsDropped = [];
function exportSection(body) {
  let [count, p] = readLeb(wasm, body);
  const entries = [];
  for (let i = 0; i < count; i++) {
    let len;
    [len, p] = readLeb(wasm, p);
    const name = wasm.toString('utf8', p, p + len);
    p += len;
    const descStart = p;
    p++;
    [, p] = readLeb(wasm, p);
    if (name === 'memory') {
      // src/web/entry.js reads the memory as the first export, `a`, whether the glue names it
      // or not (it does not: no text crosses the glue).
      if (exportsRenamed.size) throw new Error('the memory is not the wasm\'s first export');
      exportsRenamed.set(name, shortName(0));
      entries.push(str(shortName(0)), wasm.subarray(descStart, p));
      continue;
    }
    if (!glue.includes(name)) {
      exportsDropped.push(name);
      continue;
    }
    if (!new RegExp(`\\bwasm\\.${name}\\b`).test(glue)) {
      throw new Error(`export ${name} is named in the glue, but never as wasm.${name}`);
    }
    const short = shortName(exportsRenamed.size);
    exportsRenamed.set(name, short);
    entries.push(str(short), wasm.subarray(descStart, p));
  }
  const section = Buffer.concat([leb(entries.length / 2), ...entries]);
  return Buffer.concat([Buffer.from([7]), leb(section.length), section]);
}

const parts = [wasm.subarray(0, 8)];
const MAIN = './recipe_card_bg.js';
const renamed = new Map();
const snippetImports = new Map();
let at = 8;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, body] = readLeb(wasm, at + 1);
  const end = body + size;
  if (id === 7) {
    parts.push(exportSection(body));
    at = end;
    continue;
  }
  if (id !== 2) {
    parts.push(wasm.subarray(at, end));
    at = end;
    continue;
  }
  let [count, p] = readLeb(wasm, body);
  const entries = [leb(count)];
  for (let i = 0; i < count; i++) {
    let len;
    [len, p] = readLeb(wasm, p);
    const module = wasm.toString('utf8', p, p + len);
    p += len;
    [len, p] = readLeb(wasm, p);
    const name = wasm.toString('utf8', p, p + len);
    p += len;
    const descStart = p;
    const kind = wasm[p++];
    if (kind === 0) [, p] = readLeb(wasm, p);
    else if (kind === 1) { p++; const [flags, q] = readLeb(wasm, p); [, p] = readLeb(wasm, q); if (flags & 1) [, p] = readLeb(wasm, p); }
    else if (kind === 2) { const [flags, q] = readLeb(wasm, p); [, p] = readLeb(wasm, q); if (flags & 1) [, p] = readLeb(wasm, p); }
    else if (kind === 3) p += 2;
    else throw new Error(`import kind ${kind}`);
    let newName = name;
    if (module.startsWith('./snippets/')) {
      // A snippet's function the wasm calls directly: listed with the others, under a short name.
      const key = `${module}\0${name}`;
      if (!snippetImports.has(key)) snippetImports.set(key, { module, name, short: `_${shortName(renamed.size + snippetImports.size)}` });
      newName = snippetImports.get(key).short;
    } else if (module !== MAIN) {
      throw new Error(`import from unknown module ${module}`);
    } else if (name.startsWith('__wbg_') || name.startsWith('__wbindgen_')) {
      if (!renamed.has(name)) renamed.set(name, `_${shortName(renamed.size + snippetImports.size)}`);
      newName = renamed.get(name);
    }
    entries.push(str('a'), str(newName), wasm.subarray(descStart, p));
  }
  const section = Buffer.concat(entries);
  parts.push(Buffer.from([2]), leb(section.length), section);
  at = end;
}

// The glue names each import as an object key, and each module as a key of the imports object.
for (const [from, to] of renamed) {
  const re = new RegExp(`\\b${from}\\b`, 'g');
  if (!re.test(glue)) throw new Error(`${from} not found in the glue`);
  glue = glue.replace(re, to);
}
// Every import now comes from the one module "a": the snippets' functions join the glue's own
// imports object (reached as `importN.name`, which esbuild binds directly, so that no namespace
// object is built for dom.js and device.js), and the snippets' entries leave the imports object.
const MAIN_KEY = `        "${MAIN}": import0,\n`;
if (glue.split(MAIN_KEY).length !== 2) throw new Error(`module ${MAIN} not found in the glue`);
glue = glue.replace(MAIN_KEY, '        "a": import0,\n');
const namespaces = new Map();
for (const [, id, from] of glue.matchAll(/^import \* as (import\d+) from "(\.\/snippets\/[^"]+)"$/gm)) {
  if (!namespaces.has(from)) namespaces.set(from, id);
  const entry = `        "${from}": ${id},\n`;
  if (glue.split(entry).length !== 2) throw new Error(`imports object entry ${id} for ${from} not found in the glue`);
  glue = glue.replace(entry, '');
}
if (glue.includes('"./snippets/') && /^\s*"\.\/snippets\//m.test(glue)) throw new Error('a snippet module is left in the imports object');
const OBJ = '    const import0 = {\n        __proto__: null,\n';
if (glue.split(OBJ).length !== 2) throw new Error('the imports object import0 not found in the glue');
let added = '';
for (const { module, name, short } of snippetImports.values()) {
  const ns = namespaces.get(module);
  if (!ns) throw new Error(`no namespace import of ${module} in the glue`);
  added += `        ${short}: ${ns}.${name},\n`;
}
glue = glue.replace(OBJ, OBJ + added);
if (/\bwasm\s*\[/.test(glue)) throw new Error('the glue indexes the wasm exports by a computed name');
for (const [from, to] of exportsRenamed) {
  glue = glue.replace(new RegExp(`\\bwasm\\.${from}\\b`, 'g'), `wasm.${to}`);
  if (glue.includes(`.${from}`)) throw new Error(`export ${from} is reached in the glue other than as wasm.${from}`);
}
fs.writeFileSync(wasmPath, Buffer.concat(parts));
fs.writeFileSync(gluePath, glue);
console.log(
  `shortened ${renamed.size} import names, ${snippetImports.size} snippet imports and ${exportsRenamed.size} export names;` +
    ` dropped the exports ${exportsDropped.join(', ') || '(none)'}`,
);
