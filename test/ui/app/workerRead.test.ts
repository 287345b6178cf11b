/**
 * The engine worker's read (src/app/engine): the XML parts inflated ahead by the platform's DecompressionStream
 * give readXlsx's own values and keep its caps; a long sheet travels to the page in slices of rows and is put
 * back together exactly, holes (rows the sheet does not have) included.
 */
import * as fs from "fs";
import { nativeInflater } from "../../../src/app/engine/nativeInflate";
import { assembleWorkbook, noParts, postWorkbook } from "../../../src/app/engine/serve";
import type { EngineResponse } from "../../../src/app/engine/protocol";
import type { RawCell, WorkbookInput } from "../../../src/engine/workbook";
import { readXlsx, XlsxReadError } from "../../../src/host/xlsx";
import { SAMPLE_PATH } from "../helpers";

const sample = (): Uint8Array => new Uint8Array(fs.readFileSync(SAMPLE_PATH));

test("inflated ahead natively: the same values as the portable inflater", async () => {
  const bytes = sample();
  const inflateRaw = await nativeInflater(bytes);
  expect(inflateRaw).toBeDefined();
  expect(readXlsx(bytes, { inflateRaw })).toEqual(readXlsx(bytes));
});

test("the cap still holds: a part larger than it is refused as too large", async () => {
  const bytes = sample();
  const inflateRaw = await nativeInflater(bytes);
  const e = (() => {
    try {
      readXlsx(bytes, { inflateRaw, maxInflatedBytes: 1000 });
    } catch (x) {
      return x;
    }
    return null;
  })();
  expect(e).toBeInstanceOf(XlsxReadError);
  expect((e as XlsxReadError).code).toBe("too-large");
});

test("not a zip: no inflater, readXlsx reports it", async () => {
  expect(await nativeInflater(new Uint8Array([1, 2, 3, 4]))).toBeUndefined();
});

test("a long sheet is sent in slices of 2,500 rows and assembled exactly, holes kept", () => {
  const rows: RawCell[][] = [];
  // 6,001 rows: slices of 2,500 + 2,500 + 1,001; every 7th row missing (a hole), as readXlsx leaves empty rows.
  for (let r = 0; r < 6001; r++)
    if (r % 7 !== 3) rows[r] = [`学校${r}`, r, r % 5 === 0 ? null : r * 2];
  const wb: WorkbookInput = {
    sheets: [
      { name: "说明", rows: [["说明文字"]], merges: [] },
      { name: "学校基本情况", rows, merges: [{ top: 0, left: 0, bottom: 0, right: 2 }] },
    ],
  };
  const posted: EngineResponse[] = [];
  postWorkbook(7, wb, (r) => posted.push(structuredClone(r)));
  const parts = posted.filter((r) => r.kind === "part");
  expect(parts.map((r) => r.kind === "part" && r.items.length)).toEqual([2500, 2500, 1001]);
  const last = posted[posted.length - 1];
  expect(last.kind).toBe("ok");
  const p = noParts();
  for (const r of parts)
    if (r.kind === "part" && r.list === "rows") {
      const list = p.rows.get(r.sheet) ?? [];
      p.rows.set(r.sheet, list);
      list.push(r.items);
    }
  const back = assembleWorkbook((last as { value: WorkbookInput }).value, p);
  expect(back).toEqual(wb);
  expect(back.sheets[1].rows).toHaveLength(6001);
  expect(3 in back.sheets[1].rows).toBe(false);
  expect(4 in back.sheets[1].rows).toBe(true);
});
