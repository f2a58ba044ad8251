import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

/**
 * Types of account administration (issue 9, item 8): number registration and unbanning, the
 * security e-mail and PIN. Every field and mutation here needs an API key with the `admin`
 * scope. No payload echoes a code, a captcha, a PIN or a token.
 */

/** `RegistrationCodeMethod`. */
export const RegistrationCodeMethodEnum = { SMS: 'SMS', VOICE: 'VOICE', APP: 'APP' } as const;
registerEnumType(RegistrationCodeMethodEnum, {
  name: 'RegistrationCodeMethod',
  description: 'How WhatsApp sends the registration code: SMS, voice call, or a pop-up in the WhatsApp app.',
});

/** `UnbanStatus`. */
export const UnbanStatusEnum = { IN_REVIEW: 'IN_REVIEW', UNBANNED: 'UNBANNED' } as const;
registerEnumType(UnbanStatusEnum, { name: 'UnbanStatus', description: 'WhatsApp is reviewing the request, or the number is unbanned.' });

@ObjectType({ description: 'What a registration step answered (never the code, the PIN or a token); a field the step does not report is null.' })
export class RegistrationPayload {
  @Field(() => ID) instanceId!: string;
  @Field(() => Boolean, { description: 'The step succeeded.' }) ok!: boolean;
  @Field(() => Boolean, { nullable: true, description: 'The number can be registered.' }) available?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'The number is banned: requestUnbanning (the appeal token stays on the server).' }) banned?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Seconds before a new code may be requested.' }) retryAfterSeconds?: number | null;
  @Field(() => Int, { nullable: true }) smsWaitSeconds?: number | null;
  @Field(() => Int, { nullable: true }) voiceWaitSeconds?: number | null;
  @Field(() => Int, { nullable: true }) appWaitSeconds?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'The APP method may be used.' }) appEligible?: boolean | null;
  @Field(() => String, { nullable: true, description: 'A captcha image (data URI) to answer with respondRegistrationCaptcha before the code is sent.' }) captchaImage?:
    string | null;
  @Field(() => String, { nullable: true, description: "The provider's reason when the step failed." }) reason?: string | null;
}

@ObjectType({ description: 'The result of requestUnbanning.' })
export class UnbanPayload {
  @Field(() => ID) instanceId!: string;
  @Field(() => UnbanStatusEnum) status!: string;
}

@ObjectType({ description: "The account's security settings (the PIN itself is never shown)." })
export class AccountSecurity {
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => Boolean, { nullable: true }) emailVerified?: boolean | null;
  @Field(() => Boolean) hasPin!: boolean;
}

@ObjectType({ description: 'The result of an administration change.' })
export class AdminActionPayload {
  @Field(() => ID) instanceId!: string;
  @Field(() => Boolean) ok!: boolean;
}

@InputType({ description: 'A number to register on the instance.' })
export class RegistrationPhoneInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: 'With its country code, any common format.' }) phone!: string;
}

@InputType({ description: 'Ask WhatsApp for the registration code.' })
export class RequestRegistrationCodeInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: 'The number checked with checkRegistrationAvailability.' }) phone!: string;
  @Field(() => RegistrationCodeMethodEnum, { defaultValue: 'SMS' }) method!: string;
}

@InputType({ description: 'A secret value to hand to the provider (a code, a captcha answer, a PIN): never echoed, never logged.' })
export class AdminSecretInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String) value!: string;
}

@InputType({ description: 'Ask WhatsApp to unban the number (after checkRegistrationAvailability reported the ban).' })
export class RequestUnbanningInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String, { description: 'Why the number should be unbanned, for WhatsApp’s review.' }) description!: string;
}

@InputType({ description: "Set the account's security e-mail (a verification code is sent to it)." })
export class SetSecurityEmailInput {
  @Field(() => ID) instanceId!: string;
  @Field(() => String) email!: string;
}

@InputType({ description: 'The instance to act on.' })
export class AdminInstanceInput {
  @Field(() => ID) instanceId!: string;
}
