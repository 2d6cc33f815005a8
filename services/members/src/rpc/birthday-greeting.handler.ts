import { Injectable } from '@nestjs/common';
import { RecordBirthdayCallCommand, RecordBirthdayCardCommand } from '@cs/contracts';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { consumed, runCommand, ServiceHost, type CommandReply } from '@cs/nest-common';
import { OrgDirectory } from '@cs/org';
import type { BirthdayGreetingCommand } from '../birthday-greeting/birthday-greeting.commands.js';
import { greetingNotFound } from '../birthday-greeting/birthday-greeting.errors.js';
import type { BirthdayGreetingState } from '../birthday-greeting/birthday-greeting.state.js';
import { greetingIdFor } from '../birthday-greeting/birthday-greeting.values.js';
import { birthdayGreetingStream } from './loyalty-streams.js';

/** The birthday work list's actions: the card sent, the VIP call made (`/v1/members/{id}/birthday-greetings/{year}/…`). */
@Injectable()
export class BirthdayGreetingHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly org: OrgDirectory,
  ) {}

  async recordCard(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(RecordBirthdayCardCommand, payload);
    const { memberId, year, channel, ...rest } = request;
    consumed(rest);
    return this.run(memberId, year, ctx, request, (base) => ({ type: 'RecordBirthdayCardSent', ...base, channel }));
  }

  async recordCall(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(RecordBirthdayCallCommand, payload);
    const { memberId, year, outcome, ...rest } = request;
    consumed(rest);
    return this.run(memberId, year, ctx, request, (base) => ({ type: 'RecordBirthdayCall', ...base, outcome }));
  }

  private run(
    memberId: string,
    year: number,
    ctx: RpcContext,
    request: unknown,
    build: (base: { greetingId: string; now: string; actor: ReturnType<typeof requireActor> }) => BirthdayGreetingCommand,
  ): Promise<CommandReply> {
    const greetingId = greetingIdFor(memberId, year);
    const base = { greetingId, now: this.host.clock.now().toISOString(), actor: requireActor(ctx) };
    return runCommand(
      this.host,
      greetingId,
      birthdayGreetingStream.spec(greetingId),
      (state: BirthdayGreetingState) => {
        // a greeting of a store the caller does not work for reads as unknown
        if (!state || !this.org.canAccessStore(ctx.actor, state.storeId)) throw greetingNotFound(greetingId);
        return build(base);
      },
      ctx,
      { request, toResult: (state) => ({ status: state?.status }) },
    );
  }
}
