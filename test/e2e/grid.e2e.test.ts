/**
 * The browser page's grid keeps the table's header rows and its school-name column in view while it scrolls
 * (issue 10 Deliver 5), and follows the workbook's own freeze pane when it has one — in Chromium, on a county of
 * 300 schools: scroll down and right, and the header cell and the name of the row in the middle of the view are
 * still drawn on top, inside the grid's viewport. Virtualisation stays: a few dozen rows in the DOM.
 */
import * as path from "path";
import type { Locator, Page } from "playwright-core";
import { describeInChromium, openSession, SHOTS, type Session } from "./support";
import { townCounty, TOWN_SHEET } from "./townCounty";

interface Probe {
  /** The cell drawn on top at a point, and whether its box lies inside the grid's viewport. */
  cell: string | null;
  text: string;
  inside: boolean;
}

describeInChromium("grid freeze: header rows and the name column stay in view", () => {
  let s: Session;
  let page: Page;
  let plain: string;
  let withPane: string;
  beforeAll(async () => {
    plain = await townCounty(300);
    withPane = await townCounty(300, { pane: { xSplit: 1, ySplit: 2 }, file: "pane.xlsx" });
    s = await openSession({ viewport: { width: 1280, height: 760 } });
    page = s.page;
  }, 20 * 60_000);
  afterAll(async () => {
    await s?.close();
  });

  const grid = (): Locator => page.getByRole("grid", { name: TOWN_SHEET });
  const pane = (): Locator => page.getByTestId("pane");

  async function open(file: string): Promise<void> {
    await page.goto(s.server.url + "app.html");
    await page.getByText("把 .xlsx 文件拖到这里").waitFor();
    await page.getByTestId("file-input").setInputFiles(file);
    await grid().waitFor();
  }
  async function check(): Promise<void> {
    await pane().getByRole("button", { name: "开始检查" }).click();
    await pane().getByTestId("county-verdict").waitFor({ timeout: 120_000 });
  }
  async function scrollTo(top: number, left: number): Promise<{ top: number; left: number }> {
    const at = await grid().evaluate(
      (el, p) => {
        el.scrollTop = p.top;
        el.scrollLeft = p.left;
        return { top: el.scrollTop, left: el.scrollLeft };
      },
      { top, left }
    );
    // Two frames: the scroll event, then React's render of the new window.
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
    );
    return at;
  }
  /** What is drawn on top at (x, y) inside the grid: x from the grid's left edge, y from its top. */
  function probe(x: number, y: number): Promise<Probe> {
    return grid().evaluate(
      (el, p) => {
        const g = el.getBoundingClientRect();
        const hit = document.elementFromPoint(g.left + p.x, g.top + p.y);
        const c = hit?.closest<HTMLElement>("[data-cell]") ?? null;
        if (!c) return { cell: null, text: "", inside: false };
        const b = c.getBoundingClientRect();
        const vw = el.clientWidth;
        const vh = el.clientHeight;
        // Visible: the part of the cell at the probe is inside the viewport (not below the scrollbars).
        const inside =
          b.bottom > g.top && b.top < g.top + vh && b.right > g.left && b.left < g.left + vw;
        return { cell: c.dataset.cell ?? null, text: c.textContent ?? "", inside };
      },
      { x, y }
    );
  }
  /** The box of a cell, relative to the grid, and whether it lies wholly within the grid's viewport. */
  function boxOf(a1: string): Promise<{ top: number; left: number; within: boolean } | null> {
    return grid().evaluate((el, addr) => {
      const c = el.querySelector<HTMLElement>(`[data-cell='${addr}'][id]`);
      if (!c) return null;
      const g = el.getBoundingClientRect();
      const b = c.getBoundingClientRect();
      const within =
        b.top >= g.top &&
        b.left >= g.left &&
        b.bottom <= g.top + el.clientHeight &&
        b.right <= g.left + el.clientWidth;
      return { top: b.top - g.top, left: b.left - g.left, within };
    }, a1);
  }

  test("from the check's table: row 2 (the header) and columns A–C (up to 学校名称) stay in view", async () => {
    await open(plain);
    // Before the check nothing is known about the table, and the file has no pane of its own.
    expect(await grid().getAttribute("data-frozen-rows")).toBeNull();
    await check();
    expect(await grid().getAttribute("data-frozen-rows")).toBe("2-2");
    expect(await grid().getAttribute("data-frozen-cols")).toBe("3");
    const at = await scrollTo(4000, 100_000);
    expect(at.top).toBe(4000);
    expect(at.left).toBeGreaterThan(200); // the sheet is wider than the grid: it did scroll right

    // The header cell 学校名称 (C2) is at its frozen place (under the column letters), wholly in view, on top.
    const c2 = await boxOf("C2");
    expect(c2?.within).toBe(true);
    expect(c2?.top).toBe(24); // just under the 24 px row of column letters
    const head = await probe((c2?.left ?? 0) + 10, 24 + 12);
    expect(head).toEqual({ cell: "C2", text: "学校名称", inside: true });

    // Halfway down the view: the name of that row (column C), on top of the scrolled columns.
    const height = await grid().evaluate((el) => el.clientHeight);
    const name = await probe((c2?.left ?? 0) + 10, Math.round(height / 2));
    expect(name.cell).toMatch(/^C\d+$/);
    expect(name.inside).toBe(true);
    const row = Number(name.cell?.slice(1));
    // Row top = 24 (letters) + (row − 1) × 24 − 4000 ≈ half the view.
    expect(Math.abs(24 + (row - 1) * 24 - 4000 - height / 2)).toBeLessThanOrEqual(24);
    expect(name.text).toMatch(/镇第\d+(小学|中学)$/);
    // …and the same row's cells far right are drawn too (scrolled, not frozen).
    const right = await probe(
      Math.round((await grid().evaluate((el) => el.clientWidth)) - 30),
      Math.round(height / 2)
    );
    expect(right.cell).toMatch(new RegExp(`^[D-Z]${row}$`));

    // Virtualised still: a few dozen of the 300 rows in the DOM.
    expect(Number(await grid().getAttribute("data-rows-rendered"))).toBeLessThan(60);
    await page.screenshot({ path: path.join(SHOTS, "grid-frozen-table.png") });
  }, 300_000);

  test("the workbook's own pane (A, rows 1–2) wins, before and after the check", async () => {
    await open(withPane);
    expect(await grid().getAttribute("data-frozen-rows")).toBe("1-2");
    expect(await grid().getAttribute("data-frozen-cols")).toBe("1");
    await check();
    expect(await grid().getAttribute("data-frozen-rows")).toBe("1-2");
    expect(await grid().getAttribute("data-frozen-cols")).toBe("1");
    await scrollTo(3000, 100_000);
    // Row 2's 乡镇 header (B2) now scrolls away to the left; 序号 (A2) stays.
    const a2 = await boxOf("A2");
    expect(a2?.within).toBe(true);
    expect(a2?.top).toBe(48); // letters (24) + row 1 (24)
    expect(await probe(10 + 48, 48 + 12)).toEqual({ cell: "A2", text: "序号", inside: true });
    const height = await grid().evaluate((el) => el.clientHeight);
    const mid = await probe(48 + 10, Math.round(height / 2));
    expect(mid.cell).toMatch(/^A\d+$/);
    const row = Number(mid.cell?.slice(1));
    // 序号 = the row's number in the table: row 3 holds school 1.
    expect(mid.text).toBe(String(row - 2));
    await page.screenshot({ path: path.join(SHOTS, "grid-frozen-pane.png") });
  }, 300_000);

  test("the 乡镇 filter (the table has a 乡镇 column): its 乡镇 listed, one kept", async () => {
    // The pane file is checked (above): 300 schools in the 16 乡镇 of the generator, 94 of them listed.
    const select = pane().getByTestId("school-township");
    const options = await select.locator("option").allTextContents();
    expect(options[0]).toBe("全部");
    expect(options.length).toBe(17);
    expect(options).toContain("城关镇");
    await select.selectOption("城关镇");
    await page.waitForFunction(() => {
      const els = document.querySelectorAll<HTMLElement>("[data-testid='schools'] [data-school]");
      return (
        els.length > 0 &&
        Array.from(els).every((el) => (el.dataset.school ?? "").startsWith("城关镇"))
      );
    });
    const count = await pane().getByTestId("school-count").textContent();
    expect(count).toMatch(/显示 \d+ \/ \d+ 所/);
    await pane()
      .getByTestId("school-township")
      .screenshot({ path: path.join(SHOTS, "township-filter.png") });
    await select.selectOption("");
  }, 120_000);

  test("nothing left the machine: no off-site request, no CSP violation, no page error", () => {
    expect(s.offsite).toEqual([]);
    expect(s.cspViolations).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
