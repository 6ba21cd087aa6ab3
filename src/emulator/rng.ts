/**
 * Seeded randomness. Two kinds: a stream (`Rng`, for decisions taken in request order, so the
 * same seed and request sequence give the same answers) and a stateless hash (`hashUnit`, for
 * history datapoints generated lazily per query, whose values must not depend on query order).
 */

/** 32-bit FNV-1a over a string: stable ids for functions, months, days. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A mixing step (splitmix32) so nearby inputs give unrelated outputs. */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A uniform number in [0, 1) determined only by (seed, key, index). */
export function hashUnit(seed: number, key: number, index: number): number {
  return mix32(mix32(seed ^ key) ^ Math.imul(index + 1, 0x27d4eb2d)) / 4294967296;
}

/** A seeded stream of uniform numbers (mulberry32). */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = mix32(seed >>> 0) >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Standard normal (Box–Muller). */
  normal(): number {
    const u1 = 1 - this.next();
    const u2 = this.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
  /** A log-normal factor with mean 1 and coefficient of variation `cv` (1 when cv is 0). */
  logNormalFactor(cv: number): number {
    if (cv <= 0) return 1;
    const sigma2 = Math.log(1 + cv * cv);
    return Math.exp(-sigma2 / 2 + Math.sqrt(sigma2) * this.normal());
  }
  /** A UUID-shaped id from the stream (request ids, revision ids). */
  uuid(): string {
    const hex = Array.from({ length: 4 }, () =>
      Math.floor(this.next() * 4294967296)
        .toString(16)
        .padStart(8, "0"),
    ).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}
