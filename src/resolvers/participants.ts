import type { GraphContext } from '../context.js';
import { badInput } from '../errors.js';
import type { InstanceEntry } from '../instances.js';
import { MAX_GROUP_PARTICIPANTS } from '../providers/limits.js';
import type { ParticipantAction, ParticipantChange } from '../providers/model.js';
import { instanceCall } from './instance-call.js';
import { recipientsOf } from './phone.js';

/** The capabilities whose port method changes the participants of a group or a community (same shape: id + `ParticipantChange`). */
export type ParticipantCapability = 'MANAGE_GROUP_PARTICIPANTS' | 'MANAGE_COMMUNITY_PARTICIPANTS';

/**
 * Phone numbers of a participant change, normalised to international digits, duplicates dropped.
 * @throws GraphError BAD_USER_INPUT (`input.participants`, `input.participants[i]`) when empty,
 *   over {@link MAX_GROUP_PARTICIPANTS} or not a phone
 */
export function participantPhones(phones: string[], entry: InstanceEntry): string[] {
  if (phones.length === 0) throw badInput('input.participants', 'at least one participant is required');
  if (phones.length > MAX_GROUP_PARTICIPANTS) throw badInput('input.participants', `at most ${MAX_GROUP_PARTICIPANTS} participants per change`);
  return [...new Set(recipientsOf(entry, phones, 'input.participants'))];
}

/**
 * The one path of every participant mutation of groups and communities (add, remove,
 * approve, reject, promote, demote): instance and capability first ({@link instanceCall}), then
 * the target's id (`targetId`: a group id is normalised like a recipient, a community id is
 * trimmed and bounded), then the phones ({@link participantPhones}), then the port.
 * @param targetId reads and checks the group or community id of the input; its errors name the field
 * @param autoInvite passed only when the mutation has it (adds), so removals send no such field
 * @returns the target id as sent to the provider, for the payload
 * @throws GraphError NOT_FOUND, CAPABILITY_NOT_SUPPORTED, BAD_USER_INPUT (the id, `input.participants`), or a ProviderError
 */
export async function changeParticipants(
  ctx: GraphContext,
  input: { instanceId: string; participants: string[] },
  capability: ParticipantCapability,
  targetId: (entry: InstanceEntry) => string,
  action: ParticipantAction,
  autoInvite?: boolean,
): Promise<string> {
  const { entry, call } = instanceCall(ctx, input.instanceId, capability);
  // Both capabilities' methods take (id, ParticipantChange); TypeScript cannot call a union of them.
  const change = call as (id: string, change: ParticipantChange) => Promise<void>;
  const id = targetId(entry);
  const phones = participantPhones(input.participants, entry);
  await change(id, { action, phones, ...(autoInvite === undefined ? {} : { autoInvite }) });
  return id;
}
