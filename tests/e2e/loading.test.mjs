// Loading that never hurts the host page: the wasm is fetched only when a card comes near the
// viewport or the browser is idle, once for every card, and the page never shifts (CLS 0).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitForCards, routeHtml, sleep, collectWarnings } from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

// A browser that is never idle: only nearness to the viewport can start a card.
const NEVER_IDLE = () => {
  window.requestIdleCallback = () => 0;
};

const FAR_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Far below</title>
<link rel="icon" href="data:,"></head><body><main><h1>A long post</h1>
<div style="height: 4000px">Story…</div>
<script type="module" src="../recipe-card.js"></script>
<recipe-card id="one" src="../recipes/caramelised-pork-mince.json"></recipe-card>
<recipe-card id="two" src="../recipes/nuoc-cham.json"></recipe-card>
<p id="after">The end.</p></main></body></html>`;

test('a card far below the fold loads nothing until the reader scrolls near it, then one wasm serves both', async () => {
  const { context, page } = await openPage(env);
  try {
    await context.addInitScript(NEVER_IDLE);
    const wasm = [];
    page.on('request', (r) => /\.wasm$/.test(r.url()) && wasm.push(r.url()));
    const recipes = [];
    page.on('request', (r) => /recipes\/.*\.json$/.test(r.url()) && recipes.push(r.url()));
    await routeHtml(page, env.baseURL, 'test-pages/__far.html', FAR_PAGE);
    await page.goto('test-pages/__far.html');
    await sleep(800);
    assert.deepEqual(wasm, [], 'no wasm fetched for a card nobody can see');
    assert.deepEqual(recipes, [], 'no recipe fetched either');
    const reserved = await page.locator('#one').evaluate((el) => el.getBoundingClientRect().height);
    assert.equal(reserved, await page.evaluate(() => innerHeight), 'the card reserves a viewport before it renders');
    await page.locator('#one').scrollIntoViewIfNeeded();
    await waitForCards(page, { min: 2 });
    assert.equal(wasm.length, 1, `one wasm for every card, got ${wasm.join(', ')}`);
    assert.equal(recipes.length, 2);
  } finally {
    await context.close();
  }
});

test('an idle browser starts cards below the fold without waiting for a scroll', async () => {
  const { context, page } = await openPage(env);
  try {
    await routeHtml(page, env.baseURL, 'test-pages/__far.html', FAR_PAGE);
    await page.goto('test-pages/__far.html');
    await waitForCards(page, { min: 2 });
    assert.equal(await page.locator('recipe-card[data-ready]').count(), 2);
  } finally {
    await context.close();
  }
});

// The card at the top of a post, with text right below it on screen: the worst case for shifts.
// The page carries the embed's one line of CSS (README), which holds the space from first paint.
const TOP_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Card first</title>
<link rel="icon" href="data:,">
<style>recipe-card:not([data-ready]) { display: block; min-height: 100vh; }</style>
</head><body><main><h1>Dinner tonight</h1>
<script type="module" src="../recipe-card.js"></script>
<recipe-card src="../recipes/caramelised-pork-mince.json"></recipe-card>
<p>Right below the card, where a shift would show.</p></main></body></html>`;

for (const [name, viewport, rel] of [
  ['index.html, phone', { width: 412, height: 915 }, 'index.html'],
  ['index.html, desktop', { width: 1280, height: 800 }, 'index.html'],
  ['card at the top, phone', { width: 412, height: 915 }, 'test-pages/__top.html'],
  ['card at the top, desktop', { width: 1280, height: 800 }, 'test-pages/__top.html'],
]) {
  test(`cumulative layout shift is 0.00 while the card loads (${name})`, async () => {
    const { context, page } = await openPage(env, { viewport });
    try {
      await context.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await routeHtml(page, env.baseURL, 'test-pages/__top.html', TOP_PAGE);
      await page.goto(rel);
      await waitForCards(page);
      // Bring the card into view and let everything settle, fonts and all.
      await page.locator('recipe-card').scrollIntoViewIfNeeded();
      await sleep(500);
      const shifts = await page.evaluate(() => window.__shifts);
      const cls = shifts.reduce((a, b) => a + b, 0);
      assert.equal(cls.toFixed(2), '0.00', `layout shifts: ${JSON.stringify(shifts)}`);
    } finally {
      await context.close();
    }
  });
}

test('a host that serves the wasm without its MIME type still gets a card, with a warning', async () => {
  const { context, page } = await openPage(env);
  try {
    const warnings = collectWarnings(page);
    await page.route(/\.wasm$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
    });
    await page.goto('index.html');
    await page.locator('recipe-card').first().scrollIntoViewIfNeeded();
    await waitForCards(page);
    assert.equal(await page.locator('recipe-card[data-error]').count(), 0);
    assert.ok(
      warnings.some((w) => w.includes('not served as application/wasm')),
      `expected the MIME-type warning, got ${JSON.stringify(warnings)}`,
    );
  } finally {
    await context.close();
  }
});

test('a wasm that cannot be fetched shows its status in the card', async () => {
  const { context, page } = await openPage(env);
  try {
    await page.route(/\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto('index.html');
    const el = page.locator('recipe-card').first();
    await el.scrollIntoViewIfNeeded();
    await page.waitForSelector('recipe-card[data-error]', { timeout: 15_000 });
    const text = await el.evaluate((e) => e.shadowRoot.textContent);
    assert.match(text, /failed to fetch Wasm: 404/);
  } finally {
    await context.close();
  }
});
