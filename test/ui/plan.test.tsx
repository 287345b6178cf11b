/** @jest-environment jsdom */
/**
 * The 「达标测算」 view on the §16 workbook: the plan and its total, editable costs, and what-if — an edited amount is
 * re-checked by the engine at once (C without its multimedia room fails again).
 */
import "./domShims";
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { Sidebar } from "../../src/ui/Sidebar";
import { SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "../engine/helpers";
import { FakeHost } from "./helpers";

jest.setTimeout(30000);

async function openPlan(lang?: "zh-CN" | "en"): Promise<void> {
  const host = new FakeHost(workbook(sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS])));
  render(<Sidebar host={host} lang={lang} />);
  await act(async () =>
    fireEvent.click(screen.getByRole("button", { name: lang === "en" ? "Check" : "开始检查" }))
  );
  const open = await screen.findByRole("button", {
    name: lang === "en" ? "What it takes to pass" : "达标测算",
  });
  await act(async () => fireEvent.click(open));
}

test("the plan: C and D with their costs, 280,000 元 in all, 4/4 schools after", async () => {
  await openPlan();
  // C 180,000 (+1 骨干, +30,000 元, +1 多媒体) and D 100,000 (+1 体艺): test/engine/plan/schoolPlan.test.ts.
  expect(screen.getByTestId("plan-total").textContent).toBe("全县合计：280,000 元");
  expect(screen.getByTestId("plan-meeting").textContent).toBe("按方案补充后：4/4 所学校达标");
  const c = document.querySelector<HTMLElement>("[data-school='C小学']")!;
  expect(within(c).getByText("费用 180,000 元")).toBeTruthy();
  expect(within(c).getByText("教辅用房按 85% 达标")).toBeTruthy();
});

test("what-if: C's multimedia room set to 0 → C fails, 3/4, the total 50,000 less", async () => {
  await openPlan();
  const input = screen.getByRole("spinbutton", { name: "C小学 网络多媒体教室" });
  await act(async () => fireEvent.change(input, { target: { value: "0" } }));
  // 280,000 − 50,000 = 230,000; C: 6 rooms × 100 / 300 = 2.00 < 2.3 and 用房 4.00 < 4.5 → 5 of 7: fails.
  expect(screen.getByTestId("plan-total").textContent).toBe("全县合计：230,000 元");
  expect(screen.getByTestId("plan-meeting").textContent).toBe("按方案补充后：3/4 所学校达标");
  const c = document.querySelector<HTMLElement>("[data-school='C小学']")!;
  expect(within(c).getByText("不达标")).toBeTruthy();
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "恢复测算方案" })));
  expect(screen.getByTestId("plan-meeting").textContent).toBe("按方案补充后：4/4 所学校达标");
});

test("a unit cost edited: 多媒体 at 0 元 makes the county total 230,000 (English)", async () => {
  await openPlan("en");
  const cost = screen.getByRole("spinbutton", { name: "Unit costs (CNY) multimedia rooms" });
  await act(async () => fireEvent.change(cost, { target: { value: "0" } }));
  // C's room now costs nothing: 280,000 − 50,000.
  expect(screen.getByTestId("plan-total").textContent).toBe("County total: CNY 230,000");
  // English brackets and separators, not 「（Primary）」 (the screenshot review of 3 December).
  const card = document.querySelector<HTMLElement>("[data-school='C小学']") as HTMLElement;
  expect(card.querySelector("strong")?.textContent).toBe("C小学 (Primary)");
  expect(card.textContent).toContain("multimedia rooms (rooms)");
  expect(document.body.textContent).not.toMatch(/（Primary）|（Junior）|（rooms）/);
});

test("what-if on the data: D's 骨干 set from 2 to 1 → D fails even with the plan, the CV moves; plan again", async () => {
  await openPlan();
  const pick = within(screen.getByTestId("plan-data")).getByRole("combobox");
  await act(async () => fireEvent.change(pick, { target: { value: "小学|5|primary" } }));
  const key = screen.getByRole("spinbutton", { name: "D小学 数据 县级以上骨干教师" });
  expect((key as HTMLInputElement).value).toBe("2");
  await act(async () => fireEvent.change(key, { target: { value: "1" } }));
  // D: 骨干 1 × 100 / 150 = 0.667 < 0.85 floor; the plan's +1 体艺 does not help that: D fails, 3/4.
  expect(screen.getByTestId("plan-data-verdict").textContent).toBe(
    "不补充： 不达标 · 按方案补充后： 不达标"
  );
  expect(screen.getByTestId("plan-meeting").textContent).toBe("按方案补充后：3/4 所学校达标");
  // 骨干 CV with the plan: values 14/1200, 6/600, 3/300, 1/150 per 100 → X̄ 1.066667, S 0.133333, CV 0.125
  // (test/engine/plan/whatIf.test.ts works it out).
  const row = screen
    .getByTestId("plan-cvs-primary")
    .querySelector<HTMLElement>("[data-indicator='key_teachers_per_100']")!;
  expect(row.querySelectorAll("td")[2].textContent).toBe("0.125");
  // Planned again on the changed data: D needs +1 骨干 (2/150 = 1.33) and +1 体艺 (2/150 = 1.33), both below their
  // floors now, so neither may stay: 200,000; with C's 180,000 the county needs 380,000 元.
  await act(async () =>
    fireEvent.click(screen.getByRole("button", { name: "按改后数据重新测算" }))
  );
  expect(screen.getByTestId("plan-total").textContent).toBe("全县合计：380,000 元");
  expect(screen.getByTestId("plan-meeting").textContent).toBe("按方案补充后：4/4 所学校达标");
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "恢复测算方案" })));
  expect(screen.getByTestId("plan-total").textContent).toBe("全县合计：280,000 元");
});
