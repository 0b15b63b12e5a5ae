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

// Fallbacks for browsers older than the loader's own syntax (private methods, `??=`): every
// browser that runs the loader has TextEncoder.encodeInto.
rewrite(
  'encodeInto fallback',
  `if (!('encodeInto' in cachedTextEncoder)) {
    cachedTextEncoder.encodeInto = function (arg, view) {
        const buf = cachedTextEncoder.encode(arg);
        view.set(buf);
        return {
            read: arg.length,
            written: buf.length
        };
    };
}`,
  '',
);
// Strings go to the wasm by wasm-bindgen's own path for a module without `realloc` (encode, copy):
// the strings the card passes are short or passed once (the recipe), so its ASCII fast path and
// `encodeInto` growth are bytes to download for no measurable gain.
rewrite(
  'passStringToWasm0 by encode',
  `    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr;
    }

    let len = arg.length;
    let ptr = malloc(len, 1) >>> 0;

    const mem = getUint8ArrayMemory0();

    let offset = 0;

    for (; offset < len; offset++) {
        const code = arg.charCodeAt(offset);
        if (code > 0x7F) break;
        mem[ptr + offset] = code;
    }
    if (offset !== len) {
        if (offset !== 0) {
            arg = arg.slice(offset);
        }
        ptr = realloc(ptr, len, len = offset + arg.length * 3, 1) >>> 0;
        const view = getUint8ArrayMemory0().subarray(ptr + offset, ptr + len);
        const ret = cachedTextEncoder.encodeInto(arg, view);

        offset += ret.written;
        ptr = realloc(ptr, len, offset, 1) >>> 0;
    }

    WASM_VECTOR_LEN = offset;
    return ptr;
`,
  `    const buf = cachedTextEncoder.encode(arg);
    const ptr = wasm.__wbindgen_malloc(buf.length, 1) >>> 0;
    getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
    WASM_VECTOR_LEN = buf.length;
    return ptr;
`,
);
// ... so the allocator is named once, and `__wbindgen_realloc` nowhere: this runs before
// tools/shorten-imports.mjs, which then drops the export (and wasm-opt the code only it kept).
rewrite('passStringToWasm0 parameters', 'function passStringToWasm0(arg, malloc, realloc) {', 'function passStringToWasm0(arg) {');
const PASS = /passStringToWasm0\(([\w.]+), wasm\.__wbindgen_malloc, wasm\.__wbindgen_realloc\)/g;
if (!PASS.test(glue)) throw new Error('trim-glue: no passStringToWasm0 call found in the glue');
glue = glue.replace(PASS, 'passStringToWasm0($1)');
if (glue.includes('__wbindgen_realloc')) throw new Error('trim-glue: __wbindgen_realloc still named in the glue');
// The module and instance are kept for initSync and wasm-bindgen's threads, neither used here.
rewrite('unused module and instance', `    wasmInstance = instance;
    wasm = instance.exports;
    wasmModule = module;`, '    wasm = instance.exports;');

// A string the wasm asks for (`Option<String>` or `String` returned by an import) is written to
// the wasm's return slot by one function: its pointer (0 for none) and length, as two i32s.
const RETURN = new RegExp([
  ' {12}(?:var|const) ptr1 = (?:isLikeNone\\(ret\\) \\? 0 : )?passStringToWasm0\\(ret\\);',
  ' {12}(?:var|const) len1 = WASM_VECTOR_LEN;',
  ' {12}getDataViewMemory0\\(\\)\\.setInt32\\(\\(arg0 >>> 0\\) \\+ 4 \\* 1, len1, true\\);',
  ' {12}getDataViewMemory0\\(\\)\\.setInt32\\(\\(arg0 >>> 0\\) \\+ 4 \\* 0, ptr1, true\\);\\n',
].join('\\n'), 'g');
if (!RETURN.test(glue)) throw new Error('trim-glue: no string returned to the wasm found in the glue');
glue = glue.replace(RETURN, '            returnString(arg0, ret);\n');
if (glue.split('getDataViewMemory0()').length !== 2) throw new Error('trim-glue: getDataViewMemory0 still used in the glue');
if (glue.split('isLikeNone(').length !== 2) throw new Error('trim-glue: isLikeNone still used in the glue');
rewrite('DataView of the memory', `let cachedDataViewMemory0 = null;
function getDataViewMemory0() {
    if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.detached === true || (cachedDataViewMemory0.buffer.detached === undefined && cachedDataViewMemory0.buffer !== wasm.memory.buffer)) {
        cachedDataViewMemory0 = new DataView(wasm.memory.buffer);
    }
    return cachedDataViewMemory0;
}
`, `function returnString(at, s) {
    const ptr = s == null ? 0 : passStringToWasm0(s);
    new Int32Array(wasm.memory.buffer, at, 2).set([ptr, WASM_VECTOR_LEN]);
}
`);
rewrite('isLikeNone', `function isLikeNone(x) {
    return x === undefined || x === null;
}
`, '');
rewrite('DataView reset', '    cachedDataViewMemory0 = null;\n', '');

