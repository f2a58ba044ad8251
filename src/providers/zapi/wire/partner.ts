import type { WireBool, WireNumber } from './common.js';

/**
 * Wire shapes of Z-API's partner (integrator) API (z-api.txt 13462-13791). Every field optional:
 * the graph reads what is there.
 */

/** The body of `POST /instances/integrator/on-demand` (z-api.txt 13530-13560); only the fields the graph sends. */
export interface ZapiCreateInstanceBody {
  name: string;
  sessionName?: string;
  callRejectAuto?: boolean;
  callRejectMessage?: string;
  autoReadMessage?: boolean;
  isDevice?: boolean;
  businessDevice?: boolean;
}

/** The answer of `POST /instances/integrator/on-demand` (z-api.txt 13575-13590): the id, the token (never copied) and the due date. */
export interface ZapiCreatedInstance {
  id?: string | null;
  token?: string | null;
  due?: WireNumber;
}

/** One instance of `GET /instances` (z-api.txt 13740-13765): its token and webhook URLs are never copied. */
export interface ZapiPartnerInstance {
  id?: string | null;
  name?: string | null;
  token?: string | null;
  tenant?: string | null;
  created?: WireNumber;
  due?: WireNumber;
  paymentStatus?: string | null;
  phoneConnected?: WireBool;
  whatsappConnected?: WireBool;
  middleware?: string | null;
}

/** The answer of `GET /instances` (z-api.txt 13735-13767). */
export interface ZapiPartnerInstancePage {
  total?: WireNumber;
  totalPage?: WireNumber;
  pageSize?: WireNumber;
  page?: WireNumber;
  content?: ZapiPartnerInstance[] | null;
}
