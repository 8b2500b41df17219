/** The package's one zip module, against JSZip both ways, on what is not a zip, and at its limits. */
import JSZip from "jszip";
import fc from "fast-check";
import zlib from "zlib";
import { ZipError, ZipPackage, crc32 } from "../../src/xlsx/zip";
import { deflatePieces } from "../../src/xlsx/zip-deflate";
import { entryOf, paddedEntry, writeZip } from "../support/zip-craft";

const MB = 1024 * 1024;
const CAP = 256 * MB;

async function jszipBytes(
  files: Record<string, string>,
  opts: JSZip.JSZipGeneratorOptions<"nodebuffer">
): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ ...opts, type: "nodebuffer" });
}

/** Offsets of the first local header and central entry naming `name` (for crafted variants). */
function headersOf(bytes: Buffer, name: string): { local: number; central: number } {
  const local = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  if (bytes.toString("latin1", local + 30, local + 30 + name.length) !== name)
    throw new Error("the first entry is not " + name);
  return { local, central };
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
      expect(pkg.read("xl/workbook.xml", CAP)?.toString("utf8")).toBe(files["xl/workbook.xml"]);
      expect(await pkg.text("/XL/Workbook.xml", CAP)).toBe(files["xl/workbook.xml"]);
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
    const back = await JSZip.loadAsync(out, { checkCRC32: true });
    expect(Object.keys(back.files)).toEqual(["a.xml", "b.xml", "d/e.xml"]);
    expect(await back.file("a.xml")!.async("string")).toBe("<a/>".repeat(100));
    expect(await back.file("b.xml")!.async("string")).toBe("<b>new</b>");
    expect(ZipPackage.load(out).toBuffer()).toEqual(out);
  });

  it("finds a part whatever the case of its name, and replaces it under the name it has", async () => {
    const pkg = ZipPackage.load(
      await jszipBytes({ "xl/Worksheets/Sheet1.xml": "<a/>" }, { compression: "DEFLATE" })
    );
    expect(pkg.read("xl/worksheets/sheet1.xml", CAP)?.toString()).toBe("<a/>");
    pkg.write("xl/worksheets/sheet1.xml", "<b/>");
    expect(pkg.names().filter((n) => !n.endsWith("/"))).toEqual(["xl/Worksheets/Sheet1.xml"]);
    pkg.remove("XL/WORKSHEETS/SHEET1.XML");
    expect(pkg.has("xl/Worksheets/Sheet1.xml")).toBe(false);
  });

  it("keeps a name written without the UTF-8 flag byte for byte", () => {
    const name = Buffer.from("xl/caf\xe9.xml", "latin1");
    const zip = writeZip([entryOf("xl/cafe.xml", "<a/>")]);
    // Same length: rename the entry in both headers and drop the UTF-8 flag.
    const { local, central } = headersOf(zip, "xl/cafe.xml");
    for (const [at, flags, nameAt] of [
      [local, 6, 30],
      [central, 8, 46],
    ] as const) {
      zip.writeUInt16LE(0, at + flags);
      name.copy(zip, at + nameAt);
    }
    const pkg = ZipPackage.load(zip);
    expect(pkg.names()).toEqual(["xl/café.xml"]);
    pkg.write("other.xml", "<o/>");
    const out = pkg.toBuffer();
    expect(out.includes(name)).toBe(true);
    expect(ZipPackage.load(out).read("xl/café.xml", CAP)?.toString()).toBe("<a/>");
  });

  it("computes the zip CRC-32, in one go or continued piece by piece", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 64 }), (a, b) => {
        const whole = crc32(Buffer.concat([a, b]));
        expect(crc32(Buffer.from(b), crc32(Buffer.from(a)))).toBe(whole);
        expect(whole).toBe(zlib.crc32(Buffer.concat([a, b])));
      })
    );
  });

  it("refuses what is not a zip, or is cut short, with a sentence", async () => {
    expect(() => ZipPackage.load(Buffer.from("Measure,Month,Count\n"))).toThrow(ZipError);
    expect(() => ZipPackage.load(Buffer.from("Measure,Month,Count\n"))).toThrow(
      /its zip directory is missing/
    );
    const good = await jszipBytes({ "a.xml": "<a/>" }, { compression: "DEFLATE" });
    expect(() => ZipPackage.load(good.subarray(0, good.length - 30))).toThrow(ZipError);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (a) => {
        try {
          const pkg = ZipPackage.load(
            Buffer.concat([Buffer.from(a), good.subarray(good.length - 22)])
          );
          pkg.toBuffer();
        } catch (e) {
          expect(e).toBeInstanceOf(ZipError);
        }
      })
    );
  });

  it("refuses a part past its cap: declared before inflating, actual while inflating", async () => {
    const declared = ZipPackage.load(
      writeZip([{ ...entryOf("big.xml", "<a/>"), declaredSize: 300 * MB }])
    );
    expect(() => declared.read("big.xml", CAP)).toThrow(
      "its part big.xml declares 300 MB once inflated, over the 256 MB limit"
    );
    const bomb = ZipPackage.load(
      writeZip([{ ...(await paddedEntry("bomb.xml", "<a>", 3 * MB, "</a>")), declaredSize: 10 }])
    );
    expect(() => bomb.read("bomb.xml", 2 * MB)).toThrow(
      "its part bomb.xml inflates past the 2 MB limit"
    );
    await expect(bomb.text("bomb.xml", 2 * MB)).rejects.toThrow("inflates past the 2 MB limit");
    expect(bomb.read("bomb.xml", 4 * MB)?.length).toBe(3 * MB + 7);
  });

  it("refuses an encrypted part and an unknown compression method when read, and copies them", () => {
    const zip = writeZip([entryOf("a.xml", "<a/>"), entryOf("b.xml", "<b/>")]);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt16LE(0x0801, central + 8); // a.xml: encrypted
    const pkg = ZipPackage.load(zip);
    expect(() => pkg.read("a.xml", CAP)).toThrow("its part a.xml is encrypted");
    expect(pkg.read("b.xml", CAP)?.toString()).toBe("<b/>");
    pkg.write("c.xml", "<c/>");
    expect(ZipPackage.load(pkg.toBuffer()).read("b.xml", CAP)?.toString()).toBe("<b/>");
  });

  /** A one-entry zip whose central entry gives its sizes in a zip64 extra field. */
  function zip64Zip(size: number): { zip: Buffer; text: string } {
    const text = "<workbook/>";
    const e = entryOf("xl/workbook.xml", text);
    const zip = writeZip([e]);
    const { central } = headersOf(zip, "xl/workbook.xml");
    const nameLen = zip.readUInt16LE(central + 28);
    const head = Buffer.from(zip.subarray(central, central + 46 + nameLen));
    head.writeUInt32LE(0xffffffff, 20);
    head.writeUInt32LE(0xffffffff, 24);
    head.writeUInt16LE(20, 30);
    const extra = Buffer.alloc(20);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(BigInt(size), 4);
    extra.writeBigUInt64LE(BigInt(e.deflated.length), 12);
    const end = Buffer.from(zip.subarray(zip.length - 22));
    const dir = Buffer.concat([head, extra]);
    end.writeUInt32LE(dir.length, 12);
    return { zip: Buffer.concat([zip.subarray(0, central), dir, end]), text };
  }

  it("reads zip64 records that hold small values, and copies the entry as a plain one", () => {
    const { zip, text } = zip64Zip(Buffer.byteLength("<workbook/>"));
    const pkg = ZipPackage.load(zip);
    expect(pkg.read("xl/workbook.xml", CAP)?.toString()).toBe(text);
    pkg.write("other.xml", "<o/>");
    const out = pkg.toBuffer();
    expect(out.includes(Buffer.from([0x01, 0x00, 0x10, 0x00]))).toBe(false); // no zip64 extra
    expect(ZipPackage.load(out).read("xl/workbook.xml", CAP)?.toString()).toBe(text);
  });

  it("refuses a part declared past 4 GB when read, and a copy that would need zip64, with a sentence", () => {
    const pkg = ZipPackage.load(zip64Zip(5 * 1024 * MB).zip);
    expect(() => pkg.read("xl/workbook.xml", CAP)).toThrow("declares 5120 MB once inflated");
    expect(() => pkg.toBuffer()).toThrow(
      "it would be over 4 GB (a zip64 package), which cdrp does not write"
    );
  });
});

