import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Public, SignedIn } from '../../auth/visibility';
import { toDate } from '../../db/sql';
import { UserError } from '../../graphql/errors';
import { payloadTypeOf } from '../../graphql/mutation';
import { connectionTypeOf, Node, toGlobalId } from '../../graphql/relay';
import { DateTimeScalar } from '../../graphql/scalars';
import { ChangeOperationEnum, ChangeRecordType, publicRecordId } from '../audit/audit.types';
import { eventTypeOf } from './webhook-event';
import { ChangeEvent, type ChangeOperation } from '../audit/change-event.entity';
import { columnsOf, type PrefixedRowOf, type RowOf } from '../../db/entity-rows';
import { WebhookSubscription } from './webhook-subscription.entity';
import { WebhookDelivery, WebhookDeliveryAttempt } from './webhook-delivery.entity';
import { WebhookDeliveryStatus } from './webhook.enums';
import { ActiveNode, CreatedNode } from '../../graphql/record-types';

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: '推送状态 Where a webhook delivery stands',
  valuesConfig: {
    PENDING: { description: '待发送或等待重试 Waiting to be sent, or to be retried' },
    DELIVERED: { description: '已送达（接收方返回 2xx）Delivered: the receiver answered 2xx' },
    FAILED: { description: '多次重试失败后放弃，可手动重新推送 Given up after the last retry; redeliverWebhook sends it again' },
  },
});

