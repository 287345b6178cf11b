/**
 * The sidebar as a clerk uses it, in Chromium, on every screen and in both languages:
 *   - every drop-down, menu and popover opens without painting the page over (the Fluent portal trap: the
 *     provider's class copied onto the portal layer turned the page white, stack-notes trap 8), and the pane is
 *     still there after Escape;
 *   - axe-core finds no serious or critical violation;
 *   - focus goes to the verdict after 开始检查 and to the first data error from 「先改…」, and a focused finding row
 *     draws its ring on itself;
 *   - <html lang> follows the UI language;
 *   - screenshots of every screen at 320, 450 and 1366 px go to test-output/screenshots/pane-*.png.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import {
  axeSerious,
  describeInChromium,
  openSession,
  SAMPLE,
  SHOTS,
  type Session,
} from "./support";

const WIDTHS = [320, 450, 1366];
const LANGS = [
  {
    lang: "zh-CN",
    q: "",
    start: "开始检查",
    submit: "提交前检查",
    mapping: "查看 / 更正",
    back: "确认，查看结果",
    full: "查看完整检查结果",
    fixFirst: /先改 \d+ 项数据错误/,
  },
  {
    lang: "en",
    q: "&lang=en",
    start: "Check",
    submit: "Check before submitting",
    mapping: "View / correct",
    back: "Confirm and show results",
    full: "Show the full results",
    fixFirst: /Fix \d+ data error/,
  },
] as const;

describeInChromium("the sidebar on every screen (popups, axe, focus, screenshots)", () => {
  let s: Session;
  let page: Page;
  beforeAll(async () => {
    s = await openSession();
    page = s.page;
  }, 20 * 60_000);
  afterAll(async () => {
    await s?.close();
  });

  const pane = (): Locator => page.getByTestId("pane");

  /** What is drawn at a few points of the pane: it must be the pane itself or an open popup's surface. */
  async function paneIsVisible(where: string): Promise<void> {
    const b = await pane().boundingBox();
    if (!b) throw new Error(`${where}: the pane has no box`);
    const points = [
      [b.x + b.width / 2, b.y + b.height / 2],
      [b.x + b.width / 4, b.y + (b.height * 3) / 4],
      [b.x + (b.width * 3) / 4, b.y + 20],
    ];
    const hits = await page.evaluate((pts) => {
      return pts.map(([x, y]) => {
        const e = document.elementFromPoint(x, y);
        if (!e) return "nothing";
        if (e.closest("[data-testid='pane']")) return "pane";
        if (e.closest("[role='listbox'],[role='menu'],[role='dialog'],[role='tooltip']"))
          return "popup";
        return `other: <${e.tagName.toLowerCase()} class="${e.className}">`;
      });
    }, points);
    for (const h of hits) expect(`${where}: ${h}`).toMatch(/: (pane|popup)$/);
    // No portal layer may be bigger than a popup: the white page was a mount node of the page's full height.
    const big = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>("[data-portal-node]"))
        .filter((el) => el.getBoundingClientRect().height > window.innerHeight * 0.9)
        .map((el) => el.className)
    );
    expect(big).toEqual([]);
  }

  /** Opens every drop-down / menu / popover trigger on the pane in turn, checks the pane, closes it. */
  async function openEveryPopup(where: string): Promise<number> {
    const triggers = pane().locator("[role='combobox'], button[aria-haspopup]");
    const n = await triggers.count();
    for (let i = 0; i < n; i++) {
      const tr = triggers.nth(i);
      if (!(await tr.isVisible())) continue;
      await tr.scrollIntoViewIfNeeded();
      await tr.click();
      await page.waitForTimeout(60);
      await paneIsVisible(`${where} #${i} open`);
      await page.keyboard.press("Escape");
      await page.waitForTimeout(30);
      await paneIsVisible(`${where} #${i} after Escape`);
    }
    return n;
  }

  async function noSeriousAxe(where: string): Promise<void> {
    const v = await axeSerious(page);
    expect({ where, violations: v }).toEqual({ where, violations: [] });
  }

  /** The whole pane, however long, at each width. */
  async function shoot(name: string): Promise<void> {
    const vp = page.viewportSize() ?? { width: 1366, height: 820 };
    for (const w of WIDTHS) {
      await page.setViewportSize({ width: w, height: 820 });
      await page.waitForTimeout(80);
      const bottom = await pane().evaluate((el) => {
        el.scrollTop = 0;
        el.style.height = `${el.scrollHeight}px`;
        el.style.flexShrink = "0";
        return el.getBoundingClientRect().top + el.scrollHeight;
      });
      await page.setViewportSize({ width: w, height: Math.min(8000, Math.ceil(bottom) + 8) });
      await pane().screenshot({ path: path.join(SHOTS, `pane-${name}-${w}.png`) });
      await pane().evaluate((el) => {
        el.style.height = "";
        el.style.flexShrink = "";
      });
    }
    await page.setViewportSize(vp);
  }

  for (const L of LANGS) {
    test(`${L.lang}: welcome page`, async () => {
      await page.goto(`${s.server.url}app.html?${L.q.slice(1)}`);
      await page.locator("main").waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(L.lang);
      await noSeriousAxe(`${L.lang} welcome`);
      for (const w of WIDTHS) {
        await page.setViewportSize({ width: w, height: 820 });
        await page.screenshot({ path: path.join(SHOTS, `page-welcome-${L.lang}-${w}.png`) });
      }
      await page.setViewportSize({ width: 1366, height: 820 });
    }, 120_000);

    test(`${L.lang}: start, results, submit and mapping screens`, async () => {
      await page.goto(`${s.server.url}app.html?sample=1${L.q}`);
      const start = pane().getByRole("button", { name: L.start, exact: true });
      await start.waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(L.lang);
      await noSeriousAxe(`${L.lang} start`);
      await openEveryPopup(`${L.lang} start`);
      await shoot(`start-${L.lang}`);

      // 开始检查 → focus on the verdict, not on <body>.
      await start.click();
      await pane().getByTestId("county-verdict").waitFor();
      await page.waitForFunction(() => document.activeElement?.id === "jh-verdict");
      await noSeriousAxe(`${L.lang} results`);
      await openEveryPopup(`${L.lang} results`);

      // A finding row focused from the keyboard draws its ring on itself (not on a page-sized ancestor).
      const row = pane().locator("[data-school] button[data-cell]").first();
      await row.focus();
      const ring = await row.evaluate((el) => {
        const cs = getComputedStyle(el);
        return { style: cs.outlineStyle, width: cs.outlineWidth };
      });
      expect(ring.style).toBe("solid");
      expect(ring.width).toBe("2px");
      await page.setViewportSize({ width: 450, height: 820 });
      await row.scrollIntoViewIfNeeded();
      await pane().screenshot({ path: path.join(SHOTS, `pane-focus-ring-${L.lang}-450.png`) });
      await page.setViewportSize({ width: 1366, height: 820 });

      // 「先改 N 项数据错误」 → focus on the first data error in 数据问题.
      await pane().getByRole("button", { name: L.fixFirst }).click();
      await page.waitForFunction(
        () =>
          document.activeElement?.getAttribute("data-severity") === "error" &&
          document.activeElement.closest("[data-testid='problems']") !== null
      );
      await shoot(`results-${L.lang}`);

      await pane().getByRole("button", { name: L.submit }).first().click();
      await pane().getByTestId("submit-verdict").waitFor();
      await page.waitForFunction(() => document.activeElement?.id === "jh-submit-verdict");
      await noSeriousAxe(`${L.lang} submit`);
      await openEveryPopup(`${L.lang} submit`);
      await shoot(`submit-${L.lang}`);
      await pane().getByRole("button", { name: L.full }).click();

      await pane().getByRole("button", { name: L.mapping }).click();
      await pane().locator("[data-column]").first().waitFor();
      await noSeriousAxe(`${L.lang} mapping`);
      const opened = await openEveryPopup(`${L.lang} mapping`);
      expect(opened).toBeGreaterThan(10); // the stage, every column's field, the money units
      await shoot(`mapping-${L.lang}`);
      await pane().getByRole("button", { name: L.back }).click();
      await pane().getByTestId("county-verdict").waitFor();
    }, 600_000);
  }

  test("重新检查 after the file changed on disk: asks for the file again, then says what changed", async () => {
    // A copy of the sample that the "clerk" edits: 柳林小学's empty 骨干教师 (K16) gets a value and is saved.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-reread-"));
    const file = path.join(dir, "county.xlsx");
    fs.copyFileSync(SAMPLE, file);
    await page.goto(`${s.server.url}app.html`);
    await page.getByTestId("file-input").setInputFiles(file);
    await pane().getByRole("button", { name: "开始检查", exact: true }).click();
    await pane().getByTestId("county-verdict").waitFor();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("学校基本情况");
    if (!ws) throw new Error("no sheet 学校基本情况");
    ws.getCell("K16").value = 4;
    await wb.xlsx.writeFile(file);

    await pane().getByRole("button", { name: "重新检查" }).first().click();
    // A picked File cannot be read once the file changed: the pane says so and how to go on.
    await pane()
      .getByText(/浏览器无法再次读取「county\.xlsx」/)
      .waitFor();
    await noSeriousAxe("re-read prompt");
    await page.getByTestId("file-input").setInputFiles(file);
    const diff = pane().getByTestId("recheck-diff");
    // The picked file is read and parsed in the worker before the pane can use it: a 重新检查 clicked before that
    // (a slow machine) meets the old, unreadable File and asks again. Wait for 「正在读取…」 to come and go first.
    const reading = page.getByText(/正在读取「county\.xlsx」/);
    await reading.waitFor({ state: "attached", timeout: 3_000 }).catch(() => undefined);
    await reading.waitFor({ state: "detached", timeout: 60_000 });
    await pane().getByRole("button", { name: "重新检查" }).first().click();
    await diff.waitFor({ timeout: 60_000 });
    // (exceljs, saving for the "clerk", may add a finding of its own elsewhere: the school line is the check.)
    expect(await diff.textContent()).toMatch(/与上次检查相比：已解决 [1-9]\d* 项/);
    expect(await diff.locator("[data-school='柳林小学']").textContent()).toMatch(
      /^柳林小学：已解决 [1-9]\d* 项，新增 0 项$/
    );
    await shoot("recheck-zh-CN");
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  test("search and order the school list", async () => {
    await page.goto(`${s.server.url}app.html?sample=1`);
    await pane().getByRole("button", { name: "开始检查", exact: true }).click();
    await pane().getByTestId("county-verdict").waitFor();
    await pane().getByTestId("school-search").fill("西关");
    await page.waitForFunction(
      () => document.querySelectorAll("[data-testid='schools'] [data-school]").length === 1
    );
    expect(
      await pane().locator("[data-testid='schools'] [data-school]").getAttribute("data-school")
    ).toBe("西关小学");
    await pane().getByTestId("school-search").fill("");
    await noSeriousAxe("school filters");
  }, 120_000);

  test("nothing left the machine: no off-site request, no CSP violation, no page error", () => {
    expect(s.offsite).toEqual([]);
    expect(s.cspViolations).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
