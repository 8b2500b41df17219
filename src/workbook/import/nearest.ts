import { normalName } from "./police-format";

/** Edit distance (insertions, deletions, substitutions), two rows at a time. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, (prev[j] as number) + 1, (cur[j - 1] as number) + 1));
    }
    prev = cur;
  }
  return prev[b.length] as number;
}

/** Two words alike: one begins the other, or they share their first four letters ("cambs", "cambridgeshire"). */
function alike(a: string, b: string): boolean {
  if (a.startsWith(b) || b.startsWith(a)) return true;
  return a.length >= 4 && b.length >= 4 && a.slice(0, 4) === b.slice(0, 4);
}

/**
 * Names ordered by how close they are to what was typed, closest first: most words alike, then
 * fewest edits, then alphabetically. Words first, since people abbreviate ("South Cambs").
 */
export function nearestNames(query: string, names: readonly string[]): string[] {
  const q = normalName(query);
  const qWords = q.split(" ");
  return names
    .map((name) => {
      const n = normalName(name);
      const words = n.split(" ");
      const shared = qWords.filter((w) => words.some((x) => alike(w, x))).length;
      return { name, shared, d: editDistance(q, n) };
    })
    .sort((x, y) => y.shared - x.shared || x.d - y.d || x.name.localeCompare(y.name, "en"))
    .map((x) => x.name);
}
