/**
 * Bus topics. One topic per instance carries all of its events (in log order); subscription
 * resolvers filter by type and chat. Topic names hold the graph's instance id only.
 */

/** The topic of every event of `instanceId`. */
export function instanceTopic(instanceId: string): string {
  return `instance:${instanceId}`;
}
