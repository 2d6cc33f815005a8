// The platform's own attack suite (a script, not a jest test): `npm run security` (full) or
// `npm run security -- --short` (a sample of every category, for CI). Brings up members,
// complaints and the gateway in this process, isolated like the e2e suite, listening on a
// loopback port; generates hostile requests from /docs/openapi.json; fails on any 5xx, any
// error that is not problem+json with type/title/status/code, any disclosure of an object
// outside the caller's scope, and any broken expectation. Prints a summary with a reproducer
// per failure and writes bench-results/security-latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Probe } from './client.mjs';
import { accessMatrix, ACTORS, objectOperations, referenceDisclosures, seed } from './scope.mjs';
import { fuzzOperations, rawRequests } from './fuzz.mjs';
import { tokenForgery } from './tokens.mjs';

const short = process.argv.includes('--short') || process.env.SECURITY_SHORT === '1';
const root = fileURLToPath(new URL('../../', import.meta.url));
const started = Date.now();

const { default: globalSetup } = await import('../../libs/testing/global-setup.mjs');
const { default: globalTeardown } = await import('../../libs/testing/global-teardown.mjs');
await globalSetup();
const { eventually } = await import('@cs/testing');
const { Platform } = await import('../../e2e/src/support/platform.ts');

const platform = new Platform();
await platform.start({ rateLimitPerMinute: 1_000_000_000 });
let exitCode = 1;
let probe;
try {
  await platform.gateway.listen(0, '127.0.0.1');
  const port = platform.gateway.getHttpServer().address().port;
  probe = new Probe({ port, sign: (claims) => platform.token(claims) });
  const doc = (await probe.send('setup', { path: '/docs/openapi.json' })).json;
  if (!doc?.paths) throw new Error('setup: /docs/openapi.json did not answer a document');

  const seeded = await seed(probe, platform, { eventually: (fn, timeout = 10_000) => eventually(fn, timeout) });
  const ops = objectOperations(doc, seeded);
  const phases = [
    ['access matrix', () => accessMatrix(probe, ops, seeded, { short })],
    ['reference disclosures', () => referenceDisclosures(probe, seeded)],
    ['token forgery', () => tokenForgery(probe, { secret: platform.secret, seeded, short })],
    ['raw HTTP', () => rawRequests(probe, { token: platform.token(ACTORS.admin) })],
    ['generated hostile input', async () => {
      // on objects of their own, so the matrix's objects stay as seeded
      const fuzzSeed = await seed(probe, platform, { eventually: (fn, timeout = 10_000) => eventually(fn, timeout) });
      await fuzzOperations(probe, objectOperations(doc, fuzzSeed), { actor: ACTORS.admin, short });
      // the same as a store role (another path through the guards), and in full mode as an HQ agent
      const storeOps = objectOperations(doc, fuzzSeed).filter((o) => o.resource === 'complaints' || o.resource === 'members');
      await fuzzOperations(probe, storeOps, { actor: ACTORS.staff_S001, short: true });
      if (!short) await fuzzOperations(probe, storeOps, { actor: ACTORS.agent_R1, short: false });
    }],
  ];
  for (const [name, run] of phases) {
    const t = Date.now();
    const before = probe.failures.length;
    await run();
    console.log(`[security] ${name}: ${probe.failures.length - before} failures (${Math.round((Date.now() - t) / 1000)} s)`);
  }
  exitCode = report(probe, short) ? 0 : 1;
} catch (error) {
  console.error(`[security] aborted: ${error.stack ?? error}`);
  if (probe) report(probe, short);
} finally {
  probe?.close();
  await platform.stop().catch(() => undefined);
  await globalTeardown().catch(() => undefined);
}
process.exit(exitCode);

function report(probe, short) {
  const byCategory = {};
  for (const [category, sent] of Object.entries(probe.sent)) byCategory[category] = { sent, failures: 0 };
  const byCheck = {};
  for (const f of probe.failures) {
    byCategory[f.category].failures++;
    byCheck[f.check] = (byCheck[f.check] ?? 0) + 1;
  }
  const total = Object.values(probe.sent).reduce((a, b) => a + b, 0);
  const result = {
    mode: short ? 'short' : 'full',
    at: new Date(started).toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    requests: total,
    failures: probe.failures.length,
    counts: { '5xx': byCheck['5xx'] ?? 0, notProblemJson: byCheck['not-problem-json'] ?? 0, disclosures: byCheck.disclosure ?? 0, expectations: byCheck.expectation ?? 0, noAnswer: byCheck['no-answer'] ?? 0 },
    byCategory,
    failureList: probe.failures,
  };
  mkdirSync(`${root}bench-results`, { recursive: true });
  writeFileSync(`${root}bench-results/security-latest.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n[security] ${result.mode} run: ${total} requests in ${result.seconds} s`);
  for (const [category, c] of Object.entries(byCategory)) console.log(`  ${category.padEnd(22)} ${String(c.sent).padStart(6)} sent  ${c.failures} failed`);
  console.log(`  5xx ${result.counts['5xx']}, non-problem+json errors ${result.counts.notProblemJson}, disclosures ${result.counts.disclosures}, broken expectations ${result.counts.expectations}, unanswered ${result.counts.noAnswer}`);
  const shown = new Map();
  for (const f of probe.failures) {
    const key = `${f.category}|${f.check}|${f.detail}|${f.reproducer.split('  # ')[1] ?? ''}`.slice(0, 300);
    if (!shown.has(key)) shown.set(key, f);
  }
  if (shown.size) console.log(`\n[security] failures (${probe.failures.length}, ${shown.size} distinct; all in bench-results/security-latest.json):`);
  for (const f of [...shown.values()].slice(0, 60)) console.log(`- [${f.category}/${f.check}] ${f.status}: ${f.detail}\n    ${f.reproducer}`);
  console.log(`\n[security] ${probe.failures.length === 0 ? 'PASSED' : 'FAILED'}`);
  return probe.failures.length === 0;
}
