#!/usr/bin/env node
/**
 * npm start — the main job on the bundled sample:
 *   1. checks samples/county-sample.xlsx with the CLI and prints the report (and writes a marked copy);
 *   2. serves the add-in and the browser page over https on localhost:3000 (office-addin-dev-certs
 *      certificates when installed, else webpack-dev-server's self-signed one) and prints the URLs.
 * Sideloading into Excel desktop needs Windows or macOS (office-addin-debugging); on Linux there is no Excel,
 * so the browser page is the way in. With CI=true or --no-serve it stops after step 1.
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const sample = path.join(ROOT, "samples", "county-sample.xlsx");
const outDir = path.join(ROOT, "test-output");
fs.mkdirSync(outDir, { recursive: true });
const marked = path.join(outDir, "county-sample-已检查.xlsx");

const cli = spawnSync(
  process.execPath,
  [path.join(ROOT, "bin", "junheng.js"), "check", sample, "--out", marked],
  { stdio: "inherit" }
);
if (cli.status === 2) process.exit(2);

const serve =
  !process.argv.includes("--no-serve") && process.env.CI !== "true" && process.stdout.isTTY;
if (!serve) {
  process.stdout.write(
    "\n（CI 或非交互终端：不启动 https 服务。交互运行 npm start 会同时启动加载项与浏览器页面。）\n"
  );
  process.exit(0);
}

function devCerts() {
  // Read certificates that `npx office-addin-dev-certs install` created; never install here (it calls sudo).
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  try {
    return {
      key: fs.readFileSync(path.join(dir, "localhost.key")),
      cert: fs.readFileSync(path.join(dir, "localhost.crt")),
      ca: fs.readFileSync(path.join(dir, "ca.crt")),
    };
  } catch {
    return null;
  }
}

(async () => {
  const Webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const config = require(path.join(ROOT, "webpack.config.js"))({}, { mode: "production" });
  const certs = devCerts();
  config.devServer.server = certs ? { type: "https", options: certs } : "https";
  const server = new WebpackDevServer(config.devServer, Webpack(config));
  await server.start();
  const base = `https://localhost:${config.devServer.port}`;
  process.stdout.write(
    [
      "",
      `浏览器页面（WPS 用户、无 Excel 时）：${base}/app.html?sample=1`,
      `Excel 加载项清单：manifest.xml（任务窗格 ${base}/taskpane.html）`,
      "在 Excel 中：插入 → 加载项 → 上传我的加载项 → 选择 manifest.xml（Windows/Mac）。",
      certs
        ? "使用 office-addin-dev-certs 证书。"
        : "未找到受信任的开发证书，使用自签名证书：浏览器会提示不安全，可运行 npx office-addin-dev-certs install 安装证书。",
      "按 Ctrl+C 停止。",
      "",
    ].join("\n")
  );
})().catch((e) => {
  process.stderr.write(`无法启动 https 服务：${e.message}\n`);
  process.exit(1);
});
