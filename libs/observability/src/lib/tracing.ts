import { createRequire } from 'node:module';
import { context, propagation, trace, SpanKind, SpanStatusCode, type Context, type Span } from '@opentelemetry/api';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

// The SDK (provider, span processors, exporter, resources) is loaded only by a process that
// records spans: ~9 MiB of modules that a process exporting nothing never uses.
const load = createRequire(import.meta.url);

let provider: NodeTracerProvider | null = null;
let registered = false;

/**
 * Registers OpenTelemetry once per process: W3C trace-context propagation and async context
 * always (so a `traceparent` flows from HTTP through RPC, the event log, JetStream and
 * consumers); spans are recorded and exported over OTLP/HTTP only when OTEL_EXPORTER_OTLP_ENDPOINT
 * is set (or a test passes its own processors). Without them, spans are the API's non-recording
 * ones: an incoming trace is continued unchanged, and no trace is started.
 */
export function initTracing(serviceName: string, extraProcessors: SpanProcessor[] = []): void {
  if (registered) return;
  registered = true;
  const exporting = Boolean(process.env.OTEL_EXPORTER_OTLP_ENDPOINT);
  if (!exporting && extraProcessors.length === 0) {
    const { AsyncLocalStorageContextManager } = load('@opentelemetry/context-async-hooks') as typeof import('@opentelemetry/context-async-hooks');
    const { W3CTraceContextPropagator } = load('@opentelemetry/core') as typeof import('@opentelemetry/core');
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    return;
  }
  const { NodeTracerProvider: Provider } = load('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { resourceFromAttributes } = load('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const processors: SpanProcessor[] = [...extraProcessors];
  if (exporting) {
    const { BatchSpanProcessor } = load('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
    const { OTLPTraceExporter } = load('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
  }
  provider = new Provider({
    resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME ?? serviceName }),
    spanProcessors: processors,
  });
  provider.register();
}

/** Exports spans still queued; the provider stays registered (several apps may share a process). */
export async function shutdownTracing(): Promise<void> {
  await provider?.forceFlush().catch(() => undefined);
}

type Carrier = Record<string, string>;

/** The W3C `traceparent` (and `tracestate`) of a context, for headers and event metadata. */
export function traceHeadersOf(ctx: Context = context.active()): Carrier {
  const carrier: Carrier = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

/** A context continuing the trace described by `headers` (any case of `traceparent`). */
export function contextFrom(headers: { get(name: string): string | undefined | null } | Carrier): Context {
  const get = (name: string) =>
    typeof (headers as { get?: unknown }).get === 'function'
      ? ((headers as { get(n: string): string | undefined | null }).get(name) ?? undefined)
      : (headers as Carrier)[name];
  return propagation.extract(context.active(), { traceparent: get('traceparent'), tracestate: get('tracestate') }, {
    get: (carrier, key) => (carrier as Record<string, string | undefined>)[key],
    keys: (carrier) => Object.keys(carrier as object),
  });
}

const tracer = () => trace.getTracer('cs-platform');

/**
 * Runs `fn` inside a span that continues `parent`; the span ends with the promise and records
 * a failure as an error status. Nested work sees the span as the active context.
 */
export async function inSpan<T>(name: string, kind: SpanKind, parent: Context, fn: (span: Span) => Promise<T>): Promise<T> {
  const span = tracer().startSpan(name, { kind }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
}

export { SpanKind };
