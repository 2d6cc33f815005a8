import type { PoolClient } from 'pg';
import { findCommandResult, handleCommand, IdempotencyKeyReusedError, type CommandInput, type Event, type NewEvent, type RecordedEvent, type StreamSpec } from '@cs/eventstore';
import type { RpcContext } from '@cs/messaging';
import { traceHeadersOf } from '@cs/observability';
import type { ServiceHost } from './service-host.js';

export interface RunCommandOptions<State> {
  /** The validated request, for idempotency: the same key with a different request is refused. */
  request?: unknown;
  /** The reply's fields, from the state after the command and the events it decided. */
  toResult?: (state: State, events: readonly NewEvent[]) => Record<string, unknown>;
  inline?: (client: PoolClient, events: RecordedEvent[], state: State) => Promise<void>;
  /** Streams whose versions the command builder receives with the state (see CommandOptions.versionsOf). */
  versionsOf?: readonly string[];
}

/** The reply of every command: the aggregate id, its new version, and command-specific fields. */
export interface CommandReply {
  id: string;
  version: number;
  [key: string]: unknown;
}

/**
 * Runs a decider command for an RPC call: metadata from the call (actor, correlation,
 * idempotency key scoped to caller and operation), If-Match as the expected version, then nudges
 * the processors so read models follow at once. The command may be built from the folded state
 * (`(state, version) => command`): access checks and lookups then use the one read of the stream.
 */
export async function runCommand<State, Command, E extends Event>(
  host: ServiceHost,
  id: string,
  spec: StreamSpec<State, Command, E>,
  command: CommandInput<State, Command>,
  ctx: RpcContext,
  options: RunCommandOptions<State> = {},
): Promise<CommandReply> {
  const commandId = commandIdOf(ctx);
  const result = await withClientKey(ctx, () => handleCommand(host.store, spec, command, {
    expectedVersion: ctx.expectedVersion,
    commandId,
    request: options.request,
    metadata: (decided) => ({
      actor: ctx.actor,
      correlationId: ctx.correlationId,
      // What caused these events: the command (its idempotency identity when it has one).
      causationId: commandId ?? `${ctx.subject}:${ctx.correlationId}`,
      commandType: (decided as { type?: string }).type,
      ...(commandId ? { commandId } : {}),
      ...traceHeadersOf(),
      occurredAt: (decided as { now?: string }).now ?? host.clock.now().toISOString(),
    }),
    toResult: options.toResult,
    inline: options.inline,
    versionsOf: options.versionsOf,
  }));
  host.poke();
  // A replay answers with the first attempt's aggregate, not the id this attempt would have created.
  const replyId = result.replayed ? String(result.data.id ?? id) : id;
  return { ...result.data, id: replyId, version: result.version, replayed: result.replayed };
}

/** A reused key is told back to the caller as the key it sent, never as the internal command id. */
async function withClientKey<T>(ctx: RpcContext, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof IdempotencyKeyReusedError && ctx.idempotencyKey !== undefined) {
      throw new IdempotencyKeyReusedError(error.commandId, ctx.idempotencyKey);
    }
    throw error;
  }
}

/** Idempotency keys are scoped to the caller and the operation. */
function commandIdOf(ctx: RpcContext): string | undefined {
  return ctx.idempotencyKey ? `${ctx.actor?.id ?? 'anonymous'}:${ctx.subject}:${ctx.idempotencyKey}` : undefined;
}

/**
 * The reply already given to this idempotency key, for commands that must check it before
 * their own pre-checks (e.g. creations with a fresh id). Null when the key is new or absent.
 */
export async function previousReply(host: ServiceHost, ctx: RpcContext, request: unknown): Promise<CommandReply | null> {
  const commandId = commandIdOf(ctx);
  if (!commandId) return null;
  const earlier = await withClientKey(ctx, () => findCommandResult(host.store, commandId, request));
  return earlier ? { ...earlier.data, id: String(earlier.data.id ?? earlier.streamId), version: earlier.version, replayed: true } : null;
}
