import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildGraphSchema } from '../../src/graph.js';
import { CAPABILITIES, type Capability } from '../../src/providers/contract.js';
import { CAPABILITY_EXTENSION, CAPABILITY_SCOPES } from '../../src/resolvers/instance-call.js';
import { SCOPES } from '../../src/server/access.js';
import { fieldScope } from '../../src/resolvers/field-guard.js';

/** Account administration (issue 9, item 8), the partner API included: its reads and changes need the admin scope. */
const ADMIN: readonly Capability[] = [
  'MOBILE_REGISTRATION',
  'UNBAN_NUMBER',
  'ACCOUNT_SECURITY',
  'UPDATE_ACCOUNT_SECURITY',
  'PROVIDER_ACCOUNTS',
  'CREATE_PROVIDER_INSTANCE',
  'SUBSCRIBE_PROVIDER_INSTANCE',
  'CANCEL_PROVIDER_INSTANCE',
];

/** The capability → API-key scope table (issue 12): complete, and consistent with where each capability is used in the graph. */
describe('capability scopes', () => {
  it('every capability has a scope, and admin is the account administration of issue 9 only', () => {
    for (const capability of CAPABILITIES) {
      expect(SCOPES, capability).toContain(CAPABILITY_SCOPES[capability]);
      expect(CAPABILITY_SCOPES[capability] === 'admin', capability).toBe(ADMIN.includes(capability));
    }
    expect(Object.keys(CAPABILITY_SCOPES).sort()).toEqual([...CAPABILITIES].sort());
  });

  it('sends need send, other mutations manage, and every field that is not a mutation read', async () => {
    const schema = await buildGraphSchema();
    const seen = new Set<Capability>();
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const capability = field.extensions[CAPABILITY_EXTENSION] as Capability | undefined;
        const scope = fieldScope(type.name, field);
        if (capability && ADMIN.includes(capability)) {
          expect(scope, `${type.name}.${field.name}`).toBe('admin');
        } else if (type.name === 'Mutation') {
          expect(scope, `Mutation.${field.name}`).toBe(capability?.startsWith('SEND_') ? 'send' : 'manage');
        } else {
          expect(scope, `${type.name}.${field.name}`).toBe('read');
        }
        if (capability) seen.add(capability);
      }
    }
    // the table's SEND_ capabilities are exactly the sends
    for (const capability of CAPABILITIES) expect(CAPABILITY_SCOPES[capability] === 'send', capability).toBe(capability.startsWith('SEND_'));
    expect(seen.size).toBeGreaterThan(0);
  });
});