/** A subscription as the read paths carry it: never its secret or feed position. */
export interface WebhookSubscriptionRecord {
  __typename: 'WebhookSubscription';
  /** Global ID. */
  id: string;
  dbId: string;
  apiClientId: string;
  clientName: string;
  url: string;
  types: string[];
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const SUBSCRIPTION_PROPERTIES = ['id', 'apiClient', 'url', 'types', 'active', 'version', 'createdAt', 'updatedAt'] as const;
export type WebhookSubscriptionRow = RowOf<WebhookSubscription, (typeof SUBSCRIPTION_PROPERTIES)[number]> & { client_name: string };

export const SUBSCRIPTION_COLUMNS = `${columnsOf(WebhookSubscription, 's', SUBSCRIPTION_PROPERTIES)}, c.name as client_name`;
export const SUBSCRIPTION_FROM = 'webhook_subscription s join api_client c on c.id = s.api_client_id';

export function toWebhookSubscriptionRecord(row: WebhookSubscriptionRow): WebhookSubscriptionRecord {
  return {
    __typename: 'WebhookSubscription',
    id: toGlobalId('WebhookSubscription', row.id),
    dbId: row.id,
    apiClientId: row.api_client_id,
    clientName: row.client_name,
    url: row.url,
    types: row.types,
    active: row.active,
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/** The change a delivery announces. */
export interface WebhookChangeRecord {
  sequence: string;
  recordType: string;
  recordId: string;
  operation: ChangeOperation;
  version: number | null;
  occurredAt: Date;
}

export interface WebhookDeliveryRecord {
  __typename: 'WebhookDelivery';
  /** Global ID: the webhook-id header of every attempt. */
  id: string;
  dbId: string;
  subscriptionId: string;
  status: WebhookDeliveryStatus;
  attemptCount: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
  eventType: string;
  change: WebhookChangeRecord;
}

const DELIVERY_PROPERTIES = ['id', 'subscription', 'status', 'attempts', 'nextAttemptAt', 'lastStatusCode', 'lastError', 'deliveredAt', 'createdAt'] as const;
/** The change a delivery announces, read beside it; its version as `change_version`, its key (bigint) as text. */
const DELIVERY_CHANGE_PROPERTIES = ['recordType', 'recordId', 'operation', 'occurredAt'] as const;
export type WebhookDeliveryRow = RowOf<WebhookDelivery, (typeof DELIVERY_PROPERTIES)[number]> &
  RowOf<ChangeEvent, (typeof DELIVERY_CHANGE_PROPERTIES)[number] | 'seq'> &
  PrefixedRowOf<ChangeEvent, 'version', 'change_'>;

export const DELIVERY_COLUMNS = [
  columnsOf(WebhookDelivery, 'd', DELIVERY_PROPERTIES),
  'e.seq::text as seq',
  columnsOf(ChangeEvent, 'e', DELIVERY_CHANGE_PROPERTIES),
  columnsOf(ChangeEvent, 'e', ['version'], { prefix: 'change_' }),
].join(', ');
export const DELIVERY_FROM = 'webhook_delivery d join webhook_subscription s on s.id = d.subscription_id join change_event e on e.seq = d.change_seq';

export function toWebhookDeliveryRecord(row: WebhookDeliveryRow): WebhookDeliveryRecord {
  return {
    __typename: 'WebhookDelivery',
    id: toGlobalId('WebhookDelivery', row.id),
    dbId: row.id,
    subscriptionId: row.subscription_id,
    status: row.status,
    attemptCount: row.attempts,
    nextAttemptAt: row.status === WebhookDeliveryStatus.PENDING ? toDate(row.next_attempt_at) : null,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    deliveredAt: toDate(row.delivered_at),
    createdAt: toDate(row.created_at),
    eventType: eventTypeOf({ recordType: row.record_type, operation: row.operation }),
    change: {
      sequence: row.seq,
      recordType: row.record_type,
      recordId: publicRecordId({ recordType: row.record_type, localId: row.record_id }),
      operation: row.operation,
      version: row.change_version,
      occurredAt: toDate(row.occurred_at),
    },
  };
}

@SignedIn()
@ObjectType('WebhookSubscription', {
  implements: Node,
  simpleResolvers: true,
  description:
    '推送订阅：接口客户端登记的接收地址，变更流中的每条已提交变更按顺序签名推送（Standard Webhooks）A webhook: where an API client receives every committed change of the feed, signed the Standard Webhooks way',
})
export class WebhookSubscriptionType extends ActiveNode(SignedIn, {
  active: '是否启用；停用期间不排队也不发送，重新启用后从停下的位置继续 Active; while inactive nothing is queued or sent, and it resumes where it stopped',
  version: '版本号：修改或删除时须回传 Version; send it back when updating or deleting',
  createdAt: '创建时间：只推送此后提交的变更 When it was created; only changes committed after this are delivered',
}) {
  @SignedIn()
  @Field({ description: '接收地址（http/https）The URL deliveries are POSTed to' })
  url!: string;

  @SignedIn()
  @Field(() => [ChangeRecordType], { description: '只推送这些类型的记录；为空表示变更流中的全部类型 Only these record types; empty means every type the feed carries' })
  types!: string[];

  @SignedIn()
  @Field({ description: '所属接口客户端名称 Name of the API client it belongs to' })
  clientName!: string;
}

@SignedIn()
@ObjectType('WebhookChange', { simpleResolvers: true, description: '推送所通知的变更（与变更流条目相同）The change a delivery announces, as in the change feed' })
export class WebhookChangeType {
  @SignedIn()
  @Field({ description: '变更序号 Sequence number of the change' })
  sequence!: string;

  @SignedIn()
  @Field(() => ChangeRecordType, { description: '记录类型 Kind of record' })
  recordType!: string;

  @SignedIn()
  @Field(() => ID, { description: '记录 ID（可用 node 查询的为全局 ID）Record ID: a global ID where node(id) can fetch it' })
  recordId!: string;

  @SignedIn()
  @Field(() => ChangeOperationEnum, { description: '变更类型 What happened' })
  operation!: ChangeOperation;

  @SignedIn()
  @Field(() => Int, { nullable: true, description: '变更后的版本号 Version after the change' })
  version!: number | null;

  @SignedIn()
  @Field(() => DateTimeScalar, { description: '发生时间 When it happened' })
  occurredAt!: Date;
}

/** One attempt of a delivery, as kept in its history. */
export interface WebhookDeliveryAttemptRecord {
  deliveryId: string;
  startedAt: Date;
  durationMs: number | null;
  delivered: boolean;
  statusCode: number | null;
  error: string | null;
}

const ATTEMPT_PROPERTIES = ['delivery', 'startedAt', 'durationMs', 'delivered', 'statusCode', 'error'] as const;
export type WebhookDeliveryAttemptRow = RowOf<WebhookDeliveryAttempt, (typeof ATTEMPT_PROPERTIES)[number]>;

/** An attempt's columns under alias `a`. */
export const ATTEMPT_COLUMNS = columnsOf(WebhookDeliveryAttempt, 'a', ATTEMPT_PROPERTIES);

export function toWebhookDeliveryAttemptRecord(row: WebhookDeliveryAttemptRow): WebhookDeliveryAttemptRecord {
  return {
    deliveryId: row.delivery_id,
    startedAt: toDate(row.started_at),
    durationMs: row.duration_ms,
    delivered: row.delivered,
    statusCode: row.status_code,
    error: row.error,
  };
}

@SignedIn()
@ObjectType('WebhookDeliveryAttempt', { simpleResolvers: true, description: '一次推送尝试 One attempt to deliver a webhook' })
export class WebhookDeliveryAttemptType {
  @SignedIn()
  @Field(() => DateTimeScalar, { description: '开始时间 When the attempt started' })
  startedAt!: Date;

  @SignedIn()
  @Field(() => Int, {
    nullable: true,
    description:
      '耗时（毫秒，含解析地址、连接和等待状态行）；升级前的记录为空 How long it took in ms (resolving, connecting, waiting for the status line); null for attempts recorded before durations were kept',
  })
  durationMs!: number | null;

  @SignedIn()
  @Field({ description: '是否送达（接收方返回 2xx）Whether the receiver answered 2xx' })
  delivered!: boolean;

  @SignedIn()
  @Field(() => Int, {
    nullable: true,
    description: '接收方返回的 HTTP 状态码（网络错误、超时或地址被拒时为空）HTTP status the receiver answered; null after a network error, a timeout or a refused address',
  })
  statusCode!: number | null;

  @SignedIn()
  @Field(() => String, { nullable: true, description: '失败原因（简要，不含对方返回内容）Why it failed, briefly; never the response body' })
  error!: string | null;
}

@SignedIn()
@ObjectType('WebhookDelivery', {
  implements: Node,
  simpleResolvers: true,
  description:
    '一次推送：一条变更发往一个订阅，含每次尝试；其 id 即每次尝试的请求头 webhook-id（重试时不变，可用于去重）One change sent to one subscription, with every attempt; its id is the webhook-id header of every attempt (the same on retries, for deduplication)',
})
export class WebhookDeliveryType extends CreatedNode(SignedIn, { createdAt: '排队时间 When it was queued' }) {
  @SignedIn()
  @Field(() => WebhookDeliveryStatus, { description: '状态 Status' })
  status!: WebhookDeliveryStatus;

  @SignedIn()
  @Field(() => Int, { description: '本轮已尝试次数（重新推送时从 0 重新计算）Attempts made in this round; redeliverWebhook starts a new round at 0' })
  attemptCount!: number;

  @SignedIn()
  @Field(() => DateTimeScalar, { nullable: true, description: '下次尝试时间（仅待发送时）When the next attempt is due; only while PENDING' })
  nextAttemptAt!: Date | null;

  @SignedIn()
  @Field(() => Int, { nullable: true, description: '上次尝试的 HTTP 状态码（网络错误或超时为空）HTTP status of the last attempt; null after a network error or timeout' })
  lastStatusCode!: number | null;

  @SignedIn()
  @Field(() => String, { nullable: true, description: '上次失败原因（简要，不含对方返回内容）Why the last attempt failed, briefly; never the response body' })
  lastError!: string | null;

  @SignedIn()
  @Field(() => DateTimeScalar, { nullable: true, description: '送达时间 When it was delivered' })
  deliveredAt!: Date | null;

  @SignedIn()
  @Field({ description: "事件类型，即请求体中的 type，如 station.update Event type, the body's `type`, e.g. station.update" })
  eventType!: string;

  @SignedIn()
  @Field(() => WebhookChangeType, { description: '所通知的变更 The change it announces' })
  change!: WebhookChangeRecord;
}

export const WebhookSubscriptionConnection = connectionTypeOf(WebhookSubscriptionType, 'WebhookSubscription', '推送订阅');
export const WebhookDeliveryConnection = connectionTypeOf(WebhookDeliveryType, 'WebhookDelivery', '推送记录');

type ClassType = new (...args: never[]) => unknown;

/** A payload that shows the signing secret: this once, never again. */
function secretPayloadTypeOf(name: string, description: string): ClassType {
  @Public()
  @ObjectType(name, { simpleResolvers: true, description })
  class Payload {
    @Public()
    @Field(() => WebhookSubscriptionType, { nullable: true, description: '推送订阅（有用户错误时为空）The subscription; null when there are user errors' })
    webhookSubscription!: WebhookSubscriptionRecord | null;

    @Public()
    @Field(() => String, {
      nullable: true,
      description: '签名密钥（whsec_ 开头），仅此一次显示，请立即妥善保存 The signing secret (whsec_…), shown this once only: store it now; null when there are user errors',
    })
    secret!: string | null;

    @Public()
    @Field(() => [UserError], { description: '用户错误；为空表示成功 Problems with the input; empty on success' })
    userErrors!: UserError[];
  }
  return Payload;
}

export const CreateWebhookSubscriptionPayload = secretPayloadTypeOf('CreateWebhookSubscriptionPayload', '创建推送订阅结果 Result of createWebhookSubscription');
export const RotateWebhookSecretPayload = secretPayloadTypeOf('RotateWebhookSecretPayload', '更换签名密钥结果 Result of rotateWebhookSecret');
export const UpdateWebhookSubscriptionPayload = payloadTypeOf('UpdateWebhookSubscriptionPayload', '修改推送订阅结果 Result of updateWebhookSubscription', {
  name: 'webhookSubscription',
  type: () => WebhookSubscriptionType,
  zh: '推送订阅',
  en: 'The subscription',
});
export const DeleteWebhookSubscriptionPayload = payloadTypeOf('DeleteWebhookSubscriptionPayload', '删除推送订阅结果 Result of deleteWebhookSubscription', {
  name: 'deletedId',
  type: () => ID,
  zh: '已删除订阅的 ID',
  en: 'ID of the deleted subscription',
});
export const RedeliverWebhookPayload = payloadTypeOf('RedeliverWebhookPayload', '重新推送结果 Result of redeliverWebhook', {
  name: 'webhookDelivery',
  type: () => WebhookDeliveryType,
  zh: '推送记录',
  en: 'The delivery',
});

export interface WebhookSecretPayload {
  webhookSubscription: WebhookSubscriptionRecord | null;
  secret: string | null;
  userErrors: UserError[];
}

export interface WebhookSubscriptionPayload {
  webhookSubscription: WebhookSubscriptionRecord | null;
  userErrors: UserError[];
}

export interface DeleteWebhookSubscriptionResult {
  deletedId: string | null;
  userErrors: UserError[];
}

export interface RedeliverWebhookResult {
  webhookDelivery: WebhookDeliveryRecord | null;
  userErrors: UserError[];
}
