import type { Actor } from '@cs/eventstore';
import type { RpcContext } from '@cs/messaging';
import type { CommandReply, ServiceHost } from '@cs/nest-common';
import { traceHeadersOf } from '@cs/observability';
import type { GiftsActor } from '../shared/gifts-actor.js';
import { runUnit, type UnitOfWork } from './unit-of-work.js';

/** Idempotency keys are scoped to the caller and the operation (as for single-stream commands). */
function commandIdOf(ctx: RpcContext): string | undefined {
  return ctx.idempotencyKey ? `${ctx.actor?.id ?? 'anonymous'}:${ctx.subject}:${ctx.idempotencyKey}` : undefined;
}

export const actorOf = (actor: Actor): GiftsActor => ({ id: actor.id, role: actor.role, name: actor.name, storeId: actor.storeId });

/**
 * Runs one RPC command as a unit over several streams: metadata from the call, If-Match on the
 * primary stream, idempotency by key, and a nudge to the processors afterwards. The reply is
 * `{ id, version, ...what work returned }`.
 */
export async function runGiftsUnit(
  host: ServiceHost,
  ctx: RpcContext | null,
  primary: { id: string; streamId: string },
  now: string,
  work: (unit: UnitOfWork) => Promise<Record<string, unknown>>,
  request?: unknown,
  system?: { actor: Actor; commandId: string; causationId: string },
): Promise<CommandReply> {
  const commandId = system?.commandId ?? (ctx ? commandIdOf(ctx) : undefined);
  // the id is part of the stored reply: a replayed creation answers with the id it created then
  const result = await runUnit(host.store, primary.streamId, async (unit) => ({ ...(await work(unit)), id: primary.id }), {
    expectedVersion: ctx?.expectedVersion,
    commandId,
    request: request ?? null,
    metadata: {
      actor: system?.actor ?? ctx?.actor,
      correlationId: ctx?.correlationId,
      causationId: system?.causationId ?? commandId ?? (ctx ? `${ctx.subject}:${ctx.correlationId}` : undefined),
      ...(commandId ? { commandId } : {}),
      ...traceHeadersOf(),
      occurredAt: now,
    },
  });
  host.poke();
  return { ...result.value, version: result.version, replayed: result.replayed };
}
