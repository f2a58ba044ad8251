import 'reflect-metadata';
import { startApp } from '../src/app.js';
for (const jit of [true, false]) {
const app = await startApp({ port: 0, sandbox: true, instances: [], events: { retentionMs: 1000, maxLength: 10 }, source: 'x', auth: { apiKeys: [{ key: 'k-read-only-xyz', instances: ['zapi-sandbox'], scopes: ['read'] }] } } as never, { host: '127.0.0.1', graphqlJit: jit, logger: (await import('../src/logger.js')).createLogger('silent') });
for (const [q, v] of [['{ instance(id: "ivosights-sandbox") { id } }', undefined], ['mutation($i: ID!) { sendText(input: {instanceId: $i, to: "+55 11 98765-4321", text: "hi"}) { message { id } } }', { i: 'zapi-sandbox' }]] as const) {
const r = await fetch(app.url + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer k-read-only-xyz' }, body: JSON.stringify({ query: q, variables: v }) });
console.log(jit, r.status, await r.text());
}
await app.close();
}