// Safari's TextDecoder fails after about 2 GB decoded, so wasm-bindgen renews it as it nears
// that: a card decodes a few hundred bytes a second while a timer runs (two months to get there).
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
`, `const cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
`);
rewrite('decodeText', 'return decodeText(getUint8ArrayMemory0()', 'return cachedTextDecoder.decode(getUint8ArrayMemory0()');

// The JS heap's slots read in place, and its borrow stack unchecked (the wasm borrows one value
// at a time, showError's root, from a stack of 1,024).
rewrite('getObject', 'function getObject(idx) { return heap[idx]; }\n', '');
glue = glue.replace(/\bgetObject\((\w+)\)/g, 'heap[$1]');
if (glue.includes('getObject')) throw new Error('trim-glue: getObject still named in the glue');
rewrite('borrow stack check', "    if (stack_pointer == 1) throw new Error('out of js stack');\n", '');

// The memory's byte view made on first use and again when the memory grows (a grown memory
// detaches the old view, whose length is then 0); the wasm is instantiated once per page.
rewrite('byte view test', 'if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0) {', 'if (!cachedUint8ArrayMemory0?.byteLength) {');
rewrite('byte view reset', '    cachedUint8ArrayMemory0 = null;\n', '');

// `Date.now` is passed itself (it reads no `this`).
const NOW = /(__wbg_now_[0-9a-f]{16}): function\(\) \{\n {12}const ret = Date\.now\(\);\n {12}return ret;\n {8}\}/;
if (!NOW.test(glue)) throw new Error('trim-glue: no Date.now import found in the glue');
glue = glue.replace(NOW, '$1: Date.now');

// Pointers and lengths as the wasm passes them (an i32 below 2 GB, the most a memory that never
// nears it can hold: no `>>> 0` to read one unsigned); the card number `mount` returns is small.
rewrite('pointer read unsigned', '    ptr = ptr >>> 0;\n', '');
rewrite('malloc read unsigned', 'const ptr = wasm.__wbindgen_malloc(buf.length, 1) >>> 0;', 'const ptr = wasm.__wbindgen_malloc(buf.length, 1);');
rewrite('mount read unsigned', '        return ret >>> 0;\n', '        return ret;\n');
rewrite('byte view unset', 'let cachedUint8ArrayMemory0 = null;', 'let cachedUint8ArrayMemory0;');
if (glue.includes('>>> 0')) throw new Error('trim-glue: >>> 0 still in the glue');

// Each import shim of one statement an arrow function (no `function`, braces, `const ret` or
// `return`): none reads `this`, and the wasm ignores what an import without results returns.
const SHIM = /: function\(([\w, ]*)\) \{\n {12}(?:const ret = (.*);\n {12}(return ret|returnString\(arg0, ret\));|(?!throw )([^\n]*);)\n {8}\}/g;
let shims = 0;
glue = glue.replace(SHIM, (_, args, value, use, statement) => {
  shims++;
  const body = statement ?? (use === 'return ret' ? value : `returnString(arg0, ${value})`);
  return `: (${args}) => ${body}`;
});
if (shims < 10) throw new Error(`trim-glue: only ${shims} import shims made arrows`);
if (/: function\((?!arg0, arg1\) \{\n {12}throw )/.test(glue)) throw new Error('trim-glue: an import shim left a function');

fs.writeFileSync(to, glue);
