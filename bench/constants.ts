/** The benchmark's one instance (shared by `bench/run.ts` and `bench/server.ts`). */
export const BENCH_INSTANCE = 'zapi-bench';
/** Its webhook secret (a benchmark value, not a credential). */
export const BENCH_SECRET = 'bench-webhook-secret-0123456789';
