import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildGraphSchema } from '../../src/graph.js';
import { CAPABILITIES, type Capability } from '../../src/providers/contract.js';
import { CAPABILITY_EXTENSION, CAPABILITY_SCOPES } from '../../src/resolvers/instance-call.js';
import { SCOPES } from '../../src/server/access.js';
import { fieldScope } from '../../src/resolvers/field-guard.js';

/** The capability → API-key scope table (issue 12): complete, and consistent with where each capability is used in the graph. */
describe('capability scopes', () => {
  it('every capability has a scope, and no scope is admin yet', () => {
    for (const capability of CAPABILITIES) {
      expect(SCOPES, capability).toContain(CAPABILITY_SCOPES[capability]);
      expect(CAPABILITY_SCOPES[capability], capability).not.toBe('admin');
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
        if (type.name === 'Mutation') {
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
