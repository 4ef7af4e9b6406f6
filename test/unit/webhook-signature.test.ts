import { createHmac } from 'node:crypto';
import { generateWebhookSecret, signWebhook, webhookHeaders } from '../../src/modules/webhook/webhook-signature';
import { MAX_RETRY_DELAY_MS, retryDelayMs, webhookBody, webhookEventOf, FEED_RECORD_TYPES } from '../../src/modules/webhook/webhook-event';
import type { ChangeRecord } from '../../src/modules/audit/audit.types';
import { toGlobalId } from '../../src/graphql/relay';

/** An independent implementation of the Standard Webhooks symmetric signature, for cross-checking. */
function referenceSignature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key)
    .update(Buffer.from(`${id}.${timestamp}.${body}`, 'utf8'))
    .digest('base64')}`;
}

describe('signWebhook (Standard Webhooks, symmetric v1)', () => {
  it("matches the specification's reference libraries' fixed vector", () => {
    expect(signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('agrees with an independent HMAC over id.timestamp.body, Chinese text included', () => {
    const secret = 'whsec_' + Buffer.from('驿站推送测试密钥-0123456789').toString('base64');
    const body = JSON.stringify({ type: 'station.update', data: { note: '襄阳市樊城区安居社区' } });
    expect(signWebhook(secret, 'f3a1c2d4-0000-4000-8000-000000000001', 1700000000, body)).toBe(
      referenceSignature(secret, 'f3a1c2d4-0000-4000-8000-000000000001', 1700000000, body),
    );
  });

  it('changes with the body, the id, the timestamp and the secret', () => {
    const secret = generateWebhookSecret();
    const base = signWebhook(secret, 'id-1', 1700000000, '{"a":1}');
    expect(signWebhook(secret, 'id-1', 1700000000, '{"a":2}')).not.toBe(base);
    expect(signWebhook(secret, 'id-2', 1700000000, '{"a":1}')).not.toBe(base);
    expect(signWebhook(secret, 'id-1', 1700000001, '{"a":1}')).not.toBe(base);
    expect(signWebhook(generateWebhookSecret(), 'id-1', 1700000000, '{"a":1}')).not.toBe(base);
  });

  it('refuses a secret without the whsec_ prefix', () => {
    expect(() => signWebhook('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'id', 1, '{}')).toThrow(/whsec_/);
  });
});

describe('generateWebhookSecret', () => {
  it('is whsec_ + base64 of 24 random bytes, different each time', () => {
    const secrets = new Set(Array.from({ length: 50 }, generateWebhookSecret));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
      expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(24);
    }
  });
});

describe('webhookHeaders', () => {
  it('carries the id, the Unix-seconds timestamp and a signature over exactly the body', () => {
    const secret = generateWebhookSecret();
    const body = '{"type":"station.update"}';
    const headers = webhookHeaders(secret, 'delivery-1', body, new Date('2024-03-01T08:30:15.900Z'));
    expect(headers).toEqual({
      'content-type': 'application/json',
      'user-agent': 'Yizhan-Webhooks/1',
      'webhook-id': 'delivery-1',
      'webhook-timestamp': '1709281815',
      'webhook-signature': referenceSignature(secret, 'delivery-1', 1709281815, body),
    });
  });
});

describe('webhook events', () => {
  const change: ChangeRecord = {
    sequence: '4711',
    tx: '900',
    occurredAt: new Date('2024-03-01T08:30:15.123Z'),
    recordType: 'StationServiceItem',
    localId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    operation: 'UPDATE',
    version: 3,
    actorKind: 'API_CLIENT',
    actorId: 'c1',
    actorName: '市总工会数据同步',
    departmentId: null,
    requestId: 'r1',
    mutation: 'updateStationServiceItem',
    changes: { note: { before: '张三', after: '李四' } },
  };

  const deliveryId = '5b0c9d2e-1f3a-4b5c-8d6e-7f8091a2b3c4';

  it('names the record, the operation, the request and the actor by global IDs, and carries no field values or names', () => {
    const event = webhookEventOf(change, deliveryId, 'c1');
    expect(event).toEqual({
      type: 'station_service_item.update',
      timestamp: '2024-03-01T08:30:15.123Z',
      data: {
        deliveryId: toGlobalId('WebhookDelivery', deliveryId),
        sequence: '4711',
        recordType: 'STATION_SERVICE_ITEM',
        recordId: toGlobalId('StationServiceItem', change.localId),
        operation: 'UPDATE',
        version: 3,
        occurredAt: '2024-03-01T08:30:15.123Z',
        requestId: 'r1',
        actor: { kind: 'API_CLIENT', apiClientId: toGlobalId('ApiClient', 'c1'), departmentId: null, isSubscriber: true },
      },
    });
    expect(JSON.stringify(event)).not.toMatch(/张三|李四|市总工会/);
    // Another client's subscription: the same change is not its own write.
    expect(webhookEventOf(change, deliveryId, 'c2').data.actor.isSubscriber).toBe(false);
  });

  it('writes the body in a fixed key order whatever order the event was built in', () => {
    const event = webhookEventOf(change, deliveryId, 'c1');
    const { actor, ...rest } = event.data;
    const shuffled = JSON.parse(
      JSON.stringify({
        data: { actor: { isSubscriber: actor.isSubscriber, kind: actor.kind, departmentId: actor.departmentId, apiClientId: actor.apiClientId }, ...rest },
        timestamp: event.timestamp,
        type: event.type,
      }),
    );
    expect(webhookBody(shuffled)).toBe(webhookBody(event));
    expect(webhookBody(event).startsWith('{"type":"station_service_item.update","timestamp":')).toBe(true);
  });

  it('offers every feed type but not the administrative ones', () => {
    expect(FEED_RECORD_TYPES).toContain('Station');
    expect(FEED_RECORD_TYPES).not.toContain('ApiClient');
    expect(FEED_RECORD_TYPES).not.toContain('WebhookSubscription');
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base after each failed attempt, capped at an hour', () => {
    expect([1, 2, 3, 4, 5].map((attempts) => retryDelayMs(attempts, 5000))).toEqual([5000, 10000, 20000, 40000, 80000]);
    expect(retryDelayMs(11, 5000)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(50, 5000)).toBe(60 * 60 * 1000);
    expect(retryDelayMs(0, 5000)).toBe(5000);
  });
});
