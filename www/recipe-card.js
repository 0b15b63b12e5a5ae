// recipe-card.js: the one module script a blogger adds.
//   <script type="module" src="https://…/recipe-card.js"></script>
//   <recipe-card src="my-recipe.json"></recipe-card>
// It registers <recipe-card> once, loads the wasm from ./dist/ next to this file (so it works
// from any CDN path), and mounts one card per element in an open shadow root.
//
// Never hurting the host page: nothing is fetched until a card comes near the viewport or the
// browser is idle, whichever is first; one wasm instance (compiled while it streams in) serves
// every card; and each card reserves a viewport's height until it renders, so the content below
// it never moves on screen (cumulative layout shift 0).

/** The glue (the JS the wasm runs with), and the glue once the wasm is instantiated: fetched
 * once for every card on the page (the glue prepares the first render while the wasm streams
 * in, and reads each recipe's JSON then). */
let glue, engine;

/** The recipe's JSON text, from `src` or an inline `<script type="application/json">` child.
 * The browser parses it (`src/web/tape.js`) and the wasm checks it, naming the place or the
 * field of any mistake. */
async function readRecipe(el) {
  const src = el.getAttribute('src');
  if (src) {
    let res;
    try {
      res = await fetch(src); // resolved against the page's base URL
    } catch {
      throw new Error(`${src}: could not be loaded (network error)`);
    }
    if (!res.ok) throw new Error(`${src}: could not be loaded (HTTP ${res.status}${res.status === 404 ? ', not found' : ''})`);
    return res.text();
  }
  const inline = el.querySelector('script[type="application/json"]');
  if (inline) return inline.textContent;
  throw new Error('no recipe: give <recipe-card> a src attribute or an inline <script type="application/json">');
}

/** Cards waiting to start, and what starts them: coming within 300px of the viewport, or idle time. */
const waiting = new Set();
const start = (el) => waiting.delete(el) && (near.unobserve(el), el.start());
const near = new IntersectionObserver(
  (entries) => entries.forEach((e) => e.isIntersecting && start(e.target)),
  { rootMargin: '300px 0px' },
);
/** The idle callback asked for (its handle, never 0), until it runs. */
let idle;

class RecipeCard extends HTMLElement {
  /** Frees the mounted card (its state, listeners and timers in the wasm). */
  #card;
  #run = 0;

  connectedCallback() {
    if (this.#card || waiting.has(this)) return;
    if (!this.shadowRoot) {
      // Until the card renders, a block a viewport tall: whatever its final size, the content
      // below it never moves on screen. (:host rules yield to the blogger's own CSS.)
      const placeholder = document.createElement('style');
      placeholder.textContent = ':host{display:block}';
      this.attachShadow({ mode: 'open' }).append(placeholder);
    }
    if (!this.hasAttribute('data-ready')) this.style.minHeight = '100vh';
    waiting.add(this);
    near.observe(this);
    idle ||= (window.requestIdleCallback ?? ((f) => setTimeout(f, 200)))(() => {
      idle = 0;
      [...waiting].forEach(start);
    }, { timeout: 3000 });
  }

  /** Loads the engine and the recipe, and mounts the card. */
  async start() {
    if (!this.isConnected || this.#card) return;
    const root = this.shadowRoot;
    const run = ++this.#run;
    // Both resolved against this module's URL, wherever it is served from.
    const js = (glue ??= import('./dist/recipe_card.js'));
    const wasm = (engine ??= js.then(async (m) => {
      await m.default(new URL('dist/recipe_card_bg.wasm', import.meta.url));
      return m;
    }));
    const stale = () => run !== this.#run || !this.isConnected;
    try {
      // The recipe is read (its tape) as soon as it and the glue are here, before the wasm.
      const [g, json] = await Promise.all([js, readRecipe(this)]);
      const recipe = g.tape(json);
      const m = await wasm;
      if (stale()) return;
      this.#card = m.card(root, recipe);
      this.removeAttribute('data-error');
      this.setAttribute('data-ready', '');
    } catch (e) {
      if (stale()) return;
      const detail = e?.message ?? String(e);
      const name = this.id ? `#${this.id}` : this.getAttribute('src') ?? 'inline recipe';
      console.error(`<recipe-card> ${name}: ${detail}`, e);
      const m = await wasm.catch(() => null);
      if (m) {
        m.error(root, detail);
      } else {
        // The wasm itself failed to load: say so without its stylesheet.
        const p = document.createElement('p');
        p.setAttribute('role', 'alert');
        p.textContent = `This recipe couldn't be shown. ${detail}`;
        root.replaceChildren(p);
      }
      this.setAttribute('data-error', '');
    }
    // Rendered either way: the reserved height goes (nothing moves when the card is at least as tall).
    this.style.minHeight = '';
  }

  disconnectedCallback() {
    // Moving an element disconnects and reconnects it in one task: free only on real removal.
    queueMicrotask(() => {
      if (this.isConnected) return;
      waiting.delete(this);
      near.unobserve(this);
      this.#run++;
      this.#card?.();
      this.#card = null;
      this.removeAttribute('data-ready');
    });
  }
}

if (!customElements.get('recipe-card')) customElements.define('recipe-card', RecipeCard);
