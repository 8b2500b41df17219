import {
  ConflictingFilesError,
  PoliceCsvReader,
  PoliceFileError,
  PoliceTally,
  districtOf,
  measureIdOf,
} from "../../src/workbook/import";
import { MonthKey, monthKey } from "../../src/core";
import { HEADER, Row, policeCsv } from "../support/police-csv";

const JAN = monthKey(2024, 1);

/** Reads CSV text into a tally in chunks of `size` characters (1 splits every row and quote). */
function tallyOf(files: Record<string, string>, size = 7): PoliceTally {
  const tally = new PoliceTally();
  for (const [path, text] of Object.entries(files)) {
    tally.beginFile(path);
    const reader = new PoliceCsvReader(path, tally.row);
    for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
    reader.end();
    tally.endFile();
  }
  return tally;
}

const CAMBS = "Cambridgeshire Constabulary";

/** Rows of a district name (as the files spell it) of one type in one month, over every slice. */
function count(t: PoliceTally, district: string, type: string, month: MonthKey): number {
  const names = new Set(
    t.names.list.flatMap((n, i) => (n.toLowerCase() === district.toLowerCase() ? [i] : []))
  );
  const typeId = t.types.list.indexOf(type);
  let n = 0;
  for (const s of t.slices.values())
    if (s.month === month) n += PoliceTally.rowsOf(s, names).byType.get(typeId) ?? 0;
  return n;
}

const row = (month: string, lsoa: string, type: string, extra: Partial<Row> = {}): Row => ({
  month,
  force: CAMBS,
  lsoa,
  type,
  ...extra,
});

describe("the police.uk format", () => {
  it("makes measure ids and districts as the spec says", () => {
    expect(measureIdOf("Anti-social behaviour")).toBe("ANTI_SOCIAL_BEHAVIOUR");
    expect(measureIdOf("Violence and sexual offences")).toBe("VIOLENCE_AND_SEXUAL_OFFENCES");
    expect(measureIdOf("Vehicle crime")).toBe("VEHICLE_CRIME");
    expect(districtOf("South Cambridgeshire 012B")).toBe("South Cambridgeshire");
    expect(districtOf("King's Lynn and West Norfolk 003C")).toBe("King's Lynn and West Norfolk");
    expect(districtOf("")).toBe("");
  });

  it.each([
    ["LF", { crlf: false, bom: false }],
    ["CRLF", { crlf: true, bom: false }],
    ["LF with BOM", { crlf: false, bom: true }],
    ["CRLF with BOM", { crlf: true, bom: true }],
  ])(
    "reads %s, quoting, ASB without Crime ID, and no-location rows, in any chunking",
    (_, opts) => {
      const rows: Row[] = [
        row("2024-01", "South Cambridgeshire 012B", "Burglary", {
          location: "On or near Mill Road, Histon",
        }),
        row("2024-01", "South Cambridgeshire 001A", "Anti-social behaviour"),
        row("2024-01", "Cambridge 007C", "Burglary", {
          location: 'On or near "The Backs", Queens\' Road',
        }),
        row("2024-01", "", "Vehicle crime"),
        row("2024-01", "", "Burglary"),
      ];
      const text = policeCsv(rows, opts);
      expect(text).toContain('"On or near Mill Road, Histon"');
      for (const size of [1, 3, 64, text.length]) {
        const t = tallyOf({ "2024-01/2024-01-cambridgeshire-street.csv": text }, size);
        expect(t.rows).toBe(5);
        expect(count(t, "South Cambridgeshire", "Burglary", JAN)).toBe(1);
        expect(count(t, "south cambridgeshire", "Anti-social behaviour", JAN)).toBe(1);
        expect(count(t, "Cambridge", "Burglary", JAN)).toBe(1);
        expect(t.noLocationTotal()).toBe(2);
        expect([...t.names.list].sort()).toEqual(["Cambridge", "South Cambridgeshire"]);
        expect(t.warnings).toEqual([]);
      }
    }
  );

  it("refuses a wrong header at line 1 and a row with the wrong field count at its line", () => {
    const badHeader = HEADER.replace("Crime type", "Crime Type") + "\n";
    expect(() => tallyOf({ "a.csv": badHeader })).toThrow(PoliceFileError);
    try {
      tallyOf({ "a.csv": badHeader });
    } catch (e) {
      expect((e as PoliceFileError).line).toBe(1);
      expect((e as PoliceFileError).file).toBe("a.csv");
    }
    const good = policeCsv([
      row("2024-01", "Cambridge 001A", "Burglary"),
      row("2024-01", "Cambridge 001A", "Burglary"),
    ]);
    const lines = good.split("\n");
    lines[2] = (lines[2] as string).replace(
      "On or near High Street",
      "On or near Mill Road, Histon"
    );
    const err = (() => {
      try {
        tallyOf({ "b.csv": lines.join("\n") }, 5);
      } catch (e) {
        return e as PoliceFileError;
      }
      throw new Error("not refused");
    })();
    expect(err.line).toBe(3);
    expect(err.message).toContain("b.csv, line 3");
    expect(err.message).toContain("13 fields");
  });

  it("counts lines through a quoted field holding a line end", () => {
    const text =
      policeCsv([row("2024-01", "Cambridge 001A", "Burglary", { location: "Two\nlines" })]) +
      "x,y\n";
    try {
      tallyOf({ "c.csv": text });
      throw new Error("not refused");
    } catch (e) {
      expect((e as PoliceFileError).line).toBe(4);
    }
  });

  it("warns when Month differs from the file's name or folder", () => {
    const t = tallyOf({
      "2024-02/2024-02-cambridgeshire-street.csv": policeCsv([
        row("2024-01", "Cambridge 001A", "Burglary"),
      ]),
      "2024-03/renamed.csv": policeCsv([row("2024-03", "Cambridge 001A", "Burglary")]),
    });
    expect(t.warnings).toHaveLength(1);
    expect(t.warnings[0]?.code).toBe("MONTH_NOT_FILE_MONTH");
    expect(t.warnings[0]?.message).toContain("2024-02/2024-02-cambridgeshire-street.csv");
  });

  it("ends every refusal with a full stop, and quotes the header it found", () => {
    const badHeader = HEADER.replace(",Context", ",Outcome type") + "\n";
    try {
      tallyOf({ "outcomes.csv": badHeader });
      throw new Error("not refused");
    } catch (e) {
      const m = (e as PoliceFileError).message;
      expect(m).toMatch(/Found: "Crime ID,.*Outcome type"\.$/);
    }
  });

  it("says a file cut short is cut short, not that a Location needs quotes", () => {
    const text = policeCsv([
      row("2024-01", "Cambridge 001A", "Burglary"),
      row("2024-01", "Cambridge 002A", "Burglary"),
    ]);
    const cut = text.slice(0, text.lastIndexOf("Cambridge 002A") + 5); // mid-row, no line end
    for (const size of [3, cut.length]) {
      try {
        tallyOf({ "2024-01/2024-01-cambridgeshire-street.csv": cut }, size);
        throw new Error("not refused");
      } catch (e) {
        const m = (e as PoliceFileError).message;
        expect(m).toContain("line 3");
        expect(m).toContain("cut short");
        expect(m).not.toContain("double quotes");
      }
    }
    // A short row that is not the file's last is still the comma hint.
    const lines = text.split("\n");
    lines[1] = (lines[1] as string).split(",").slice(0, 9).join(",");
    try {
      tallyOf({ "x.csv": lines.join("\n") });
      throw new Error("not refused");
    } catch (e) {
      expect((e as PoliceFileError).message).toContain("double quotes");
    }
  });
});

