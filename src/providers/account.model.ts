import type { Message, Page } from './model.js';

/**
 * Provider-neutral types of running a WhatsApp account from the graph (issue 9): connecting
 * by QR code or pairing code, profile and settings, privacy, contact administration, the
 * send queue, webhook registration and account administration. Kept apart from `model.ts`
 * (the message and chat domain); `contract.ts` ports use them.
 */

/** WhatsApp invalidates a QR code after this many ms (z-api.txt 804-805: "every 20 seconds"). */
export const QR_CODE_LIFETIME_MS = 20_000;

/** A QR code to scan with WhatsApp ("Linked devices"): `image` is a `data:image/png;base64,…` URI; `expiresAt` epoch ms after which WhatsApp refuses it. */
export interface QrCode {
  image: string;
  expiresAt: number;
}

/** Account-wide settings; a null field is left unchanged (update) or not reported (read). */
export interface AccountSettingsInput {
  /** Mark received messages read automatically. */
  autoReadMessages?: boolean | null;
  /** Mark contacts' statuses (stories) viewed automatically. */
  autoReadStatuses?: boolean | null;
  /** Reject incoming calls automatically. */
  rejectCalls?: boolean | null;
  /** The message sent to a caller whose call was rejected. */
  callRejectMessage?: string | null;
}

/** Who may see something: everyone, nobody, my contacts, my contacts except `disallowed`; for the online status, the same audience as the last seen. */
export type PrivacyAudience = 'EVERYONE' | 'NOBODY' | 'CONTACTS' | 'CONTACTS_EXCEPT' | 'SAME_AS_LAST_SEEN';
/** The privacy settings that take an audience. */
export type PrivacySetting = 'LAST_SEEN' | 'PROFILE_PHOTO' | 'ABOUT' | 'GROUP_ADD' | 'ONLINE';
/** The default lifetime of messages in new one-to-one chats. */
export type DefaultMessageDuration = 'OFF' | 'HOURS_24' | 'DAYS_7' | 'DAYS_90';

/** The privacy settings as the provider reports them; a field the provider does not report is null, never invented. */
export interface PrivacySettings {
  lastSeen: PrivacyAudience | null;
  profilePhoto: PrivacyAudience | null;
  about: PrivacyAudience | null;
  groupAdd: PrivacyAudience | null;
  online: PrivacyAudience | null;
  readReceipts: boolean | null;
  defaultMessageDuration: DefaultMessageDuration | null;
  /** The contacts excluded ("my contacts except…") per setting (international digits); `[]` when none. */
  disallowedContacts: { lastSeen: string[]; profilePhoto: string[]; about: string[]; groupAdd: string[] };
}

/** Changes to the privacy settings: only the non-null fields are sent, one request each. */
export interface PrivacyChange {
  setting: PrivacySetting;
  audience: PrivacyAudience;
  /** With `CONTACTS_EXCEPT`: phones (international digits) to add to / remove from the setting's exception list. */
  addDisallowed?: string[];
  removeDisallowed?: string[];
}

/** A whole privacy update: per-setting audiences, read receipts and default message duration. */
export interface PrivacyInput {
  audiences: PrivacyChange[];
  readReceipts?: boolean | null;
  defaultMessageDuration?: DefaultMessageDuration | null;
}

/** A contact to save in the account's address book. */
export interface NewContact {
  phone: string;
  firstName: string;
  lastName?: string | null;
}

/** The send queue's page: messages not sent yet (status `PENDING`) and how many wait in all. */
export interface QueuePage extends Page<Message> {
  count: number;
}

/** What a webhook registration did: which provider settings now point at the graph. */
export interface WebhookRegistration {
  /** The provider's names of the webhooks set (`received`, `delivery`, …) or the settings changed (`notifySentByMe`). */
  registered: string[];
  /** Whether anything had to change (false: already registered, nothing sent but the reads). */
  changed: boolean;
}

/** How WhatsApp sends a registration code: SMS, a voice call, or a pop-up in the WhatsApp app on another phone. */
export type RegistrationCodeMethod = 'SMS' | 'VOICE' | 'APP';

/**
 * A step of registering a number on a mobile instance (or recovering it): check availability,
 * request the code, answer the captcha, confirm the code, confirm the PIN, recover the PIN.
 * Codes, captchas and PINs are secrets: never logged, never returned.
 */
