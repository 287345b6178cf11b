/**
 * What the browser-page e2e tests share: Debian's Chromium through playwright-core (stack-notes trap 8), the
 * local static server of dist/web (built when missing or stale), and the guards every test ends with (no off-site
 * request, no CSP violation, no page error).
 */
import { execFileSync, execSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export interface Served {
  url: string;
  port: number;
  requests: string[];
  close(): Promise<void>;
}
// A plain CommonJS script (also run by hand: `node scripts/serve-app.js`); typed here.
const { start } = require("../../scripts/serve-app.js") as {
  start(o?: { root?: string; port?: number }): Promise<Served>;
};

export const ROOT = path.join(__dirname, "..", "..");
export const WEB = path.join(ROOT, "dist", "web");
export const SHOTS = path.join(ROOT, "test-output", "screenshots");
export const SAMPLE = path.join(ROOT, "samples", "county-sample.xlsx");

function which(cmd: string): string | null {
  try {
    const out = execSync(`which ${cmd}`, { stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
    return out || null;
  } catch {
    return null;
  }
}

export const CHROMIUM = which("chromium");
/** `describe` when Chromium is installed, else `describe.skip` with a message saying how to install it. */
export function describeInChromium(name: string, fn: () => void): void {
  if (!CHROMIUM) {
    console.warn(
      `${name} skipped: \`which chromium\` found nothing. Install it with: apt-get update && apt-get install -y chromium fonts-noto-cjk`
    );
    describe.skip(name, fn);
  } else describe(name, fn);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds dist/web when it is missing or older than the code it bundles. */
export function ensureBuilt(): void {
  const bundle = path.join(WEB, "app.js");
  const needed = [
    path.join(WEB, "app.html"),
    bundle,
    path.join(WEB, "samples", "county-sample.xlsx"),
  ];
  const sources = ["src/ui", "src/app", "src/engine", "src/host/xlsx", "src/standards"]
    .map((d) => path.join(ROOT, d))
    .filter((d) => fs.existsSync(d));
  const missing = needed.some((f) => !fs.existsSync(f));
  const stale = !missing && Math.max(...sources.map(newestMtime)) > fs.statSync(bundle).mtimeMs;
  if (!missing && !stale) return;
  console.log(
    `e2e: dist/web is ${missing ? "missing" : "older than src"}; running webpack --mode production`
  );
  // The webpack config reads the compiled function metadata (dist/node) when src/functions exists.
  const metaSrc = path.join(ROOT, "src", "functions", "metadata.ts");
  const metaOut = path.join(ROOT, "dist", "node", "functions", "metadata.js");
  if (fs.existsSync(metaSrc) && !fs.existsSync(metaOut))
    execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
  execFileSync("npx", ["webpack", "--mode", "production"], {
    cwd: ROOT,
    stdio: "inherit",
    timeout: 900_000,
  });
  // webpack leaves an unchanged asset's file alone ("compared for emit"): touch it, or every e2e file that
  // follows would find it stale again and build once more.
  const now = new Date();
  fs.utimesSync(bundle, now, now);
}

export interface Session {
  server: Served;
  ctx: BrowserContext;
  page: Page;
  offsite: string[];
  cspViolations: string[];
  pageErrors: string[];
  close(): Promise<void>;
}

/** Starts the server and a fresh Chromium profile, and records what must never happen. */
export async function openSession(
  opts: { locale?: string; viewport?: { width: number; height: number } } = {}
): Promise<Session> {
  ensureBuilt();
  fs.mkdirSync(SHOTS, { recursive: true });
  const server = await start({ root: WEB });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-chromium-"));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM as string,
    headless: true,
    acceptDownloads: true,
    viewport: opts.viewport ?? { width: 1366, height: 820 },
    locale: opts.locale ?? "zh-CN",
    // Fluent shortens its transitions under reduced motion: axe's colour-contrast never measures a button
    // half-way from disabled to enabled.
    reducedMotion: "reduce",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const offsite: string[] = [];
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  const origin = server.url.replace(/\/$/, "");
  page.on("request", (req) => {
    const url = req.url();
    if (url.startsWith("data:") || url.startsWith("blob:")) return;
    const host = new URL(url).hostname;
    if (!url.startsWith(origin + "/") && host !== "127.0.0.1" && host !== "localhost")
      offsite.push(url);
  });
  page.on("console", (m) => {
    if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  return {
    server,
    ctx,
    page,
    offsite,
    cspViolations,
    pageErrors,
    async close() {
      await ctx.close();
      await server.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

const AXE = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");

export interface AxeViolation {
  id: string;
  impact: string | null;
  targets: string[];
}

/**
 * axe-core's serious and critical violations on the page as it is now. axe is evaluated through the DevTools
 * protocol (page.evaluate), which the page's CSP does not govern: an injected <script> would be refused by
 * script-src 'self' — as it should be.
 */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.evaluate(fs.readFileSync(AXE, "utf8"));
  // A popup closed just before (Escape) fades out over the header for a few frames; axe measuring colour contrast
  // through that half-transparent layer reported the header's buttons at random. Judge the screen at rest.
  // (The page's CSP forbids an inline style that would switch transitions off, so finish the running ones.)
  await page.waitForTimeout(300);
  await page.evaluate(() => document.getAnimations().forEach((a) => a.finish()));
  return page.evaluate(async () => {
    type AxeResult = {
      violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run(c: Document): Promise<AxeResult> } }).axe;
    const r = await axe.run(document);
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        targets: v.nodes.map((n) => n.target.join(" ")),
      }));
  });
}
