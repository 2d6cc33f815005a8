import { Injectable, type OnModuleInit } from '@nestjs/common';
import { GIFTS_COMMAND_STREAM } from '@cs/contracts';
import { ensureEventStream } from '@cs/messaging';
import { ServiceHost } from '@cs/nest-common';

/**
 * The JetStream stream of commands to gifts (gifts.cmd.>): the service's inbox, provisioned by
 * gifts before its consumers start, so a sender only ever publishes to it.
 */
@Injectable()
export class GiftsCommandInbox implements OnModuleInit {
  constructor(private readonly host: ServiceHost) {}

  async onModuleInit(): Promise<void> {
    const { streamPrefix, subjectPrefix, streamReplicas } = this.host.config;
    await ensureEventStream(this.host.jsm, {
      name: `${streamPrefix}${GIFTS_COMMAND_STREAM.name}`,
      subjects: GIFTS_COMMAND_STREAM.subjects.map((s) => `${subjectPrefix}${s}`),
      replicas: streamReplicas ?? 1,
    });
  }
}
