import { createUnionType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { TemplateButton, TemplateComponent } from '../providers/model.js';
import { DateTimeScalar, JSONScalar } from './scalars.js';
import { SendInputBase } from './send.inputs.js';
import { Node } from './node.types.js';

/**
 * WhatsApp message templates (`MessageTemplate`, DESIGN.md "The graph"): the shapes of
 * `providers/model.ts` (`MessageTemplate`, `TemplateComponent`, `TemplateButton`) and the
 * inputs of createTemplate / updateTemplate / proposeTemplate / sendTemplate. No logic here.
 */

/** Which templates `Instance.templates` lists. */
export const TemplateScopeEnum = { MINE: 'MINE', ALL: 'ALL' } as const;
registerEnumType(TemplateScopeEnum, { name: 'TemplateScope', description: 'MINE: templates assigned to this account; ALL: every template available to it.' });

/** A template header's format. */
export const TemplateHeaderFormatEnum = { TEXT: 'TEXT', IMAGE: 'IMAGE', VIDEO: 'VIDEO', DOCUMENT: 'DOCUMENT', LOCATION: 'LOCATION' } as const;
registerEnumType(TemplateHeaderFormatEnum, { name: 'TemplateHeaderFormat', description: 'Text or a media kind.' });

/** A template button's kind, as created. */
export const TemplateButtonTypeEnum = { URL: 'URL', PHONE_NUMBER: 'PHONE_NUMBER', OTP: 'OTP' } as const;
registerEnumType(TemplateButtonTypeEnum, {
  name: 'TemplateButtonType',
  description: 'A link (dynamic when its URL holds {{1}}), a call button, or a one-time-password button (AUTHENTICATION templates).',
});

/** Which component of a template a send fills. */
export const TemplateComponentTypeEnum = { HEADER: 'HEADER', BODY: 'BODY', BUTTON: 'BUTTON' } as const;
registerEnumType(TemplateComponentTypeEnum, { name: 'TemplateComponentType', description: 'The template component whose placeholders a send fills.' });

/** The kind of one placeholder value. */
export const TemplateParameterTypeEnum = { TEXT: 'TEXT', IMAGE: 'IMAGE', VIDEO: 'VIDEO', DOCUMENT: 'DOCUMENT', ACTION: 'ACTION' } as const;
registerEnumType(TemplateParameterTypeEnum, { name: 'TemplateParameterType', description: 'Text, header media by URL, or a flow action (flow token).' });

// --- buttons ---------------------------------------------------------------------------

@ObjectType({ description: 'A link button; `dynamic` when the URL ends in a {{1}} placeholder filled at send time.' })
export class TemplateUrlButton {
  @Field(() => String) text!: string;
  @Field(() => String) url!: string;
  @Field(() => Boolean) dynamic!: boolean;
  @Field(() => [String], { description: 'Sample values of the dynamic part.' }) examples!: string[];
}

@ObjectType({ description: 'A call button.' })
export class TemplatePhoneButton {
  @Field(() => String) text!: string;
  @Field(() => String, { description: 'The number as the provider gives it (international format).' }) phoneNumber!: string;
  @Field(() => String, { nullable: true, description: 'The dial code, when given apart (`+62`).' }) countryCode?: string | null;
}

@ObjectType({ description: 'A one-time-password button of an AUTHENTICATION template.' })
export class TemplateOtpButton {
  @Field(() => String, { description: '`COPY_CODE`, …' }) otpType!: string;
  @Field(() => String) text!: string;
}

@ObjectType({ description: 'A button kind not typed yet, with its raw JSON.' })
export class TemplateOtherButton {
  @Field(() => String) providerType!: string;
  @Field(() => String, { nullable: true }) text?: string | null;
  @Field(() => JSONScalar) raw!: unknown;
}

const BUTTON_CLASSES: Record<TemplateButton['type'], { name: string }> = {
  URL: TemplateUrlButton,
  PHONE_NUMBER: TemplatePhoneButton,
  OTP: TemplateOtpButton,
  OTHER: TemplateOtherButton,
};

/** One template button. */
export const TemplateButtonUnion = createUnionType({
  name: 'TemplateButton',
  description: 'A template button: link, call, one-time password, or another kind with its raw JSON.',
  types: () => [TemplateUrlButton, TemplatePhoneButton, TemplateOtpButton, TemplateOtherButton] as const,
  resolveType: (value) => BUTTON_CLASSES[(value as TemplateButton).type]?.name ?? 'TemplateOtherButton',
});

// --- components ------------------------------------------------------------------------

@ObjectType({ description: 'The header: text (may hold {{1}}) or a media kind.' })
export class TemplateHeaderComponent {
  @Field(() => TemplateHeaderFormatEnum) format!: string;
  @Field(() => String, { nullable: true }) text?: string | null;
  @Field(() => [String], { description: 'Sample values, or a sample media URL.' }) examples!: string[];
  @Field(() => [String], { description: 'The placeholders to fill (`{{1}}`).' }) parameterNames!: string[];
}

@ObjectType({ description: 'The body text with {{n}} placeholders.' })
export class TemplateBodyComponent {
  @Field(() => String) text!: string;
  @Field(() => [String], { description: 'Sample values.' }) examples!: string[];
  @Field(() => [String], { description: 'The placeholders to fill (`{{1}}`).' }) parameterNames!: string[];
}

@ObjectType({ description: 'The footer (static text).' })
export class TemplateFooterComponent {
  @Field(() => String) text!: string;
}

@ObjectType({ description: 'The buttons.' })
export class TemplateButtonsComponent {
  @Field(() => [TemplateButtonUnion]) buttons!: TemplateButton[];
}

@ObjectType({ description: 'AUTHENTICATION template settings.' })
export class TemplateOtpSettingsComponent {
  @Field(() => Boolean, { nullable: true, description: 'Adds the "do not share this code" line.' }) addSecurityRecommendation?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Minutes the code stays valid.' }) codeExpirationMinutes?: number | null;
}

@ObjectType({ description: 'A component kind not typed yet, with its raw JSON.' })
export class TemplateOtherComponent {
  @Field(() => String) providerType!: string;
  @Field(() => JSONScalar) raw!: unknown;
}

const COMPONENT_CLASSES: Record<TemplateComponent['type'], { name: string }> = {
  HEADER: TemplateHeaderComponent,
  BODY: TemplateBodyComponent,
  FOOTER: TemplateFooterComponent,
  BUTTONS: TemplateButtonsComponent,
  OTP_SETTINGS: TemplateOtpSettingsComponent,
  OTHER: TemplateOtherComponent,
};

/** One template component. */
export const TemplateComponentUnion = createUnionType({
  name: 'TemplateComponent',
  description: 'A part of a template: header, body, footer, buttons, OTP settings, or another kind with its raw JSON.',
  types: () => [TemplateHeaderComponent, TemplateBodyComponent, TemplateFooterComponent, TemplateButtonsComponent, TemplateOtpSettingsComponent, TemplateOtherComponent] as const,
  resolveType: (value) => COMPONENT_CLASSES[(value as TemplateComponent).type]?.name ?? 'TemplateOtherComponent',
});

@ObjectType({ implements: Node, description: 'A WhatsApp message template, sent with `sendTemplate` once approved.' })
export class MessageTemplate {
  /** The provider's template id (served as `templateId`; the GraphQL `id` is global, resolvers/node-ids.ts). */
  @Field(() => ID) id!: string;
  /** The template's instance (set by the resolvers). */
  instanceId?: string;
  @Field(() => String) label!: string;
  @Field(() => String, { nullable: true, description: "WhatsApp's template name." }) name?: string | null;
  @Field(() => String, { nullable: true, description: "WhatsApp's own template id." }) whatsappTemplateId?: string | null;
  @Field(() => String, { description: 'Review status, upper-cased (`APPROVED`, `SUBMITTED`, `DRAFT`, `REJECTED`…).' }) status!: string;
  @Field(() => String, { description: 'Category id (`UTILITY`, `MARKETING`, `AUTHENTICATION`…).' }) category!: string;
  @Field(() => String, { description: 'Language code (`id`, `en_US`…).' }) language!: string;
  @Field(() => [TemplateComponentUnion]) components!: TemplateComponent[];
  @Field(() => DateTimeScalar, { nullable: true }) createdAt?: number | null;
  @Field(() => DateTimeScalar, { nullable: true }) updatedAt?: number | null;
}

@ObjectType({ description: 'A template category or language: the id to use and its display name.' })
export class TemplateOption {
  @Field(() => String) id!: string;
  @Field(() => String) name!: string;
}

// --- inputs ----------------------------------------------------------------------------

@InputType({ description: 'A template header.' })
export class TemplateHeaderInput {
  @Field(() => TemplateHeaderFormatEnum) format!: 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION';
  @Field(() => String, { nullable: true, description: 'TEXT headers: the text (may hold {{1}}).' }) text?: string | null;
  @Field(() => [String], { nullable: true, description: 'Sample values for the placeholders, or (media headers) a sample media URL.' }) examples?: string[] | null;
}

@InputType({ description: 'A template body.' })
export class TemplateBodyInput {
  @Field(() => String, { description: 'The text with {{1}}, {{2}}… placeholders.' }) text!: string;
  @Field(() => [String], { nullable: true, description: 'Sample values for the placeholders.' }) examples?: string[] | null;
}

@InputType({ description: 'A template button.' })
export class TemplateButtonInput {
  @Field(() => TemplateButtonTypeEnum) type!: 'URL' | 'PHONE_NUMBER' | 'OTP';
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true, description: 'URL buttons; a {{1}} at the end makes it dynamic.' }) url?: string | null;
  @Field(() => [String], { nullable: true, description: 'Dynamic URL buttons: sample values.' }) examples?: string[] | null;
  @Field(() => String, { nullable: true, description: 'PHONE_NUMBER buttons.' }) phoneNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'PHONE_NUMBER buttons: the dial code (`+62`).' }) countryCode?: string | null;
  @Field(() => String, { nullable: true, description: 'OTP buttons: `COPY_CODE`, …' }) otpType?: string | null;
}

