import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { badInput, GraphError } from '../errors.js';
import { requireCapability } from '../providers/contract.js';
import type { BulkItem } from '../providers/model.js';
import { BulkItemResult, SendBulkInput, SendBulkPayload } from '../schema/bulk.types.js';
import type { GraphContext } from './context.js';
import { withIdempotency } from './idempotency.js';
import { MAX_TEXT_LENGTH, checkLength, sentToMessage } from './message.resolver.js';
import { normalizeRecipient } from './phone.js';

/** Most messages one `sendBulk` call takes (the provider splits them into its own request sizes). */
export const MAX_BULK_MESSAGES = 10_000;

/** `sendBulk`: many texts in one call, one result per message in input order. */
@Resolver()
export class BulkResolver {
  /**
   * Checks the capability first (no request for a provider without SEND_BULK), then each message:
   * a recipient that is not a phone number or an empty / too long text becomes that message's
   * `error` (BAD_USER_INPUT naming `input.messages[i].to`), not the call's; the valid ones go to
   * the provider, whose per-message results are merged back in input order.
   * @throws GraphError NOT_FOUND (instance), CAPABILITY_NOT_SUPPORTED, BAD_USER_INPUT (`input.messages`: empty or over {@link MAX_BULK_MESSAGES})
   */
  @Mutation(() => SendBulkPayload, { description: 'Sends many text messages; one result per message in input order. A message that fails carries its error and does not stop the others.' })
  async sendBulk(@Arg('input', () => SendBulkInput) input: SendBulkInput, @Ctx() ctx: GraphContext): Promise<SendBulkPayload> {
    const entry = ctx.services.instances.get(input.instanceId);
    const sendBulk = requireCapability(entry.adapter, 'SEND_BULK');
    if (input.messages.length === 0) throw badInput('input.messages', 'must not be empty');
    if (input.messages.length > MAX_BULK_MESSAGES) throw badInput('input.messages', `must have at most ${MAX_BULK_MESSAGES} messages`);
    const { idempotencyKey, ...rest } = input;
    return withIdempotency(ctx.services.stores.idempotency, { instanceId: entry.id, operation: 'SEND_BULK', key: idempotencyKey, input: rest }, async () => {
      const results: BulkItemResult[] = new Array(input.messages.length);
      const valid: Array<{ index: number; item: BulkItem }> = [];
      input.messages.forEach((m, index) => {
        try {
          const to = normalizeRecipient(m.to, entry.defaultCountry, `input.messages[${index}].to`);
          checkLength(m.text, `input.messages[${index}].text`, MAX_TEXT_LENGTH, 1);
          valid.push({ index, item: { to, text: m.text, clientReference: m.clientReference ?? null } });
        } catch (err) {
          if (!(err instanceof GraphError)) throw err;
          results[index] = { message: null, error: { code: err.code, message: err.message } };
        }
      });
      if (valid.length) {
        const sent = await sendBulk(valid.map((v) => v.item));
        valid.forEach((v, i) => {
          const r = sent[i];
          results[v.index] = r?.message
            ? { message: sentToMessage(entry.id, r.message), error: null }
            : { message: null, error: r?.error ?? { code: 'PROVIDER_ERROR', message: 'the provider returned no result for this message' } };
        });
      }
      return { results };
    });
  }
}
