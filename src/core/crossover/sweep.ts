/** The volumes a sweep covers: 1 M to 10 B requests a month, evenly spaced on a log scale. */

/**
 * The 1-2-5 series from 1M to 10B (13 volumes), for tables.
 *
 * @example
 * tableVolumes(); // [1e6, 2e6, 5e6, 1e7, …, 5e9, 1e10]
 */
export function tableVolumes(): number[] {
  const out: number[] = [];
  for (let decade = 1e6; decade <= 1e10; decade *= 10) {
    for (const m of [1, 2, 5]) if (decade * m <= 1e10) out.push(decade * m);
  }
  return out;
}

/**
 * `perDecade` volumes per factor of ten from 1M to 10B, rounded to whole requests, for charts.
 *
 * @example
 * chartVolumes(2); // [1000000, 3162278, 10000000, …, 10000000000] (9 volumes)
 */
export function chartVolumes(perDecade: number): number[] {
  const out: number[] = [];
  const steps = 4 * perDecade;
  for (let i = 0; i <= steps; i++) out.push(Math.round(10 ** (6 + i / perDecade)));
  return out;
}
