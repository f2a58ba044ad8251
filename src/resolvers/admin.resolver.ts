import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphContext } from '../context.js';
import type { InstanceEntry } from '../instances.js';
import { badInput } from '../errors.js';
import type { AccountSecurity as AccountSecurityModel, RegistrationCodeMethod, RegistrationStep, SecurityChange } from '../providers/account.model.js';
import { checkLength } from '../providers/limits.js';
import {
  AccountSecurity,
  AdminActionPayload,
  AdminInstanceInput,
  AdminSecretInput,
  RegistrationPayload,
  RegistrationPhoneInput,
  RequestRegistrationCodeInput,
  RequestUnbanningInput,
  SetSecurityEmailInput,
  UnbanPayload,
} from '../schema/admin.types.js';
import { Instance } from '../schema/instance.types.js';
import type { InstanceRoot } from './instance.resolver.js';
import { Requires, instanceCall, portCall } from './instance-call.js';
import { recipientOf } from './phone.js';

/** Longest unbanning description. */
export const MAX_UNBAN_DESCRIPTION_LENGTH = 1000;

/**
 * A registration code, captcha answer or PIN: 1 to 32 letters or digits. The message never
 * quotes the value.
 * @throws GraphError BAD_USER_INPUT (`input.value`)
 */
function secretValue(value: string, pinOnly = false): string {
  const ok = pinOnly ? /^\d{6}$/.test(value) : /^[A-Za-z0-9-]{1,32}$/.test(value);
  if (!ok) throw badInput('input.value', pinOnly ? 'must be 6 digits' : 'must be 1 to 32 letters or digits');
  return value;
}

/**
 * Account administration (issue 9, item 8): registering the number, unbanning it, the security
 * e-mail and PIN. Every field needs the `admin` key scope (`CAPABILITY_SCOPES`); no payload
 * echoes a code, captcha, PIN or token.
 */
@Resolver(() => Instance)
export class AdminResolver {
  @FieldResolver(() => AccountSecurity, { nullable: true, description: "The account's security e-mail and whether a PIN is set (admin scope)." })
  @Requires('ACCOUNT_SECURITY')
  async accountSecurity(@Root() root: InstanceRoot): Promise<AccountSecurityModel> {
    return portCall(root.entry, 'ACCOUNT_SECURITY')();
  }

  @Mutation(() => RegistrationPayload, { description: 'Registration, step 1: whether the number can be registered on this instance, or is banned (admin scope).' })
  @Requires('MOBILE_REGISTRATION')
  async checkRegistrationAvailability(@Arg('input', () => RegistrationPhoneInput) input: RegistrationPhoneInput, @Ctx() ctx: GraphContext): Promise<RegistrationPayload> {
    return this.step(ctx, input.instanceId, (entry) => ({ step: 'CHECK_AVAILABILITY', phone: this.phone(recipientOf(entry, input.phone, 'input.phone')) }));
  }

  @Mutation(() => RegistrationPayload, { description: 'Registration, step 2: WhatsApp sends the code by SMS, voice call or app pop-up (admin scope).' })
  @Requires('MOBILE_REGISTRATION')
  async requestRegistrationCode(@Arg('input', () => RequestRegistrationCodeInput) input: RequestRegistrationCodeInput, @Ctx() ctx: GraphContext): Promise<RegistrationPayload> {
    return this.step(ctx, input.instanceId, (entry) => ({
      step: 'REQUEST_CODE',
      phone: this.phone(recipientOf(entry, input.phone, 'input.phone')),
      method: input.method as RegistrationCodeMethod,
    }));
  }

  @Mutation(() => RegistrationPayload, { description: 'Registration: answers the captcha of requestRegistrationCode (admin scope).' })
  @Requires('MOBILE_REGISTRATION')
  async respondRegistrationCaptcha(@Arg('input', () => AdminSecretInput) input: AdminSecretInput, @Ctx() ctx: GraphContext): Promise<RegistrationPayload> {
    return this.step(ctx, input.instanceId, () => ({ step: 'RESPOND_CAPTCHA', captcha: secretValue(input.value) }));
  }

  @Mutation(() => RegistrationPayload, { description: 'Registration, step 3: confirms the code WhatsApp sent (admin scope).' })
  @Requires('MOBILE_REGISTRATION')
  async confirmRegistrationCode(@Arg('input', () => AdminSecretInput) input: AdminSecretInput, @Ctx() ctx: GraphContext): Promise<RegistrationPayload> {
    return this.step(ctx, input.instanceId, () => ({ step: 'CONFIRM_CODE', code: secretValue(input.value) }));
  }

  @Mutation(() => RegistrationPayload, { description: "Registration: confirms the account's PIN when WhatsApp asks for it (admin scope)." })
  @Requires('MOBILE_REGISTRATION')
  async confirmRegistrationPin(@Arg('input', () => AdminSecretInput) input: AdminSecretInput, @Ctx() ctx: GraphContext): Promise<RegistrationPayload> {
    return this.step(ctx, input.instanceId, () => ({ step: 'CONFIRM_PIN', pin: secretValue(input.value, true) }));
  }

