/**
 * The one ARN reader (over @aws-sdk/util-arn-parser): what the adapters and the CLI take from a
 * Lambda ARN. arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]
 */
import { parse, validate } from "@aws-sdk/util-arn-parser";

export interface LambdaArn {
  region: string;
  accountId: string;
  /** The function name; the qualifier (version or alias) when the ARN has one. */
  functionName: string;
  qualifier: string | undefined;
}

/** The parts of a Lambda function ARN, or undefined when `text` is not one (e.g. a plain name). */
export function parseLambdaArn(text: string): LambdaArn | undefined {
  if (!validate(text)) return undefined;
  const arn = parse(text);
  const [kind, functionName, qualifier] = arn.resource.split(":");
  if (arn.service !== "lambda" || kind !== "function" || !functionName) return undefined;
  return { region: arn.region, accountId: arn.accountId, functionName, qualifier };
}

/** Lambda's not-found message names the ARN it looked for, which carries the account. */
export function accountFromMessage(error: unknown): string | undefined {
  const arn = /arn:\S+/.exec(String((error as Error)?.message))?.[0];
  const account = arn ? parseLambdaArn(arn)?.accountId : undefined;
  return account && /^\d{12}$/.test(account) ? account : undefined;
}