describe("the tally", () => {
  const jan = policeCsv([
    row("2024-01", "Cambridge 001A", "Burglary"),
    row("2024-01", "Cambridge 002A", "Vehicle crime"),
    row("2024-01", "", "Burglary"),
  ]);

  it("counts the same force and month once when it comes twice, with the files named", () => {
    const t = tallyOf({
      "download.zip/2024-01/2024-01-cambridgeshire-street.csv": jan,
      "download/2024-01/2024-01-cambridgeshire-street.csv": jan.replace(/\n/g, "\r\n"),
    });
    expect(t.rows).toBe(3);
    expect(count(t, "Cambridge", "Burglary", JAN)).toBe(1);
    expect(t.noLocationTotal()).toBe(1);
    expect(t.duplicates).toEqual([
      {
        file: "download/2024-01/2024-01-cambridgeshire-street.csv",
        sameAs: "download.zip/2024-01/2024-01-cambridgeshire-street.csv",
      },
    ]);
  });

  it("refuses two different files for one force and month, naming both", () => {
    const other = policeCsv([row("2024-01", "Cambridge 001A", "Burglary")]);
    let e: unknown;
    try {
      tallyOf({
        "a/2024-01-cambridgeshire-street.csv": jan,
        "b/2024-01-cambridgeshire-street.csv": other,
      });
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(ConflictingFilesError);
    expect((e as Error).message).toContain("a/2024-01-cambridgeshire-street.csv");
    expect((e as Error).message).toContain("b/2024-01-cambridgeshire-street.csv");
    expect((e as Error).message).toContain("Cambridgeshire Constabulary's 2024-01");
    expect((e as Error).message).toMatch(/\.$/);
  });
});
