import { RAG_WORDS } from "../core";
import { ReportModel } from "./model-types";
import { SheetBuilder } from "./plan-sheet";
import { PlanSheet } from "./plan-types";
import { FORMATS, HEADER, RAG_STYLE } from "./plan-summary";

/** The Domestic Abuse sheet: the MARAC table with NI 32 against its target, and IDVAS referrals by area. */
export function domesticSheet(model: ReportModel, name: string): PlanSheet | null {
  const { ni32, referrals } = model;
  if (!ni32 && !referrals) return null;
  const b = new SheetBuilder(name, "domestic", { orientation: "landscape", lastCol: 8 }).widths([
    44, 14, 14, 14, 14, 14, 14, 14, 14,
  ]);
  b.set(0, 0, "Domestic Abuse: MARAC and IDVAS", undefined, {
    bold: true,
    size: 16,
    color: "1F4E79",
  }).merge(0, 0, 6);
  b.set(1, 0, `${model.partnership}, ${model.period.label}.`, undefined, { italic: true });
  let r = 3;
  if (ni32) {
    b.set(r, 0, "Multi-Agency Risk Assessment Conference (MARAC)", undefined, {
      bold: true,
      size: 13,
    });
    r++;
    b.set(r, 0, ni32.area, undefined, HEADER);
    ni32.history.forEach((h, i) =>
      b.set(r, 1 + i, h.label, undefined, { ...HEADER, align: "center" })
    );
    b.set(r + 1, 0, "Number of MARAC cases");
    b.set(r + 2, 0, "Repeat cases");
    b.set(r + 3, 0, "NI 32 – Rate of repeat victimisation of MARAC cases");
    ni32.history.forEach((h, i) => {
      b.set(r + 1, 1 + i, h.cases, FORMATS.count);
      b.set(r + 2, 1 + i, h.repeats, FORMATS.count);
      b.set(
        r + 3,
        1 + i,
        h.rate,
        FORMATS.rate,
        h.label === ni32.period ? { bold: true } : undefined
      );
    });
    r += 5;
    if (ni32.target !== null) {
      b.set(r, 0, "Target: repeat rate no higher than", undefined, { bold: true });
      b.set(r, 1, ni32.target, FORMATS.rate);
      b.set(r, 2, RAG_WORDS[ni32.status], undefined, {
        ...RAG_STYLE[ni32.status],
        wrap: true,
      }).merge(r, 2, 4);
      r++;
    }
    b.set(r, 0, ni32.sentence, undefined, { wrap: true, valign: "top" }).merge(r, 0, 6);
    b.height(r, 36);
    r += 3;
  }
  if (referrals) {
    const t = referrals.table;
    b.set(r, 0, "Independent Domestic Violence Advocacy Service (IDVAS) referrals", undefined, {
      bold: true,
      size: 13,
    });
    r++;
    b.set(r, 0, "CDRP", undefined, HEADER);
    t.periods.forEach((p, i) => b.set(r, 1 + i, p, undefined, { ...HEADER, align: "center" }));
    for (const area of t.areas) {
      r++;
      const style = area.isPartnership
        ? { bold: true }
        : area.isTotal
          ? { italic: true }
          : undefined;
      b.set(r, 0, area.name, undefined, style);
      area.values.forEach((v, i) => b.set(r, 1 + i, v, FORMATS.count, style));
    }
    r++;
    b.set(r, 0, `${model.partnership} share of referrals`, undefined, { bold: true });
    t.shares.forEach((s, i) => b.set(r, 1 + i, s, FORMATS.share, { bold: true }));
    r += 2;
    for (const sentence of [referrals.sentence, referrals.previousYear?.sentence]) {
      if (!sentence) continue;
      b.set(r, 0, sentence, undefined, { wrap: true }).merge(r, 0, 6);
      r++;
    }
  }
  return b.sheet;
}
