import { Injectable } from '@nestjs/common';
import { GetLoyaltyConfigQuery, SetLoyaltyConfigRequest } from '@cs/contracts';
import { requireActor, validatePayload, type RpcContext } from '@cs/messaging';
import { runCommand, ServiceHost, toHistory, type CommandReply } from '@cs/nest-common';
import { LoyaltyRulesService, type LoyaltyRulesView } from '../config/loyalty-rules.service.js';
import type { LoyaltyConfigCommand } from '../loyalty-config/loyalty-config.commands.js';
import { DEFAULT_LOYALTY_CONFIG_ID, loyaltyConfigStreamId } from '../loyalty-config/loyalty-config.decider.js';
import type { LoyaltyRules } from '../loyalty-config/loyalty-config.values.js';
import { loyaltyConfigStream } from './loyalty-streams.js';

const view = (r: LoyaltyRulesView) => ({ id: DEFAULT_LOYALTY_CONFIG_ID, version: r.revision, ...r.rules, ...(r.definedAt ? { definedAt: r.definedAt, definedBy: r.definedBy } : {}) });

/** `/v1/config/loyalty`: the rules as in force now or `asOf`, their history, and changes (events). */
@Injectable()
export class LoyaltyConfigHandler {
  constructor(
    private readonly host: ServiceHost,
    private readonly rules: LoyaltyRulesService,
  ) {}

  async get(payload: unknown, _ctx: RpcContext) {
    const query = await validatePayload(GetLoyaltyConfigQuery, payload ?? {});
    return view(await this.rules.inForce(query.asOf ? new Date(query.asOf) : undefined));
  }

  async history(_payload: unknown, _ctx: RpcContext) {
    return { items: toHistory((await this.host.store.readStream(loyaltyConfigStreamId(DEFAULT_LOYALTY_CONFIG_ID))).events) };
  }

  async set(payload: unknown, ctx: RpcContext): Promise<CommandReply> {
    const request = await validatePayload(SetLoyaltyConfigRequest, payload);
    const actor = requireActor(ctx);
    const { note, ...body } = request;
    const rules: LoyaltyRules = {
      ...body,
      tiers: body.tiers.map((t) => ({ code: t.code, name: t.name, minNetSpend12m: t.minNetSpend12m, vip: t.vip })),
      earnRate: { points: body.earnRate.points, perAmount: body.earnRate.perAmount },
    };
    const current = await this.rules.inForce();
    const base = { configId: DEFAULT_LOYALTY_CONFIG_ID, rules, now: this.host.clock.now().toISOString(), actor };
    const command: LoyaltyConfigCommand =
      current.revision === 0 ? { type: 'DefineLoyaltyRules', ...base } : { type: 'ReviseLoyaltyRules', ...base, note };
    return runCommand(this.host, DEFAULT_LOYALTY_CONFIG_ID, loyaltyConfigStream.spec(DEFAULT_LOYALTY_CONFIG_ID), command, ctx, {
      request,
      toResult: (_state, events) => ({ changed: events.length > 0 }),
    });
  }
}
