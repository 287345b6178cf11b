/**
 * @jest-environment jsdom
 *
 * Offline manifest validation (stack-notes trap 4): `office-addin-manifest validate` needs the internet, so
 * we check the structure ourselves: GUID id, every resid resolves, https URLs, one shared runtime
 * (Runtime = Page = FunctionFile), the SharedRuntime requirement, icons that exist, zh-CN metadata override.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";

const ROOT = path.resolve(__dirname, "..", "..");
const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const all = (tag: string): Element[] => Array.from(doc.getElementsByTagNameNS("*", tag));
const one = (tag: string): Element => {
  const e = all(tag);
  expect(e).toHaveLength(1);
  return e[0];
};

test("well-formed, a task pane app with a GUID id", () => {
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  expect(doc.documentElement.localName).toBe("OfficeApp");
  expect(doc.documentElement.getAttribute("xsi:type")).toBe("TaskPaneApp");
  expect(one("Id").textContent).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
  );
  expect(one("Permissions").textContent).toBe("ReadWriteDocument");
  expect(one("DefaultLocale").textContent).toBe("zh-CN");
});

test("every resid resolves to a resource", () => {
  const ids = new Set(
    all("Image")
      .concat(all("Url"), all("String"))
      .map((e) => e.getAttribute("id"))
      .filter(Boolean)
  );
  const resids = Array.from(doc.querySelectorAll("[resid]")).map((e) => e.getAttribute("resid"));
  expect(resids.length).toBeGreaterThan(10);
  for (const r of resids) expect(ids).toContain(r);
});

test("every URL is https and every icon exists in assets/", () => {
  const urls = Array.from(doc.querySelectorAll("[DefaultValue],[Value]"))
    .flatMap((e) => [e.getAttribute("DefaultValue"), e.getAttribute("Value")])
    .filter((v): v is string => !!v && /^[a-z]+:\/\//i.test(v));
  expect(urls.length).toBeGreaterThan(5);
  for (const u of urls) expect(u).toMatch(/^https:\/\//);
  for (const u of urls.filter((x) => x.includes("/assets/"))) {
    expect(fs.existsSync(path.join(ROOT, "assets", u.split("/assets/")[1]))).toBe(true);
  }
  for (const size of ["16", "32", "80"]) {
    expect(all("Image").some((e) => e.getAttribute("size") === size)).toBe(true);
  }
});

test("one shared runtime: Runtime = Page = FunctionFile, SharedRuntime required, JH namespace", () => {
  const runtime = one("Runtime");
  expect(runtime.getAttribute("lifetime")).toBe("long");
  const page = one("Page").getElementsByTagNameNS("*", "SourceLocation")[0];
  expect(page.getAttribute("resid")).toBe(runtime.getAttribute("resid"));
  expect(one("FunctionFile").getAttribute("resid")).toBe(runtime.getAttribute("resid"));
  expect(all("Set").some((s) => s.getAttribute("Name") === "SharedRuntime")).toBe(true);
  const ns = one("Namespace").getAttribute("resid");
  expect(
    all("String")
      .find((s) => s.getAttribute("id") === ns)
      ?.getAttribute("DefaultValue")
  ).toBe("JH");
});

test("functions metadata with a zh-CN override, and a 「均衡检查」 ribbon button opening the pane", () => {
  const metaId = one("Metadata")
    .getElementsByTagNameNS("*", "SourceLocation")[0]
    .getAttribute("resid");
  const meta = all("Url").find((u) => u.getAttribute("id") === metaId)!;
  expect(meta.getAttribute("DefaultValue")).toMatch(/functions\.json$/);
  const override = meta.getElementsByTagNameNS("*", "Override")[0];
  expect(override.getAttribute("Locale")).toBe("zh-CN");
  expect(override.getAttribute("Value")).toMatch(/functions\.zh-CN\.json$/);
  const button = all("Control")[0];
  const label = button.getElementsByTagNameNS("*", "Label")[0].getAttribute("resid");
  const str = all("String").find((s) => s.getAttribute("id") === label)!;
  expect(str.getAttribute("DefaultValue")).toBe("均衡检查");
  expect(str.getElementsByTagNameNS("*", "Override")[0].getAttribute("Locale")).toBe("en-US");
  expect(button.getElementsByTagNameNS("*", "Action")[0].getAttribute("xsi:type")).toBe(
    "ShowTaskpane"
  );
});

test("office-addin-manifest reads it offline", () => {
  const bin = path.join(ROOT, "node_modules", ".bin", "office-addin-manifest");
  const r = spawnSync(bin, ["info", "manifest.xml"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/6f1d0b3e-5a7c-4c2e-9a41-2b8e7d3c9f10/);
});
