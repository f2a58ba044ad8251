import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from './node.types.js';
import { ProviderEnum } from './enums.js';
import { DateTimeScalar } from './scalars.js';

/**
 * Types of the partner API (issue 9, item 8): the instances of the deployment's own account at a
 * provider (listed, created, subscribed, cancelled with the provider's integrator credential,
 * configured once per deployment under `partners.<provider>`). Every field needs the `admin`
 * key scope. No type carries an instance token, the integrator credential or a webhook URL.
 */

/** `ProviderInstanceDevice`. */
export const ProviderInstanceDeviceEnum = { WEB: 'WEB', MOBILE: 'MOBILE' } as const;
registerEnumType(ProviderInstanceDeviceEnum, {
  name: 'ProviderInstanceDevice',
  description: 'How the provider instance runs WhatsApp: a web session (a linked device) or a mobile registration of the number.',
});

@ObjectType({ implements: Node, description: "One instance of the deployment's account at its provider (never its token or its webhook URLs)." })
export class ProviderAccount implements Node {
  /** The provider's instance id (served as `accountId`; the GraphQL `id` is global, resolvers/node-ids.ts). */
  @Field(() => ID) id!: string;
  /** The provider it belongs to (set by the resolver; the scope of its global id). */
  provider?: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) createdAt?: number | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the instance stops: the end of its trial, or of the period paid or cancelled.' }) dueAt?: number | null;
  @Field(() => String, { nullable: true, description: "The provider's payment status, as the provider spells it." }) paymentStatus?: string | null;
  @Field(() => Boolean, { nullable: true }) phoneConnected?: boolean | null;
  @Field(() => Boolean, { nullable: true }) whatsappConnected?: boolean | null;
  @Field(() => ProviderInstanceDeviceEnum, { nullable: true }) device?: string | null;
  @Field(() => ID, { nullable: true, description: 'The id of the configured graph instance that is this provider instance; null when the configuration has none.' })
  configuredInstanceId?: string | null;
}

@ObjectType({ description: "One page of the deployment's provider instances." })
export class ProviderAccountPage {
  @Field(() => [ProviderAccount]) items!: ProviderAccount[];
  @Field(() => Int, { description: 'From 1.' }) page!: number;
  @Field(() => Int) pageSize!: number;
  @Field(() => Int, { nullable: true, description: 'Instances in all pages, when the provider says.' }) total?: number | null;
  @Field(() => Int, { nullable: true }) totalPages?: number | null;
  @Field(() => Boolean) hasNextPage!: boolean;
}

@InputType({
  description:
    "A new instance of the deployment's provider account. It runs on the provider's trial until subscribeProviderInstance (then it is paid for). Webhooks are not set here: once the instance is in the configuration, the server registers its own (publicUrl, syncWebhooks).",
})
export class CreateProviderInstanceInput {
  @Field(() => ProviderEnum) provider!: string;
  @Field(() => String, { description: 'The instance name in the provider panel.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'The session name WhatsApp shows among the connected devices.' }) sessionName?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Reject calls automatically.' }) rejectCalls?: boolean | null;
  @Field(() => String, { nullable: true, description: 'The message sent after a call is rejected automatically.' }) rejectCallMessage?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Mark received messages as read automatically.' }) autoReadMessages?: boolean | null;
  @Field(() => ProviderInstanceDeviceEnum, { nullable: true }) device?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Run the WhatsApp Business app rather than the standard one.' }) business?: boolean | null;
}

@ObjectType({
  description:
    "The created instance. Its token is neither returned nor kept by the server: read it in the provider's panel and add the instance to the configuration (with its token as a ${VAR}) to use it from the graph.",
})
export class CreateProviderInstancePayload {
  @Field(() => ProviderEnum) provider!: string;
  /** The provider's instance id (served as `accountId`; the GraphQL `id` is global, resolvers/node-ids.ts). */
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the trial ends unless the instance is subscribed.' }) dueAt?: number | null;
}

@InputType({ description: 'A configured instance whose provider instance to subscribe or cancel (with its own credentials from the configuration; none are taken as input).' })
export class ProviderInstanceInput {
  @Field(() => ID, { description: "The graph's instance id." }) instanceId!: string;
}

@ObjectType({ description: 'The result of subscribing or cancelling a provider instance.' })
export class ProviderInstancePayload {
  @Field(() => ID) instanceId!: string;
  @Field(() => ProviderEnum) provider!: string;
  @Field(() => Boolean) ok!: boolean;
}
