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

/** Names ordered by how close they are to what was typed: closest first, ties alphabetically. */
export function nearestNames(query: string, names: readonly string[]): string[] {
  const q = normalName(query);
  return names
    .map((name) => {
      const n = normalName(name);
      // A name that holds the query (or is held by it) is closer than its length difference says.
      const held = n.includes(q) || q.includes(n);
      return { name, d: editDistance(q, n) - (held ? Math.abs(n.length - q.length) : 0) };
    })
    .sort((x, y) => x.d - y.d || x.name.localeCompare(y.name, "en"))
    .map((x) => x.name);
}
