/** The output formats every command offers; JSON is the stable contract, the others render it. */
export const OUTPUT_FORMATS = ["table", "json", "csv", "html"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** What a renderer may know about where its text goes. */
export interface RenderOptions {
  /**
   * The widest line the table format may print (the terminal's columns); Infinity or absent
   * when the output is piped or written to a file. JSON, CSV and HTML ignore it.
   */
  maxWidth?: number | undefined;
}

/** A renderer turns one result model into text for one format. */
export type Renderer<Model> = (model: Model, options?: RenderOptions) => string;
