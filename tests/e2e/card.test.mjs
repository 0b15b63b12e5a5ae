// End-to-end tests for <recipe-card>, driven by role and accessible name.
// Run: npm run test:e2e   (needs the wasm build in www/dist and www/recipe-card.js)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  REPO,
  setup,
  openPage,
  gotoPage,
  card,
  waitForCards,
  requireBuild,
  readRecipe,
  recipePathOf,
  assertAccessible,
  assertNoPageErrors,
  assertNoConsoleErrors,
  assertNoDialogs,
  exactName,
  sleep,
} from './helpers.mjs';

const TITLE = 'Vietnamese Caramelised Pork Mince Stir Fry';

// Ingredient names that must appear (case-insensitive substring of an ingredient's name).
const INGREDIENTS = [
  ['ground pork', /ground pork/i],
  ['palm sugar', /palm sugar/i],
  ['fish sauce', /fish sauce/i],
  ['shallots', /shallot/i],
  ['garlic', /garlic/i],
  ['red chilies', /red chil(?:i|ies|li|lies|e|es)\b/i],
  ['scallions', /scallion/i],
  ['water', /water/i],
  ['soy sauce', /soy sauce/i],
  ['oil', /\boil\b/i],
];

const STEP_TITLES = ['Create the Caramel Base', 'Brown the Pork Perfectly', 'Build Aromatic Layers', 'Finish with Bold Flavors'];

// Exactly as in the seed (minus the "→ " prefix).
const FAQ_QUESTIONS = [
  'Can I use ground chicken or turkey instead of pork?',
  "What if I don't have palm sugar?",
  'How do I know when the caramel is ready?',
  'Can I make this ahead of time?',
  'How can I make this dish less spicy?',
  "What's the best way to serve this dish?",
];

const SECTIONS = ['Ingredients', 'Steps', 'Frequently asked questions', 'Perfect pairings', 'Storage & make-ahead'];

const ERROR_TITLE = /This recipe couldn['’]t be shown\./;

// id -> what the error detail must mention
const BROKEN = {
  missing: /404|not found/i,
  // The browser's own SyntaxError (tape.js), which names the place: Chromium's words.
  'invalid-json': /in JSON at position \d+ \(line 4 column \d+\)/,
  'wrong-type': /servings\.base: invalid type: string "four", expected a whole number/,
  'missing-field': /steps/,
  'unknown-unit': /cupz/,
  'unknown-ingredient': /pepper/i,
};

const XSS_TITLE = '<img src=x onerror=alert(1)>';

let env;

before(async () => {
  env = await setup();
});

after(async () => {
  await env?.close();
});

/** Open a page under www/ in a fresh context; always closes the context afterwards. */
async function withPage(rel, opts, fn) {
  if (typeof opts === 'function') [fn, opts] = [opts, {}];
  requireBuild();
  const { context, page, errors } = await openPage(env, opts);
  try {
    await gotoPage(page, rel);
    return await fn(page, errors);
  } finally {
    await context.close();
  }
}

/**
 * A card section, found by its heading (role heading, level 3, exact name).
 */
function section(c, name) {
  return c.locator('section').filter({ has: c.page().getByRole('heading', { level: 3, name: exactName(name) }) });
}

/** The ingredients section of a card, its list items, and each item's ingredient name. */
async function ingredientNames(c) {
  const items = section(c, 'Ingredients').getByRole('listitem');
  const n = await items.count();
  const names = [];
  for (let i = 0; i < n; i++) {
    const li = items.nth(i);
    const part = li.locator('[part~="item"]');
    names.push(((await part.count()) ? await part.first().innerText() : await li.innerText()).trim());
  }
  return { items, names };
}

/** Loose singular/plural-insensitive equality for ingredient names. */
function sameIngredient(a, b) {
  const norm = (s) =>
    s
      .toLowerCase()
      .normalize('NFC')
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/(?:ies|es|s)$/, ''))
      .join(' ');
  const x = norm(a);
  const y = norm(b);
  return x === y || x.includes(y) || y.includes(x);
}

/** Every JSON ingredient (item or plural) is among the rendered ingredient names. */
function assertIngredientsShown(ingredients, names, what) {
  for (const ing of ingredients) {
    const wanted = [ing?.item, ing?.plural].filter((v) => typeof v === 'string');
    if (!wanted.length) continue;
    assert.ok(
      names.some((s) => wanted.some((w) => sameIngredient(s, w))),
      `${what}: ingredient "${wanted[0]}" not shown among: ${names.join(' | ')}`,
    );
  }
}

