/**
 * Smoke tests of the host with office-addin-mock (Microsoft's mock of the Office.js object model). The mock
 * has no collections or addresses, so the real coverage is in excelHost.test.ts with our counting fake; this
 * checks the adapter's calls against the library add-in developers use.
 */
import { OfficeMockObject } from "office-addin-mock";
import { createExcelHost, ExcelRun } from "../../../src/host/excel/excelHost";
import { OVERRIDES_KEY } from "../../../src/host/excel/settings";

test("selectCell activates the sheet and selects the cell, then syncs", async () => {
  const calls: string[] = [];
  const data = {
    context: {
      workbook: {
        worksheets: {
          getItem(name: string) {
            calls.push(`sheet:${name}`);
            return {
              activate: () => calls.push("activate"),
              getRange: (a: string) => ({ select: () => calls.push(`select:${a}`) }),
            };
          },
        },
      },
    },
    run: async function (callback: (ctx: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as unknown as {
    run: ExcelRun;
    context: { sync: () => Promise<void> };
  };
  await createExcelHost(mock.run.bind(mock)).selectCell("学校基本情况", "K9");
  expect(calls).toEqual(["sheet:学校基本情况", "activate", "select:K9"]);
});

test("loadOverrides reads the saved JSON setting after load + sync", async () => {
  const saved = { 小学: { stage: "primary" } };
  // isNullObject is not a loadable property in Office.js; keep it out of the mock's load tracking.
  const item = { value: JSON.stringify(saved), key: OVERRIDES_KEY };
  const data = {
    context: {
      workbook: {
        settings: {
          item,
          getItemOrNullObject(key: string) {
            expect(key).toBe(OVERRIDES_KEY);
            const proxy = this.item as object;
            Object.defineProperty(proxy, "isNullObject", { value: false, enumerable: false });
            return proxy;
          },
        },
      },
    },
    run: async function (callback: (ctx: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as unknown as { run: ExcelRun };
  expect(await createExcelHost(mock.run.bind(mock)).loadOverrides()).toEqual(saved);
});
