import { complaintNotificationRequestedV1Example } from '@cs/contracts';
import { PermanentMessageError } from '@cs/messaging';
import { LogNotificationSink, WebhookNotificationSink } from './notification-adapters.js';

const n = complaintNotificationRequestedV1Example;

describe('Notification adapters', () => {
  it('should post the notification with its id as the idempotency key', async () => {
    const calls: Array<[string, RequestInit]> = [];
    const sink = new WebhookNotificationSink('http://hooks.local/cs', async (url, init) => {
      calls.push([String(url), init!]);
      return new Response(null, { status: 204 });
    });
    await sink.deliver(n);
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toBe('http://hooks.local/cs');
    expect((calls[0]![1].headers as Record<string, string>)['idempotency-key']).toBe(n.notificationId);
    expect(JSON.parse(calls[0]![1].body as string)).toMatchObject({ recipientId: n.recipientId, kind: n.kind });
  });

  it('should fail for a retry on a server error, and for good on a refusal', async () => {
    await expect(new WebhookNotificationSink('http://x', async () => new Response(null, { status: 503 })).deliver(n)).rejects.not.toBeInstanceOf(PermanentMessageError);
    await expect(new WebhookNotificationSink('http://x', async () => new Response(null, { status: 400 })).deliver(n)).rejects.toBeInstanceOf(PermanentMessageError);
  });

  it('should log the notification without its body', async () => {
    const lines: Array<Record<string, unknown>> = [];
    await new LogNotificationSink((entry) => lines.push(entry)).deliver(n);
    expect(lines).toEqual([{ notificationId: n.notificationId, recipientId: n.recipientId, kind: n.kind, complaintId: n.complaintId, title: n.title }]);
  });
});
