/**
 * The one formatter of zod issues (src/core/validation/zod-issues.ts), fed by real zod/mini
 * schemas so each issue has the shape zod gives it. Every expected line is written out.
 */
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { fieldsAt } from "../../src/core/validation/schema-fields.js";
import { describeIssues } from "../../src/core/validation/zod-issues.js";

/** Parses `input` with `schema` and returns the formatter's line (the parse must fail). */
function lineFor(schema: z.ZodMiniType, input: unknown, withSchema = true): string {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to fail`);
  return describeIssues(result.error.issues, input, withSchema ? schema : undefined);
}

const fn = z.strictObject({
  name: z.string().check(z.minLength(1)),
  memoryMb: z.int().check(z.gte(128), z.lte(10240)),
  architecture: z.optional(z.enum(["x86_64", "arm64"])),
  snapStart: z.optional(z.strictObject({ versions: z.optional(z.number()) })),
});
const scenario = z.strictObject({
  freeTier: z.optional(z.boolean()),
  functions: z.array(fn).check(z.minLength(1)),
});
const ok = { name: "api", memoryMb: 1536 };

describe("describeIssues: invalid_type", () => {
  it.each([
    [
      "a number for a string",
      { functions: [{ ...ok, name: 5 }] },
      "functions[0].name must be a string (got 5)",
    ],
    [
      "a missing field",
      { functions: [{ memoryMb: 128 }] },
      "functions[0].name must be a string (missing)",
    ],
    [
      "a fraction for an int",
      { functions: [{ ...ok, memoryMb: 1.5 }] },
      "functions[0].memoryMb must be a whole number (got 1.5)",
    ],
    ["text for an array", { functions: "api" }, 'functions must be an array (got "api")'],
    ["an array for the document", [], "(top level) must be an object (got [])"],
    [
      "text for a boolean",
      { freeTier: "yes", functions: [ok] },
      'freeTier must be a boolean (got "yes")',
    ],
  ])("%s", (_label, input, line) => {
    expect(lineFor(scenario, input)).toBe(line);
  });

  it("cuts a long value to 40 characters", () => {
    const input = { functions: [{ ...ok, name: ["a".repeat(50)] }] };
    expect(lineFor(scenario, input)).toBe(
      `functions[0].name must be a string (got ["${"a".repeat(35)}...)`,
    );
  });
});

describe("describeIssues: unrecognized_keys", () => {
  it("suggests the field meant, and does not count the missing one it explains", () => {
    // zod reports two issues: "memory" unknown and "memoryMb" missing; one mistake.
    const input = { functions: [{ name: "api", memory: 128 }] };
    expect(scenario.safeParse(input).error?.issues).toHaveLength(2);
    expect(lineFor(scenario, input)).toBe(
      'functions[0] has an unknown field "memory"; did you mean "memoryMb"?',
    );
  });

  it("at the top level", () => {
    expect(lineFor(scenario, { freeTeir: true, functions: [ok] })).toBe(
      '(top level) has an unknown field "freeTeir"; did you mean "freeTier"?',
    );
  });

  it("lists the fields there are when none is close and they are few", () => {
    expect(lineFor(scenario, { functions: [{ ...ok, snapStart: { cache: 1 } }] })).toBe(
      'functions[0].snapStart has an unknown field "cache"; the fields here are versions',
    );
  });

  it("names every unknown field, and the one meant for the first that has one", () => {
    expect(lineFor(scenario, { functions: [{ ...ok, zzz: 1, archtecture: "arm64" }] })).toBe(
      'functions[0] has unknown fields "zzz", "archtecture"; did you mean "architecture"?',
    );
  });

  it("says to remove it when more than twelve fields could be meant", () => {
    const wide = z.strictObject(
      Object.fromEntries(
        Array.from({ length: 13 }, (_, i) => [`field${i}`, z.optional(z.number())]),
      ),
    );
    expect(lineFor(wide, { zzz: 1 })).toBe(
      '(top level) has an unknown field "zzz"; remove it or check the spelling',
    );
  });

  it("without the schema, cannot suggest", () => {
    expect(lineFor(scenario, { functions: [{ ...ok, memory: 128 }] }, false)).toBe(
      'functions[0] has an unknown field "memory"; remove it or check the spelling',
    );
  });

  it("goes first, and other problems are counted", () => {
    const input = { functions: [{ name: "api", memoryMb: 64, architecure: "arm64" }] };
    expect(lineFor(scenario, input)).toBe(
      'functions[0] has an unknown field "architecure"; did you mean "architecture"? (1 more problem)',
    );
  });

  it("does not suggest a field that is given", () => {
    expect(lineFor(scenario, { functions: [{ ...ok, memory: 1 }] })).toBe(
      'functions[0] has an unknown field "memory"; the fields here are name, memoryMb, architecture, snapStart',
    );
  });
});

