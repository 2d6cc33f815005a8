// Seals the personal fields of the member events stored before crypto-shredding existed, in place,
// with each member's key (created where missing); a member already closed gets the erased
// placeholders instead. Idempotent: run it again at will. One short transaction per batch, so the
// running service keeps appending and its processors keep advancing.
//   npm run members:encrypt-existing                  (MEMBERS_DATABASE_URL or DATABASE_URL)
//   npm run members:encrypt-existing -- --batch=200
// Runbook: deploy/README.md ("Members: sealing events stored before crypto-shredding").
import pg from 'pg';
import { serviceDatabaseUrl } from '@cs/nest-common';
import { encryptExistingMemberEvents } from '../services/members/dist/personal-data/encrypt-existing.js';

const batchArg = process.argv.slice(2).find((a) => a.startsWith('--batch='));
const batchSize = batchArg ? Number(batchArg.slice('--batch='.length)) : 500;
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
  console.error('usage: npm run members:encrypt-existing [-- --batch=<1..10000>]');
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: serviceDatabaseUrl('members'), max: 1 });
const started = Date.now();
try {
  const counts = await encryptExistingMemberEvents(pool, {
    batchSize,
    onBatch: (c) => console.log(`[encrypt-existing] batch ${c.batches}: ${c.scanned} events looked at, ${c.sealed} sealed, ${c.erased} erased`),
  });
  console.log(
    `[encrypt-existing] done in ${Date.now() - started} ms: ${counts.scanned} events with personal fields looked at, ` +
      `${counts.sealed} sealed, ${counts.erased} erased (closed members), ${counts.keysCreated} keys created, ` +
      `${counts.shredded} closed members' keys shredded`,
  );
} finally {
  await pool.end();
}