@InputType({ description: 'A template definition.' })
export class TemplateDefinitionInput {
  @Field(() => String) label!: string;
  @Field(() => String, { description: 'A category id (see `Instance.templateCategories`).' }) category!: string;
  @Field(() => String, { description: 'A language id (see `Instance.templateLanguages`).' }) language!: string;
  @Field(() => Boolean, { defaultValue: false, description: 'Submit it for WhatsApp review right away.' }) propose!: boolean;
  @Field(() => TemplateHeaderInput, { nullable: true }) header?: TemplateHeaderInput | null;
  @Field(() => TemplateBodyInput, { nullable: true, description: 'Required except for AUTHENTICATION templates.' }) body?: TemplateBodyInput | null;
  @Field(() => String, { nullable: true }) footer?: string | null;
  @Field(() => [TemplateButtonInput], { nullable: true }) buttons?: TemplateButtonInput[] | null;
  @Field(() => Boolean, { nullable: true, description: 'AUTHENTICATION templates.' }) addSecurityRecommendation?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'AUTHENTICATION templates: minutes the code stays valid.' }) codeExpirationMinutes?: number | null;
}

@InputType({ description: 'Create a template.' })
export class CreateTemplateInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => TemplateDefinitionInput) template!: TemplateDefinitionInput;
}

