/**
 * @jest-environment jsdom
 */
// The manifest, checked offline. Microsoft's validator is a web service (`npm run validate`) and
// no XSD that knows <Runtimes> ships in any package, so this test checks what breaks a sideload
// or a shared runtime in practice. jsdom's DOMParser is a real, namespace-aware XML parser.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { FUNCTIONS_JSON_FILES } from "../src/dev/functions-json";

const ROOT = join(__dirname, "..");
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const ORIGIN = "https://localhost:3000";

const doc = new DOMParser().parseFromString(
  readFileSync(join(ROOT, "manifest.xml"), "utf8"),
  "application/xml",
);

/** Elements by local name, whatever their namespace (the manifest mixes four). */
function all(name: string, under: Element | Document = doc): Element[] {
  return [...under.getElementsByTagName("*")].filter((e) => e.localName === name);
}
function one(name: string, under: Element | Document = doc): Element {
  const found = all(name, under);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0]!;
}
const xsiType = (e: Element): string | null => e.getAttributeNS(XSI, "type");
const children = (e: Element, name: string): Element[] => [...e.children].filter((c) => c.localName === name);

/** The resources, by kind: id → element. */
const RESOURCE_KINDS = {
  Images: "Image",
  Urls: "Url",
  ShortStrings: "String",
  LongStrings: "String",
} as const;
type Kind = keyof typeof RESOURCE_KINDS;
const resources = (kind: Kind): Element[] => children(one(kind, one("Resources")), RESOURCE_KINDS[kind]);
const resourceKinds = Object.keys(RESOURCE_KINDS) as Kind[];
const kindOf = (id: string): Kind | undefined =>
  resourceKinds.find((k) => resources(k).some((e) => e.id === id));
const value = (id: string): string => {
  const e = resourceKinds.flatMap(resources).find((r) => r.id === id);
  if (!e) throw new Error(`no resource ${id}`);
  return e.getAttribute("DefaultValue") ?? "";
};
const viOverride = (e: Element): string | undefined =>
  children(e, "Override")
    .find((o) => o.getAttribute("Locale") === "vi-VN")
    ?.getAttribute("Value") ?? undefined;