describe("describeIssues: too_big / too_small", () => {
  const limits = z.object({
    n: z.optional(z.number().check(z.gt(0), z.lt(1))),
    s: z.optional(z.string().check(z.minLength(3), z.maxLength(5))),
    code: z.optional(z.string().check(z.length(2))),
    list: z.optional(z.array(z.number()).check(z.maxLength(2))),
  });
  it.each([
    [
      { functions: [{ ...ok, memoryMb: 64 }] },
      "functions[0].memoryMb must be at least 128 (got 64)",
    ],
    [
      { functions: [{ ...ok, memoryMb: 20000 }] },
      "functions[0].memoryMb must be at most 10240 (got 20000)",
    ],
    [{ functions: [] }, "functions must have at least 1 item (got [])"],
    [{ functions: [{ ...ok, name: "" }] }, 'functions[0].name must not be empty (got "")'],
  ])("%j", (input, line) => {
    expect(lineFor(scenario, input)).toBe(line);
  });
  it.each([
    [{ n: 0 }, "n must be greater than 0 (got 0)"],
    [{ n: 1 }, "n must be less than 1 (got 1)"],
    [{ s: "ab" }, 's must be at least 3 characters long (got "ab")'],
    [{ s: "abcdef" }, 's must be at most 5 characters long (got "abcdef")'],
    [{ code: "abc" }, 'code must be exactly 2 characters long (got "abc")'],
    [{ list: [1, 2, 3] }, "list must have at most 2 items (got [1,2,3])"],
  ])("%j", (input, line) => {
    expect(lineFor(limits, input)).toBe(line);
  });
});

describe("describeIssues: invalid_value", () => {
  const literal = z.object({ currency: z.literal("USD") });
  it.each([
    [
      scenario,
      { functions: [{ ...ok, architecture: "arm" }] },
      'functions[0].architecture must be one of "x86_64", "arm64" (got "arm"); did you mean "arm64"?',
    ],
    [
      scenario,
      { functions: [{ ...ok, architecture: "sparc" }] },
      'functions[0].architecture must be one of "x86_64", "arm64" (got "sparc")',
    ],
    [literal, { currency: "EUR" }, 'currency must be "USD" (got "EUR")'],
  ])("%j", (schema, input, line) => {
    expect(lineFor(schema, input)).toBe(line);
  });
});

describe("describeIssues: invalid_format, custom, not_multiple_of, invalid_key", () => {
  const formats = z.object({
    month: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}$/, "must be YYYY-MM"))),
    id: z.optional(z.string().check(z.regex(/^\d{12}$/))),
    even: z.optional(z.number().check(z.refine((n) => n % 2 === 0, "must be even"))),
    odd: z.optional(z.number().check(z.refine((n) => n % 2 === 1))),
    step: z.optional(z.number().check(z.multipleOf(64))),
    tags: z.optional(
      z.record(z.string().check(z.regex(/^[a-z]+$/, "must be lower-case letters")), z.string()),
    ),
  });
  it.each([
    [{ month: "2026-1" }, 'month must be YYYY-MM (got "2026-1")'],
    [{ id: "42" }, 'id must match /^\\d{12}$/ (got "42")'],
    [{ even: 3 }, "even must be even (got 3)"],
    [{ odd: 2 }, "odd is invalid (got 2)"],
    [{ step: 100 }, "step must be a multiple of 64 (got 100)"],
    [{ tags: { Team: "a" } }, 'tags key "Team" must be lower-case letters'],
  ])("%j", (input, line) => {
    expect(lineFor(formats, input)).toBe(line);
  });
});

