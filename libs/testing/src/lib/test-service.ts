import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { TestClock } from '@cs/eventstore';
import { ensureEventStream, eventStreamName, RpcClient, type RpcCallOptions } from '@cs/messaging';
import { deleteStreams } from './test-nats.js';
import { dropDatabase, isolatedServiceConfig, type IsolatedServiceConfig } from './test-service-config.js';

/** What a service's `create…Service` takes: tests pass an isolated config and a test clock, and no logs. */
export interface TestServiceStartOptions<Config> {
  config: Config;
  clock: TestClock;
  logging: false;
}

export interface TestServiceOptions<Config, App> {
  /** Service name: the database, the queue group and the event stream are named after it. */
  service: string;
  /** The service's configuration before isolation (e.g. `() => membersConfigFromEnv({})`). */
  config: () => Config;
  /** Starts the service (e.g. `createMembersService`). */
  start: (options: TestServiceStartOptions<Config & IsolatedServiceConfig>) => Promise<App>;
  /** The test clock's first instant. */
  now?: string;
  /** Other services whose event streams this one consumes: provisioned as those services would. */
  upstream?: string[];
}

/**
 * One service under an integration test, isolated from every other run: its own database,
 * subject and stream prefixes, a test clock, and an RPC client on its subjects. `start()` in
 * beforeAll, `stop()` in afterAll (closes the service, drops its database, deletes its streams).
 */
export class TestService<Config, App extends { close(): Promise<void> }> {
  readonly iso: IsolatedServiceConfig;
  readonly config: Config & IsolatedServiceConfig;
  readonly clock: TestClock;
  app!: App;
  nc!: NatsConnection;
  rpc!: RpcClient;

  constructor(private readonly options: TestServiceOptions<Config, App>) {
    this.iso = isolatedServiceConfig(options.service);
    this.config = { ...options.config(), ...this.iso };
    this.clock = new TestClock(options.now);
  }

  async start(): Promise<this> {
    this.nc = await connect({ servers: this.iso.natsUrl });
    const jsm = await jetstreamManager(this.nc);
    for (const producer of this.options.upstream ?? []) {
      await ensureEventStream(jsm, { name: eventStreamName(producer, this.iso.streamPrefix), subjects: [`${this.iso.subjectPrefix}${producer}.evt.>`] });
    }
    this.app = await this.options.start({ config: this.config, clock: this.clock, logging: false });
    this.rpc = new RpcClient(this.nc, { subjectPrefix: this.iso.subjectPrefix });
    return this;
  }

  /** Stops and starts the service on the same database and streams (durable state survives). */
  async restart(): Promise<App> {
    await this.app.close();
    this.app = await this.options.start({ config: this.config, clock: this.clock, logging: false });
    return this.app;
  }

  /** Calls one of the service's RPC subjects. */
  call<T = any>(subject: string, payload: unknown, options: RpcCallOptions = {}): Promise<T> {
    return this.rpc.call<T>(subject, payload, options);
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await this.nc?.drain();
    await dropDatabase(this.iso.databaseUrl);
    await deleteStreams(this.iso.streamPrefix);
  }
}

export function testService<Config, App extends { close(): Promise<void> }>(options: TestServiceOptions<Config, App>): TestService<Config, App> {
  return new TestService(options);
}
