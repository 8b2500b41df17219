import fc from "fast-check";
import { CELL_TEXT_MAX, SheetBuilder, allocateName, cutText } from "../../src/workbook/plan-sheet";

/** Excel's rules for a sheet name (and "History", which it keeps for itself). */
function validSheetName(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= 31 &&
    !/[\\/?*[\]:]/.test(name) &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history" &&
    !/[\ud800-\udbff]$/.test(name)
  );
}

describe("report sheet names", () => {
  it.each([
    ["History", [], "History (2)"],
    ["HISTORY", ["history (2)"], "HISTORY (3)"],
    [`${"A".repeat(30)}'s Services`, [], "A".repeat(30)],
    [`${"B".repeat(30)}\u{1F600} Safety`, [], "B".repeat(30)],
    [`${"C".repeat(29)}\u{1F600}`, [], `${"C".repeat(29)}\u{1F600}`],
    ["'Quoted'", [], "Quoted"],
    ["a/b:c?d*e[f]g\\h", [], "a b c d e f g h"],
    ["Summary", ["summary"], "Summary (2)"],
    [`${"D".repeat(27)}'xyz`, ["d".repeat(27) + "'xyz"], `${"D".repeat(27)} (2)`],
    ["''", [], "Report"],
  ])("%j with %j taken is %j", (wanted, taken, expected) => {
    expect(allocateName(wanted, new Set(taken))).toBe(expected);
  });

  it("are always names Excel accepts, unique without case (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "binary", maxLength: 60 }), { maxLength: 8 }),
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 5 }),
        (wanted, users) => {
          const taken = new Set(users.map((u) => u.toLowerCase()));
          const names = wanted.map((w) => allocateName(w, taken));
          for (const n of names) expect(validSheetName(n)).toBe(true);
          const all = [...users.map((u) => u.toLowerCase()), ...names.map((n) => n.toLowerCase())];
          expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
          for (const n of names)
            expect(users.map((u) => u.toLowerCase())).not.toContain(n.toLowerCase());
          expect(all.length).toBeGreaterThanOrEqual(names.length);
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe("cell text", () => {
  it("is cut at Excel's 32,767 characters, never splitting an emoji, and recorded", () => {
    const b = new SheetBuilder("S", "summary", { orientation: "portrait", lastCol: 1 });
    const emojis = "\u{1F600}".repeat(20_000); // 40,000 UTF-16 units
    b.set(2, 1, emojis).set(3, 1, "short");
    const cell = b.sheet.cells[0]!;
    expect(typeof cell.value === "string" && cell.value.length).toBeLessThanOrEqual(CELL_TEXT_MAX);
    expect(String(cell.value).endsWith("\u{1F600}…")).toBe(true);
    expect(b.sheet.truncated).toEqual([{ cell: "B3", length: 40_000 }]);
    expect(b.sheet.cells[1]!.value).toBe("short");
    expect(cutText("ab\u{1F600}", 3)).toBe("ab");
  });
});
