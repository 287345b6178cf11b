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

test("functions metadata: Chinese by default (DefaultLocale zh-CN), one en-US override; a 「均衡检查」 button", () => {
  const metaId = one("Metadata")
    .getElementsByTagNameNS("*", "SourceLocation")[0]
    .getAttribute("resid");
  const meta = all("Url").find((u) => u.getAttribute("id") === metaId)!;
  expect(meta.getAttribute("DefaultValue")).toMatch(/functions\.zh-CN\.json$/);
  const overrides = meta.getElementsByTagNameNS("*", "Override");
  expect(overrides).toHaveLength(1);
  expect(overrides[0].getAttribute("Locale")).toBe("en-US");
  expect(overrides[0].getAttribute("Value")).toMatch(/\/functions\.json$/);
  const button = all("Control")[0];
  const label = button.getElementsByTagNameNS("*", "Label")[0].getAttribute("resid");
  const str = all("String").find((s) => s.getAttribute("id") === label)!;
  expect(str.getAttribute("DefaultValue")).toBe("均衡检查");
  expect(str.getElementsByTagNameNS("*", "Override")[0].getAttribute("Locale")).toBe("en-US");
  expect(button.getElementsByTagNameNS("*", "Action")[0].getAttribute("xsi:type")).toBe(
    "ShowTaskpane"
  );
});

/** Child element names, in document order. */
const children = (e: Element): string[] => Array.from(e.children).map((c) => c.localName);

/** Keeps only the names in `order` and checks they appear in that order (the XSD's xs:sequence). */
function expectInOrder(actual: string[], order: string[]): void {
  const seen = actual.filter((n) => order.includes(n));
  const sorted = [...seen].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  expect(seen).toEqual(sorted);
  expect(actual.filter((n) => !order.includes(n))).toEqual([]);
}

test("elements in the order of the manifest schema (TaskPaneAppVersionOverrides 1.0)", () => {
  // OfficeApp (offappmanifest 1.1, TaskPaneApp) — the order Office rejects a manifest for breaking.
  expectInOrder(children(doc.documentElement), [
    ...["Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName"],
    ...["Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts"],
    ...["Requirements", "DefaultSettings", "Permissions", "AllowSnapshot", "VersionOverrides"],
  ]);
  expectInOrder(children(one("VersionOverrides")), [
    "Description",
    "Requirements",
    "Hosts",
    "Resources",
  ]);
  const host = one("VersionOverrides").getElementsByTagNameNS("*", "Host")[0];
  expectInOrder(children(host), ["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
  expectInOrder(children(one("DesktopFormFactor")), [
    "GetStarted",
    "FunctionFile",
    "ExtensionPoint",
  ]);
  expectInOrder(children(one("Resources")), ["Images", "Urls", "ShortStrings", "LongStrings"]);
  // CustomFunctions extension point: Script, Page, Metadata, Namespace.
  const cf = all("ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "CustomFunctions")!;
  expect(children(cf)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
});

test("ids and resids at most 32 characters; strings within their schema lengths", () => {
  const ids = Array.from(doc.querySelectorAll("[id],[resid]")).flatMap((e) =>
    [e.getAttribute("id"), e.getAttribute("resid")].filter((x): x is string => !!x)
  );
  for (const id of ids) expect([id, id.length <= 32]).toEqual([id, true]);
  const lengths = (el: Element): number[] =>
    [el.getAttribute("DefaultValue") ?? ""]
      .concat(
        Array.from(el.getElementsByTagNameNS("*", "Override")).map(
          (o) => o.getAttribute("Value") ?? ""
        )
      )
      .map((v) => v.length);
  // bt:ShortStrings ≤ 125, bt:LongStrings ≤ 250, DisplayName ≤ 125, Description ≤ 250, URLs ≤ 2048.
  for (const e of Array.from(one("ShortStrings").children))
    expect(Math.max(...lengths(e))).toBeLessThanOrEqual(125);
  for (const e of Array.from(one("LongStrings").children))
    expect(Math.max(...lengths(e))).toBeLessThanOrEqual(250);
  expect(Math.max(...lengths(all("DisplayName")[0]))).toBeLessThanOrEqual(125);
  expect(Math.max(...lengths(all("Description")[0]))).toBeLessThanOrEqual(250);
  for (const u of all("Url")) expect(Math.max(...lengths(u))).toBeLessThanOrEqual(2048);
});

test("one override per non-default language, none for the default locale (develop/localization.md)", () => {
  const defaultLocale = one("DefaultLocale").textContent!;
  for (const o of all("Override")) {
    expect(o.getAttribute("Locale")).not.toBe(defaultLocale);
  }
  // Per localizable element, each other language at most once; the user-visible ones carry en-US.
  const parents = new Set(all("Override").map((o) => o.parentElement!));
  for (const p of parents) {
    const locales = Array.from(p.children)
      .filter((c) => c.localName === "Override")
      .map((c) => c.getAttribute("Locale"));
    expect(new Set(locales).size).toBe(locales.length);
  }
  const visible = ["DisplayName", "Description"].map((t) => all(t)[0]);
  visible.push(...all("String").filter((s) => s.getAttribute("id") !== "Functions.Namespace"));
  for (const v of visible) {
    const locales = Array.from(v.children)
      .filter((c) => c.localName === "Override")
      .map((c) => c.getAttribute("Locale"));
    expect([v.getAttribute("id") ?? v.localName, locales]).toEqual([
      v.getAttribute("id") ?? v.localName,
      ["en-US"],
    ]);
  }
});

test("requirements: only SharedRuntime 1.1 and the ExcelApi floor of src/host/excel/platform.ts", () => {
  const sets = all("Set").map((s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`);
  expect(sets.sort()).toEqual(["ExcelApi 1.9", "SharedRuntime 1.1"]);
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
