import { Field, Float, ID, ObjectType } from 'type-graphql';
import { ConnectionStateEnum, ProviderEnum } from './enums.js';
import { JSONScalar } from './scalars.js';
import { Node } from './node.types.js';

@ObjectType({ description: "An instance's connection to WhatsApp, as its provider reports it." })
export class InstanceConnection {
  @Field(() => ConnectionStateEnum) state!: string;
  @Field(() => Boolean, { nullable: true, description: 'Whether the phone itself is online (WhatsApp Web based providers).' }) phoneConnected?: boolean | null;
  @Field(() => String, { nullable: true, description: "The provider's explanation when not connected." }) detail?: string | null;
  @Field(() => Float, { nullable: true, description: 'Account balance, when the provider reports one.' }) balance?: number | null;
}

@ObjectType({ description: 'The device of the account (WhatsApp Web based providers).' })
export class DeviceInfo {
  @Field(() => String, { nullable: true }) model?: string | null;
  @Field(() => String, { nullable: true }) manufacturer?: string | null;
  @Field(() => String, { nullable: true }) osVersion?: string | null;
  @Field(() => String, { nullable: true }) waVersion?: string | null;
}

@ObjectType({ description: "The account's own WhatsApp profile." })
export class AccountProfile {
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) about?: string | null;
  @Field(() => String, { nullable: true }) profilePictureUrl?: string | null;
  @Field(() => Boolean, { nullable: true }) isBusiness?: boolean | null;
  @Field(() => DeviceInfo, { nullable: true }) device?: DeviceInfo | null;
  @Field(() => JSONScalar, { nullable: true, description: 'Provider-specific details.' }) extra?: unknown;
}

@ObjectType({ implements: Node, description: 'A WhatsApp account reachable through one provider. Queries about it hang off this type.' })
export class Instance {
  @Field(() => ID) id!: string;
  @Field(() => ProviderEnum) provider!: string;
}
