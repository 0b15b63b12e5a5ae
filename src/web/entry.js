// What the loader imports from `dist/recipe_card.js` (make build bundles this entry with esbuild,
// next to wasm-bindgen's glue as `glue.js` and the minified stylesheet as `card.css`): the card's
// three exports, the stylesheet as the string `css`, and, as the default export, the wasm's loading.
// wasm-bindgen's own `init` is left out: its options, deprecation warnings and checks for
// browsers older than the loader's own syntax cost bytes and nothing else.
import { __wbg_get_imports, __wbg_finalize_init, mount as start, refused } from './glue.js';

export { event, showError } from './glue.js';
/** Mounts a card; a recipe the wasm refuses (0) throws an `Error` naming the field at fault. */
export const mount = (root, text, event) => start(root, text, event) || refused();
export { default as css } from './card.css';

/** Fetches `url` and instantiates the wasm while it streams in, once per page (the loader asks once). */
export default async (url) => {
  const imports = __wbg_get_imports();
  const res = await fetch(url);
  if (!res.ok) throw new Error(`failed to fetch Wasm: ${res.status} ${res.statusText} fetching '${res.url}'`);
  let wasm;
  try {
    wasm = await WebAssembly.instantiateStreaming(res, imports);
  } catch (e) {
    // A host that serves the wasm without its MIME type: compiled after the download instead.
    if (res.headers.get('Content-Type') === 'application/wasm') throw e;
    console.warn('<recipe-card> the wasm is not served as application/wasm, so it loads slower', e);
    wasm = await WebAssembly.instantiate(await res.arrayBuffer(), imports);
  }
  __wbg_finalize_init(wasm.instance, wasm.module);
};
