import { Inject, Injectable } from '@nestjs/common';
import { ComplaintNotificationRequestedV1, complaintNotificationRequestedV1, type IntegrationEnvelope } from '@cs/contracts';
import { contractData, PermanentMessageError } from '@cs/messaging';
import { ServiceHost, type OrmTx } from '@cs/nest-common';
import { COMPLAINTS_TEAM_CONFIG, type ComplaintsTeamConfig } from '../config/team.config.js';

export const NOTIFICATION_LOG_CONSUMER = 'complaints__notify-log';
export const NOTIFICATION_WEBHOOK_CONSUMER = 'complaints__notify-webhook';

/** Where a notification goes: a mail, SMS or IM gateway is one more implementation of this. */
export interface NotificationSink {
  deliver(notification: ComplaintNotificationRequestedV1): Promise<void>;
}

async function parse(envelope: IntegrationEnvelope): Promise<ComplaintNotificationRequestedV1 | undefined> {
  if (envelope.type !== complaintNotificationRequestedV1.type || envelope.version !== complaintNotificationRequestedV1.version) return undefined;
  return contractData(ComplaintNotificationRequestedV1, envelope);
}

/** Writes each notification to the service log (the adapter that always runs). */
export class LogNotificationSink implements NotificationSink {
  constructor(private readonly log: (entry: Record<string, unknown>, message: string) => void) {}

  async deliver(n: ComplaintNotificationRequestedV1): Promise<void> {
    this.log({ notificationId: n.notificationId, recipientId: n.recipientId, kind: n.kind, complaintId: n.complaintId, title: n.title }, 'notification');
  }
}

/**
 * POSTs each notification as JSON to a webhook (an IM bot, a mail or SMS gateway). The
 * notification id travels as the Idempotency-Key: the receiver drops a repeat (a delivery retried
 * after the call succeeded but before the inbox committed). A non-2xx answer is retried with backoff.
 */
export class WebhookNotificationSink implements NotificationSink {
  constructor(
    private readonly url: string,
    private readonly post: typeof fetch = fetch,
  ) {}

  async deliver(n: ComplaintNotificationRequestedV1): Promise<void> {
    const response = await this.post(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': n.notificationId },
      body: JSON.stringify(n),
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status >= 400 && response.status < 500 && response.status !== 429) {
      throw new PermanentMessageError(`Webhook refused notification ${n.notificationId}: HTTP ${response.status}`);
    }
    if (!response.ok) throw new Error(`Webhook answered HTTP ${response.status} for ${n.notificationId}`);
  }
}

/** The adapters as consumers of the published notification event: each has its own inbox, so each delivers a notification once. */
@Injectable()
export class NotificationAdapters {
  readonly log: NotificationSink;
  readonly webhook: NotificationSink | undefined;

  constructor(
    host: ServiceHost,
    @Inject(COMPLAINTS_TEAM_CONFIG) config: ComplaintsTeamConfig,
  ) {
    this.log = new LogNotificationSink((entry, message) => host.logger.info(entry, message));
    this.webhook = config.notificationWebhookUrl ? new WebhookNotificationSink(config.notificationWebhookUrl) : undefined;
  }

  handler(sink: NotificationSink) {
    return async (envelope: IntegrationEnvelope, _tx: OrmTx): Promise<void> => {
      const n = await parse(envelope);
      if (n) await sink.deliver(n);
    };
  }
}
