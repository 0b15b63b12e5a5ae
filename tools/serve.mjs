#!/usr/bin/env node
// Tiny dependency-free static file server for www/ (development and end-to-end tests).
//
//   node tools/serve.mjs [--port N] [--root DIR]
//
// Binds 127.0.0.1 only. Default port 8080 (or $PORT); port 0 picks a free port.
// Also importable: `const { url, close } = await startServer({ root, port })`.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_ROOT = path.resolve(HERE, '..', 'www');
const HOST = '127.0.0.1';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

/** Map a request URL path to a file inside root, or null when it escapes root. */
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  if (decoded.split(/[\\/]/).includes('..')) return null;
  const target = path.resolve(root, '.' + path.posix.normalize('/' + decoded.replace(/\\/g, '/')));
  const rel = path.relative(root, target);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return target;
}

function handler(root) {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    let pathname;
    try {
      pathname = new URL(req.url, 'http://localhost').pathname;
    } catch {
      send(res, 400, 'Bad Request\n');
      return;
    }
    // Refuse traversal even when the client sent it raw (URL parsing already collapses
    // plain "..", but encoded forms like %2e%2e%2f are only visible after decoding).
    const file = resolveInside(root, pathname);
    if (file === null) {
      send(res, 403, 'Forbidden\n');
      return;
    }
    let target = file;
    try {
      let st = await fs.promises.stat(target);
      if (st.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { Location: pathname + '/', 'Cache-Control': 'no-cache' });
          res.end();
          return;
        }
        target = path.join(target, 'index.html');
        st = await fs.promises.stat(target);
      }
      if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      // Symlinks must not lead outside root either.
      const real = await fs.promises.realpath(target);
      const realRoot = await fs.promises.realpath(root);
      const rel = path.relative(realRoot, real);
      if (rel.startsWith('..') || path.isAbsolute(rel)) {
        send(res, 403, 'Forbidden\n');
        return;
      }
      const type = MIME[path.extname(target).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Length': st.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = fs.createReadStream(target);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    } catch (err) {
      if (err && (err.code === 'ENOENT' || err.code === 'ENOTDIR')) {
        send(res, 404, `Not Found: ${pathname}\n`);
      } else {
        send(res, 500, 'Internal Server Error\n');
      }
    }
  };
}

/**
 * Start serving `root` on 127.0.0.1:`port` (0 = any free port).
 * Resolves to { url, port, server, close } where url ends with "/".
 */
export function startServer({ root = DEFAULT_ROOT, port = 0 } = {}) {
  const absRoot = path.resolve(root);
  const server = http.createServer(handler(absRoot));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(port), HOST, () => {
      server.off('error', reject);
      const actual = server.address().port;
      resolve({
        url: `http://${HOST}:${actual}/`,
        port: actual,
        root: absRoot,
        server,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const opts = { port: process.env.PORT ?? 8080, root: DEFAULT_ROOT };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? a.split(/=(.*)/s) : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--port' || flag === '-p') opts.port = value();
    else if (flag === '--root' || flag === '-r') opts.root = path.resolve(value());
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: node tools/serve.mjs [--port N] [--root DIR]');
      process.exit(0);
    } else {
      console.error(`serve: unknown argument ${a}`);
      process.exit(2);
    }
  }
  const n = Number(opts.port);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`serve: bad port ${opts.port}`);
    process.exit(2);
  }
  opts.port = n;
  return opts;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(opts.root) || !fs.statSync(opts.root).isDirectory()) {
    console.error(`serve: root directory not found: ${opts.root}`);
    process.exit(1);
  }
  startServer(opts).then(
    ({ url, close }) => {
      const shown = path.relative(process.cwd(), opts.root) || '.';
      console.log(`Serving ${shown}/ on ${url}`);
      const stop = () => close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (err) => {
      console.error(`serve: ${err.message}`);
      process.exit(1);
    },
  );
}
