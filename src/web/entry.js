// What the loader imports from `dist/recipe_card.js` (make build bundles this entry with esbuild,
// next to wasm-bindgen's glue as `glue.js` and the minified stylesheet as `card.css`): as the
// default export, the wasm's loading; `tape`, which reads a recipe's JSON text (src/web/tape.js);
// `card` and `error`, which fill a card's shadow root and style it. wasm-bindgen's own `init` is
// left out: its options, deprecation warnings and checks for browsers older than the loader's
// own syntax cost bytes and nothing else. What only runs once the glue is here lives here, not in
// the loader that every page downloads up front.
import { __wbg_get_imports, __wbg_finalize_init, mount, event, showError } from './glue.js';
// dom.js as the glue imports it: `make build` writes `./dom.js` as a re-export of the snippet
// wasm-bindgen wrote (its path holds a hash of the crate's name and version), so the bundle has
// one dom.js. No JS value crosses the wasm's boundary: dom.js is handed the wasm's `event`
// export and memory once (`wire`), and each card's root before the wasm renders it (`hold`).
import { hold, wire, fail, warm } from './dom.js';
export { tape } from './tape.js';
import css from './card.css';

/** The card's stylesheet, parsed once and adopted by every card's shadow root. */
let sheet;

/** Fetches `url` and instantiates the wasm while it streams in, once per page (the loader asks once). */
export default async (url) => {
  const imports = __wbg_get_imports();
  const fetched = fetch(url);
  // While the wasm streams in and compiles, the main thread waits: parse the stylesheet, open
  // localStorage (its first use costs ≈ 30 ms at 4× CPU throttling) and pay the first-time
  // costs of building the card (`warm`) now, so that none lands between the wasm's arrival and
  // the first render (docs/performance.md).
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  } catch {
    sheet = null; // no constructable stylesheets: each card gets a <style> (see `style`)
  }
  try {
    localStorage.getItem('recipe-card:units');
  } catch { /* storage forbidden: the card reads nothing stored */ }
  warm();
  const res = await fetched;
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
  // `a`: the memory, the wasm's first export (tools/shorten-imports.mjs names them in order).
  wire(event, __wbg_finalize_init(wasm.instance, wasm.module).a);
};

/** Styles a card, in the task that rendered it (so before it is painted): the shared
 * stylesheet, or, in a browser without constructable stylesheets, a `<style>` of its own. */
function style(root) {
  if (sheet) root.adoptedStyleSheets = [sheet];
  else root.prepend(Object.assign(document.createElement('style'), { textContent: css }));
}

/** Renders `recipe` (the recipe's tape: the loader has `tape` read its JSON text while the wasm
 * streams in; text that is not JSON throws the browser's `SyntaxError` there, which names the
 * place) into `root` and styles it; returns what frees the card (its state, listener and
 * timers in the wasm). A recipe the wasm refuses (0) throws an `Error` naming the field at
 * fault (`fail`, thrown here and not in the wasm). */
export function card(root, recipe) {
  const id = mount(hold(root, recipe)) || fail();
  style(root);
  return () => event(id, 5); // 5: the card is freed
}

/** Shows `detail` in place of a card, styled. */
export function error(root, detail) {
  showError(hold(root, detail));
  style(root);
}
