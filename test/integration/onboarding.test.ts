import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.js';
import { collect, gql, sandboxConfig, settle, startTestApp, wsClient } from '../helpers/app.js';

/**
 * The onboarding flow of the README ("Connecting a number"), end to end in sandbox mode: the
 * Z-API sandbox instance is disconnected, the frontend shows its QR image (a real PNG), the
 * phone "scans" it (the simulator's control route), and `connectionChanged` says CONNECTED
 * over a real graphql-ws client.
 */
describe('onboarding a number in sandbox mode', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startTestApp(sandboxConfig());
  });
  afterAll(async () => {
    await app?.close();
  });

  const ok = async (query: string) => {
    const res = await gql(app.url, query);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };

  it('disconnected → QR image → scan → connectionChanged CONNECTED', async () => {
    const client = wsClient(app.url);
    const events = collect(client, 'subscription { connectionChanged(instanceId: "zapi-sandbox") { instanceId state } }');
    await settle();
    try {
      // 1. The number is disconnected (the sandbox starts connected: disconnect it, as an operator would).
      const disconnected = await ok('mutation { disconnectInstance(input: {instanceId: "zapi-sandbox"}) { instance { status } } }');
      expect(disconnected.disconnectInstance.instance.status).toBe('DISCONNECTED');
      await events.waitFor((d) => d.connectionChanged.state === 'DISCONNECTED');

      // 2. The frontend shows the QR code: a PNG an <img> can show, valid for about 20 s.
      const shown = await ok('{ instance(id: "zapi-sandbox") { status qrCode { image expiresAt } } }');
      expect(shown.instance.status).toBe('DISCONNECTED');
      const [prefix, base64] = String(shown.instance.qrCode.image).split(',');
      expect(prefix).toBe('data:image/png;base64');
      const png = PNG.sync.read(Buffer.from(base64!, 'base64'));
      expect(png.width).toBe(png.height);
      expect(png.width).toBeGreaterThan(20);
      // black and white modules, not a blank image
      const values = new Set<number>();
      for (let i = 0; i < png.data.length; i += 4) values.add(png.data[i]!);
      expect(values.has(0) && values.has(255)).toBe(true);
      expect(Date.parse(shown.instance.qrCode.expiresAt)).toBeGreaterThan(Date.now());

      // 3. The phone scans it (the simulator's control route stands in for WhatsApp).
      const scan = await fetch(`${app.simulators.zapi!.url}/sim/scan`, { method: 'POST' });
      expect(scan.status).toBe(200);

      // 4. The subscription says CONNECTED; the QR code is gone.
      const connected = await events.waitFor((d) => d.connectionChanged.state === 'CONNECTED');
      expect(connected.connectionChanged).toEqual({ instanceId: 'zapi-sandbox', state: 'CONNECTED' });
      expect(await ok('{ instance(id: "zapi-sandbox") { status qrCode { image } } }')).toEqual({ instance: { status: 'CONNECTED', qrCode: null } });
    } finally {
      events.dispose();
      await client.dispose();
    }
  });

  it('a scan without a QR code shown is refused by the simulator', async () => {
    const res = await fetch(`${app.simulators.zapi!.url}/sim/scan`, { method: 'POST' });
    expect(res.status).toBe(409);
  });
});
