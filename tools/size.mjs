#!/usr/bin/env node
// Size report for `make bench`: every file a reader's browser downloads for the card
// (www/recipe-card.min.js, else recipe-card.js, plus the .js/.wasm/.css files in www/dist/;
// not the recipe JSON),
// raw, gzip -9 and brotli q11.
//
//   node tools/size.mjs                 table
//   node tools/size.mjs --json          JSON
//   node tools/size.mjs --check FILE    fail (exit 1) if the brotli total exceeds
//                                       FILE's { "brotli_total_max": N }
//   --root DIR                          site root (default: www/ next to tools/)

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

function die(msg, code = 2) {
  console.error(`size: ${msg}`);
  process.exit(code);
}

function parseArgs(argv) {
  const opts = { json: false, check: null, root: path.resolve(HERE, '..', 'www') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? a.split(/=(.*)/s) : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) die(`${flag} needs a value`);
      return v;
    };
    if (flag === '--json') opts.json = true;
    else if (flag === '--check') opts.check = value();
    else if (flag === '--root') opts.root = path.resolve(value());
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: node tools/size.mjs [--json] [--check BUDGET.json] [--root DIR]');
      process.exit(0);
    } else die(`unknown argument ${a}`);
  }
  return opts;
}

/** Files shipped to the reader, relative to root, in a stable order. */
export function shippedFiles(root) {
  const files = [];
  // The shipped loader is the minified build of recipe-card.js, when there is one.
  const shipped = ['recipe-card.min.js', 'recipe-card.js'].find((f) => fs.existsSync(path.join(root, f)));
  if (shipped) files.push(shipped);
  const dist = path.join(root, 'dist');
  if (fs.existsSync(dist)) {
    const walk = (dir) => {
      for (const ent of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(dir, ent.name);
        if (ent.isDirectory()) walk(full);
        else if (ent.isFile() && /\.(m?js|wasm|css)$/i.test(ent.name)) {
          files.push(path.relative(root, full).split(path.sep).join('/'));
        }
      }
    };
    walk(dist);
  }
  return files;
}

export function measure(buf) {
  const gzip = zlib.gzipSync(buf, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_GENERIC,
    },
  }).length;
  return { raw: buf.length, gzip, brotli };
}

export function report(root) {
  const files = shippedFiles(root).map((file) => ({ file, ...measure(fs.readFileSync(path.join(root, file))) }));
  const total = files.reduce(
    (t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { files, total };
}

function table({ files, total }) {
  const rows = [['file', 'raw', 'gzip -9', 'brotli q11'], ...files.map((f) => [f.file, f.raw, f.gzip, f.brotli])];
  rows.push(['total', total.raw, total.gzip, total.brotli]);
  const cells = rows.map((r) => r.map(String));
  const widths = cells[0].map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  const line = (r) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ');
  const sep = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(cells[0]), sep, ...cells.slice(1, -1).map(line), sep, line(cells.at(-1))].join('\n');
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(opts.root)) die(`site root not found: ${opts.root}`);
  const rep = report(opts.root);
  if (rep.files.length === 0) {
    die(`no shipped files found (expected ${path.join(opts.root, 'recipe-card.js')} and ${path.join(opts.root, 'dist')}/*.wasm|js|css) — build first`, 1);
  }
  const hasWasm = rep.files.some((f) => f.file.endsWith('.wasm'));

  if (opts.json) console.log(JSON.stringify({ root: path.relative(process.cwd(), opts.root) || '.', ...rep }, null, 2));
  else console.log(table(rep));

  if (!hasWasm) console.error('size: warning: no .wasm file in dist/ — is the build complete?');

  if (opts.check) {
    let budget;
    try {
      budget = JSON.parse(fs.readFileSync(opts.check, 'utf8'));
    } catch (err) {
      die(`cannot read budget ${opts.check}: ${err.message}`);
    }
    const max = budget?.brotli_total_max;
    if (typeof max !== 'number' || !Number.isFinite(max)) {
      die(`${opts.check} must contain { "brotli_total_max": <number> }`);
    }
    const out = opts.json ? console.error : console.log;
    if (rep.total.brotli > max) {
      console.error(
        `size OVER BUDGET: brotli total ${rep.total.brotli} bytes > ${max} (${opts.check}) by ${rep.total.brotli - max} bytes`,
      );
      process.exit(1);
    }
    out(`size OK: ${rep.total.brotli} <= ${max}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
