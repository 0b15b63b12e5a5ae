// recipe-card.js: the one module script a blogger adds.
//   <script type="module" src="https://…/recipe-card.js"></script>
//   <recipe-card src="my-recipe.json"></recipe-card>
// It registers <recipe-card> once, loads the wasm from ./dist/ next to this file (so it works
// from any CDN path), and mounts one card per element in an open shadow root.

const DIST = new URL('./dist/', import.meta.url);
let engine;

/** The wasm module, fetched and instantiated once for every card on the page. */
function loadEngine() {
  engine ??= import(new URL('recipe_card.js', DIST).href).then(async (m) => {
    await m.default({ module_or_path: new URL('recipe_card_bg.wasm', DIST) });
    return m;
  });
  return engine;
}

/** The recipe's JSON text, from `src` or an inline `<script type="application/json">` child.
 * The wasm parses it, naming the line, column or field of any mistake. */
async function readRecipe(el) {
  const src = el.getAttribute('src');
  if (src) {
    let res;
    try {
      res = await fetch(new URL(src, document.baseURI));
    } catch {
      throw new Error(`${src}: could not be loaded (network error)`);
    }
    if (!res.ok) {
      const why = res.status === 404 ? ', not found' : '';
      throw new Error(`${src}: could not be loaded (HTTP ${res.status}${why})`);
    }
    return res.text();
  }
  const inline = el.querySelector('script[type="application/json"]');
  if (inline) return inline.textContent;
  throw new Error('no recipe: give <recipe-card> a src attribute or an inline <script type="application/json">');
}

class RecipeCard extends HTMLElement {
  #card = null;
  #run = 0;

  connectedCallback() {
    if (this.#card) return;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    this.#mount(root, ++this.#run);
  }

  disconnectedCallback() {
    // Moving an element disconnects and reconnects it in one task: free only on real removal.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#run++;
      this.#card?.free();
      this.#card = null;
      this.removeAttribute('data-ready');
    });
  }

  async #mount(root, run) {
    const wasm = loadEngine();
    const stale = () => run !== this.#run || !this.isConnected;
    try {
      const recipe = await readRecipe(this);
      const m = await wasm;
      if (stale()) return;
      this.#card = m.Card.mount(root, recipe);
      this.removeAttribute('data-error');
      this.setAttribute('data-ready', '');
    } catch (e) {
      if (stale()) return;
      const detail = e?.message ?? String(e);
      const name = this.id ? `#${this.id}` : this.getAttribute('src') ?? 'inline recipe';
      console.error(`<recipe-card> ${name}: ${detail}`, e);
      const m = await wasm.catch(() => null);
      if (m) {
        m.showError(root, detail);
      } else {
        // The wasm itself failed to load: say so without its stylesheet.
        const p = document.createElement('p');
        p.setAttribute('role', 'alert');
        p.textContent = `This recipe couldn't be shown. ${detail}`;
        root.replaceChildren(p);
      }
      this.setAttribute('data-error', '');
    }
  }
}

if (!customElements.get('recipe-card')) customElements.define('recipe-card', RecipeCard);
