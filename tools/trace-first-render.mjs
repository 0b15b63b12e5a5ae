#!/usr/bin/env node
// Where the first render's time goes (docs/performance.md): loads index.html in headless Chromium
// with 4× CPU throttling (or `--cpu-throttle N`), records a trace from scrolling to the card until it is ready, and prints,
// per run, the time from the wasm's arrival (instantiateStreaming resolved) to `data-ready`, then
// the browser's own work inside that window summed by kind (lazy wasm compilation, stylesheet
// parsing, …), and the JS and wasm functions that ran there by their own sampled time (V8's
// sampling profiler at 100 µs, so a function's figure is a count of samples, not a timing).
// A diagnostic, not a test.
//
//   node tools/trace-first-render.mjs [--runs N] [--top N] [--cpu-throttle N]    (after make build)

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/helpers.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const opt = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = opt('--runs', 3);
const TOP = opt('--top', 25);
const THROTTLE = opt('--cpu-throttle', 4);

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

/** Sampled self time (ms) per function inside [from, to], from the trace's ProfileChunk events. */
function sampled(events, from, to, into) {
  const nodes = new Map();
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const data = e.args?.data;
    for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(`${e.id}:${n.id}`, n.callFrame);
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const data = e.args?.data;
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    // Each chunk's deltas continue its profile's clock: find the profile's start.
    into.clock ??= new Map();
    let t = into.clock.get(e.id) ?? events.find((p) => p.name === 'Profile' && p.id === e.id)?.args?.data?.startTime ?? 0;
    for (let k = 0; k < samples.length; k++) {
      const prev = t;
      t += deltas[k] ?? 0;
      if (prev < from || t > to) continue;
      const f = nodes.get(`${e.id}:${samples[k]}`);
      const name = f ? `${f.functionName || '(anonymous)'} ${f.url ? `${path.basename(f.url)}:${f.lineNumber + 1}` : ''}` : '?';
      into.self[name] = (into.self[name] ?? 0) + (t - prev) / 1000;
      const kind = !f ? '?' : f.url?.endsWith('.wasm') ? 'wasm' : f.url ? 'js' : /^\(|^(wasm-to-js|js-to-wasm)$/.test(f.functionName) ? f.functionName : 'browser (DOM, builtins)';
      into.kind[kind] = (into.kind[kind] ?? 0) + (t - prev) / 1000;
    }
    into.clock.set(e.id, t);
  }
}

const server = await startServer({ root: path.join(REPO, 'www'), port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const total = {};
const prof = { self: {}, kind: {} };
const windows = [];
const cpu = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await page.addInitScript(PROBE);
    await page.goto(`${server.url}index.html`, { waitUntil: 'load' });
    const events = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,v8,v8.wasm,blink,disabled-by-default-v8.cpu_profiler,disabled-by-default-v8.cpu_profiler.hires',
      transferMode: 'ReportEvents',
    });
    await page.evaluate(() => document.querySelector('recipe-card')?.scrollIntoView());
    await page.waitForSelector('recipe-card[data-ready]', { timeout: 60_000 });
    await page.waitForTimeout(200);
    await cdp.send('Tracing.end');
    await done;
    await context.close();
    const stamp = (m) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === m);
    const [from, to] = [stamp('rc:compiled'), stamp('rc:ready')];
    if (!from || !to) throw new Error('the trace has no rc:compiled / rc:ready marks');
    windows.push((to.ts - from.ts) / 1000);
    cpu.push((to.tts - from.tts) / 1000);
    console.log(`run ${run + 1}: wasm arrived → card ready ${windows.at(-1).toFixed(1)} ms (main thread's CPU time ${cpu.at(-1).toFixed(1)} ms)`);
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
    prof.clock = null;
    sampled(events.filter((e) => e.tid === to.tid || e.name === 'Profile' || e.name === 'ProfileChunk'), from.ts, to.ts, prof);
  }
  const sorted = [...windows].sort((a, b) => a - b);
  const cpuSorted = [...cpu].sort((a, b) => a - b);
  console.log(`median ${sorted[Math.floor(RUNS / 2)].toFixed(1)} ms (CPU ${cpuSorted[Math.floor(RUNS / 2)].toFixed(1)} ms); browser work inside that window, mean of ${RUNS} runs:`);
  for (const [name, ms] of Object.entries(total).sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`  ${ms.toFixed(1).padStart(6)} ms  ${name}`);
  }
  console.log(`sampled time inside that window by kind, mean of ${RUNS} runs:`);
  for (const [name, ms] of Object.entries(prof.kind).sort((a, b) => b[1] - a[1])) {
    console.log(`  ${(ms / RUNS).toFixed(1).padStart(6)} ms  ${name}`);
  }
  console.log(`sampled self time inside that window, mean of ${RUNS} runs:`);
  for (const [name, ms] of Object.entries(prof.self).sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`  ${(ms / RUNS).toFixed(1).padStart(6)} ms  ${name}`);
  }
} finally {
  await browser.close();
  await server.close();
}
