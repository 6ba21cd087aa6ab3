/** `--functions GLOB`: `*` any run of characters, `?` one character, the rest literal. */
export function functionNameMatcher(glob: string | undefined): (name: string) => boolean {
  if (glob === undefined) return () => true;
  const pattern = glob
    .split("")
    .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  const regex = new RegExp(`^${pattern}$`);
  return (name) => regex.test(name);
}
