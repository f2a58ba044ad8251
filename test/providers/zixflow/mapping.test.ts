import { describe, expect, it } from 'vitest';
import type { GraphError } from '../../../src/errors.js';
import { checkReplyButtons, checkReplyButtonsMessage } from '../../../src/providers/limits.js';
import type { SendButtonsInput } from '../../../src/providers/model.js';
import { toSendRequest, toSentMessage } from '../../../src/providers/zixflow/mapping.js';

const base: SendButtonsInput = {
  to: '919876543210',
  body: 'Pick one',
  buttons: [
    { id: 'y', title: 'Yes' },
    { id: 'n', title: 'No' },
  ],
};

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect((e as GraphError).extensions.code).toBe('BAD_USER_INPUT');
    return (e as GraphError).extensions.field as string;
  }
  return undefined;
}

describe('zixflow mapping', () => {
  it('builds the documented nested body (zixflow.txt 17-182)', () => {
    const req = toSendRequest(
      { ...base, header: { image: 'https://x.test/a.png' }, footer: 'Thanks', extra: { source: 'crm', linkWithRecord: true, submissionStatus: false } },
      'PH1',
    );
    expect(req).toEqual({
      to: '919876543210',
      phoneId: 'PH1',
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'image', image: 'https://x.test/a.png' },
        body: { text: 'Pick one' },
        footer: { text: 'Thanks' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'y', title: 'Yes' } },
            { type: 'reply', reply: { id: 'n', title: 'No' } },
          ],
        },
      },
      source: 'crm',
      linkWithRecord: true,
      submissionStatus: false,
    });
    const minimal = toSendRequest(base, 'PH1');
    expect(minimal.interactive.header).toBeUndefined();
    expect(minimal.interactive.footer).toBeUndefined();
    expect('source' in minimal).toBe(false);
  });

  it('enforces the documented and WhatsApp limits, naming the field', () => {
    expect(fieldOf(() => toSendRequest({ ...base, footer: 'f'.repeat(61) }, 'P'))).toBe('input.footer');
    expect(toSendRequest({ ...base, footer: 'f'.repeat(60) }, 'P').interactive.footer?.text).toHaveLength(60);
    // Header text: 60 (line 61) wins over the 1024 repeated at lines 76/85.
    expect(fieldOf(() => toSendRequest({ ...base, header: { text: 'h'.repeat(61) } }, 'P'))).toBe('input.header.text');
    expect(toSendRequest({ ...base, header: { text: 'h'.repeat(60) } }, 'P').interactive.header).toEqual({ type: 'text', text: 'h'.repeat(60) });
    expect(fieldOf(() => toSendRequest({ ...base, body: 'b'.repeat(1025) }, 'P'))).toBe('input.body');
    expect(fieldOf(() => toSendRequest({ ...base, buttons: [1, 2, 3, 4].map((i) => ({ id: `b${i}`, title: `B${i}` })) }, 'P'))).toBe('input.buttons');
    expect(fieldOf(() => toSendRequest({ ...base, buttons: [] }, 'P'))).toBe('input.buttons');
    expect(
      fieldOf(() =>
        toSendRequest(
          {
            ...base,
            buttons: [
              { id: 'a', title: 'ok' },
              { id: 'b', title: 't'.repeat(21) },
            ],
          },
          'P',
        ),
      ),
    ).toBe('input.buttons[1].title');
    expect(
      fieldOf(() =>
        toSendRequest(
          {
            ...base,
            buttons: [
              { id: 'a', title: 'x' },
              { id: 'a', title: 'y' },
            ],
          },
          'P',
        ),
      ),
    ).toBe('input.buttons[1].id');
    expect(fieldOf(() => toSendRequest({ ...base, header: { text: 'a', image: 'https://x.test/i.png' } }, 'P'))).toBe('input.header');
    expect(fieldOf(() => toSendRequest({ ...base, header: { video: 'ftp://x/v.mp4' } }, 'P'))).toBe('input.header.video');
    expect(fieldOf(() => toSendRequest({ ...base, extra: { linkWithRecord: 'yes' } }, 'P'))).toBe('input.linkWithRecord');
    expect(fieldOf(() => toSendRequest({ ...base, extra: { campaign: 'x' } }, 'P'))).toBe('input.campaign');
    expect(fieldOf(() => toSendRequest({ ...base, to: '+91 98765' }, 'P'))).toBe('input.to');
    expect(fieldOf(() => toSendRequest({ ...base, replyToMessageId: 'wamid.1' }, 'P'))).toBe('input.replyToMessageId');
  });

  it('counts emoji as one character (20 emoji titles pass)', () => {
    expect(() => checkReplyButtons([{ id: 'e', title: '😀'.repeat(20) }])).not.toThrow();
    expect(fieldOf(() => checkReplyButtons([{ id: 'e', title: '😀'.repeat(21) }]))).toBe('input.buttons[0].title');
    expect(fieldOf(() => checkReplyButtonsMessage({ body: 'x', buttons: [{ id: 'a', title: 'a' }], footer: 'f'.repeat(61) }))).toBe('input.footer');
  });

  it('a send without submissionStatus is PENDING, with it SENT; the id is the local one', () => {
    const req = toSendRequest(base, 'P');
    expect(toSentMessage(req, 'local-1', 5)).toMatchObject({ id: 'local-1', providerId: null, chatId: '919876543210', status: 'PENDING', timestamp: 5 });
    expect(toSentMessage({ ...req, submissionStatus: true }, 'local-2', 5).status).toBe('SENT');
  });

  it('the sent message is ButtonsContent (issue 8): body, footer, a text header as its title, the reply buttons', () => {
    const req = toSendRequest({ ...base, header: { text: 'Menu' }, footer: 'Thanks' }, 'P');
    expect(toSentMessage(req, 'local-3', 5).content).toEqual({
      kind: 'buttons',
      body: 'Pick one',
      title: 'Menu',
      footer: 'Thanks',
      imageUrl: null,
      videoUrl: null,
      buttons: [
        { type: 'REPLY', text: 'Yes', id: 'y', index: 0 },
        { type: 'REPLY', text: 'No', id: 'n', index: 1 },
      ],
    });
    const image = toSendRequest({ ...base, header: { image: 'https://x.test/i.png' } }, 'P');
    expect(toSentMessage(image, 'local-4', 5).content).toMatchObject({ kind: 'buttons', title: null, imageUrl: 'https://x.test/i.png' });
  });
});
