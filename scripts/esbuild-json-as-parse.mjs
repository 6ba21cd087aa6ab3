// An esbuild plugin shared by the CLI and library bundles (scripts/bundle-cli.mjs,
// scripts/bundle-library.mjs). The price tables are JSON modules (src/prices imports them).
// esbuild would turn each into a JS object literal; a string handed to JSON.parse starts faster
// (V8 parses JSON in one cheap pass), and start-up is the budget both bundles exist for.
import { readFile } from "node:fs/promises";

export const jsonAsParse = {
  name: "json-as-parse",
  setup(build) {
    build.onLoad({ filter: /[\\/]pricing[\\/][^\\/]+\.json$/ }, async ({ path }) => {
      const text = JSON.stringify(JSON.parse(await readFile(path, "utf8")));
      return { contents: `export default JSON.parse(${JSON.stringify(text)});`, loader: "js" };
    });
  },
};
