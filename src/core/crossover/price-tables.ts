/**
 * Validates pricing/fargate.json and pricing/ec2.json (or a file of the same shape) against
 * their JSON Schemas (pricing/*.schema.json, compiled to plain code at build time by
 * scripts/compile-price-schema.mjs) and the cross-field rules a schema cannot say, then turns
 * their decimal strings into Decimals. Any mistake is a PricingDataError naming the field, so a
 * malformed file never yields a NaN price.
 */
import { PricingDataError } from "../errors.js";
import { dec } from "../money/index.js";
import { validate as validateEc2 } from "../pricing/generated/ec2-price-table-validator.js";
import { validate as validateFargate } from "../pricing/generated/fargate-price-table-validator.js";
import { describeSchemaErrors, type SchemaError } from "../pricing/schema-errors.js";
import {
  convertCheckedEc2PriceTable,
  convertCheckedFargatePriceTable,
  type RawEc2Table,
} from "./price-table-convert.js";
import type { Ec2PriceTable, FargatePriceTable } from "./types.js";

type CompiledValidator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

function checkSchema(validator: unknown, json: unknown, what: string): void {
  const validate = validator as CompiledValidator;
  if (!validate(json)) {
    throw new PricingDataError(
      `${what} is invalid: ${describeSchemaErrors(validate.errors ?? [], json)}`,
    );
  }
}

/** The schema of pricing/fargate.json; throws PricingDataError naming the field. */
export function checkFargatePriceTable(json: unknown): void {
  checkSchema(validateFargate, json, "Fargate price table");
}

/**
 * The schema of pricing/ec2.json and the rules across its fields: a burstable type has a
 * baseline share and a non-burstable one has none, every type has vCPUs, every priced type is
 * described in instanceTypes, and every price check names a price the region lists.
 */
export function checkEc2PriceTable(json: unknown): void {
  checkSchema(validateEc2, json, "EC2 price table");
  const raw = json as RawEc2Table;
  for (const [name, spec] of Object.entries(raw.instanceTypes)) {
    if (spec.burstable !== (spec.baselineCpuShare !== null)) {
      throw new PricingDataError(
        `EC2 price table is invalid: instanceTypes.${name}.baselineCpuShare must be ${spec.burstable ? "a fraction for a burstable type" : "null for a non-burstable type"}`,
      );
    }
    if (dec(spec.vcpus).lte(0)) {
      throw new PricingDataError(
        `EC2 price table is invalid: instanceTypes.${name}.vcpus must be > 0`,
      );
    }
  }
  for (const [region, prices] of Object.entries(raw.regions)) {
    for (const name of Object.keys(prices.hourlyPrices)) {
      if (!Object.hasOwn(raw.instanceTypes, name)) {
        throw new PricingDataError(
          `EC2 price table is invalid: regions.${region}.hourlyPrices.${name} has no entry in instanceTypes`,
        );
      }
    }
    for (const name of Object.keys(prices.priceChecks ?? {})) {
      if (!Object.hasOwn(prices.hourlyPrices, name)) {
        throw new PricingDataError(
          `EC2 price table is invalid: regions.${region}.priceChecks.${name} checks a price the region does not list`,
        );
      }
    }
  }
}

/**
 * Validates a parsed pricing/fargate.json.
 *
 * @example
 * const table = parseFargatePriceTable(JSON.parse(readFileSync("pricing/fargate.json", "utf8")));
 * table.regions["us-east-1"]?.arm64?.perVcpuHour.toFixed(); // "0.03238"
 * parseFargatePriceTable({}); // throws PricingDataError: Fargate price table is invalid: currency …
 */
export function parseFargatePriceTable(input: unknown): FargatePriceTable {
  checkFargatePriceTable(input);
  return convertCheckedFargatePriceTable(input);
}

/**
 * Validates a parsed pricing/ec2.json (see checkEc2PriceTable for the rules).
 *
 * @example
 * const table = parseEc2PriceTable(JSON.parse(readFileSync("pricing/ec2.json", "utf8")));
 * table.instanceTypes["t4g.large"]?.baselineCpuShare?.toFixed(); // "0.3"
 */
export function parseEc2PriceTable(input: unknown): Ec2PriceTable {
  checkEc2PriceTable(input);
  return convertCheckedEc2PriceTable(input);
}
