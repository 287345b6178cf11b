/** @jest-environment jsdom */
/**
 * Long lists with no paging (issue 10, deliver 5): every list of findings, schools and left-out schools is a
 * VirtualList — up to its limit the rows as they are; beyond it a scroll box holding only the rows in view. The
 * offsets and the window are worked out by hand here.
 */
import "./domShims";
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { CappedList } from "../../src/ui/common/FindingRow";
import { rowAt, rowOffsets, visibleRange } from "../../src/ui/common/VirtualList";
import { strings } from "../../src/ui/i18n";

test("offsets from measured heights, the unmeasured at the guess; the row at a height", () => {
  // Rows 0 and 2 measured at 100 and 60; rows 1 and 3 at the guess 40: 0, 100, 140, 200, 240.
  const o = rowOffsets(
    4,
    new Map([
      [0, 100],
      [2, 60],
    ]),
    40
  );
  expect([...o]).toEqual([0, 100, 140, 200, 240]);
  expect(rowAt(o, 0)).toBe(0);
  expect(rowAt(o, 99)).toBe(0);
  expect(rowAt(o, 100)).toBe(1);
  expect(rowAt(o, 150)).toBe(2);
});

test("the window: the rows in view plus the overscan, at least `min` rows", () => {
  // 1,000 rows of 40 px; a 400 px view scrolled to 4,000 px shows rows 100–110; overscan 5 → 95 … 116.
  const o = rowOffsets(1000, new Map(), 40);
  expect(visibleRange(o, 4000, 400, 5, 0)).toEqual([95, 116]);
  // No layout (jsdom): the first 20.
  expect(visibleRange(o, 0, 0, 5)).toEqual([0, 20]);
  // The end of the list is never passed.
  expect(visibleRange(o, 39_900, 400, 5, 0)).toEqual([992, 1000]);
});

test("300 rows: no 「再显示」, a scroll box with only the rows in view; scrolling brings others in", () => {
  const items = Array.from({ length: 300 }, (_, i) => `学校${i + 1}`);
  render(
    <CappedList items={items} limit={20} t={strings("zh-CN")}>
      {(name) => (
        <div key={name} data-row={name}>
          {name}
        </div>
      )}
    </CappedList>
  );
  expect(screen.queryByRole("button", { name: /再显示/ })).toBeNull();
  const box = screen.getByTestId("virtual-list");
  expect(box.getAttribute("data-rows")).toBe("300");
  expect(box.querySelectorAll("[data-row]")).toHaveLength(20);
  expect(box.querySelector("[data-row='学校1']")).not.toBeNull();
  expect(box.querySelector("[data-row='学校200']")).toBeNull();
  // Scrolled to 40 px × 199 with a 400 px view (nothing measured in jsdom: rows at the 40 px guess).
  Object.defineProperty(box, "clientHeight", { configurable: true, value: 400 });
  box.scrollTop = 40 * 199;
  fireEvent.scroll(box);
  expect(box.querySelector("[data-row='学校200']")).not.toBeNull();
  expect(box.querySelector("[data-row='学校1']")).toBeNull();
  expect(box.querySelectorAll("[data-row]").length).toBeLessThan(40);
});

test("a short list is rendered as it is, with no box", () => {
  render(
    <CappedList items={["一小", "二小"]} limit={20} t={strings("zh-CN")}>
      {(name) => <div key={name}>{name}</div>}
    </CappedList>
  );
  expect(screen.queryByTestId("virtual-list")).toBeNull();
  expect(screen.getByText("二小")).toBeTruthy();
});
