/**
 * What to say about a region we have no prices for: the one meant when it is close
 * (`EU-WEST-1`, `eu-west1`, `us-east-3`), otherwise where to find the list, never a dump of
 * thirty names in one error line.
 */
import { closestMatch } from "./closest-match.js";

/**
 * @example
 * unknownRegion("EU-WEST-1", ["eu-west-1", "us-east-1"]);
 * // '"EU-WEST-1" is not a region in the price table; did you mean eu-west-1?'
 */
export function unknownRegion(given: string, known: readonly string[]): string {
  const meant = closestMatch(given, known);
  const right = meant
    ? `did you mean ${meant}?`
    : `use one of the ${known.length} priced region codes, such as us-east-1 or eu-west-1`;
  return `"${given}" is not a region in the price table; ${right}`;
}
