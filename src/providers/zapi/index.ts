import { z } from 'zod';
import type { ProviderModule } from '../contract.js';
import { createZapiAdapter, ZAPI_DEFAULT_BASE_URL, type ZapiInstanceConfig } from './adapter.js';
import { createZapiPartner, ZAPI_PARTNER_CAPABILITIES, zapiPartnerConfigShape } from './client/partner.js';
import { DOC_OPERATIONS } from './operations.js';
import { ZAPI_SIMULATOR_ACCESS } from './simulator/access.js';
import { startZapiSimulator, ZAPI_SANDBOX_INTEGRATOR_TOKEN } from './simulator/index.js';
import { ZAPI_WEBHOOK_SAMPLES } from './webhooks.js';

export { createZapiAdapter, ZAPI_CAPABILITIES, ZAPI_DEFAULT_BASE_URL, type ZapiInstanceConfig } from './adapter.js';

/** The provider-specific fields of a zapi instance, as config.ts validates them (see {@link ZapiInstanceConfig}). */
export const zapiConfigShape = {
  instanceId: z.string().min(1).describe('the Z-API instance id (part of every request path, z-api.txt "Introduction")'),
  token: z.string().min(1).describe('the instance token (part of every request path)'),
  clientToken: z.string().min(1).optional().describe('the account security token, sent as `Client-Token` (z-api.txt 450-480)'),
  timeoutMs: z.number().int().positive().optional().describe('deadline of one provider request, ms'),
};

/** The Z-API provider module the registry knows (DESIGN.md, "Providers"). */
export const zapiModule: ProviderModule<ZapiInstanceConfig> = {
  kind: 'zapi',
  configShape: zapiConfigShape,
  defaultBaseUrl: ZAPI_DEFAULT_BASE_URL,
  // Z-API is a Brazilian service and its doc writes every phone as a Brazilian number (55…).
  defaultCountry: 'BR',
  create: createZapiAdapter,
  startSimulator: startZapiSimulator,
  title: 'Z-API',
  docSource: 'z-api.txt',
  operations: DOC_OPERATIONS,
  fixtures: 'test/fixtures/zapi',
  // The instance token and the account security token (z-api.txt 450-480); the instance id is
  // part of every URL as well, so it is kept out of errors with the full URL.
  secretFields: ['token', 'clientToken'],
  simulatorAccess: ZAPI_SIMULATOR_ACCESS,
  samples: ZAPI_WEBHOOK_SAMPLES,
  // The partner (integrator) API (z-api.txt 13462-13791): one integrator token per deployment.
  partner: {
    configShape: zapiPartnerConfigShape,
    secretFields: ['token'],
    defaultBaseUrl: ZAPI_DEFAULT_BASE_URL,
    capabilities: ZAPI_PARTNER_CAPABILITIES,
    create: createZapiPartner,
    simulatorConfig: { token: ZAPI_SANDBOX_INTEGRATOR_TOKEN },
  },
};
