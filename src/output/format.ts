/** The output formats every command offers; JSON is the stable contract, the others render it. */
export const OUTPUT_FORMATS = ["table", "json", "csv"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** A renderer turns one result model into text for one format. */
export type Renderer<Model> = (model: Model) => string;