@InputType({ description: "Replace a template's definition." })
export class UpdateTemplateInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String) templateId!: string;
  @Field(() => TemplateDefinitionInput) template!: TemplateDefinitionInput;
}

@InputType({ description: 'Submit a template for WhatsApp review.' })
export class ProposeTemplateInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String) templateId!: string;
}

@ObjectType({ description: 'The result of createTemplate / updateTemplate.' })
export class TemplatePayload {
  @Field(() => MessageTemplate, { nullable: true, description: 'The template as the provider now shows it (null when it does not answer with it).' })
  template?: MessageTemplate | null;
}

@ObjectType({ description: 'The result of proposeTemplate.' })
export class ProposeTemplatePayload {
  @Field(() => String) templateId!: string;
  @Field(() => Boolean, { description: 'True when the provider accepted the proposal.' }) ok!: boolean;
}

@InputType({ description: 'One placeholder value.' })
export class TemplateParameterInput {
  @Field(() => TemplateParameterTypeEnum) type!: 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'ACTION';
  @Field(() => String, { nullable: true, description: 'TEXT.' }) text?: string | null;
  @Field(() => String, { nullable: true, description: 'IMAGE / VIDEO / DOCUMENT: an http(s) URL.' }) link?: string | null;
  @Field(() => String, { nullable: true, description: 'DOCUMENT: the file name shown.' }) fileName?: string | null;
  @Field(() => String, { nullable: true, description: 'ACTION (flow button): the flow token.' }) flowToken?: string | null;
}

@InputType({ description: 'The values of one template component.' })
export class TemplateComponentInput {
  @Field(() => TemplateComponentTypeEnum) type!: 'HEADER' | 'BODY' | 'BUTTON';
  @Field(() => String, { nullable: true, description: 'BUTTON: `URL`, `FLOW`, `QUICK_REPLY`…' }) subType?: string | null;
  @Field(() => Int, { nullable: true, description: 'BUTTON: the 0-based position of the button.' }) index?: number | null;
  @Field(() => [TemplateParameterInput], { defaultValue: [] }) parameters!: TemplateParameterInput[];
}

@InputType({ description: 'Send an approved template.' })
export class SendTemplateInput extends SendInputBase {
  @Field(() => String) templateId!: string;
  @Field(() => [TemplateComponentInput], { description: 'At least one; `{type: BODY}` alone for a template without placeholders.' }) components!: TemplateComponentInput[];
}
