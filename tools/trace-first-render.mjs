#!/usr/bin/env node
// Where the first render's time goes (docs/performance.md): loads index.html in headless Chromium
// with 4× CPU throttling, records a trace from scrolling to the card until it is ready, and prints,
// per run, the time from the wasm's arrival (instantiateStreaming resolved) to `data-ready`, then
// the browser's own work inside that window summed by kind (lazy wasm compilation, stylesheet
// parsing, …); the rest of the window is the card's JS and wasm running. A diagnostic, not a test.
//
//   node tools/trace-first-render.mjs [--runs N]    (after make build)

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/helpers.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--runs');
const RUNS = i > 0 ? Number(process.argv[i + 1]) : 3;

// Marks the wasm's arrival and the card's readiness on the trace's clock.
const PROBE = () => {
  const stream = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (...a) => {
    const r = await stream.apply(WebAssembly, a);
    console.timeStamp('rc:compiled');
    return r;
  };
  addEventListener('DOMContentLoaded', () => {
    const card = document.querySelector('recipe-card');
    new MutationObserver(() => card.hasAttribute('data-ready') && console.timeStamp('rc:ready')).observe(card, { attributes: true });
  });
};

const server = await startServer({ root: path.join(REPO, 'www'), port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const total = {};
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(PROBE);
    await page.goto(`${server.url}index.html`, { waitUntil: 'load' });
    const events = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,v8.wasm,blink', transferMode: 'ReportEvents' });
    await page.evaluate(() => document.querySelector('recipe-card')?.scrollIntoView());
    await page.waitForSelector('recipe-card[data-ready]', { timeout: 60_000 });
    await page.waitForTimeout(200);
    await cdp.send('Tracing.end');
    await done;
    await context.close();
    const stamp = (m) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === m);
    const [from, to] = [stamp('rc:compiled'), stamp('rc:ready')];
    if (!from || !to) throw new Error('the trace has no rc:compiled / rc:ready marks');
    console.log(`run ${run + 1}: wasm arrived → card ready ${((to.ts - from.ts) / 1000).toFixed(1)} ms`);
    // Top-level slices (not nested in another listed slice) on the main thread, inside the window.
    const inside = events
      .filter((e) => e.ph === 'X' && e.dur && e.tid === to.tid && e.ts >= from.ts && e.ts + e.dur <= to.ts)
      .sort((a, b) => a.ts - b.ts);
    let end = 0;
    for (const e of inside) {
      if (e.ts < end) continue;
      end = e.ts + e.dur;
      total[e.name] = (total[e.name] ?? 0) + e.dur / 1000 / RUNS;
    }
  }
  console.log(`browser work inside that window, mean of ${RUNS} runs:`);
  for (const [name, ms] of Object.entries(total).sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`  ${ms.toFixed(1).padStart(6)} ms  ${name}`);
  }
} finally {
  await browser.close();
  await server.close();
}
