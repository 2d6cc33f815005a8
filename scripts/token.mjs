#!/usr/bin/env node
// Prints a signed HS256 JWT for local use against the gateway:
//   npm run token -- --role hq_cs_agent [--sub u1] [--store S001] [--regions R1,R2] [--name "Li Na"] [--ttl 8h]
// The secret is JWT_SECRET, or the gateway's development default.
import { parseArgs } from 'node:util';
import jwt from 'jsonwebtoken';

const ROLES = [
  'customer', 'store_staff', 'store_manager', 'hq_cs_agent', 'hq_cs_manager', 'hq_qa',
  'warehouse', 'general_manager', 'technician', 'analyst', 'admin',
];
const STORE_ROLES = ['store_staff', 'store_manager'];
const REGION_ROLES = ['hq_cs_agent'];
const DEFAULT_SECRET = 'dev-secret-change-me';

function fail(message) {
  console.error(`token: ${message}`);
  console.error('usage: npm run token -- --role <role> [--sub id] [--store S001] [--regions R1,R2] [--name "Li Na"] [--ttl 8h]');
  console.error(`roles: ${ROLES.join(', ')}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      store: { type: 'string' },
      regions: { type: 'string' },
      name: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (error) {
  fail(error.message);
}
if (values.help) fail('help');
if (!values.role) fail('--role is required');
if (!ROLES.includes(values.role)) fail(`unknown role "${values.role}"`);

const role = values.role;
const claims = { sub: values.sub ?? `${role}-1`, role };
// The gateway refuses a store role without a storeId and an HQ agent without regions: say so here.
const storeId = (values.store ?? (STORE_ROLES.includes(role) ? 'S001' : '')).trim();
if (STORE_ROLES.includes(role) && !storeId) fail(`${role} needs a store: --store must not be empty`);
if (storeId) claims.storeId = storeId;
const regionIds = (values.regions ?? (REGION_ROLES.includes(role) ? 'R1' : '')).split(',').map((r) => r.trim()).filter(Boolean);
if (REGION_ROLES.includes(role) && regionIds.length === 0) fail(`${role} needs at least one region: --regions must list region ids, e.g. R1,R2`);
if (regionIds.length) claims.regionIds = regionIds;
if (values.name) claims.name = values.name;

const secret = process.env.JWT_SECRET || DEFAULT_SECRET;
if (secret === DEFAULT_SECRET) console.error('token: signing with the development default secret (set JWT_SECRET to match the gateway)');
const ttl = /^\d+$/.test(values.ttl) ? Number(values.ttl) : values.ttl;
try {
  process.stdout.write(`${jwt.sign(claims, secret, { algorithm: 'HS256', expiresIn: ttl })}\n`);
} catch (error) {
  fail(`cannot sign: ${error.message}`);
}
