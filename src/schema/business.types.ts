import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from './node.types.js';

/**
 * The business account's own profile, reference data and webhook endpoints, shaped as
 * `providers/model.ts` (`BusinessProfile`, `Country`, `WebhookEndpoint`). No logic here.
 */

@ObjectType({ description: "The business's WhatsApp profile." })
export class BusinessProfile {
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'Industry (`Professional Services`…).' }) vertical?: string | null;
  @Field(() => [String]) websites!: string[];
}

/** `WeekDay`. */
export const WeekDayEnum = {
  SUNDAY: 'SUNDAY',
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
} as const;
registerEnumType(WeekDayEnum, { name: 'WeekDay', description: 'A day of the week.' });

/** `BusinessHoursMode`. */
export const BusinessHoursModeEnum = { SPECIFIC_HOURS: 'SPECIFIC_HOURS', OPEN_24H: 'OPEN_24H', APPOINTMENT_ONLY: 'APPOINTMENT_ONLY' } as const;
registerEnumType(BusinessHoursModeEnum, { name: 'BusinessHoursMode', description: 'Open at the given hours, around the clock, or by appointment only.' });

@ObjectType({ implements: Node, description: 'A business category the account may take.' })
export class BusinessCategory implements Node {
  @Field(() => ID) id!: string;
  /** Its instance (set by the resolver; the scope of its global id). */
  instanceId?: string;
  @Field(() => String, { nullable: true, description: "The category's code, when it has one (`OTHER_COMPANIES`)." }) label?: string | null;
  @Field(() => String, { description: 'The name shown.' }) name!: string;
}

@ObjectType({ implements: Node, description: 'A country as the provider lists it.' })
export class Country implements Node {
  @Field(() => ID) id!: string;
  /** Its instance (set by the resolver; the scope of its global id). */
  instanceId?: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Dial code with its plus (`+62`).' }) dialCode!: string;
  @Field(() => String, { description: 'ISO 3166 alpha-2.' }) iso!: string;
  @Field(() => String, { description: 'ISO 3166 alpha-3.' }) iso3!: string;
}

@ObjectType({ implements: Node, description: 'A webhook endpoint configured at the provider. Its HTTP-auth password is never shown.' })
export class WebhookEndpoint implements Node {
  @Field(() => ID) id!: string;
  /** Its instance (set by the resolver; the scope of its global id). */
  instanceId?: string;
  @Field(() => String) name!: string;
  @Field(() => String) url!: string;
  @Field(() => [String], { description: 'Event kinds it receives (empty: all).' }) events!: string[];
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => Boolean, { description: 'Whether deliveries carry HTTP Basic credentials.' }) httpAuthEnabled!: boolean;
  @Field(() => String, { nullable: true }) httpAuthUsername?: string | null;
}

@ObjectType({ description: 'The result of a business-profile change.' })
export class BusinessActionPayload {
  @Field(() => ID) instanceId!: string;
  @Field(() => Boolean, { description: 'True when the provider accepted the change.' }) ok!: boolean;
}

@ObjectType({ description: 'The result of pullPendingNotifications.' })
export class PullPendingNotificationsPayload {
  @Field(() => Int, { description: 'Events read from the pending notifications (already-seen ones are deduped by the event pipeline).' }) pulled!: number;
  @Field(() => [String], { description: 'Their stable event ids.' }) eventIds!: string[];
}