async function titleOf(c) {
  const h = c.getByRole('heading', { level: 2 }).first();
  await h.waitFor({ state: 'visible' });
  return (await h.textContent()).trim();
}

async function articleCount(c) {
  return c.evaluate((el) => (el.shadowRoot ? el.shadowRoot.querySelectorAll('article').length : -1));
}

// -------------------------------------------------------------------------------------------
// index.html

test('index.html: title, ingredients, steps, FAQ and sections are shown', async () => {
  await withPage('index.html', async (page, errors) => {
    const c = card(page);
    assert.equal(await c.count(), 1, 'index.html should contain a <recipe-card>');
    assert.ok(await c.getAttribute('data-ready') !== null, `card did not render (data-error=${await c.getAttribute('data-error')})`);

    // Title
    const title = c.getByRole('heading', { level: 2, name: exactName(TITLE) });
    await title.waitFor({ state: 'visible' });

    // Section headings
    for (const name of SECTIONS) {
      await c.getByRole('heading', { level: 3, name: exactName(name) }).waitFor({ state: 'visible' });
    }

    // Ingredients: every list item visible, the expected names present
    const { items, names } = await ingredientNames(c);
    const n = await items.count();
    assert.ok(n >= INGREDIENTS.length, `expected at least ${INGREDIENTS.length} ingredients, found ${n}: ${names.join(' | ')}`);
    for (let i = 0; i < n; i++) {
      assert.ok(await items.nth(i).isVisible(), `ingredient #${i + 1} (${names[i]}) is not visible`);
    }
    for (const [label, re] of INGREDIENTS) {
      assert.ok(names.some((s) => re.test(s)), `no ingredient named like "${label}" among: ${names.join(' | ')}`);
    }
    // Cross-check with the recipe JSON the page points at, when readable.
    const rel = await recipePathOf(c, env.baseURL);
    const recipe = readRecipe(rel);
    if (Array.isArray(recipe.ingredients)) {
      const active = recipe.ingredients.filter((g) => g?.use !== false);
      assert.ok(
        n >= active.length && n <= recipe.ingredients.length,
        `card shows ${n} ingredients, ${rel} has ${active.length} in use (${recipe.ingredients.length} in all)`,
      );
      assertIngredientsShown(active, names, rel);
    }
    if (typeof recipe.name === 'string') assert.equal(recipe.name, TITLE, `${rel} name`);

    // Steps
    const steps = section(c, 'Steps');
    for (const name of STEP_TITLES) {
      await steps.getByRole('heading', { level: 4, name: exactName(name) }).waitFor({ state: 'visible' });
    }
    const step1 = steps.getByRole('listitem').first();
    const step1Text = (await step1.textContent()).replace(/\s+/g, ' ');
    assert.match(step1Text, /palm sugar/i, 'step 1 should mention palm sugar');
    assert.match(
      step1Text,
      /[\d½¼¾⅓⅔⅛⅜⅝⅞][^.]{0,30}palm sugar/i,
      `step 1 should show the palm sugar amount inline, got: ${step1Text.slice(0, 300)}`,
    );

    // FAQ
    const faq = section(c, 'Frequently asked questions');
    for (const q of FAQ_QUESTIONS) {
      const h = faq.getByRole('heading', { name: exactName(q) });
      assert.equal(await h.count(), 1, `FAQ question heading not found: "${q}"`);
      await h.waitFor({ state: 'visible' });
    }

    await sleep(200);
    assertNoPageErrors(errors, 'index.html');
    assertNoConsoleErrors(errors, 'index.html');
    assertNoDialogs(errors, 'index.html');
  });
});

test('index.html: the card is an article named by its title; its sections add no landmarks', async () => {
  await withPage('index.html', async (page) => {
    const c = card(page);
    await c.getByRole('heading', { level: 2, name: exactName(TITLE) }).waitFor({ state: 'visible' });
    // Named sections would be region landmarks, repeated by every card on a page (axe:
    // landmark-unique); the h3 headings give the structure instead.
    assert.equal(await c.getByRole('region').count(), 0, 'card sections must not be landmarks');
    for (const name of SECTIONS) {
      assert.equal(await section(c, name).count(), 1, `section under heading "${name}"`);
    }
    // The card itself is an article named by its title.
    assert.equal(await c.getByRole('article', { name: exactName(TITLE) }).count(), 1, 'card should be an article named by its title');
  });
});

