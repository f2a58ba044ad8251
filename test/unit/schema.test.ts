import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isObjectType, type GraphQLEnumType, type GraphQLObjectType, type GraphQLUnionType } from 'graphql';
import { GLOBAL_ID_TYPES } from '../../src/global-ids.js';
import { NODE_READERS } from '../../src/resolvers/node.resolver.js';
import { renderSchema } from '../../scripts/emit-schema.js';
import { buildGraphSchema } from '../../src/graph.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

describe('schema.graphql', () => {
  it('is the SDL of the schema the server runs (run `npm run codegen` when this fails)', async () => {
    const committed = readFileSync(resolve(REPO_ROOT, 'schema.graphql'), 'utf8');
    // schema-ast writes no final newline
    expect(committed.trimEnd()).toBe((await renderSchema()).trimEnd());
  });

  it('every object type with a global id (`id: ID!`) implements Node, and node(id) has a reader for each (mutation payloads aside)', async () => {
    const schema = await buildGraphSchema();
    const withGlobalId = Object.values(schema.getTypeMap()).filter(
      (t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__') && String(t.getFields().id?.type) === 'ID!' && !t.name.endsWith('Payload'),
    );
    expect(withGlobalId.length).toBeGreaterThan(20);
    expect(withGlobalId.filter((t) => !t.getInterfaces().some((i) => i.name === 'Node')).map((t) => t.name)).toEqual([]);
    // every type a global id names is one node(id) reads (events through their interface; Instance and ProviderAccount by their own paths)
    for (const type of GLOBAL_ID_TYPES) expect(schema.getType(type), type).toBeDefined();
    expect(GLOBAL_ID_TYPES.filter((type) => !(type in NODE_READERS) && type !== 'ProviderAccount')).toEqual([]);
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
