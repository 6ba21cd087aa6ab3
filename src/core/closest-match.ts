/**
 * The "did you mean …?" of every error that names something unknown: a region code, a field of
 * a scenario or config file, a value of a fixed set. Case and punctuation are ignored, so
 * `EU-WEST-1`, `eu_west_1` and `euwest1` all meet `eu-west-1`.
 */

/**
 * The known word nearest to `given`, if it is near enough to be the one meant: at most two
 * edits apart once case and punctuation are ignored, and fewer edits than `given` has letters
 * (so "ab" is not taken for "arn").
 * @example
 * closestMatch("memory", ["name", "memoryMb", "requests"]); // "memoryMb"
 * closestMatch("mars-1", ["eu-west-1", "us-east-1"]); // undefined
 */
export function closestMatch(given: string, known: readonly string[]): string | undefined {
  const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");
  const target = squash(given);
  let best: { word: string; distance: number } | undefined;
  for (const word of known) {
    const distance = editDistance(target, squash(word));
    if (!best || distance < best.distance) best = { word, distance };
  }
  return best && best.distance <= 2 && best.distance < target.length ? best.word : undefined;
}

/** Levenshtein distance, iterative with two rows. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
