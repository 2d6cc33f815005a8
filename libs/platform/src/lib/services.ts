/**
 * The registry of services: everything that lists services reads it (npm run up, the gateway's
 * default readiness list, the e2e platform, the bench, the operator scripts, the deploy tree and
 * the architecture test). A new service is one entry here plus its folder `services/<name>/`.
 * The gateway is not in it: it is the HTTP edge, with no database and no RPC of its own.
 */

/** One non-secret setting in the service's Kubernetes ConfigMap. */
export interface DeploySetting {
  readonly key: string;
  readonly value: string;
  /** Comment lines written above the key. */
  readonly about?: readonly string[];
  /** Written commented out: the built-in default applies until an operator sets it. */
  readonly example?: boolean;
}

export interface ServiceDefinition {
  /**
   * Lower case, words joined by hyphens. Used for NATS subjects (`<name>.rpc.*`, `<name>.evt.*`),
   * the RPC queue group, the event stream, logs, metrics and the Kubernetes objects.
   */
  readonly name: string;
  /** One line: what the service owns. */
  readonly description: string;
  /** Default HEALTH_PORT of the process (`/health/live`, `/health/ready`, `/metrics`); 8080 in Kubernetes. */
  readonly healthPort: number;
  /** Its database on the shared server (`cs_<name>`, hyphens as underscores) unless `<NAME>_DATABASE_URL` names another. */
  readonly database: string;
  /** The gateway's `/health/ready` pings `<name>.rpc.Ping` (see READINESS_SERVICES). */
  readonly gatewayReadiness: boolean;
  /**
   * The service's folder. By convention `<dir>/src/main.ts` exports `createService(options)` and
   * `configFromEnv(env)`, and runs itself when it is the main module; `<dir>/dist/main.js` is the process.
   */
  readonly dir: string;
  /** Service-specific ConfigMap settings, after the common ones (NODE_ENV, NATS_*). */
  readonly settings?: readonly DeploySetting[];
}

/** In start order: a service that reads another's events comes after it. */
export const SERVICES = [
  {
    name: 'members',
    description: 'registration at the store, HQ review, supplements',
    healthPort: 3101,
    database: 'cs_members',
    gatewayReadiness: true,
    dir: 'services/members',
    settings: [
      { key: 'REVIEW_TIMEZONE', value: 'Asia/Shanghai', about: ['Time zone that decides which day an entry belongs to in the daily review queue.'] },
      {
        key: 'MEMBER_REQUIRED_FIELDS',
        value: 'name,mobile,gender,birthDate,postalAddress',
        example: true,
        about: [
          '[PROPOSED] fields HQ review requires before a member becomes active, comma-separated.',
          'Unset = built-in default (name,mobile,gender,birthDate,postalAddress).',
        ],
      },
      {
        key: 'IDENTITY_CHECK_WINDOW_MINUTES',
        value: '30',
        about: ["[PROPOSED] minutes a passed identity check lets the phone desk (hq_cs_agent) see an active member's full profile (R103)."],
      },
    ],
  },
  {
    name: 'complaints',
    description: 'complaint lifecycle, SLA clocks, escalation, repeats, member directory',
    healthPort: 3102,
    database: 'cs_complaints',
    gatewayReadiness: true,
    dir: 'services/complaints',
    settings: [
      { key: 'REPEAT_WINDOW_DAYS', value: '30', about: ['[PROPOSED] a complaint by the same member in the same category within this many days is a repeat.'] },
      {
        key: 'SLA_POLICIES_JSON',
        value: '{"<policyId>": { ...SlaPolicy... }}',
        example: true,
        about: [
          'SLA policies by id, JSON object merged over the built-in policies (a complaint keeps the',
          'policy it was filed under). Unset = built-in policies only.',
        ],
      },
      {
        key: 'WORKING_CALENDAR_JSON',
        value: '{ ... }',
        example: true,
        about: ['Working calendar for SLA due instants, JSON (partial WorkingCalendar, merged over defaults).'],
      },
      {
        key: 'COMPLAINTS_ROSTER_JSON',
        value: '{"storeManagers": {"S001": {"id": "..."}}, "regionAgents": {"R1": [{"id": "..."}]}, "hqManagers": [{"id": "..."}]}',
        example: true,
        about: ['Who takes complaints at each level (routing and escalation). Unset = the filer keeps the case.'],
      },
      {
        key: 'COMPLAINTS_ROUTING_JSON',
        value: '{"storeSource": "filer", "hqSource": "region_agent", "repeat": "region_agent", "p1": "hq_manager"}',
        example: true,
        about: ['[PROPOSED] first owner of a complaint by source, repeat and severity.'],
      },
      {
        key: 'COMPLAINTS_AUTHORITY_JSON',
        value: '{ ...compensation limits per escalation level, fen... }',
        example: true,
        about: ['[PROPOSED] the compensation value each level may grant.'],
      },
      {
        key: 'NOTIFICATION_WEBHOOK_URL',
        value: 'https://chat.example.internal/hooks/cs-alerts',
        example: true,
        about: ['Where the notification webhook adapter posts SLA warnings, breaches and escalations. Unset = log adapter only.'],
      },
    ],
  },
  {
    name: 'after-sales',
    description: 'returns, exchanges and repairs',
    healthPort: 3103,
    database: 'cs_after_sales',
    gatewayReadiness: true,
    dir: 'services/after-sales',
    settings: [
      {
        key: 'AFTER_SALES_TERMS_JSON',
        value: '{"returnWindowDays": 7, "timezone": "Asia/Shanghai", ...}',
        example: true,
        about: [
          '[PROPOSED] after-sales terms (return window, reasons, on-site hours, turnaround blocks, call-back days,',
          'non-returnable categories, inspection conditions, working calendar), JSON merged over the built-in',
          'terms as version 0 of /v1/config/after-sales-policy. Unset = built-in terms.',
        ],
      },
    ],
  },
  {
    name: 'gifts',
    description: 'gift stock ledger, procurement plans, store requests and dispatch, issuance register, entitlements, stocktakes',
    healthPort: 3104,
    database: 'cs_gifts',
    gatewayReadiness: true,
    dir: 'services/gifts',
    settings: [
      { key: 'GIFT_ARRIVAL_GRACE_MINUTES', value: '2880', about: ['[PROPOSED] a dispatch not received this long after its expected arrival is overdue (2 days).'] },
      { key: 'GIFT_TOLERANCE_MIN_UNITS', value: '1', about: ['[PROPOSED] stocktake tolerance: at least this many units per SKU (high-value SKUs: 0).'] },
      { key: 'GIFT_TOLERANCE_PERCENT', value: '2', about: ['[PROPOSED] stocktake tolerance: this percent of the book, when larger.'] },
      { key: 'GIFT_VOUCHER_VALIDITY_DAYS', value: '30', about: ['[PROPOSED] validity of a compensation voucher from its grant.'] },
      { key: 'GIFT_ENTITLEMENT_VALIDITY_DAYS', value: '30', about: ['[PROPOSED] validity of other entitlements issued without an end.'] },
      { key: 'GIFT_TIME_ZONE', value: 'Asia/Shanghai', about: ['The calendar of birthday years and stocktake periods.'] },
    ],
  },
] as const satisfies readonly ServiceDefinition[];