const references = (): Element[] => [...doc.getElementsByTagName("*")].filter((e) => e.hasAttribute("resid"));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  if (
    b.subarray(0, 8).toString("hex") !== "89504e470d0a1a0a" ||
    b.subarray(12, 16).toString("latin1") !== "IHDR"
  ) {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
/** https://localhost:3000/assets/x.png → <repo>/assets/x.png */
function assetFile(url: string): string {
  expect(url.startsWith(`${ORIGIN}/assets/`)).toBe(true);
  return join(ROOT, url.slice(ORIGIN.length + 1));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe("manifest.xml", () => {
  it("is well-formed XML: an Excel task pane add-in", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(xsiType(doc.documentElement)).toBe("TaskPaneApp");
    expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(one("Version").textContent).toBe("1.0.0.0");
    expect(one("ProviderName").textContent).toBe("EMU");
    expect(one("DefaultLocale").textContent).toBe("en-US");
    const hosts = all("Host").filter((h) => h.getAttribute("Name") !== null);
    expect(hosts.map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    expect(
      all("Host")
        .filter((h) => xsiType(h) !== null)
        .map(xsiType),
    ).toEqual(["Workbook"]);
  });

  it("defines every resid it references exactly once, and uses every resource it defines", () => {
    const defined = resourceKinds.flatMap(resources).map((e) => e.id);
    const duplicates = defined.filter((id, i) => defined.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
    const referenced = new Set(references().map((e) => e.getAttribute("resid")!));
    expect([...referenced].filter((id) => !defined.includes(id))).toEqual([]);
    expect(defined.filter((id) => !referenced.has(id))).toEqual([]);
  });

  it("references each resource from an element of the right kind", () => {
    const expectedKind = (e: Element): Kind => {
      const parent = e.parentElement?.localName;
      if (e.localName === "Image") return "Images";
      if (["SourceLocation", "FunctionFile", "Runtime", "LearnMoreUrl"].includes(e.localName)) return "Urls";
      if (e.localName === "Description" && (parent === "Supertip" || parent === "GetStarted"))
        return "LongStrings";
      return "ShortStrings"; // Label, Title, Namespace
    };
    const wrong = references()
      .map((e) => ({ el: e.localName, id: e.getAttribute("resid")!, want: expectedKind(e) }))
      .filter((r) => kindOf(r.id) !== r.want);
    expect(wrong).toEqual([]);
  });

  it("uses https for every URL", () => {
    const urls: string[] = [];
    for (const e of [...doc.getElementsByTagName("*")]) {
      for (const a of [...e.attributes]) {
        if (a.name === "xmlns" || a.prefix === "xmlns" || a.name.startsWith("xmlns:")) continue; // namespace names
        if (a.value.includes("://")) urls.push(a.value);
      }
      if (e.children.length === 0 && e.textContent?.includes("://")) urls.push(e.textContent.trim());
    }
    expect(urls.length).toBeGreaterThan(20);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
    // The source manifest is for development; the build moves the origin (EMU_ORIGIN).
    expect(urls.filter((u) => !u.startsWith(`${ORIGIN}/`) && u !== ORIGIN)).toEqual([]);
  });

  it("names the custom functions' namespace EMU, the same in every language", () => {
    const ns = one("Namespace").getAttribute("resid")!;
    expect(value(ns)).toBe("EMU");
    expect(value(ns).length).toBeLessThanOrEqual(32);
    expect(viOverride(resources("ShortStrings").find((e) => e.id === ns)!)).toBeUndefined();
  });

  it("runs everything in one long-lived shared runtime", () => {
    const runtime = one("Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const id = runtime.getAttribute("resid")!;
    expect(value(id)).toBe(`${ORIGIN}/taskpane.html`);
    expect(one("SourceLocation", one("DefaultSettings")).getAttribute("DefaultValue")).toBe(value(id));

    const cf = all("ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions")!;
    expect(one("SourceLocation", one("Page", cf)).getAttribute("resid")).toBe(id);
    expect(value(one("SourceLocation", one("Script", cf)).getAttribute("resid")!)).toBe(
      `${ORIGIN}/functions.js`,
    );
    expect(one("FunctionFile").getAttribute("resid")).toBe(id);
    const panes = all("Action").filter((a) => xsiType(a) === "ShowTaskpane");
    expect(panes.length).toBeGreaterThan(0);
    for (const a of panes) expect(one("SourceLocation", a).getAttribute("resid")).toBe(id);

    const sets = all("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]);
    expect(sets).toContainEqual(["SharedRuntime", "1.1"]);
  });

  it("declares the requirement sets the code needs, so Excel versions that cannot run EMU do not offer it", () => {
    const sets = all("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]);
    expect(sets).toContainEqual(["ExcelApi", "1.9"]);
    expect(sets).toContainEqual(["CustomFunctionsRuntime", "1.3"]);
  });

  it("keeps one task pane: the one ShowTaskpane carries the TaskpaneId, no ExecuteFunction does", () => {
    // "Any task pane without a <TaskpaneId> is considered a different task pane" (Configure your
    // Office Add-in to use a shared runtime → Multiple task panes).
    const panes = all("Action").filter((a) => xsiType(a) === "ShowTaskpane");
    expect(new Set(panes.map((a) => one("TaskpaneId", a).textContent)).size).toBe(1);
    const runs = all("Action").filter((a) => xsiType(a) === "ExecuteFunction");
    for (const a of runs) expect(all("TaskpaneId", a)).toEqual([]);
  });

  it("serves the metadata files the build emits, Vietnamese to vi-VN", () => {
    const cf = all("ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions")!;
    const id = one("SourceLocation", one("Metadata", cf)).getAttribute("resid")!;
    const url = resources("Urls").find((e) => e.id === id)!;
    const file = (lang: string) =>
      Object.keys(FUNCTIONS_JSON_FILES).find((f) => FUNCTIONS_JSON_FILES[f] === lang);
    expect(url.getAttribute("DefaultValue")).toBe(`${ORIGIN}/${file("en")}`);
    expect(viOverride(url)).toBe(`${ORIGIN}/${file("vi")}`);
  });

  it("asks for ReadWriteDocument and nothing more", () => {
    expect(all("Permissions").map((p) => p.textContent)).toEqual(["ReadWriteDocument"]);
  });

  it("runs each ExecuteFunction button through a handler the commands associate, without a TaskpaneId", () => {
    const source = filesUnder(join(ROOT, "src", "commands"))
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const actions = all("Action").filter((a) => xsiType(a) === "ExecuteFunction");
    const names = actions.map((a) => one("FunctionName", a).textContent!.trim());
    expect(names).toEqual([
      "computeRanking",
      "validateSheet",
      "generateNotice",
      "makeForms",
      "conferenceVote",
      "makePledge",
    ]);
    for (const name of names) expect(source).toContain(`Office.actions.associate("${name}"`);
    for (const a of actions) expect(all("TaskpaneId", a)).toEqual([]);
  });

  it("has the seven buttons on the EMU tab, with unique ids", () => {
    const tab = one("CustomTab");
    const controls = all("Control", tab);
    expect(controls.map((c) => value(one("Label", c).getAttribute("resid")!))).toEqual([
      "Compute ranking",
      "Validate",
      "Generate notice",
      "Make forms",
      "Conference vote",
      "Pledge",
      "Open panel",
    ]);
    const ids = [...doc.getElementsByTagName("*")]
      .filter((e) => e.hasAttribute("id") && e.namespaceURI !== BT)
      .map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(125);
  });

  it("gives every user-facing text and URL a vi-VN override", () => {
    const missing: string[] = [];
    for (const name of ["DisplayName", "Description"]) {
      const e = children(doc.documentElement, name)[0]!;
      if (!viOverride(e)) missing.push(name);
    }
    for (const kind of ["ShortStrings", "LongStrings"] as const) {
      for (const s of resources(kind)) {
        if (s.id === one("Namespace").getAttribute("resid")) continue; // the formula prefix
        if (!viOverride(s)) missing.push(s.id);
      }
    }
    const userFacingUrls = [
      one("SourceLocation", one("Metadata")).getAttribute("resid")!,
      one("LearnMoreUrl").getAttribute("resid")!,
    ];
    for (const id of userFacingUrls)
      if (!viOverride(resources("Urls").find((e) => e.id === id)!)) missing.push(id);
    expect(missing).toEqual([]);
    // The overrides are Vietnamese, not copies (the tab's name "EMU" is the one proper noun).
    const copies = resources("ShortStrings")
      .concat(resources("LongStrings"))
      .filter((s) => viOverride(s) !== undefined && viOverride(s) === s.getAttribute("DefaultValue"))
      .map((s) => s.id);
    expect(copies).toEqual(["Tab.Label"]);
  });

  it("keeps texts within Office's lengths", () => {
    const long = (e: Element, max: number) =>
      [e.getAttribute("DefaultValue") ?? "", viOverride(e) ?? ""].some((t) => t.length > max)
        ? [e.id || e.localName]
        : [];
    const tooLong = [
      ...resources("ShortStrings").flatMap((e) => long(e, 125)),
      ...resources("LongStrings").flatMap((e) => long(e, 250)),
      ...long(children(doc.documentElement, "DisplayName")[0]!, 125),
      ...long(children(doc.documentElement, "Description")[0]!, 250),
    ];
    expect(tooLong).toEqual([]);
  });

  it("references icons that exist in assets/ at the sizes it declares", () => {
    const wrong: string[] = [];
    const check = (url: string, size: number) => {
      const { width, height } = pngSize(assetFile(url));
      if (width !== size || height !== size) wrong.push(`${url}: ${width}×${height}, declared ${size}`);
    };
    const uses = all("Image").filter((e) => e.hasAttribute("resid"));
    expect(uses.length).toBe(24); // 16, 32, 80 for the group and each of the seven buttons
    for (const use of uses) check(value(use.getAttribute("resid")!), Number(use.getAttribute("size")));
    check(one("IconUrl").getAttribute("DefaultValue")!, 32);
    check(one("HighResolutionIconUrl").getAttribute("DefaultValue")!, 64);
    expect(wrong).toEqual([]);
  });

  it("gives each button its own pictogram", () => {
    const controls = all("Control", one("CustomTab"));
    const icon32 = controls.map((c) =>
      value(
        all("Image", c)
          .find((i) => i.getAttribute("size") === "32")!
          .getAttribute("resid")!,
      ),
    );
    expect(new Set(icon32).size).toBe(controls.length);
  });

  it("links the help page that the build ships", () => {
    for (const url of [
      value(one("LearnMoreUrl").getAttribute("resid")!),
      one("SupportUrl").getAttribute("DefaultValue")!,
    ]) {
      expect(statSync(assetFile(url.replace(/#.*$/, ""))).isFile()).toBe(true);
    }
  });
});