describe("describeIssues: unions", () => {
  const schema = z.object({
    count: z.optional(z.union([z.number(), z.string()])),
    flag: z.optional(z.union([z.boolean(), z.number(), z.string()])),
    custom: z.optional(z.union([z.number(), z.string()], { error: "must be a count such as 3M" })),
    target: z.optional(
      z.union([
        z.strictObject({ functionName: z.string() }),
        z.strictObject({ arn: z.string(), qualifier: z.optional(z.string()) }),
      ]),
    ),
    kind: z.optional(
      z.discriminatedUnion("type", [
        z.object({ type: z.literal("zip"), sizeMb: z.number() }),
        z.object({ type: z.literal("image") }),
      ]),
    ),
  });
  it.each([
    [{ count: true }, "count must be a number or a string (got true)"],
    [{ flag: null }, "flag must be a boolean, a number or a string (got null)"],
    [{ custom: [] }, "custom must be a count such as 3M (got [])"],
    // The alternative that got furthest (the one the user was writing) speaks.
    [{ target: { arn: 5 } }, "target.arn must be a string (got 5)"],
    [{ target: { arm: "x" } }, 'target has an unknown field "arm"; did you mean "arn"?'],
    [{ kind: { type: "zip", sizeMb: "1" } }, 'kind.sizeMb must be a number (got "1")'],
    [{ kind: { type: "jar" } }, 'kind.type must be one of "zip", "image" (got "jar")'],
    [
      { kind: { type: "Image" } },
      'kind.type must be one of "zip", "image" (got "Image"); did you mean "image"?',
    ],
  ])("%j", (input, line) => {
    expect(lineFor(schema, input)).toBe(line);
  });
});

describe("describeIssues: nested paths and counts", () => {
  it("names array indices and nested fields", () => {
    const input = { functions: [ok, ok, { ...ok, snapStart: { versions: "x" } }] };
    expect(lineFor(scenario, input)).toBe(
      'functions[2].snapStart.versions must be a number (got "x")',
    );
  });

  it("counts the other problems", () => {
    const input = {
      functions: [
        { ...ok, memoryMb: 64 },
        { name: "", memoryMb: 1 },
      ],
    };
    expect(lineFor(scenario, input)).toBe(
      "functions[0].memoryMb must be at least 128 (got 64); 2 more problems",
    );
  });

  it("quotes a record key that is not a plain word, so it cannot break the line", () => {
    const schema = z.object({ tags: z.record(z.string(), z.string()) });
    expect(lineFor(schema, { tags: { "a b\nc": 5 } })).toBe(
      'tags["a b\\nc"] must be a string (got 5)',
    );
    expect(lineFor(schema, { tags: { "team-1_a": 5 } })).toBe(
      "tags.team-1_a must be a string (got 5)",
    );
    expect(lineFor(schema, { tags: { ["k".repeat(100)]: 5 } })).toBe(
      `tags["${"k".repeat(36)}...] must be a string (got 5)`,
    );
  });

  it("lists three unknown fields, each cut to 40 characters", () => {
    const input = { freeTier: true, functions: [ok], ["x".repeat(50)]: 1, b: 1, c: 1, d: 1 };
    expect(lineFor(scenario, input)).toBe(
      `(top level) has unknown fields "${"x".repeat(36)}..., "b", "c" and 1 more; the fields here are freeTier, functions`,
    );
  });

  it("shows a number too large for JSON as Infinity, not null", () => {
    expect(lineFor(scenario, { functions: [{ ...ok, memoryMb: JSON.parse("1e309") }] })).toBe(
      "functions[0].memoryMb must be a number (got Infinity)",
    );
  });

  it("says the document is invalid when zod gives no issue", () => {
    expect(describeIssues([], {})).toBe("(top level) is invalid");
  });
});

describe("fieldsAt", () => {
  it("walks arrays, optional, default, prefault and pipes to the object's fields", () => {
    const schema = z.object({
      a: z._default(z.array(z.optional(z.strictObject({ x: z.number(), y: z.number() }))), []),
      b: z.prefault(z.strictObject({ p: z._default(z.number(), 0) }), {}),
      c: z.pipe(
        z.object({ q: z.string() }),
        z.transform((v) => v.q),
      ),
      d: z.record(z.string(), z.object({ r: z.number() })),
    });
    expect(fieldsAt(schema, [])).toEqual(["a", "b", "c", "d"]);
    expect(fieldsAt(schema, ["a", 3])).toEqual(["x", "y"]);
    expect(fieldsAt(schema, ["b"])).toEqual(["p"]);
    expect(fieldsAt(schema, ["c"])).toEqual(["q"]);
    expect(fieldsAt(schema, ["d", "any-key"])).toEqual(["r"]);
    expect(fieldsAt(schema, ["nope"])).toEqual([]);
  });

  it("ends on a schema that contains itself", () => {
    interface Tree {
      name: string;
      children?: Tree[];
    }
    const tree: z.ZodMiniType<Tree> = z.lazy(() =>
      z.union([tree, z.strictObject({ name: z.string(), children: z.optional(z.array(tree)) })]),
    );
    expect(fieldsAt(tree, ["children", 0, "children", 1])).toEqual(["name", "children"]);
  });
});
