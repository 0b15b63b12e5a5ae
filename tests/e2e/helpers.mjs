// Shared plumbing for the end-to-end tests: system Chromium via playwright-core, the
// dev static server on a random 127.0.0.1 port, card/ready helpers, axe scans and
// error collection. Not a test file itself (node --test only runs *.test.mjs here).

import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '..', '..');
// E2E_WWW lets the suite run against another site root (e.g. a stub while developing the tests).
export const WWW = process.env.E2E_WWW ? path.resolve(process.env.E2E_WWW) : path.join(REPO, 'www');
export const AXE_PATH = path.join(REPO, 'node_modules', 'axe-core', 'axe.min.js');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** How long to wait for every card to settle (ready or error). */
export const READY_TIMEOUT = Number(process.env.E2E_READY_TIMEOUT || 15_000);

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

// ---------------------------------------------------------------------------------------------
// Browser + server lifecycle

/**
 * Launch headless Chromium and start the static server for www/.
 * Returns { browser, server, baseURL, close }.
 */
export async function setup() {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
  }
  const server = await startServer({ root: WWW, port: 0 });
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  } catch (err) {
    await server.close();
    throw err;
  }
  return {
    browser,
    server,
    baseURL: server.url,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Fixtures: fail with a clear message (not a crash) when something isn't built/written yet.

/** Assert that files under www/ exist; `what` explains what they are. */
export function requireWww(...rels) {
  const missing = rels.filter((rel) => !fs.existsSync(path.join(WWW, rel)));
  assert.ok(
    missing.length === 0,
    `missing file(s) under www/: ${missing.join(', ')}` +
      (missing.some((m) => m.includes('dist') || m === 'recipe-card.js') ? ' — run the wasm build first (make)' : ''),
  );
}

/** The build artefacts every page needs. */
export function requireBuild() {
  requireWww('recipe-card.js', 'dist/recipe_card_bg.wasm');
}

/** Read and parse a JSON file under www/, failing the test clearly if absent or invalid. */
export function readRecipe(rel) {
  const file = path.join(WWW, rel);
  assert.ok(fs.existsSync(file), `recipe fixture not found: www/${rel}`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    assert.fail(`recipe fixture www/${rel} is not valid JSON: ${err.message}`);
  }
}

/** Map a URL served by our server back to a path relative to www/. */
export function wwwPathOf(url, baseURL) {
  const u = new URL(url);
  const b = new URL(baseURL);
  assert.equal(u.origin, b.origin, `expected a same-origin URL, got ${url}`);
  return decodeURIComponent(u.pathname.replace(/^\//, ''));
}

/** The recipe file (relative to www/) a card element points at via its src attribute. */
export async function recipePathOf(cardLocator, baseURL) {
  const src = await cardLocator.evaluate((el) => (el.getAttribute('src') ? new URL(el.getAttribute('src'), document.baseURI).href : null));
  assert.ok(src, 'card has no src attribute');
  return wwwPathOf(src, baseURL);
}

// ---------------------------------------------------------------------------------------------
// Pages

/**
 * Open a fresh context + page with collectors attached.
 * opts: { viewport, deviceScaleFactor, colorScheme }.
 * Returns { context, page, errors } where errors = { page: [], console: [], dialogs: [], failed: [] }.
 */
export async function openPage(env, opts = {}) {
  const context = await env.browser.newContext({
    baseURL: env.baseURL,
    viewport: opts.viewport ?? { width: 412, height: 915 },
    deviceScaleFactor: opts.deviceScaleFactor ?? 1,
    colorScheme: opts.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(10_000);
  // Keep everything on 127.0.0.1: anything else is aborted (and recorded).
  const offsite = [];
  await context.route(
    (url) => !['127.0.0.1', 'localhost'].includes(url.hostname) && !url.protocol.startsWith('data') && !url.protocol.startsWith('blob'),
    (route) => {
      offsite.push(route.request().url());
      return route.abort();
    },
  );
  const page = await context.newPage();
  const errors = collectErrors(page);
  errors.offsite = offsite;
  return { context, page, errors };
}

/** Collect uncaught page errors, console errors, dialogs and failed requests. */
export function collectErrors(page) {
  const errors = { page: [], console: [], dialogs: [], failed: [] };
  page.on('pageerror', (err) => errors.page.push(`${err.name}: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const url = msg.location()?.url ?? '';
    if (/\/favicon\.ico$/.test(url)) return; // the browser's own favicon probe
    errors.console.push(msg.text());
  });
  page.on('dialog', (dialog) => {
    errors.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on('requestfailed', (req) => errors.failed.push(`${req.url()} (${req.failure()?.errorText})`));
  return errors;
}

export function assertNoPageErrors(errors, what = 'page') {
  assert.deepEqual(errors.page, [], `${what}: uncaught page errors:\n  ${errors.page.join('\n  ')}`);
}

export function assertNoConsoleErrors(errors, what = 'page') {
  assert.deepEqual(errors.console, [], `${what}: console errors:\n  ${errors.console.join('\n  ')}`);
}

export function assertNoDialogs(errors, what = 'page') {
  assert.deepEqual(errors.dialogs, [], `${what}: dialogs fired:\n  ${errors.dialogs.join('\n  ')}`);
}

/** Navigate to a page under www/ (after checking it exists) and wait for every card to settle. */
export async function gotoPage(page, rel, { wait = true } = {}) {
  requireWww(rel);
  const resp = await page.goto(rel, { waitUntil: 'load' });
  assert.ok(resp && resp.ok(), `GET ${rel} failed: ${resp && resp.status()}`);
  if (wait) await waitForCards(page);
  return resp;
}

/** Locator for a card: by id, or the first recipe-card on the page. */
export function card(page, id) {
  return id ? page.locator(`recipe-card#${id}`) : page.locator('recipe-card').first();
}

/**
 * Wait until every recipe-card on the page has data-ready or data-error.
 * Fails with a list of the unsettled cards on timeout.
 */
export async function waitForCards(page, { timeout = READY_TIMEOUT, min = 1 } = {}) {
  try {
    await page.waitForFunction(
      (min) => {
        const cards = [...document.querySelectorAll('recipe-card')];
        return cards.length >= min && cards.every((el) => el.hasAttribute('data-ready') || el.hasAttribute('data-error'));
      },
      min,
      { timeout, polling: 50 },
    );
  } catch (err) {
    const state = await page
      .evaluate(() =>
        [...document.querySelectorAll('recipe-card')].map(
          (el, i) =>
            `#${i}${el.id ? ` id=${el.id}` : ''} src=${el.getAttribute('src')} ready=${el.hasAttribute('data-ready')} error=${el.hasAttribute('data-error')} shadow=${el.shadowRoot ? el.shadowRoot.childElementCount + ' children' : 'none'} defined=${!!customElements.get('recipe-card')}`,
        ),
      )
      .catch(() => ['(could not inspect page)']);
    throw new Error(
      `recipe cards did not settle (data-ready / data-error) within ${timeout} ms; found ${state.length} card(s):\n  ${state.join('\n  ')}\n(${err.message.split('\n')[0]})`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Accessibility

export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => {
          const target = JSON.stringify(n.target);
          const summary = (n.failureSummary || '').replace(/\n/g, '\n        ');
          return `    - ${target}\n      ${n.html.slice(0, 200)}\n        ${summary}`;
        })
        .join('\n');
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more node(s)` : '';
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}

/**
 * Run axe-core on one recipe-card (axe walks open shadow roots). Returns the violations.
 * `selector` is a light-DOM CSS selector for the card host, e.g. 'recipe-card' or '#ok'.
 */
export async function axeScan(page, selector = 'recipe-card') {
  assert.ok(fs.existsSync(AXE_PATH), `axe-core not installed at ${AXE_PATH} — run npm install`);
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(
    async ({ selector, tags }) => {
      const el = document.querySelector(selector);
      if (!el) return { error: `no element matches ${selector}` };
      const res = await window.axe.run(
        { include: [[selector]] },
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
      );
      return {
        violations: res.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
        })),
      };
    },
    { selector, tags: AXE_TAGS },
  );
  assert.ok(!result.error, result.error);
  return result.violations;
}

/** axeScan + assert zero violations, printing them readably on failure. */
export async function assertAccessible(page, selector = 'recipe-card', label = selector) {
  const violations = await axeScan(page, selector);
  assert.equal(
    violations.length,
    0,
    `axe found ${violations.length} violation(s) in ${label}:\n${formatViolations(violations)}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Misc

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Escape a string for use in a RegExp. */
export const reEscape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** RegExp matching `text` exactly (whole accessible name), tolerant of ' vs ’ and " vs “”. */
export function exactName(text) {
  const body = reEscape(text.trim())
    .replace(/['’]/g, "['’]")
    .replace(/["“”]/g, '["“”]')
    .replace(/\s+/g, '\\s+');
  return new RegExp(`^\\s*${body}\\s*$`);
}

// ---------------------------------------------------------------------------------------------
// Generated pages and console warnings (servings tests, benchmarks)

const escAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * HTML for a minimal page holding one <recipe-card>, meant to be served under www/test-pages/
 * (so `../recipe-card.js` and `../recipes/…` resolve). `attrs` are the element's attributes;
 * `recipe` (an object) is inlined as <script type="application/json"> instead of `src`.
 */
export function cardPageHtml({
  attrs = {},
  recipe = null,
  src = recipe ? null : '../recipes/caramelised-pork-mince.json',
  loader = '../recipe-card.js',
  title = 'Generated recipe card page',
} = {}) {
  const all = { ...(src ? { src } : {}), ...attrs };
  const attrText = Object.entries(all)
    .filter(([, v]) => v != null)
    .map(([k, v]) => ` ${k}="${escAttr(v)}"`)
    .join('');
  const inline = recipe
    ? `\n  <script type="application/json">${JSON.stringify(recipe).replace(/</g, '\\u003c')}</script>\n`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escAttr(title)}</title>
<link rel="icon" href="data:,">
</head>
<body>
<main>
<h1>${escAttr(title)}</h1>
<script type="module" src="${escAttr(loader)}"></script>
<recipe-card${attrText}>${inline}</recipe-card>
</main>
</body>
</html>
`;
}

/**
 * Serve `html` at `rel` (resolved against baseURL; any query string) for a page or context,
 * through Playwright routing: no file is written. Returns the absolute URL.
 */
export async function routeHtml(target, baseURL, rel, html) {
  const url = new URL(rel, baseURL);
  await target.route(
    (u) => u.origin === url.origin && u.pathname === url.pathname,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  return url.href;
}

/** Collect console.warn texts of a page (in order) into the returned array. */
export function collectWarnings(page) {
  const warnings = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning') warnings.push(msg.text());
  });
  return warnings;
}
