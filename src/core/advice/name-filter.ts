/**
 * `--functions GLOB`: `*` any run of characters, `?` one character, the rest literal.
 * Matched by the linear two-pointer walk, not a RegExp: `^.*a.*a.*a…$` backtracks
 * exponentially, so a dozen stars against a 64-character function name hung the command.
 */
export function functionNameMatcher(glob: string | undefined): (name: string) => boolean {
  if (glob === undefined) return () => true;
  return (name) => globMatches(glob, name);
}

function globMatches(glob: string, name: string): boolean {
  let g = 0;
  let n = 0;
  // Where the last `*` was and the name position it currently swallows up to.
  let starAt = -1;
  let starName = 0;
  while (n < name.length) {
    if (glob[g] === "*") {
      starAt = g++;
      starName = n;
    } else if (g < glob.length && (glob[g] === "?" || glob[g] === name[n])) {
      g++;
      n++;
    } else if (starAt >= 0) {
      g = starAt + 1;
      n = ++starName;
    } else {
      return false;
    }
  }
  while (glob[g] === "*") g++;
  return g === glob.length;
}