describe("writePieces: a part deflated as it is made", () => {
  it("is one valid deflate stream of the pieces, with the CRC and sizes of the whole", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.string({ maxLength: 40 }), fc.constant("x".repeat(300_000))), {
          maxLength: 12,
        }),
        async (pieces) => {
          const pkg = ZipPackage.load(writeZip([entryOf("a.xml", "<a/>")]));
          pkg.writePieces("b.xml", pieces);
          const out = pkg.toBuffer();
          const back = await JSZip.loadAsync(out, { checkCRC32: true });
          expect(await back.file("b.xml")!.async("string")).toBe(pieces.join(""));
          expect(ZipPackage.load(out).read("b.xml", CAP)?.toString()).toBe(pieces.join(""));
        }
      ),
      { numRuns: 30 }
    );
  });

  it("splits a long part into blocks and never holds it whole", () => {
    const row = "<row><c><v>1</v></c></row>";
    const n = 100_000;
    const d = deflatePieces(
      (function* () {
        for (let i = 0; i < n; i++) yield row;
      })()
    );
    expect(d.size).toBe(row.length * n);
    expect(d.chunks.length).toBeGreaterThan(2);
    expect(zlib.inflateRawSync(Buffer.concat(d.chunks)).toString()).toBe(row.repeat(n));
    expect(d.crc).toBe(crc32(Buffer.from(row.repeat(n))));
  });
});
