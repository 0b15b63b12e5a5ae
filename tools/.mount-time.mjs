import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '/work/main/tools/serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '/work/main/tests/e2e/helpers.mjs';
const server = await startServer({ root: '/work/main/www', port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const variant = process.argv[2] ?? 'plain';
let src = fs.readFileSync('/work/main/www/recipe-card.js', 'utf8');
src = src.replace('this.#card = m.Card.mount(root, recipe);', "performance.mark('m0'); this.#card = m.Card.mount(root, recipe); performance.mark('m1');");
src = src.replace("const recipe = await readRecipe(this);", "const recipe = await readRecipe(this); performance.mark('recipe');");
if (variant === 'warm') src = src.replace('function loadEngine() {', 'function loadEngine() { try { localStorage.getItem("x"); } catch {}');
const res = [];
for (let run = 0; run < 7; run++) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2 });
  await context.route('**/recipe-card.min.js', (r) => r.fulfill({ contentType: 'text/javascript', body: src }));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    const s = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async (...a) => { const r = await s.apply(WebAssembly, a); performance.mark('compiled'); return r; };
  });
  await page.goto(`${server.url}index.html`, { waitUntil: 'load' });
  await page.evaluate(() => document.querySelector('recipe-card')?.scrollIntoView());
  await page.waitForSelector('recipe-card[data-ready]');
  const m = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
  res.push([m.m1 - m.compiled, m.m0 - m.compiled, m.m1 - m.m0, m.recipe - m.compiled]);
  await context.close();
}
const med = (i) => res.map((r) => r[i]).sort((a, b) => a - b)[3].toFixed(1);
console.log(variant, 'compiled→mounted', med(0), 'compiled→mount start', med(1), 'mount', med(2), 'recipe-compiled', med(3));
await browser.close(); await server.close();