export type RegistrationStep =
  | { step: 'CHECK_AVAILABILITY'; phone: string }
  | { step: 'REQUEST_CODE'; phone: string; method: RegistrationCodeMethod }
  | { step: 'RESPOND_CAPTCHA'; captcha: string }
  | { step: 'CONFIRM_CODE'; code: string }
  | { step: 'CONFIRM_PIN'; pin: string }
  | { step: 'RECOVER_PIN' };

/** What a registration step answered; a field the step does not report is null. Never carries a code, a PIN or a token. */
export interface RegistrationResult {
  /** The step succeeded (the code was sent, the code or PIN confirmed…). */
  ok: boolean;
  /** The number can be registered (availability check). */
  available: boolean | null;
  /** The number is banned: request unbanning (the provider's appeal token is kept by the server, never shown). */
  banned: boolean | null;
  /** Seconds to wait before asking for a code again, in all and per method. */
  retryAfterSeconds: number | null;
  smsWaitSeconds: number | null;
  voiceWaitSeconds: number | null;
  appWaitSeconds: number | null;
  /** Whether the in-app pop-up method may be used. */
  appEligible: boolean | null;
  /** A captcha image (data URI) to answer before the code is sent. */
  captchaImage: string | null;
  /** The provider's reason when the step failed. */
  reason: string | null;
}

/** The state of an unbanning request. */
export type UnbanStatus = 'IN_REVIEW' | 'UNBANNED';

/** The account's security settings: the e-mail (not a secret) and whether a PIN is set (the PIN itself never). */
export interface AccountSecurity {
  email: string | null;
  emailVerified: boolean | null;
  hasPin: boolean;
}

/** A change to the account's security: set, verify or remove the e-mail; set or remove the PIN. */
export type SecurityChange =
  { action: 'SET_EMAIL'; email: string } | { action: 'VERIFY_EMAIL'; code: string } | { action: 'REMOVE_EMAIL' } | { action: 'SET_PIN'; pin: string } | { action: 'REMOVE_PIN' };

// ---------------------------------------------------------------------------------------
// The partner (integrator) API: instances of the deployment's provider account
// ---------------------------------------------------------------------------------------

/** How an instance at the provider runs WhatsApp: a web session (linked device) or a mobile registration. */
export type ProviderInstanceDevice = 'WEB' | 'MOBILE';

/**
 * One instance of the deployment's account at its provider, as the partner API lists it. Its
 * credentials (the instance token) and its webhook URLs are never copied here.
 */
export interface ProviderAccount {
  /** The provider's instance id. */
  id: string;
  name: string | null;
  /** Epoch ms, null when not reported. */
  createdAt: number | null;
  /** Epoch ms at which the instance expires (end of the trial, or of the paid period). */
  dueAt: number | null;
  /** The provider's payment status as it spells it, null when not reported. */
  paymentStatus: string | null;
  phoneConnected: boolean | null;
  whatsappConnected: boolean | null;
  device: ProviderInstanceDevice | null;
  /** The graph's id of the configured instance that is this provider instance, or null when none is. */
  configuredInstanceId: string | null;
}

/** What to list: `page` from 1, `pageSize` items per page; `search` by instance name or id; `device` to keep one kind. */
export interface ProviderAccountQuery {
  page: number;
  pageSize: number;
  search?: string | null;
  device?: ProviderInstanceDevice | null;
}

/** One page of {@link ProviderAccount}: `total` instances in `totalPages` pages (null when not reported). */
export interface ProviderAccountPage {
  items: ProviderAccount[];
  page: number;
  pageSize: number;
  total: number | null;
  totalPages: number | null;
  hasNextPage: boolean;
}

/** A new instance to create at the provider (its settings as the provider documents them; webhooks are registered by the graph once the instance is configured). */
export interface NewProviderInstance {
  name: string;
  /** The session name WhatsApp shows among the connected devices. */
  sessionName?: string | null;
  rejectCalls?: boolean | null;
  rejectCallMessage?: string | null;
  autoReadMessages?: boolean | null;
  device?: ProviderInstanceDevice | null;
  /** Run the WhatsApp Business app rather than the standard one. */
  business?: boolean | null;
}

/** The created instance: its provider id, its name and when its trial ends (epoch ms, null when not reported). Never its token. */
export interface CreatedProviderInstance {
  id: string;
  name: string;
  dueAt: number | null;
}
