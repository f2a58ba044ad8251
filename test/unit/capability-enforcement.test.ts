import {
  execute,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  parse,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import type { GraphContext } from '../../src/context.js';
import { buildGraphSchema } from '../../src/graph.js';
import type { InstanceEntry } from '../../src/instances.js';
import type { ProviderAdapter } from '../../src/providers/contract.js';
import { Loaders } from '../../src/providers/loaders.js';
import { PROVIDER_KINDS } from '../../src/providers/model.js';
import { CAPABILITY_EXTENSION } from '../../src/resolvers/instance-call.js';

/**
 * A field's `@Requires` declaration must be what its resolver enforces: asked of an instance
 * whose provider can do nothing, every declaring field of `Mutation` and `Instance` fails with
 * CAPABILITY_NOT_SUPPORTED naming exactly the capability it declares, and a field that
 * declares none never fails so. Inputs are the smallest
 * ones that pass the checks a send makes before the instance (a non-empty text, an https media
 * URL…), so the capability check is what answers.
 */

const adapter = { kind: PROVIDER_KINDS[0], instanceId: 'i', capabilities: new Set() } as unknown as ProviderAdapter;
const entry: InstanceEntry = { id: 'i', adapter, defaultCountry: 'BR', webhookSecret: 'unused' };
const ctx = {
  services: { instances: { get: () => entry, find: () => entry, list: () => [entry] } },
  loaders: new Loaders(),
} as unknown as GraphContext;

/** The smallest value of an input type that passes the graph's pre-instance checks: required fields only. */
function sample(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return sample(type.ofType, name);
  if (isListType(type)) return [sample(type.ofType, name)];
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) if (isNonNullType(field.type)) value[field.name] = sample(field.type, field.name);
    return value;
  }
  if (isEnumType(type)) return type.getValues()[0]?.name;
  switch (getNamedType(type).name) {
    case 'Int':
      return 1;
    case 'Float':
      return 0;
    case 'Boolean':
      return false;
    case 'JSON':
      return {};
    default:
      return /image|video|audio|document|photo|url/i.test(name) ? 'https://example.com/file.pdf' : `${name}-1`;
  }
}

/** `name(a: $a…) { __typename }` with variables for the required arguments. */
function call(field: GraphQLField<unknown, unknown>): { text: string; defs: string[]; variables: Record<string, unknown> } {
  const required = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type));
  const variables = Object.fromEntries(required.map((a) => [a.name, sample(a.type, a.name)]));
  const args = required.length ? `(${required.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return { text: `${field.name}${args}${selection}`, defs: required.map((a) => `$${a.name}: ${String(a.type)}`), variables };
}

/** Runs one field against the can-do-nothing instance; the first error's extensions. */
async function firstError(schema: GraphQLSchema, parent: 'Mutation' | 'Instance', field: GraphQLField<unknown, unknown>): Promise<Record<string, unknown> | undefined> {
  const { text, defs, variables } = call(field);
  const vars = defs.length ? `(${defs.join(', ')})` : '';
  const source = parent === 'Mutation' ? `mutation Probe${vars} { ${text} }` : `query Probe${vars} { instance(id: "i") { ${text} } }`;
  const result = await execute({ schema, document: parse(source), variableValues: variables, contextValue: ctx });
  return result.errors?.[0]?.extensions;
}

describe('@Requires matches what the resolver enforces', async () => {
  const schema = await buildGraphSchema();
  const probes: Array<[string, 'Mutation' | 'Instance', GraphQLField<unknown, unknown>, unknown]> = [];
  const undeclared: Array<[string, 'Mutation' | 'Instance', GraphQLField<unknown, unknown>]> = [];
  for (const parent of ['Mutation', 'Instance'] as const) {
    const type = schema.getType(parent) as { getFields(): Record<string, GraphQLField<unknown, unknown>> };
    for (const field of Object.values(type.getFields())) {
      const declared = field.extensions?.[CAPABILITY_EXTENSION];
      if (declared !== undefined) probes.push([`${parent}.${field.name}`, parent, field, declared]);
      else undeclared.push([`${parent}.${field.name}`, parent, field]);
    }
  }

  it('probes every declaring field of Mutation and Instance', () => {
    expect(probes.length).toBeGreaterThan(80);
  });

  it.each(probes)('%s fails with CAPABILITY_NOT_SUPPORTED for its declared capability', async (_name, parent, field, declared) => {
    expect(await firstError(schema, parent, field)).toMatchObject({ code: 'CAPABILITY_NOT_SUPPORTED', capability: declared });
  });

  it.each(undeclared)('%s, which declares no capability, does not fail for want of one', async (_name, parent, field) => {
    expect((await firstError(schema, parent, field))?.code).not.toBe('CAPABILITY_NOT_SUPPORTED');
  });
});
