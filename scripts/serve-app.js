#!/usr/bin/env node
/**
 * A tiny static file server for the built browser page (dist/web), used by the end-to-end test and handy for a
 * quick look: `node scripts/serve-app.js [port]` → http://127.0.0.1:<port>/app.html.
 *
 * Plain http on 127.0.0.1 only: the browser page needs no Office.js and therefore no https. GET/HEAD only, no
 * directory listings, paths confined to the root.
 */
"use strict";
const http = require("http");
const fs = require("fs");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * Starts serving `root`. Resolves to { url, port, close() } once listening.
 * @param {{ root?: string, port?: number, host?: string }} [options] port 0 (default) picks a free port.
 * @returns {Promise<{ url: string, port: number, requests: string[], close: () => Promise<void> }>}
 */
function start(options = {}) {
  const root = path.resolve(options.root || path.join(__dirname, "..", "dist", "web"));
  const host = options.host || "127.0.0.1";
  /** Every path requested, in order (the e2e test can check what the page fetched). */
  const requests = [];
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url || "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    requests.push(pathname);
    if (pathname.endsWith("/")) pathname += "app.html";
    const file = path.join(root, path.normalize(pathname));
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
        "Content-Length": st.size,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port || 0, host, () => {
      const { port } = server.address();
      resolve({
        url: `http://${host}:${port}/`,
        port,
        requests,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

module.exports = { start };

if (require.main === module) {
  const port = Number(process.argv[2] || 8080);
  start({ port }).then(
    (s) => console.log(`均衡检查 browser page: ${s.url}app.html  (Ctrl+C to stop)`),
    (e) => {
      console.error(`serve-app: ${e.message}`);
      process.exitCode = 1;
    }
  );
}