test('index.html: screenshot of the card top (412 wide, light) for the README', async () => {
  await withPage('index.html', { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2, colorScheme: 'light' }, async (page, errors) => {
    const c = card(page);
    await c.getByRole('heading', { level: 2 }).first().waitFor({ state: 'visible' });
    await page.evaluate(() => document.fonts.ready);
    await c.scrollIntoViewIfNeeded();
    // Only the real build updates docs/; a stub root (E2E_WWW) writes to test-results/.
    const out = process.env.E2E_WWW
      ? path.join(REPO, 'test-results', 'screenshot.png')
      : path.join(REPO, 'docs', 'screenshot.png');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    // The whole card is ~6,000 px tall on a phone: keep the title, meta, ingredients, first step.
    const box = await c.locator('article').boundingBox();
    assert.ok(box && box.height > 500, `card too small to be rendered: ${JSON.stringify(box)}`);
    await page.screenshot({
      path: out,
      fullPage: true,
      animations: 'disabled',
      caret: 'hide',
      clip: { x: 0, y: box.y + (await page.evaluate(() => scrollY)) - 16, width: 412, height: 1500 },
    });
    assert.ok(fs.statSync(out).size > 1000, `screenshot ${out} looks empty`);
    assertNoPageErrors(errors, 'index.html');
  });
});

