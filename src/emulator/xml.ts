/** XML text for the emulator's query-protocol (CloudWatch) and S3 replies. */

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Escapes markup, and replaces what XML 1.0 cannot carry at all (most control characters). */
export function escapeXml(text: string): string {
  let out = "";
  for (const c of text) {
    const code = c.codePointAt(0)!;
    const carried = code >= 0x20 ? code !== 0xfffe && code !== 0xffff : [9, 10, 13].includes(code);
    out += !carried ? "\uFFFD" : (ENTITIES[c] ?? c);
  }
  return out;
}
