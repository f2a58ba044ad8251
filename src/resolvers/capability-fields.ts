import { isObjectType, type GraphQLSchema } from 'graphql';
import { CAPABILITIES, type Capability } from '../providers/contract.js';
import { CAPABILITY_EXTENSION } from './instance-call.js';

/** A field's declared capability that is not one of `CAPABILITIES` (a typo, or a capability since removed). */
export interface UnknownCapabilityField {
  /** "Type.field" */
  field: string;
  /** What the field declares in `extensions.capability`. */
  capability: unknown;
}

/**
 * The capability → GraphQL field table, derived from the built schema: every field of every
 * object type whose `extensions.capability` was declared with `@Requires` (instance-call.ts).
 * Every capability of `CAPABILITIES` is a key, in that order; its fields are "Type.field"
 * strings sorted alphabetically, `[]` when no field declares it (test/unit/capability-fields.test.ts
 * fails then). A field declaring a value that is not a capability is left out here and
 * reported by {@link unknownCapabilityFields}.
 * @param schema the built schema (`buildGraphSchema()` in src/graph.ts)
 */
export function capabilityFields(schema: GraphQLSchema): Map<Capability, string[]> {
  const known = new Set<string>(CAPABILITIES);
  const table = new Map<Capability, string[]>(CAPABILITIES.map((c) => [c, []]));
  for (const { field, capability } of declaredCapabilities(schema)) {
    if (typeof capability === 'string' && known.has(capability)) table.get(capability as Capability)?.push(field);
  }
  for (const fields of table.values()) fields.sort();
  return table;
}

/**
 * Fields whose `extensions.capability` is not one of `CAPABILITIES`, "Type.field" sorted.
 * @param schema the built schema (`buildGraphSchema()` in src/graph.ts)
 */
export function unknownCapabilityFields(schema: GraphQLSchema): UnknownCapabilityField[] {
  const known = new Set<unknown>(CAPABILITIES);
  return declaredCapabilities(schema)
    .filter((d) => !known.has(d.capability))
    .sort((a, b) => a.field.localeCompare(b.field));
}

/** Every field of the schema's object types (introspection types excepted) that declares a capability, with what it declares. */
function declaredCapabilities(schema: GraphQLSchema): UnknownCapabilityField[] {
  const declared: UnknownCapabilityField[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const capability = field.extensions?.[CAPABILITY_EXTENSION];
      if (capability !== undefined) declared.push({ field: `${type.name}.${field.name}`, capability });
    }
  }
  return declared;
}
