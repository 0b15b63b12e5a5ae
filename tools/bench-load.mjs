// What the card costs a page, measured in headless Chromium with 4× CPU throttling (make bench):
// time from entering the viewport to the first full render, compile-to-render time, main-thread
// time added to a page load, wasm memory after mounting, and cumulative layout shift.
// A benchmark: it prints figures and exits 0 unless the page breaks. Usage:
//   node tools/bench-load.mjs [--runs N] [--cpu-throttle N] [--root DIR] [--json]
// (`--root`: another site root than www/, e.g. a copy of an earlier build's, for an A/B.)

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { loadCard } from './card-load.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/helpers.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const RUNS = opt('--runs', 5);
const THROTTLE = opt('--cpu-throttle', 4);
const JSON_OUT = args.includes('--json');
const ROOT = args.includes('--root') ? path.resolve(args[args.indexOf('--root') + 1]) : path.join(REPO, 'www');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer({ root: ROOT, port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  // The same post without the card, for the main-thread time the card adds.
  const bare = (await (await fetch(`${server.url}index.html`)).text())
    .replace(/<script type="module" src="recipe-card(\.min)?\.js"><\/script>/, '')
    .replace(/<recipe-card[^>]*><\/recipe-card>/, '');
  const withCard = [];
  for (let i = 0; i < RUNS; i++) withCard.push(await loadCard(browser, `${server.url}index.html`, { throttle: THROTTLE, settle: 1000 }));
  // Pages without the card go through a routed copy of index.html.
  const bareRuns = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
    await context.route('**/__bare.html', (r) => r.fulfill({ contentType: 'text/html', body: bare }));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await cdp.send('Performance.enable');
    await page.goto(`${server.url}__bare.html`, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
    bareRuns.push(m.TaskDuration * 1000);
    await context.close();
  }
  const figures = {
    cpu_throttle: THROTTLE,
    runs: RUNS,
    visible_to_render_ms: median(withCard.map((r) => Math.max(0, r.ready - r.visible))),
    compiled_to_render_ms: median(withCard.map((r) => r.ready - r.compiled)),
    main_thread_added_ms: median(withCard.map((r) => r.taskMs)) - median(bareRuns),
    wasm_memory_bytes: median(withCard.map((r) => r.memory)),
    cls: Math.max(...withCard.map((r) => r.shifts)),
  };
  if (JSON_OUT) {
    console.log(JSON.stringify(figures, null, 2));
  } else {
    const ms = (v) => `${v.toFixed(1)} ms`;
    console.log(`Page load cost of the card on index.html, headless Chromium, ${THROTTLE}× CPU throttle, median of ${RUNS}:`);
    console.log(`  entering the viewport → first full render   ${ms(figures.visible_to_render_ms)}`);
    console.log(`  wasm compiled → first full render            ${ms(figures.compiled_to_render_ms)}   (target < 50 ms)`);
    console.log(`  main-thread time added to the page load      ${ms(figures.main_thread_added_ms)}`);
    console.log(`  wasm memory after mounting                   ${(figures.wasm_memory_bytes / 1024).toFixed(0)} KiB`);
    console.log(`  cumulative layout shift (worst run)          ${figures.cls.toFixed(2)}   (target 0.00)`);
  }
} finally {
  await browser.close();
  await server.close();
}
