import { describe, expect, it } from 'vitest';
import { GraphError } from '../../../src/errors.js';
import { entryError, mapZivoError, ZIVO_ERROR_TABLE } from '../../../src/providers/zivo/errors.js';
import { dlrStatus, entryCode, toInstanceStatus, toMessageItem, toMessageStatus, toMobile, toSentMessage } from '../../../src/providers/zivo/mapping.js';

describe('zivo mapping', () => {
  it('accepts only international digits for mobile (the resolver normalises 07… with KE)', () => {
    expect(toMobile('254712345678')).toBe('254712345678');
    for (const bad of ['0712 345 678', '+254712345678', '07123', 'abc']) {
      expect(() => toMobile(bad, 'input.messages[2].to')).toThrow(GraphError);
      try {
        toMobile(bad, 'input.messages[2].to');
      } catch (e) {
        expect((e as GraphError).extensions.field).toBe('input.messages[2].to');
      }
    }
  });

  it('maps clientReference to clientwhatsappid and omits it when absent', () => {
    expect(toMessageItem({ to: '254700000000', text: 'Hi', clientReference: 'order-1001' })).toEqual({ mobile: '254700000000', message: 'Hi', clientwhatsappid: 'order-1001' });
    expect(toMessageItem({ to: '254700000000', text: 'Hi' })).toEqual({ mobile: '254700000000', message: 'Hi' });
    expect(() => toMessageItem({ to: '254700000000', text: '  ' })).toThrow(/input.text/);
  });

  it("reads response-code, falling back to the doc's misspelled respose-code (zivo.txt 47-48)", () => {
    expect(entryCode({ 'response-code': 201 })).toBe(201);
    expect(entryCode({ 'respose-code': 422 })).toBe(422);
    expect(entryCode({ 'response-code': 200, 'respose-code': 422 })).toBe(200);
  });

  it('builds a SentMessage from the documented response example', () => {
    const entry = {
      'response-code': 200,
      'respose-code': 200,
      'response-description': 'Success',
      mobile: '254700000000',
      messageid: '88421',
      provider_message_id: 'wamid.xxx',
      networkid: 'whatsapp',
      channel: 'whatsapp',
      status: 'sent',
    };
    expect(toSentMessage(entry, { mobile: '254700000000', message: 'Hello', clientwhatsappid: 'order-1001' }, 1000)).toEqual({
      id: '88421',
      providerId: 'wamid.xxx',
      chatId: '254700000000',
      status: 'SENT',
      timestamp: 1000,
      content: { kind: 'text', body: 'Hello' },
      clientReference: 'order-1001',
    });
  });

  it('maps the documented error table (zivo.txt 108-114) without echoing Zivo text', () => {
    expect(mapZivoError(401, {})?.code).toBe('PROVIDER_UNAUTHORIZED');
    expect(mapZivoError(404, {})?.code).toBe('NOT_FOUND');
    expect(mapZivoError(400, { 'response-description': 'secret body text' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(mapZivoError(400, { 'response-description': 'secret body text' })?.message).not.toContain('secret');
    const m422 = mapZivoError(422, { 'response-description': 'Required field missing or invalid: mobile. You sent "Hello my secret"' });
    expect(m422?.code).toBe('BAD_USER_INPUT');
    expect(m422?.message).toContain('(mobile)');
    expect(m422?.message).not.toContain('secret');
    expect(mapZivoError(429, {})).toBeUndefined();
    expect(mapZivoError(500, {})).toBeUndefined();
    expect(Object.keys(ZIVO_ERROR_TABLE).sort()).toEqual(['400', '401', '404', '422']);
    expect(entryError({ 'response-code': 422, 'response-description': 'Required field missing or invalid: mobile' })).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'zivo: a required field is missing or invalid (mobile)',
    });
  });

  it('maps delivery-report statuses, flat or wrapped', () => {
    expect(toMessageStatus('sent')).toBe('SENT');
    expect(toMessageStatus('Delivered')).toBe('DELIVERED');
    expect(toMessageStatus('read')).toBe('READ');
    expect(toMessageStatus('failed')).toBe('FAILED');
    expect(toMessageStatus('mystery')).toBeNull();
    expect(dlrStatus({ status: 'delivered' })).toBe('DELIVERED');
    expect(dlrStatus({ responses: [{ status: 'read' }] })).toBe('READ');
    expect(dlrStatus(null)).toBeNull();
  });

  it('maps the account answer to InstanceStatus with the balance', () => {
    expect(toInstanceStatus({ whatsapp_enabled: true, balance: '12.5' })).toEqual({ state: 'CONNECTED', phoneConnected: null, detail: null, balance: 12.5 });
    expect(toInstanceStatus({ whatsapp_enabled: false })).toMatchObject({ state: 'DISCONNECTED', balance: null });
    expect(toInstanceStatus({})).toMatchObject({ state: 'UNKNOWN' });
  });
});
