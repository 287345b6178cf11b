/**
 * The browser page end to end, in Debian's Chromium driven by playwright-core: open app.html from a local static
 * server, load the bundled sample, check it, mark it, follow a finding to its cell, download the marked copy and
 * the JSON report — and fail on any request that leaves 127.0.0.1 or any Content-Security-Policy violation.
 * Screenshots of the pane and the grid go to test-output/screenshots/ (look at them: is it clear what to fix?).
 *
 * Needs dist/web (built here with `npx webpack --mode production` when missing or older than the sources) and
 * `chromium` on PATH (apt-get install -y chromium fonts-noto-cjk); skipped, with a message, when there is none.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { describeInChromium, openSession, SAMPLE, SHOTS, type Session } from "./support";

const SHEET = "学校基本情况";

/** Rounds a locator's box for comparisons. */
async function box(l: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await l.boundingBox();
  if (!b) throw new Error("element has no box (not visible)");
  return b;
}

describeInChromium("browser page (app.html) in Chromium", () => {
  let session: Session;
  let server: Session["server"];
  let page: Page;
  let downloads: string;
  let offsite: string[];
  let cspViolations: string[];
  let pageErrors: string[];
  /** The JSON report downloaded below: "last year" for 与上年比较 and one county of the roll-up. */
  let jsonReport = "";

  beforeAll(async () => {
    session = await openSession();
    ({ server, page, offsite, cspViolations, pageErrors } = session);
    downloads = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-downloads-"));
  }, 20 * 60_000);

  afterAll(async () => {
    await session?.close();
    if (downloads) fs.rmSync(downloads, { recursive: true, force: true });
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

  test("提交前检查: 数据错误 (1) before 未达标 (11), counted apart", async () => {
    await pane().getByRole("button", { name: "提交前检查" }).first().click();
    const verdict = pane().getByTestId("submit-verdict");
    await verdict.waitFor();
    expect(await verdict.textContent()).toContain("还不能提交：先改数据错误");
    expect(await pane().getByTestId("submit-counts").textContent()).toBe(
      "数据错误 1 项 · 未达标 11 项 · 待核对 20 项"
    );
    const dataBox = await box(pane().getByTestId("submit-data"));
    const resultsBox = await box(pane().getByTestId("submit-results"));
    expect(dataBox.y).toBeLessThan(resultsBox.y);
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
    jsonReport = saved;
    const report = JSON.parse(fs.readFileSync(saved, "utf8"));
    expect(report.summary).toMatchObject({ meets: false, errors: 12 });
    expect(report.county.primary.indicators.key_teachers_per_100.cv).toBeGreaterThan(0.5);
  }, 60_000);

  test("与上年比较: last year's JSON report → CVs of both years, the workbook downloaded", async () => {
    await pane().getByRole("button", { name: "与上年比较" }).click();
    await pane().getByTestId("compare-file").setInputFiles(jsonReport);
    const key = pane()
      .getByTestId("compare-primary")
      .locator("[data-indicator='key_teachers_per_100'] td");
    await key.first().waitFor();
    // The same data both years: the CV is unchanged.
    expect(await key.nth(5).textContent()).toBe("0.000");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      pane().getByRole("button", { name: "下载比较工作簿" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("与上年比较.xlsx");
    await shootPane("08b-compare.png");
    await pane().getByRole("button", { name: "返回检查结果" }).click();
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

  test("several files opened at once: the roll-up, downloaded", async () => {
    await page.getByTestId("file-input").setInputFiles([
      { name: "甲县.xlsx", mimeType: "application/octet-stream", buffer: fs.readFileSync(SAMPLE) },
      { name: "乙县.json", mimeType: "application/json", buffer: fs.readFileSync(jsonReport) },
    ]);
    await page.getByTestId("rollup-failing").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("rollup-table").locator("tbody tr").count()).toBe(2);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载汇总工作簿" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("汇总.xlsx");
  }, 90_000);

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
