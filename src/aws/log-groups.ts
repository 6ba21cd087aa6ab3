/** DescribeLogGroups, every page (50 groups a call at most): name, stored bytes, age, retention. */
import {
  type CloudWatchLogsClient,
  paginateDescribeLogGroups,
} from "@aws-sdk/client-cloudwatch-logs";
import type { LogGroupInfo } from "../core/advice/index.js";
import { toAwsError } from "./errors.js";

/** The API's maximum `limit`. */
export const LOG_GROUPS_PAGE_SIZE = 50;

export async function listLogGroups(
  client: CloudWatchLogsClient,
  region: string,
): Promise<{ groups: LogGroupInfo[]; calls: number }> {
  const groups: LogGroupInfo[] = [];
  let calls = 0;
  try {
    for await (const page of paginateDescribeLogGroups(
      { client, pageSize: LOG_GROUPS_PAGE_SIZE },
      { limit: LOG_GROUPS_PAGE_SIZE },
    )) {
      calls += 1;
      for (const group of page.logGroups ?? []) {
        if (!group.logGroupName) continue;
        groups.push({
          name: group.logGroupName,
          storedBytes: group.storedBytes ?? 0,
          creationTime: new Date(group.creationTime ?? 0),
          retentionDays: group.retentionInDays,
        });
      }
    }
  } catch (error) {
    throw toAwsError(error, { action: "logs:DescribeLogGroups", region });
  }
  return { groups, calls };
}
