import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GraphQLEnumType, GraphQLUnionType } from 'graphql';
import { renderSchema } from '../../scripts/emit-schema.js';
import { buildGraphSchema } from '../../src/graph.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

describe('schema.graphql', () => {
  it('is the SDL of the schema the server runs (run `npm run codegen` when this fails)', async () => {
    const committed = readFileSync(resolve(REPO_ROOT, 'schema.graphql'), 'utf8');
    // schema-ast writes no final newline
    expect(committed.trimEnd()).toBe((await renderSchema()).trimEnd());
  });

  it('has the contract shapes other clients rely on', async () => {
    const schema = await buildGraphSchema();
    const sig = (field: { args: readonly { name: string; type: unknown }[]; type: unknown }) =>
      `(${field.args
        .map((a) => `${a.name}: ${String(a.type)}`)
        .sort()
        .join(', ')}): ${String(field.type)}`;
    const mutations = schema.getMutationType()!.getFields();
    const subs = schema.getSubscriptionType()!.getFields();
    expect(sig(mutations.sendText!)).toBe('(input: SendTextInput!): SendMessagePayload!');
    expect(sig(subs.messageReceived!)).toBe('(chatId: String, instanceId: ID!): Message!');
    expect(sig(subs.messageStatusChanged!)).toBe('(instanceId: ID!, messageId: String): MessageStatusChangedEvent!');
    expect(sig(subs.events!)).toMatch(/^\(after: String, chatId: String, instanceId: ID!, types: \[EventType!\]\): Event!$/);
    const status = schema.getType('MessageStatus') as GraphQLEnumType;
    expect(status.getValues().map((v) => v.name)).toEqual(['PENDING', 'SENT', 'DELIVERED', 'READ', 'PLAYED', 'FAILED', 'DELETED']);
    const content = schema.getType('MessageContent') as GraphQLUnionType;
    expect(content.getTypes().map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'TextContent',
        'ImageContent',
        'AudioContent',
        'VideoContent',
        'DocumentContent',
        'StickerContent',
        'LocationContent',
        'ContactContent',
        'ReactionContent',
        'UnsupportedContent',
      ]),
    );
  });
});
