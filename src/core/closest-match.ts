/**
 * The "did you mean …?" of every error that names something unknown: a region code, a field of
 * a scenario or config file, a value of a fixed set. Case and punctuation are ignored, so
 * `EU-WEST-1`, `eu_west_1` and `euwest1` all meet `eu-west-1`.
 */

/**
 * The known word nearest to `given`, if it is near enough to be the one meant: one typo (a
 * letter wrong, missing, extra, or two swapped), two in a word of six letters or more, or the
 * start of exactly one known word ("arm" for "arm64"). A short word two typos away is a
 * different word ("xml" is not "csv"), so it gets no suggestion.
 * @example
 * closestMatch("memory", ["name", "memoryMb", "requests"]); // "memoryMb"
 * closestMatch("freeTeir", ["freeTier", "functions"]); // "freeTier"
 * closestMatch("mars-1", ["eu-west-1", "us-east-1"]); // undefined
 */
export function closestMatch(given: string, known: readonly string[]): string | undefined {
  const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");
  const target = squash(given);
  const allowed = Math.min(target.length - 1, target.length >= 6 ? 2 : 1);
  let best: { word: string; distance: number } | undefined;
  for (const word of known) {
    const distance = editDistance(target, squash(word), Math.max(allowed, 0));
    if (!best || distance < best.distance) best = { word, distance };
  }
  if (best && best.distance <= allowed) return best.word;
  const started = known.filter((word) => target.length >= 3 && squash(word).startsWith(target));
  return started.length === 1 ? started[0] : undefined;
}

/**
 * Edits from a to b: letters replaced, inserted, deleted, or two neighbours swapped (optimal
 * string alignment distance, Levenshtein's plus the swap), three rows at a time. Past `limit`
 * the exact count does not matter: words whose lengths differ by more are answered limit + 1
 * without the table, which would cost a.length × b.length (a 2 MB key in a config file against
 * its 20 field names took 6 s of CPU).
 * @example
 * editDistance("freeTeir", "freeTier", 2); // 1
 * editDistance("x".repeat(1_000_000), "memoryMb", 2); // 3, at once
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      let distance = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, (before[j - 2] ?? 0) + 1);
      }
      current[j] = distance;
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
