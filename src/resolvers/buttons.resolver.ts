import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { checkMediaRef, runSend, sendOptions } from './message.resolver.js';
import { checkReplyButtonsMessage } from '../providers/limits.js';
import type { InteractiveHeader } from '../providers/model.js';
import { SendButtonsInput } from '../schema/buttons.types.js';
import { SendMessagePayload } from '../schema/send.inputs.js';
import type { GraphContext } from './context.js';

/** The options of `SendButtonsInput` passed through to the provider as `SendButtonsInput.extra` (only those set). */
export const BUTTONS_PASS_THROUGH = ['source', 'linkWithRecord', 'submissionStatus'] as const;

/** `sendButtons`: a reply-buttons message. */
@Resolver()
export class ButtonsResolver {
  /**
   * Checks WhatsApp's reply-button rules (`providers/limits.ts`: 1..3 buttons, titles ≤ 20,
   * unique ids, header text 60, body 1024, footer 60) and the header media URLs before anything
   * else, then sends through the instance's SEND_BUTTONS port (see `runSend`).
   * @throws GraphError BAD_USER_INPUT naming the field (`input.buttons[1].title`, `input.footer`…), NOT_FOUND, CAPABILITY_NOT_SUPPORTED, or a ProviderError
   */
  @Mutation(() => SendMessagePayload, { description: 'Sends a message with 1 to 3 reply buttons, an optional header (text, image, video or document) and footer.' })
  async sendButtons(@Arg('input', () => SendButtonsInput) input: SendButtonsInput, @Ctx() ctx: GraphContext): Promise<SendMessagePayload> {
    const header: InteractiveHeader | null = input.header
      ? { text: input.header.text ?? null, image: input.header.image ?? null, video: input.header.video ?? null, document: input.header.document ?? null, documentFileName: input.header.documentFileName ?? null }
      : null;
    checkReplyButtonsMessage({ body: input.body, buttons: input.buttons, header, footer: input.footer ?? null });
    for (const kind of ['image', 'video', 'document'] as const) if (header?.[kind]) checkMediaRef(header[kind], `input.header.${kind}`);
    const extra: Record<string, unknown> = {};
    for (const key of BUTTONS_PASS_THROUGH) if (input[key] != null) extra[key] = input[key];
    return runSend(ctx, input, 'SEND_BUTTONS', (send, to) =>
      send({
        ...sendOptions(input),
        to,
        body: input.body,
        buttons: input.buttons.map((b) => ({ id: b.id, title: b.title })),
        header,
        footer: input.footer ?? null,
        extra: Object.keys(extra).length ? extra : null,
      }),
    );
  }
}
