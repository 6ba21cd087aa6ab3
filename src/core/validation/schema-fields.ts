/**
 * The fields a zod schema allows at a path, so an unknown field can be answered with the one
 * meant (`functions[0]` has no "memory"; did you mean "memoryMb"?). zod's issue names only the
 * unknown keys, so the schema is walked along the path. The walk reads the schema
 * definition zod documents for tools (`schema._zod.def`) structurally: no zod import here.
 */

/** Any zod schema (classic or mini) fits this. */
export interface SchemaLike {
  readonly _zod: { readonly def: object };
}

/** The parts of a definition the walk reads; each kind of schema has some of them. */
interface Definition {
  type?: string;
  shape?: Readonly<Record<string, SchemaLike>>;
  catchall?: SchemaLike;
  element?: SchemaLike;
  items?: readonly SchemaLike[];
  rest?: SchemaLike | null;
  valueType?: SchemaLike;
  innerType?: SchemaLike;
  options?: readonly SchemaLike[];
  left?: SchemaLike;
  right?: SchemaLike;
  in?: SchemaLike;
  getter?: () => SchemaLike;
}

const definition = (schema: SchemaLike) => schema._zod.def as Definition;

/** The schemas a value is checked by, under optional, default, union, pipe, lazy and the like. */
function concrete(schema: SchemaLike, seen = new Set<SchemaLike>()): SchemaLike[] {
  if (seen.has(schema)) return []; // a lazy schema that contains itself
  seen.add(schema);
  const def = definition(schema);
  const inner = [
    def.innerType,
    def.in,
    def.left,
    def.right,
    def.getter?.(),
    ...(def.options ?? []),
  ];
  const wrapped = inner.filter((s): s is SchemaLike => s !== undefined);
  return wrapped.length > 0 ? wrapped.flatMap((s) => concrete(s, seen)) : [schema];
}

/** The schemas of the value at `key` inside a value checked by `schema`. */
function child(schema: SchemaLike, key: PropertyKey): SchemaLike[] {
  const def = definition(schema);
  switch (def.type) {
    case "object": {
      const field = typeof key === "string" && def.shape && Object.hasOwn(def.shape, key);
      const next = field ? def.shape?.[key as string] : def.catchall;
      return next ? [next] : [];
    }
    case "array":
      return def.element ? [def.element] : [];
    case "tuple": {
      const next = (typeof key === "number" ? def.items?.[key] : undefined) ?? def.rest;
      return next ? [next] : [];
    }
    case "record":
      return def.valueType ? [def.valueType] : [];
    default:
      return [];
  }
}

/**
 * The field names allowed at `path`, in the schema's order (those of every alternative where
 * a union leaves it open).
 * @example
 * fieldsAt(z.object({ functions: z.array(z.strictObject({ memoryMb: z.int() })) }), ["functions", 0])
 * // ["memoryMb"]
 */
export function fieldsAt(schema: SchemaLike, path: readonly PropertyKey[]): string[] {
  let schemas = concrete(schema);
  for (const key of path) {
    schemas = schemas.flatMap((s) => child(s, key)).flatMap((s) => concrete(s));
  }
  const fields = schemas.flatMap((s) => Object.keys(definition(s).shape ?? {}));
  return [...new Set(fields)];
}