  @Mutation(() => RegistrationPayload, { description: "Registration: asks WhatsApp to recover the account's forgotten PIN (admin scope)." })
  @Requires('MOBILE_REGISTRATION')
  async recoverRegistrationPin(@Arg('input', () => AdminInstanceInput) input: AdminInstanceInput, @Ctx() ctx: GraphContext): Promise<RegistrationPayload> {
    return this.step(ctx, input.instanceId, () => ({ step: 'RECOVER_PIN' }));
  }

  @Mutation(() => UnbanPayload, { description: 'Asks WhatsApp to unban the number checkRegistrationAvailability reported banned (admin scope).' })
  @Requires('UNBAN_NUMBER')
  async requestUnbanning(@Arg('input', () => RequestUnbanningInput) input: RequestUnbanningInput, @Ctx() ctx: GraphContext): Promise<UnbanPayload> {
    const { call } = instanceCall(ctx, input.instanceId, 'UNBAN_NUMBER');
    checkLength(input.description, 'input.description', MAX_UNBAN_DESCRIPTION_LENGTH, 1);
    return { instanceId: input.instanceId, status: await call(input.description) };
  }

  @Mutation(() => AdminActionPayload, { description: "Sets the account's security e-mail; confirm it with verifySecurityEmail (admin scope)." })
  @Requires('UPDATE_ACCOUNT_SECURITY')
  async setSecurityEmail(@Arg('input', () => SetSecurityEmailInput) input: SetSecurityEmailInput, @Ctx() ctx: GraphContext): Promise<AdminActionPayload> {
    return this.security(ctx, input.instanceId, () => {
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email) || input.email.length > 254) throw badInput('input.email', 'must be an e-mail address');
      return { action: 'SET_EMAIL', email: input.email };
    });
  }

  @Mutation(() => AdminActionPayload, { description: 'Confirms the security e-mail with the code sent to it (admin scope).' })
  @Requires('UPDATE_ACCOUNT_SECURITY')
  async verifySecurityEmail(@Arg('input', () => AdminSecretInput) input: AdminSecretInput, @Ctx() ctx: GraphContext): Promise<AdminActionPayload> {
    return this.security(ctx, input.instanceId, () => ({ action: 'VERIFY_EMAIL', code: secretValue(input.value) }));
  }

  @Mutation(() => AdminActionPayload, { description: 'Removes the security e-mail (admin scope).' })
  @Requires('UPDATE_ACCOUNT_SECURITY')
  async removeSecurityEmail(@Arg('input', () => AdminInstanceInput) input: AdminInstanceInput, @Ctx() ctx: GraphContext): Promise<AdminActionPayload> {
    return this.security(ctx, input.instanceId, () => ({ action: 'REMOVE_EMAIL' }));
  }

  @Mutation(() => AdminActionPayload, { description: "Sets the account's 6-digit security PIN (two-step verification; admin scope)." })
  @Requires('UPDATE_ACCOUNT_SECURITY')
  async setSecurityPin(@Arg('input', () => AdminSecretInput) input: AdminSecretInput, @Ctx() ctx: GraphContext): Promise<AdminActionPayload> {
    return this.security(ctx, input.instanceId, () => ({ action: 'SET_PIN', pin: secretValue(input.value, true) }));
  }

  @Mutation(() => AdminActionPayload, { description: 'Removes the security PIN (admin scope).' })
  @Requires('UPDATE_ACCOUNT_SECURITY')
  async removeSecurityPin(@Arg('input', () => AdminInstanceInput) input: AdminInstanceInput, @Ctx() ctx: GraphContext): Promise<AdminActionPayload> {
    return this.security(ctx, input.instanceId, () => ({ action: 'REMOVE_PIN' }));
  }

  /** A registration number: a phone, not a group id. @throws GraphError BAD_USER_INPUT (`input.phone`) */
  private phone(value: string): string {
    if (!/^\d+$/.test(value)) throw badInput('input.phone', 'must be a phone number');
    return value;
  }

  /** Runs one registration step, built (and its input checked) once the instance and capability are. */
  private async step(ctx: GraphContext, instanceId: string, build: (entry: InstanceEntry) => RegistrationStep): Promise<RegistrationPayload> {
    const { entry, call } = instanceCall(ctx, instanceId, 'MOBILE_REGISTRATION');
    return { instanceId, ...(await call(build(entry))) };
  }

  /** Applies one security change, built (and its input checked) once the instance and capability are. */
  private async security(ctx: GraphContext, instanceId: string, build: () => SecurityChange): Promise<AdminActionPayload> {
    const { call } = instanceCall(ctx, instanceId, 'UPDATE_ACCOUNT_SECURITY');
    await call(build());
    return { instanceId, ok: true };
  }
}
