/** Escaping for text placed in an HTML page (src/output/html): element text, attributes, inline JSON. */

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text or an attribute value: `escapeHtml('a<b & "c"')` is `a&lt;b &amp; &quot;c&quot;`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/**
 * JSON text that may sit inside `<script type="application/json">`: a function name or caveat
 * holding `</script>` must not end the element, and U+2028/2029 must not end a line of script.
 * The result still parses as the same JSON (the escapes are JSON's own `\uXXXX`).
 */
export function escapeScriptJson(json: string): string {
  return json.replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
