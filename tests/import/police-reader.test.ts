import {
  PoliceCsvReader,
  PoliceFileError,
  PoliceTally,
  buildPoliceImport,
  districtOf,
  measureIdOf,
  monthText,
  nearestNames,
  PartnershipNotFoundError,
} from "../../src/workbook/import";
import { monthKey } from "../../src/core";
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
        expect(t.count("South Cambridgeshire", "Burglary", JAN)).toBe(1);
        expect(t.count("south cambridgeshire", "Anti-social behaviour", JAN)).toBe(1);
        expect(t.count("Cambridge", "Burglary", JAN)).toBe(1);
        expect(t.noLocation.get(CAMBS)?.get(JAN)).toBe(2);
        expect(t.districtNames()).toEqual(["Cambridge", "South Cambridgeshire"]);
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
});

describe("the import", () => {
  const types = ["Burglary", "Vehicle crime"];
  function download(months: string[], skip: Record<string, string[]> = {}): PoliceTally {
    const files: Record<string, string> = {};
    const forces: [string, string[]][] = [
      [CAMBS, ["Cambridge", "South Cambridgeshire", "East Cambridgeshire"]],
      ["Norfolk Constabulary", ["King's Lynn and West Norfolk", "Norwich"]],
    ];
    for (const m of months) {
      for (const [force, districts] of forces) {
        if (skip[force]?.includes(m)) continue;
        const rows: Row[] = [];
        districts.forEach((d, di) => {
          // Burglary: (district index + 1) a month; Vehicle crime only in Cambridge.
          for (let i = 0; i <= di; i++)
            rows.push({ month: m, force, lsoa: `${d} 0${i}3C`, type: "Burglary" });
          if (d === "Cambridge")
            rows.push({ month: m, force, lsoa: `${d} 001A`, type: "Vehicle crime" });
        });
        files[`${m}/${m}-${force.split(" ")[0]?.toLowerCase()}-street.csv`] = policeCsv(rows);
      }
    }
    return tallyOf(files, 100);
  }
  const months = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => {
      const k = from + i;
      return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
    });
  const apr2022 = 2022 * 12 + 3;

  it("keeps districts sharing a prefix apart and finds one with an apostrophe and spaces", () => {
    const t = download(months(apr2022, 3));
    const cam = buildPoliceImport(t, { partnership: "Cambridge" });
    const south = buildPoliceImport(t, { partnership: "south  cambridgeshire" });
    const kl = buildPoliceImport(t, { partnership: "King’s Lynn and West Norfolk" });
    const burg = (i: typeof cam) =>
      i.monthly.filter((r) => r.measure === "BURGLARY").map((r) => r.count);
    expect(burg(cam)).toEqual([1, 1, 1]);
    expect(burg(south)).toEqual([2, 2, 2]);
    expect(kl.partnership).toBe("King's Lynn and West Norfolk");
    expect(burg(kl)).toEqual([1, 1, 1]);
    expect(kl.force).toBe("Norfolk Constabulary");
  });

  it("writes 0 where the force supplied the month and no row where it did not", () => {
    const t = download(months(apr2022, 6), { [CAMBS]: ["2022-06"] });
    const imp = buildPoliceImport(t, { partnership: "South Cambridgeshire" });
    const vehicle = imp.monthly.filter((r) => r.measure === "VEHICLE_CRIME");
    expect(vehicle.map((r) => [monthText(r.month), r.count])).toEqual([
      ["2022-04", 0],
      ["2022-05", 0],
      ["2022-07", 0],
      ["2022-08", 0],
      ["2022-09", 0],
    ]);
    expect(imp.warnings.map((w) => w.code)).toContain("FORCE_MONTH_MISSING");
    expect(imp.warnings.find((w) => w.code === "FORCE_MONTH_MISSING")?.message).toContain(
      "2022-06"
    );
    // Norfolk supplied June: its districts have their rows.
    const kl = buildPoliceImport(t, { partnership: "King's Lynn and West Norfolk" });
    expect(kl.monthly.filter((r) => r.measure === "BURGLARY")).toHaveLength(6);
  });

  it("offers the nearest districts, closest first, for a partnership not found", () => {
    const t = download(months(apr2022, 1));
    expect(() => buildPoliceImport(t, { partnership: "South Cambs" })).toThrow(
      PartnershipNotFoundError
    );
    try {
      buildPoliceImport(t, { partnership: "South Cambs" });
    } catch (e) {
      expect((e as PartnershipNotFoundError).nearest[0]).toBe("South Cambridgeshire");
      expect((e as PartnershipNotFoundError).nearest).toHaveLength(5);
    }
    expect(nearestNames("Norwch", ["Cambridge", "Norwich", "Norfolk"])[0]).toBe("Norwich");
  });

  it("sets Period end to the last whole quarter and the baseline to the first whole financial year", () => {
    const t = download(months(apr2022 - 2, 30)); // Feb 2022 .. Jul 2024
    const imp = buildPoliceImport(t, { partnership: "Cambridge" });
    expect(imp.periodEnd).toEqual({ year: 2024, month: 6, day: 30 });
    expect(imp.baselineStartYear).toBe(2022);
  });

  describe("peers", () => {
    const population = new Map([
      ["Cambridge", 150000],
      ["South Cambridgeshire", 160000],
      ["East Cambridgeshire", 90000],
      ["King's Lynn and West Norfolk", 151000],
      ["Norwich", 144000],
    ]);
    const peers = [
      "Cambridge",
      "East Cambridgeshire",
      "King's Lynn and West Norfolk",
      "Norwich",
      "Nowhere",
    ];

    it("gives each member's count and rate per 1,000 for each quarter end, to the last digit", () => {
      const t = download(months(apr2022, 6));
      const imp = buildPoliceImport(t, { partnership: "South Cambridgeshire", peers, population });
      const june = imp.peers.filter((p) => p.measure === "BURGLARY" && p.periodEnd.month === 6);
      expect(june.map((p) => [p.partnership, p.count, p.population, p.rate])).toEqual([
        ["South Cambridgeshire", 6, 160000, 0.0375],
        ["Cambridge", 3, 150000, 0.02],
        ["East Cambridgeshire", 9, 90000, 0.1],
        ["King's Lynn and West Norfolk", 3, 151000, (3 / 151000) * 1000],
        ["Norwich", 6, 144000, (6 / 144000) * 1000],
      ]);
      expect(june.map((p) => p.periodEnd)).toEqual(
        Array(5).fill({ year: 2022, month: 6, day: 30 })
      );
      expect(
        imp.peers.filter((p) => p.periodEnd.month === 9 && p.measure === "BURGLARY")
      ).toHaveLength(5);
      expect(imp.warnings.find((w) => w.code === "PEER_NOT_FOUND")?.message).toContain("Nowhere");
      // Vehicle crime is recorded in Cambridge only: a group with zeros is left out, with a warning.
      expect(imp.peers.filter((p) => p.measure === "VEHICLE_CRIME")).toEqual([]);
      expect(imp.warnings.map((w) => w.code)).toContain("PEER_ZERO_COUNT");
    });

    it("gives a member whose force missed a month of the window no row, with a warning", () => {
      const t = download(months(apr2022, 6), { "Norfolk Constabulary": ["2022-08"] });
      const imp = buildPoliceImport(t, { partnership: "South Cambridgeshire", peers, population });
      const sep = imp.peers.filter((p) => p.measure === "BURGLARY" && p.periodEnd.month === 9);
      expect(sep.map((p) => p.partnership)).toEqual([
        "South Cambridgeshire",
        "Cambridge",
        "East Cambridgeshire",
      ]);
      const w = imp.warnings.filter((x) => x.code === "PEER_MONTH_MISSING").map((x) => x.message);
      expect(w).toHaveLength(2);
      expect(w[0]).toContain("King's Lynn and West Norfolk");
      expect(w[0]).toContain("2022-08");
      expect(w[0]).toContain("2022-09-30");
    });

    it("sums twelve months for a rolling window", () => {
      const t = download(months(apr2022, 15));
      const imp = buildPoliceImport(t, {
        partnership: "South Cambridgeshire",
        peers,
        population,
        peerWindow: "rolling 12 months",
      });
      const ends = [...new Set(imp.peers.map((p) => `${p.periodEnd.year}-${p.periodEnd.month}`))];
      expect(ends).toEqual(["2023-3", "2023-6"]);
      const own = imp.peers.find(
        (p) => p.partnership === "South Cambridgeshire" && p.measure === "BURGLARY"
      );
      expect(own?.count).toBe(24);
      expect(own?.rate).toBe((24 / 160000) * 1000);
    });
  });
});
