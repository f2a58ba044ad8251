import { Field, ID, InputType } from 'type-graphql';
import { BusinessHoursModeEnum, WeekDayEnum } from './business.types.js';
import { JSONScalar } from './scalars.js';
import { SendInputBase } from './send.inputs.js';

/**
 * Inputs of the business-profile mutations, pullPendingNotifications and the business-API
 * sends (contact cards, lists, catalog products, flows). Each mutation takes one `input`
 * with `instanceId` (DESIGN.md, "Mutations").
 */

@InputType({ description: 'An opening interval of one day.' })
export class BusinessDayHoursInput {
  @Field(() => WeekDayEnum) dayOfWeek!: string;
  @Field(() => String, { description: '`HH:mm`.' }) openTime!: string;
  @Field(() => String, { description: '`HH:mm`, after `openTime`.' }) closeTime!: string;
}

@InputType({ description: 'Opening hours.' })
export class BusinessHoursInput {
  @Field(() => String, { description: 'IANA time zone (`America/Sao_Paulo`).' }) timezone!: string;
  @Field(() => BusinessHoursModeEnum, { defaultValue: 'SPECIFIC_HOURS' }) mode!: string;
  @Field(() => [BusinessDayHoursInput], { defaultValue: [], description: 'With SPECIFIC_HOURS: the opening intervals (several per day allowed; none: closed every day).' })
  days!: BusinessDayHoursInput[];
}

@InputType({
  description:
    'Change the business profile. What a provider needs depends on it: one that replaces the whole profile requires address, description, e-mail, industry and websites (BAD_USER_INPUT naming the missing one); one that keeps each field apart changes only the given ones. A field a provider does not keep (industry, hours, categories) is refused, never dropped.',
})
export class UpdateBusinessProfileInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'Industry (`Professional Services`…).' }) vertical?: string | null;
  @Field(() => [String], { nullable: true }) websites?: string[] | null;
  @Field(() => BusinessHoursInput, { nullable: true }) hours?: BusinessHoursInput | null;
  @Field(() => [String], { nullable: true, description: 'Category ids or labels (see `Instance.businessCategories`).' }) categories?: string[] | null;
}

@InputType({ description: 'Set the profile "about" text.' })
export class UpdateBusinessAboutInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String) text!: string;
}

@InputType({ description: 'Set the profile photo.' })
export class UpdateBusinessPhotoInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: 'A base64 data: URI of a JPEG or PNG.' }) photo!: string;
}

@InputType({ description: 'Fetch the notifications the provider could not deliver by webhook and feed them to the event streams.' })
export class PullPendingNotificationsInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { nullable: true, description: "The provider's webhook id (default: the instance's configured one, else every webhook)." }) webhookId?: string | null;
}

@InputType({ description: 'A shared contact card.' })
export class SharedContactInput {
  @Field(() => String, { description: 'The name shown.' }) name!: string;
  @Field(() => [String], { description: 'Phone numbers (any common format).' }) phones!: string[];
}

@InputType({ description: 'Share contact cards.' })
export class SendContactInput extends SendInputBase {
  @Field(() => [SharedContactInput]) contacts!: SharedContactInput[];
}

@InputType({ description: 'A row of a list message.' })
export class ListRowInput {
  @Field(() => String, { description: 'Your id for the row, returned when the user picks it.' }) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType({ description: 'A section of a list message.' })
export class ListSectionInput {
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => [ListRowInput]) rows!: ListRowInput[];
}

@InputType({ description: 'A list message: a button that opens sections of rows.' })
export class SendListInput extends SendInputBase {
  @Field(() => String) body!: string;
  @Field(() => String, { description: 'The text of the button that opens the list.' }) buttonText!: string;
  @Field(() => [ListSectionInput]) sections!: ListSectionInput[];
  @Field(() => String, { nullable: true, description: 'Header text.' }) header?: string | null;
  @Field(() => String, { nullable: true }) footer?: string | null;
}

@InputType({ description: 'Send one catalog product.' })
export class SendProductInput extends SendInputBase {
  @Field(() => String) catalogId!: string;
  @Field(() => String, { description: "The product's retailer id in the catalog." }) productRetailerId!: string;
  @Field(() => String) body!: string;
  @Field(() => String, { nullable: true }) footer?: string | null;
}

@InputType({ description: 'A section of a product list.' })
export class ProductSectionInput {
  @Field(() => String) title!: string;
  @Field(() => [String]) productRetailerIds!: string[];
}

@InputType({ description: 'Send several catalog products, in sections.' })
export class SendProductListInput extends SendInputBase {
  @Field(() => String) catalogId!: string;
  @Field(() => String, { description: 'Header text.' }) header!: string;
  @Field(() => String) body!: string;
  @Field(() => String, { nullable: true }) footer?: string | null;
  @Field(() => [ProductSectionInput]) sections!: ProductSectionInput[];
}

@InputType({ description: 'Send a WhatsApp Flow.' })
export class SendFlowInput extends SendInputBase {
  @Field(() => String) flowId!: string;
  @Field(() => String, { description: 'The button text that opens the flow.' }) flowCta!: string;
  @Field(() => String, { defaultValue: 'navigate', description: '`navigate` or `data_exchange`.' }) flowAction!: string;
  @Field(() => String, { defaultValue: '3' }) flowMessageVersion!: string;
  @Field(() => String, { nullable: true, description: 'The first screen (navigate).' }) screen?: string | null;
  @Field(() => String, { nullable: true, description: 'Header text.' }) headerText?: string | null;
  @Field(() => String) body!: string;
  @Field(() => String, { nullable: true }) footer?: string | null;
  @Field(() => String, { nullable: true }) flowToken?: string | null;
  @Field(() => JSONScalar, { nullable: true, description: 'Initial data for the first screen (a JSON object).' }) data?: Record<string, unknown> | null;
}
