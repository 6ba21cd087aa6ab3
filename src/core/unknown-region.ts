/**
 * What to say about a region we have no prices for: the one meant when it is close
 * (`EU-WEST-1`, `eu-west1`, `us-east-3`), otherwise where to find the list, never a dump of
 * thirty names in one error line.
 */

/**
 * @example
 * unknownRegion("EU-WEST-1", ["eu-west-1", "us-east-1"]);
 * // '"EU-WEST-1" is not a region in the price table; did you mean eu-west-1?'
 */
export function unknownRegion(given: string, known: readonly string[]): string {
  const meant = closestRegion(given, known);
  const right = meant
    ? `did you mean ${meant}?`
    : `use one of the ${known.length} priced region codes, such as us-east-1 or eu-west-1`;
  return `"${given}" is not a region in the price table; ${right}`;
}

/** The known region nearest to `given` (case and punctuation ignored), if it is near enough. */
export function closestRegion(given: string, known: readonly string[]): string | undefined {
  const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");
  const target = squash(given);
  let best: { region: string; distance: number } | undefined;
  for (const region of known) {
    const distance = editDistance(target, squash(region));
    if (!best || distance < best.distance) best = { region, distance };
  }
  return best && best.distance <= 2 ? best.region : undefined;
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
