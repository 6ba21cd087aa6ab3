import { describe, expect, it } from "vitest";
import { accountFromMessage, parseLambdaArn } from "../../src/aws/arn.js";

describe("parseLambdaArn", () => {
  it.each([
    [
      "arn:aws:lambda:eu-west-1:123456789012:function:resize",
      {
        region: "eu-west-1",
        accountId: "123456789012",
        functionName: "resize",
        qualifier: undefined,
      },
    ],
    [
      "arn:aws-cn:lambda:cn-north-1:123456789012:function:api:live",
      { region: "cn-north-1", accountId: "123456789012", functionName: "api", qualifier: "live" },
    ],
    ["resize", undefined],
    ["arn:aws:s3:::bucket/key", undefined],
    ["arn:aws:lambda:us-east-1:123456789012:layer:deps:3", undefined],
  ])("%s", (text, expected) => {
    expect(parseLambdaArn(text)).toEqual(expected);
  });

  it("finds the account in Lambda's not-found message", () => {
    const error = new Error(
      "Function not found: arn:aws:lambda:us-east-1:210987654321:function:gone:$LATEST",
    );
    expect(accountFromMessage(error)).toBe("210987654321");
    expect(accountFromMessage(new Error("Rate exceeded"))).toBeUndefined();
  });
});