test('index.html: axe finds no violations in the card (light and dark)', async () => {
  await withPage('index.html', { colorScheme: 'light' }, async (page, errors) => {
    await assertAccessible(page, 'recipe-card', 'index.html card (light)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await sleep(100);
    await assertAccessible(page, 'recipe-card', 'index.html card (dark)');
    assertNoPageErrors(errors, 'index.html');
  });
});

// -------------------------------------------------------------------------------------------
// Style isolation: hostile.html vs plain.html

async function measureCard(page) {
  const c = card(page);
  const title = c.getByRole('heading', { level: 2 }).first();
  await title.waitFor({ state: 'visible' });
  const ingredient = section(c, 'Ingredients').getByRole('listitem').first();
  await ingredient.waitFor({ state: 'visible' });
  const style = (loc) =>
    loc.evaluate((el) => {
      const cs = getComputedStyle(el);
      return {
        fontSize: cs.fontSize,
        lineHeight: cs.lineHeight,
        fontFamily: cs.fontFamily,
        textTransform: cs.textTransform,
        color: cs.color,
      };
    });
  const box = async (loc) => {
    const b = await loc.boundingBox();
    assert.ok(b, 'element has no bounding box');
    return { width: b.width, height: b.height };
  };
  return {
    title: { box: await box(title), style: await style(title) },
    ingredient: { box: await box(ingredient), style: await style(ingredient) },
  };
}

test('hostile.html vs plain.html: host page styles do not reach into the card, card styles do not leak out', async () => {
  const viewport = { width: 412, height: 915 };
  const plain = await withPage('test-pages/plain.html', { viewport }, async (page, errors) => {
    const m = await measureCard(page);
    return { ...m, errors };
  });
  const hostile = await withPage('test-pages/hostile.html', { viewport }, async (page, errors) => {
    const m = await measureCard(page);
    // The host page's own heading keeps its hostile styles (card CSS did not leak out).
    const hostHeading = await page.evaluate(() => {
      const h = document.querySelector('h1, h2, h3'); // light DOM only
      return h && { text: h.textContent.trim(), textTransform: getComputedStyle(h).textTransform };
    });
    assert.ok(hostHeading, 'hostile.html should have its own heading outside the card');
    assert.equal(
      hostHeading.textTransform,
      'uppercase',
      `host page heading "${hostHeading.text}" lost its hostile text-transform (card CSS leaked out?)`,
    );
    return { ...m, errors };
  });

  for (const part of ['title', 'ingredient']) {
    assert.deepEqual(hostile[part].style, plain[part].style, `${part} computed style differs (hostile vs plain)`);
    for (const dim of ['width', 'height']) {
      const a = plain[part].box[dim];
      const b = hostile[part].box[dim];
      assert.ok(Math.abs(a - b) <= 0.5, `${part} ${dim}: plain ${a}px vs hostile ${b}px`);
    }
  }
  assertNoPageErrors(plain.errors, 'plain.html');
  assertNoPageErrors(hostile.errors, 'hostile.html');
});

test('hostile.html: loader included twice defines the element once and renders one article', async () => {
  await withPage('test-pages/hostile.html', async (page, errors) => {
    const loaders = await page.evaluate(
      () => [...document.querySelectorAll('script[src]')].filter((s) => /recipe-card\.js/.test(s.getAttribute('src'))).length,
    );
    assert.ok(loaders >= 2, `hostile.html should include recipe-card.js twice, found ${loaders}`);
    assert.ok(await page.evaluate(() => typeof customElements.get('recipe-card') === 'function'), 'recipe-card is not defined');
    const cards = page.locator('recipe-card');
    const n = await cards.count();
    assert.ok(n >= 1, 'no recipe-card on hostile.html');
    for (let i = 0; i < n; i++) {
      const c = cards.nth(i);
      await titleOf(c);
      assert.equal(await articleCount(c), 1, `card #${i}: expected exactly one <article> in the shadow root`);
    }
    await sleep(200);
    assertNoPageErrors(errors, 'hostile.html');
  });
});

// -------------------------------------------------------------------------------------------
// Two cards on one page

test('two-cards.html: both cards render their own recipe; remove/re-add works', async () => {
  await withPage('test-pages/two-cards.html', async (page, errors) => {
    const cards = page.locator('recipe-card');
    assert.equal(await cards.count(), 2, 'two-cards.html should contain two recipe cards');

    const recipes = [];
    for (let i = 0; i < 2; i++) {
      const rel = await recipePathOf(cards.nth(i), env.baseURL);
      recipes.push({ rel, json: readRecipe(rel) });
    }
    assert.ok(
      recipes.some((r) => path.posix.basename(r.rel) === 'nuoc-cham.json'),
      `one card should load recipes/nuoc-cham.json, got ${recipes.map((r) => r.rel).join(', ')}`,
    );
    assert.notEqual(recipes[0].json.name, recipes[1].json.name, 'the two recipes should have different names');

    const titles = [];
    for (let i = 0; i < 2; i++) {
      const c = cards.nth(i);
      const { name, ingredients } = recipes[i].json;
      await c.getByRole('heading', { level: 2, name: exactName(name) }).waitFor({ state: 'visible' });
      titles.push(name);
      // The other card's title must not appear in this card.
      assert.equal(await c.getByRole('heading', { level: 2, name: exactName(recipes[1 - i].json.name) }).count(), 0);
      if (Array.isArray(ingredients)) {
        const { names } = await ingredientNames(c);
        assertIngredientsShown(ingredients.filter((g) => g?.use !== false), names, `card ${i} (${recipes[i].rel})`);
      }
    }

    // Remove the first card: the other keeps working, nothing throws.
    await page.evaluate(() => {
      const el = document.querySelectorAll('recipe-card')[0];
      window.__removed = { el, parent: el.parentNode, next: el.nextSibling };
      el.remove();
    });
    await sleep(300);
    assert.equal(await cards.count(), 1);
    // The loader freed the removed card's wasm object (it clears data-ready when it does).
    assert.equal(await page.evaluate(() => window.__removed.el.hasAttribute('data-ready')), false, 'removed card not freed');
    const remaining = cards.first();
    await remaining.getByRole('heading', { level: 2, name: exactName(titles[1]) }).waitFor({ state: 'visible' });
    assert.equal(await articleCount(remaining), 1);
    await page.setViewportSize({ width: 800, height: 900 }); // any resize/observer logic still sound
    await sleep(200);
    await remaining.getByRole('heading', { level: 2, name: exactName(titles[1]) }).waitFor({ state: 'visible' });
    assertNoPageErrors(errors, 'two-cards.html after remove');
    assertNoConsoleErrors(errors, 'two-cards.html after remove');

    // Re-add it: it renders again (once).
    await page.evaluate(() => {
      const { el, parent, next } = window.__removed;
      parent.insertBefore(el, next && next.parentNode === parent ? next : null);
    });
    assert.equal(await cards.count(), 2);
    const readded = cards.first();
    await readded.getByRole('heading', { level: 2, name: exactName(titles[0]) }).waitFor({ state: 'visible' });
    await waitForCards(page, { min: 2 });
    await sleep(300);
    assert.equal(await articleCount(readded), 1, 're-added card should hold exactly one <article>');
    assert.equal(await articleCount(cards.nth(1)), 1);
    await cards.nth(1).getByRole('heading', { level: 2, name: exactName(titles[1]) }).waitFor({ state: 'visible' });

    assertNoPageErrors(errors, 'two-cards.html');
    assertNoConsoleErrors(errors, 'two-cards.html');
    assertNoDialogs(errors, 'two-cards.html');
  });
});

test('two-cards.html: the host restyles one card through --rc-* properties and ::part only', async () => {
  await withPage('test-pages/two-cards.html', { colorScheme: 'light' }, async (page) => {
    await waitForCards(page, { min: 2 });
    const look = (id) =>
      page.locator(`#${id}`).evaluate((el) => {
        const root = el.shadowRoot;
        const css = (sel, prop) => getComputedStyle(root.querySelector(sel))[prop];
        return { amount: css('[part~=amount]', 'color'), title: css('[part~=title]', 'textTransform') };
      });
    assert.deepEqual(await look('first'), { amount: 'rgb(166, 65, 27)', title: 'none' }, 'default look');
    assert.deepEqual(await look('second'), { amount: 'rgb(29, 111, 66)', title: 'uppercase' }, 'restyled look');
  });
});

test('two-cards.html: one stylesheet, parsed once, styles every card and nothing on the page', async () => {
  await withPage('test-pages/two-cards.html', {}, async (page) => {
    await waitForCards(page, { min: 2 });
    const got = await page.evaluate(() => {
      const roots = [...document.querySelectorAll('recipe-card')].map((el) => el.shadowRoot);
      const sheets = roots.map((r) => r.adoptedStyleSheets);
      return {
        counts: sheets.map((s) => s.length),
        shared: sheets.every((s) => s[0] === sheets[0][0]),
        cardRules: sheets[0][0]?.cssRules.length ?? 0,
        styleElements: roots.map((r) => r.querySelectorAll('style').length),
        pageRulesWithPart: [...document.styleSheets].flatMap((s) => [...s.cssRules]).filter((r) => r.cssText.includes('--_a')).length,
      };
    });
    assert.deepEqual(got.counts, [1, 1], 'each card adopts one stylesheet');
    assert.ok(got.shared, 'the cards share one parsed stylesheet');
    assert.ok(got.cardRules > 50, `the stylesheet has the card's rules (${got.cardRules})`);
    assert.deepEqual(got.styleElements, [0, 0], 'no <style> copies in the cards');
    assert.equal(got.pageRulesWithPart, 0, 'none of the card rules are on the page');
  });
});

test('a browser without constructable stylesheets gets the same look from a <style> in each card', async () => {
  const look = (el) => ({
    styles: el.shadowRoot.querySelectorAll('style').length,
    adopted: el.shadowRoot.adoptedStyleSheets.length,
    bg: getComputedStyle(el.shadowRoot.querySelector('article')).backgroundColor,
    gap: getComputedStyle(el.shadowRoot.querySelector('[part~=controls]')).rowGap,
  });
  const adopted = await withPage('index.html', async (page) => {
    await waitForCards(page);
    return page.locator('recipe-card').evaluate(look);
  });
  const { context, page } = await openPage(env, {});
  try {
    // As in a browser where `new CSSStyleSheet()` throws.
    await page.addInitScript(() => {
      window.CSSStyleSheet = function () { throw new TypeError('Illegal constructor'); };
    });
    await gotoPage(page, 'index.html');
    await waitForCards(page);
    const fallback = await page.locator('recipe-card').evaluate(look);
    assert.deepEqual([adopted.styles, adopted.adopted], [0, 1], 'one adopted stylesheet');
    assert.deepEqual(fallback, { ...adopted, styles: 1, adopted: 0 });
  } finally {
    await context.close();
  }
});

test('theme attribute pins the card light or dark whatever the reader prefers', async () => {
  for (const [scheme, theme, bg] of [
    ['dark', null, 'rgb(28, 27, 26)'],
    ['dark', 'light', 'rgb(255, 255, 255)'],
    ['light', 'dark', 'rgb(28, 27, 26)'],
    ['light', null, 'rgb(255, 255, 255)'],
  ]) {
    await withPage('index.html', { colorScheme: scheme }, async (page) => {
      await waitForCards(page);
      if (theme) await page.locator('recipe-card').evaluate((el, t) => el.setAttribute('theme', t), theme);
      const got = await page.locator('recipe-card article').evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.equal(got, bg, `prefers ${scheme}, theme=${theme}`);
      if (theme) await assertAccessible(page, 'recipe-card', `theme=${theme} under ${scheme}`);
    });
  }
});

test('print: black on white, no shadow, even when the reader prefers dark', async () => {
  await withPage('index.html', { colorScheme: 'dark' }, async (page) => {
    await waitForCards(page);
    await page.emulateMedia({ media: 'print' });
    const got = await page.locator('recipe-card article').evaluate((el) => {
      const cs = getComputedStyle(el);
      const amount = getComputedStyle(el.querySelector('[part~=amount]'));
      return { color: cs.color, shadow: cs.boxShadow, amount: amount.color };
    });
    assert.deepEqual(got, { color: 'rgb(0, 0, 0)', shadow: 'none', amount: 'rgb(0, 0, 0)' });
  });
});

// -------------------------------------------------------------------------------------------
// Malformed recipes

test('malformed.html: good card renders, broken ones show an alert, XSS stays text', async (t) => {
  await withPage('test-pages/malformed.html', async (page, errors) => {
    const present = await page.evaluate(() => [...document.querySelectorAll('recipe-card')].map((el) => el.id));

    await t.test('#ok renders its title', async () => {
      assert.ok(present.includes('ok'), `malformed.html has no recipe-card#ok (found: ${present.join(', ')})`);
      const c = card(page, 'ok');
      const rel = await recipePathOf(c, env.baseURL).catch(() => null);
      const expected = rel ? readRecipe(rel).name : null;
      const title = await titleOf(c);
      if (expected) assert.equal(title, expected);
      assert.ok(title.length > 0);
      assert.equal(await c.getByRole('alert').count(), 0, '#ok should not show an error');
    });

    for (const [id, detailRe] of Object.entries(BROKEN)) {
      await t.test(`#${id} shows an error alert mentioning ${detailRe}`, async () => {
        assert.ok(present.includes(id), `malformed.html has no recipe-card#${id} (found: ${present.join(', ')})`);
        const c = card(page, id);
        assert.notEqual(await c.getAttribute('data-error'), null, `#${id} should have data-error`);
        const alert = c.getByRole('alert');
        await alert.waitFor({ state: 'visible' });
        const text = (await alert.innerText()).trim();
        assert.match(text, ERROR_TITLE, `#${id} alert text: ${text}`);
        const detail = text.replace(ERROR_TITLE, '').trim();
        assert.ok(detail.length > 0, `#${id}: error detail is blank`);
        assert.match(detail, detailRe, `#${id}: error detail "${detail}" should mention ${detailRe}`);
        const box = await alert.boundingBox();
        assert.ok(box && box.height > 10 && box.width > 10, `#${id}: alert is (nearly) blank: ${JSON.stringify(box)}`);

        // The card logs the problem with console.error.
        const src = await c.getAttribute('src');
        const file = src ? path.posix.basename(src.split(/[?#]/)[0]) : null;
        const logged = errors.console.some(
          (m) =>
            !/^Failed to load resource/.test(m) &&
            ((file && m.includes(file)) || m.includes(detail) || detailRe.test(m)),
        );
        assert.ok(
          logged,
          `#${id}: expected a console.error mentioning ${file ?? '(inline)'} or "${detail}"; console errors:\n  ${errors.console.join('\n  ')}`,
        );
      });
    }

    await t.test('#xss: markup in the recipe is shown as text, never executed', async () => {
      assert.ok(present.includes('xss'), `malformed.html has no recipe-card#xss (found: ${present.join(', ')})`);
      const c = card(page, 'xss');
      await sleep(500); // give any injected onerror handler a chance to fire
      const title = await titleOf(c);
      assert.equal(title, XSS_TITLE);
      await c.getByRole('heading', { level: 2, name: exactName(XSS_TITLE) }).waitFor({ state: 'visible' });
      const imgs = await c.evaluate((el) => el.shadowRoot.querySelectorAll('img, script, iframe, object, embed').length);
      assert.equal(imgs, 0, 'the #xss shadow root contains injected elements');
      assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined', 'window.__xss was set');
      assertNoDialogs(errors, 'malformed.html');
    });

    await t.test('no uncaught page errors', async () => {
      assertNoPageErrors(errors, 'malformed.html');
      assertNoDialogs(errors, 'malformed.html');
    });
  });
});
