import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildGraphSchema } from '../../src/graph.js';
import { CAPABILITIES } from '../../src/providers/contract.js';
import { capabilityFields, unknownCapabilityFields } from '../../src/resolvers/capability-fields.js';

/** The capability → field table is derived from the `@Requires` declarations of the built schema. */
describe('capability → GraphQL field table', () => {
  it('gives every capability at least one field of the schema', async () => {
    const table = capabilityFields(await buildGraphSchema());
    const missing = CAPABILITIES.filter((c) => !table.get(c)?.length);
    expect(missing, 'capabilities no field declares with @Requires').toEqual([]);
  });

  it('has no field that declares a capability that does not exist', async () => {
    expect(unknownCapabilityFields(await buildGraphSchema())).toEqual([]);
  });

  it('puts a declared capability on the field it decorates', async () => {
    const table = capabilityFields(await buildGraphSchema());
    expect(table.get('SEND_TEXT')).toEqual(['Mutation.sendText']);
    expect(table.get('MARK_CHAT_READ')).toEqual(['Mutation.markChatRead', 'Mutation.markChatUnread']);
    expect(table.get('CHECK_PHONES')).toEqual(['Contact.isOnWhatsApp', 'Contact.waId', 'Instance.phoneChecks']);
    expect(table.get('MANAGE_COMMUNITY_PARTICIPANTS')).toEqual([
      'Mutation.addCommunityParticipants',
      'Mutation.demoteCommunityAdmins',
      'Mutation.promoteCommunityAdmins',
      'Mutation.removeCommunityParticipants',
    ]);
  });

  // The checks above must be able to fail: a schema with one undeclared capability and one unknown one.
  const query = new GraphQLObjectType({
    name: 'Query',
    fields: {
      text: { type: GraphQLString, extensions: { capability: 'SEND_TEXT' } },
      typo: { type: GraphQLString, extensions: { capability: 'SEND_TEXTS' } },
      plain: { type: GraphQLString },
    },
  });
  const small = new GraphQLSchema({ query });

  const cases: Array<[string, () => unknown, unknown]> = [
    ['a declared capability is found', () => capabilityFields(small).get('SEND_TEXT'), ['Query.text']],
    ['an undeclared capability has no field', () => capabilityFields(small).get('SEND_IMAGE'), []],
    ['every capability is a key, declared or not', () => capabilityFields(small).size, CAPABILITIES.length],
    ['an unknown capability is reported with its field', () => unknownCapabilityFields(small), [{ field: 'Query.typo', capability: 'SEND_TEXTS' }]],
  ];
  it.each(cases)('on a hand-built schema: %s', (_name, actual, expected) => {
    expect(actual()).toEqual(expected);
  });
});
