import { describe, expect, it } from 'vitest';
import { useSimulatedApp } from '../../helpers/simulated-app.js';

/** Ivosights' sticker send (issue 8): `sendSticker` through send-media-message with `type: "sticker"` (ivosights-ivowba.txt 1275-1330). */
const h = useSimulatedApp([{ id: 'ivo', provider: 'ivosights', simulator: { autoReply: false } }]);
const STICKER = 'https://example.com/sticker.webp';
const SEND = 'mutation($input: SendStickerInput!) { sendSticker(input: $input) { message { id fromMe content { __typename ... on StickerContent { url } } } } }';

describe('Ivosights stickers through the graph', () => {
  it('sendSticker posts send-media-message {wa_id, type: sticker, link} with the API key and returns the message', async () => {
    const res = await h.gql(SEND, { input: { instanceId: 'ivo', to: '+62 812 3456 789', sticker: STICKER } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.sendSticker.message).toMatchObject({ fromMe: true, content: { __typename: 'StickerContent' } });
    // the graph hands out its own media link, never the file's URL as such
    expect(res.data!.sendSticker.message.content.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\//);
    const sim = h.sims.ivo!;
    const req = sim.requests.find((r) => r.path.endsWith('/messages/send-media-message'));
    expect(req?.method).toBe('POST');
    expect(req?.headers['x-api-key']).toBe(sim.instanceConfig.apiKey);
    expect(req?.body).toEqual({ wa_id: '628123456789', type: 'sticker', link: STICKER });
  });

  it('a sticker author is refused (the operation has no such field) before any request', async () => {
    const before = h.sims.ivo!.requests.length;
    const res = await h.gql(SEND, { input: { instanceId: 'ivo', to: '628123456789', sticker: STICKER, author: 'Me' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe('input.author');
    expect(h.sims.ivo!.requests.length).toBe(before);
  });
});

describe('Ivosights refuses the media options it cannot carry', () => {
  it.each([
    ['viewOnce', 'SendImageInput:sendImage', { image: STICKER, viewOnce: true }],
    ['waveform', 'SendAudioInput:sendAudio', { audio: 'https://example.com/a.ogg', waveform: true }],
  ] as const)('%s is BAD_USER_INPUT before any request', async (field, typed, input) => {
    const [type, mutation] = typed.split(':') as [string, string];
    const before = h.sims.ivo!.requests.length;
    const res = await h.gql(`mutation($input: ${type}!) { ${mutation}(input: $input) { message { id } } }`, { input: { instanceId: 'ivo', to: '628123456789', ...input } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
    expect(h.sims.ivo!.requests.length).toBe(before);
  });
});
