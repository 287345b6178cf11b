/**
 * The browser page end to end, in Debian's Chromium driven by playwright-core: open app.html from a local static
 * server, load the bundled sample, check it, mark it, follow a finding to its cell, download the marked copy and
 * the JSON report — and fail on any request that leaves 127.0.0.1 or any Content-Security-Policy violation.
 * Screenshots of the pane and the grid go to test-output/screenshots/ (look at them: is it clear what to fix?).
 *
 * Needs dist/web (built here with `npx webpack --mode production` when missing or older than the sources) and
 * `chromium` on PATH (apt-get install -y chromium fonts-noto-cjk); skipped, with a message, when there is none.
 */
import { execFileSync, execSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";

interface Served {
  url: string;
  port: number;
  requests: string[];
  close(): Promise<void>;
}
// A plain CommonJS script (also run by hand: `node scripts/serve-app.js`); typed here.
const { start } = require("../../scripts/serve-app.js") as {
  start(o?: { root?: string; port?: number }): Promise<Served>;
};

const ROOT = path.join(__dirname, "..", "..");
const WEB = path.join(ROOT, "dist", "web");
const SHOTS = path.join(ROOT, "test-output", "screenshots");
const SAMPLE = path.join(ROOT, "samples", "county-sample.xlsx");
const SHEET = "学校基本情况";

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

const CHROMIUM = which("chromium");
if (!CHROMIUM)
  console.warn(
    "app.e2e skipped: `which chromium` found nothing. Install it with: apt-get update && apt-get install -y chromium fonts-noto-cjk"
  );
const describeInChromium = CHROMIUM ? describe : describe.skip;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds dist/web when it is missing or older than the code it bundles. */
function ensureBuilt(): void {
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
    `app.e2e: dist/web is ${missing ? "missing" : "older than src"}; running webpack --mode production`
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
}

/** Rounds a locator's box for comparisons. */
async function box(l: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await l.boundingBox();
  if (!b) throw new Error("element has no box (not visible)");
  return b;
}

describeInChromium("browser page (app.html) in Chromium", () => {
  let server: Served;
  let ctx: BrowserContext;
  let page: Page;
  let profile: string;
  let downloads: string;
  const offsite: string[] = [];
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await start({ root: WEB });
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-chromium-"));
    downloads = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-downloads-"));
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM as string,
      headless: true,
      acceptDownloads: true,
      viewport: { width: 1366, height: 820 },
      locale: "zh-CN",
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
    page = ctx.pages()[0] ?? (await ctx.newPage());
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
  }, 20 * 60_000);

  afterAll(async () => {
    await ctx?.close();
    await server?.close();
    for (const d of [profile, downloads]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });

  const pane = (): Locator => page.getByTestId("pane");
  const grid = (): Locator => page.getByRole("grid", { name: SHEET });
  const cell = (a1: string): Locator => grid().locator(`[data-cell='${a1}']`);

  /** The whole pane, however long: for the shot it grows to its content and the viewport follows. */
  async function shootPane(file: string): Promise<void> {
    const vp = page.viewportSize() ?? { width: 1366, height: 820 };
    const bottom = await pane().evaluate((el) => {
      el.scrollTop = 0;
      el.style.height = `${el.scrollHeight}px`;
      el.style.flexShrink = "0";
      return el.getBoundingClientRect().top + el.scrollHeight;
    });
    await page.setViewportSize({ width: vp.width, height: Math.min(8000, Math.ceil(bottom) + 8) });
    await pane().screenshot({ path: path.join(SHOTS, file) });
    await pane().evaluate((el) => {
      el.style.height = "";
      el.style.flexShrink = "";
    });
    await page.setViewportSize(vp);
  }

  test("opens app.html (no office.js, nothing but its own origin)", async () => {
    await page.goto(server.url + "app.html");
    await page.getByText("把 .xlsx 文件拖到这里").waitFor();
    await page.screenshot({ path: path.join(SHOTS, "01-welcome.png") });
    expect(server.requests).toContain("/app.html");
    expect(server.requests.some((r) => /office/i.test(r))).toBe(false);
  }, 60_000);

  test("loads the sample and checks it: 小学 不达标, 骨干教师 CV over 0.50", async () => {
    await page.getByRole("button", { name: "打开示例" }).first().click();
    await grid().waitFor();
    expect(server.requests).toContain("/samples/county-sample.xlsx");
    await pane().getByRole("button", { name: "开始检查" }).click();
    const verdict = pane().getByTestId("county-verdict");
    await verdict.waitFor();
    expect(await verdict.textContent()).toContain("县域资源配置：不达标");
    const primary = await verdict.locator("[data-stage='primary']").textContent();
    expect(primary).toContain("小学：不达标");
    expect(primary).toContain("差异系数超标：骨干教师");
    const cvRow = pane().locator(
      "[data-testid='county'] [data-stage='primary'] tr[data-indicator='key_teachers_per_100']"
    );
    const cvText = (await cvRow.textContent()) ?? "";
    const cv = Number(/(\d\.\d{3})/.exec(cvText)?.[1]);
    expect(cv).toBeGreaterThan(0.5);
    expect(cvText).toContain("✗");
    await page.waitForTimeout(400); // let Fluent's button transitions finish before the shot
    await page.screenshot({ path: path.join(SHOTS, "02-results-page.png") });
    await shootPane("03-pane-results.png");
  }, 120_000);

  test("a failing school's finding: 西关小学 骨干教师 还差 2 名", async () => {
    const card = pane().locator("[data-school='西关小学']");
    const text = (await card.textContent()) ?? "";
    expect(text).toContain("骨干教师");
    expect(text).toContain("还差 2 名县级以上骨干教师");
    expect(await card.locator("[data-cell='K9']").count()).toBe(1);
  }, 60_000);

  test("marks: K9 red (missed standard) and K16 yellow (data problem) in the grid, with notes", async () => {
    await pane().getByRole("button", { name: "标注问题单元格" }).click();
    await pane()
      .getByText(/已标注 \d+ 个单元格/)
      .waitFor();
    const k9 = cell("K9");
    await k9.waitFor();
    expect(await k9.getAttribute("data-mark")).toBe("standard");
    expect(await k9.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      "rgb(255, 199, 206)"
    );
    expect(await k9.getAttribute("title")).toContain("还差 2 名县级以上骨干教师");
    const k16 = cell("K16");
    expect(await k16.getAttribute("data-mark")).toBe("data");
    expect(await k16.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      "rgb(255, 235, 156)"
    );
    expect(await cell("A9").getAttribute("data-mark")).toBeNull();
    await grid().screenshot({ path: path.join(SHOTS, "04-grid-marked.png") });
  }, 60_000);

  test("clicking a finding scrolls the grid to its cell and outlines it", async () => {
    await grid().evaluate((el) => el.scrollTo(0, 0));
    await page.waitForTimeout(100);
    // R22 (李家庄初级中学 · 多媒体教室) starts out of view to the right.
    const before = await grid().evaluate((el) => ({ left: el.scrollLeft, top: el.scrollTop }));
    expect(before).toEqual({ left: 0, top: 0 });
    const r22Before = cell("R22");
    const gridBox = await box(grid());
    if ((await r22Before.count()) > 0) {
      const b = await box(r22Before);
      expect(
        b.x + b.width > gridBox.x + gridBox.width || b.y + b.height > gridBox.y + gridBox.height
      ).toBe(true);
    }
    const card = pane().locator("[data-school='李家庄初级中学']");
    await card.getByRole("button", { name: /多媒体教室/ }).click();
    const r22 = cell("R22");
    await page.waitForSelector(`[role='grid'] [data-cell='R22'][data-selected='true']`);
    const after = await grid().evaluate((el) => ({ left: el.scrollLeft, top: el.scrollTop }));
    expect(after.left).toBeGreaterThan(0);
    const b = await box(r22);
    expect(b.x).toBeGreaterThanOrEqual(gridBox.x);
    expect(b.x + b.width).toBeLessThanOrEqual(gridBox.x + gridBox.width);
    expect(b.y).toBeGreaterThanOrEqual(gridBox.y);
    expect(b.y + b.height).toBeLessThanOrEqual(gridBox.y + gridBox.height);
    expect(await r22.evaluate((el) => getComputedStyle(el).outlineWidth)).toBe("2px");
    expect(await page.getByTestId("status").textContent()).toContain("还差 1 间网络多媒体教室");
    await page.screenshot({ path: path.join(SHOTS, "05-finding-selected.png") });
    await grid().screenshot({ path: path.join(SHOTS, "06-grid-selected.png") });
  }, 60_000);

  test("提交前检查: one verdict, 需修改：12 项, blocking errors first", async () => {
    await pane().getByRole("button", { name: "提交前检查" }).first().click();
    const verdict = pane().getByTestId("submit-verdict");
    await verdict.waitFor();
    expect(await verdict.textContent()).toContain("需修改：12 项");
    const errorsBox = await box(pane().getByTestId("submit-errors"));
    const warningsBox = await box(pane().getByTestId("submit-warnings"));
    expect(errorsBox.y).toBeLessThan(warningsBox.y);
    await shootPane("07-pane-submit.png");
    await pane().getByRole("button", { name: "查看完整检查结果" }).click();
    await pane().getByTestId("county-verdict").waitFor();
  }, 60_000);

  test("the mapping screen shows what was recognised", async () => {
    await pane().getByRole("button", { name: "查看 / 更正" }).click();
    await pane().getByText("请确认识别结果").waitFor();
    expect(await pane().locator("[data-column='K']").getAttribute("data-key")).toBe("key_teachers");
    await shootPane("08-pane-mapping.png");
    await pane().getByRole("button", { name: "确认，查看结果" }).click();
    await pane().getByTestId("county-verdict").waitFor();
  }, 60_000);

  test("downloads the marked copy: fills, notes, and every value unchanged (re-opened with exceljs)", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载标注副本" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("county-sample-已检查.xlsx");
    const saved = path.join(downloads, download.suggestedFilename());
    await download.saveAs(saved);

    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(SAMPLE);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(saved);
    const ws = copy.getWorksheet(SHEET);
    const orig = original.getWorksheet(SHEET);
    if (!ws || !orig) throw new Error(`no sheet ${SHEET}`);

    const fill = (c: ExcelJS.Cell): string | undefined =>
      c.fill && c.fill.type === "pattern" ? c.fill.fgColor?.argb : undefined;
    expect(fill(ws.getCell("K9"))).toBe("FFFFC7CE");
    expect(fill(ws.getCell("K16"))).toBe("FFFFEB9C");
    const note = ws.getCell("K9").note;
    const noteText =
      typeof note === "string" ? note : (note?.texts ?? []).map((t) => t.text).join("");
    expect(noteText).toContain("还差 2 名县级以上骨干教师");
    // Untouched cells keep their look; every value in the sheet is as it was.
    expect(fill(ws.getCell("A9"))).toBe(fill(orig.getCell("A9")));
    const values = (w: ExcelJS.Worksheet): string[] => {
      const out: string[] = [];
      w.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (c, col) =>
          out.push(`${r}:${col}=${JSON.stringify(c.value)}`)
        )
      );
      return out;
    };
    expect(values(ws)).toEqual(values(orig));
    expect(copy.worksheets.map((w) => w.name)).toEqual([
      ...original.worksheets.map((w) => w.name),
      "均衡达标报告",
    ]);
  }, 60_000);

  test("downloads the JSON report", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载 JSON 报告" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("county-sample-检查报告.json");
    const saved = path.join(downloads, download.suggestedFilename());
    await download.saveAs(saved);
    const report = JSON.parse(fs.readFileSync(saved, "utf8"));
    expect(report.summary).toMatchObject({ meets: false, errors: 12 });
    expect(report.county.primary.indicators.key_teachers_per_100.cv).toBeGreaterThan(0.5);
  }, 60_000);

  test("at task-pane width (320 px) the pane still reads top to bottom", async () => {
    const vp = page.viewportSize() ?? { width: 1366, height: 820 };
    await page.setViewportSize({ width: 320, height: 900 });
    await pane().getByTestId("county-verdict").waitFor();
    const overflow = await pane().evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shootPane("09-pane-320px.png");
    await page.setViewportSize(vp);
  }, 60_000);

  test("opening a file with the file picker starts afresh", async () => {
    await page.getByTestId("file-input").setInputFiles(SAMPLE);
    await pane().getByRole("button", { name: "开始检查" }).waitFor();
    expect(await page.getByTestId("file-name").textContent()).toBe("county-sample.xlsx");
    expect(await cell("K9").count()).toBe(1);
    expect(await grid().locator("[data-mark]").count()).toBe(0);
  }, 60_000);

  test("app.html?sample=1 (the address npm start prints) opens the sample straight away", async () => {
    await page.goto(server.url + "app.html?sample=1");
    await pane().getByRole("button", { name: "开始检查" }).waitFor();
    expect(await page.getByTestId("file-name").textContent()).toBe("county-sample.xlsx");
  }, 60_000);

  test("nothing left the machine: no off-site request, no CSP violation, no page error", () => {
    expect(offsite).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