export type ServiceName = (typeof SERVICES)[number]['name'];

/** The registry entry of `name`; throws naming the registered services when there is none. */
export function serviceDefinition(name: string): ServiceDefinition {
  const found = (SERVICES as readonly ServiceDefinition[]).find((s) => s.name === name);
  if (!found) throw new Error(`Unknown service "${name}"; registered: ${SERVICES.map((s) => s.name).join(', ')}`);
  return found;
}

export const serviceNames = (): string[] => SERVICES.map((s) => s.name);

/** Services the gateway's `/health/ready` needs by default. */
export const readinessServiceNames = (): string[] => SERVICES.filter((s) => s.gatewayReadiness).map((s) => s.name);

export const healthPort = (name: string): number => serviceDefinition(name).healthPort;

/** `after-sales` → `AFTER_SALES`: the prefix of the service's own environment variables. */
export const serviceEnvPrefix = (name: string): string => name.toUpperCase().replace(/-/g, '_');

/** The variable that, when set, is the service's full database URL. */
export const databaseUrlVariable = (name: string): string => `${serviceEnvPrefix(name)}_DATABASE_URL`;

/**
 * V8 flags of every process (services and gateway; `npm run up`, the bench, the fault suite, the
 * deploy tree and the image). Without them V8 lets garbage pile up to a heap of 2–4× the live
 * data before collecting: complaints went from 152 MiB idle to 271–277 MiB after 2,000 commands,
 * with 111 MiB of heap used for ~48 MiB live. With `--optimize-for-size` (a slower-growing heap and
 * small semi-spaces): 122 idle, 131–134 after the same burst, at the same request rate.
 * `--max-semi-space-size` alone (1, 2 or 4 MiB) only brought the burst figure to 199–239 MiB.
 */
export const NODE_RUNTIME_FLAGS: readonly string[] = ['--optimize-for-size'];

/** The built process, relative to the repository root. */
export const serviceProcess = (service: ServiceDefinition): string => `${service.dir}/dist/main.js`;

/** The source module exporting `createService` and `configFromEnv`, relative to the repository root. */
export const serviceFactoryModule = (service: ServiceDefinition): string => `${service.dir}/src/main.ts`;

/**
 * What `<dir>/src/main.ts` exports by convention. Structural, so this library needs no framework:
 * `createService` resolves to the initialised (not listening) Nest application.
 */
export interface ServiceMain<Config = unknown, App extends { close(): Promise<void> } = { close(): Promise<void> }> {
  createService(options?: { config?: Config; logging?: boolean }): Promise<App>;
  configFromEnv(env?: NodeJS.ProcessEnv): Config;
}
