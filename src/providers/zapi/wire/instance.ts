import type { WireBool, WireNumber } from './common.js';

/** Z-API's instance shapes (z-api.txt 831-990). */

/** `GET /status` (z-api.txt 831-859): `error` explains a false attribute ("You are not connected."). */
export interface ZapiStatus {
  connected: WireBool;
  error?: string | null;
  smartphoneConnected?: WireBool;
}

/** `GET /me` (z-api.txt 946-990). `token` is the instance token: never copied anywhere. */
export interface ZapiMe {
  id?: string;
  token?: string;
  name?: string | null;
  /** "Timestamp with the instance expiration date (unix timestamp)". */
  due?: WireNumber;
  connected?: WireBool;
  paymentStatus?: string | null;
  created?: string | number | null;
  connectedCallbackUrl?: string | null;
  deliveryCallbackUrl?: string | null;
  disconnectedCallbackUrl?: string | null;
  messageStatusCallbackUrl?: string | null;
  presenceChatCallbackUrl?: string | null;
  receivedCallbackUrl?: string | null;
  receiveCallbackSentByMe?: WireBool;
  callRejectAuto?: WireBool;
  callRejectMessage?: string | null;
  autoReadMessage?: WireBool;
  initialDataCallbackUrl?: string | null;
}

/** `GET /device` (z-api.txt 861-897); `originalDevice` is one of `iphone`, `smbi`, `android`, `smba`. */
export interface ZapiDevice {
  phone?: string | null;
  imgUrl?: string | null;
  name?: string | null;
  device?: { sessionName?: string | null; device_model?: string | null } | null;
  originalDevice?: string | null;
  sessionId?: WireNumber;
  isBusiness?: WireBool;
}
