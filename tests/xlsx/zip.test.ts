/** The package's zip container against JSZip, both ways, and on what is not a zip. */
import JSZip from "jszip";
import fc from "fast-check";
import { ZipPackage, crc32 } from "../../src/xlsx/zip";

async function jszipBytes(
  files: Record<string, string>,
  opts: JSZip.JSZipGeneratorOptions<"nodebuffer">
): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ ...opts, type: "nodebuffer" });
}

describe("ZipPackage", () => {
  it("reads what JSZip writes: deflated, stored, with data descriptors, with folders", async () => {
    const files = {
      "[Content_Types].xml": "<Types/>",
      "xl/workbook.xml": "<workbook>é ✓</workbook>".repeat(50),
    };
    for (const opts of [
      { compression: "DEFLATE" as const },
      { compression: "STORE" as const },
      { compression: "DEFLATE" as const, streamFiles: true },
    ]) {
      const pkg = ZipPackage.load(await jszipBytes(files, opts));
      expect(pkg.names()).toEqual(
        expect.arrayContaining(["[Content_Types].xml", "xl/", "xl/workbook.xml"])
      );
      expect(pkg.read("xl/workbook.xml")?.toString("utf8")).toBe(files["xl/workbook.xml"]);
    }
  });

  it("copies entries it did not touch with their exact compressed bytes, and JSZip reads the result", async () => {
    const input = await jszipBytes(
      { "a.xml": "<a/>".repeat(100), "b.xml": "<b/>", "c.xml": "<c/>" },
      { compression: "DEFLATE" }
    );
    const pkg = ZipPackage.load(input);
    pkg.write("b.xml", "<b>new</b>");
    pkg.remove("c.xml");
    pkg.write("d/e.xml", "<e/>");
    const out = pkg.toBuffer();
    const raw = (bytes: Buffer, name: string) => {
      const at = bytes.indexOf(Buffer.from(name)) + name.length;
      return bytes.subarray(at, at + 12);
    };
    expect(raw(out, "a.xml")).toEqual(raw(input, "a.xml"));
    const back = await JSZip.loadAsync(out);
    expect(Object.keys(back.files)).toEqual(["a.xml", "b.xml", "d/e.xml"]);
    expect(await back.file("a.xml")!.async("string")).toBe("<a/>".repeat(100));
    expect(await back.file("b.xml")!.async("string")).toBe("<b>new</b>");
    expect(ZipPackage.load(out).toBuffer()).toEqual(out);
  });

  it("finds a part whatever the case of its name, and replaces it under the name it has", async () => {
    const pkg = ZipPackage.load(
      await jszipBytes({ "xl/Worksheets/Sheet1.xml": "<a/>" }, { compression: "DEFLATE" })
    );
    expect(pkg.read("xl/worksheets/sheet1.xml")?.toString()).toBe("<a/>");
    pkg.write("xl/worksheets/sheet1.xml", "<b/>");
    expect(pkg.names().filter((n) => !n.endsWith("/"))).toEqual(["xl/Worksheets/Sheet1.xml"]);
    pkg.remove("XL/WORKSHEETS/SHEET1.XML");
    expect(pkg.has("xl/Worksheets/Sheet1.xml")).toBe(false);
  });

  it("computes the zip CRC-32", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (a) => crc32(Buffer.from(a)) >= 0));
  });

  it("refuses what is not a zip, or is cut short, with a sentence", async () => {
    expect(() => ZipPackage.load(Buffer.from("Measure,Month,Count\n"))).toThrow(
      /not an \.xlsx \(zip\) file/
    );
    const good = await jszipBytes({ "a.xml": "<a/>" }, { compression: "DEFLATE" });
    expect(() => ZipPackage.load(good.subarray(0, good.length - 30))).toThrow(
      /not an \.xlsx \(zip\) file/
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (a) => {
        try {
          ZipPackage.load(Buffer.concat([Buffer.from(a), good.subarray(good.length - 22)]));
        } catch (e) {
          expect(String(e)).toMatch(/not an \.xlsx \(zip\) file/);
        }
      })
    );
  });
});
