import { SortDirection } from '../station/station.inputs';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/relay';
import { ChangeRecordType } from '../audit/audit.types';
import { WebhookDeliveryStatus } from './webhook.enums';

@InputType('CreateWebhookSubscriptionInput', { description: '新建推送订阅（为调用方的接口客户端）A new webhook for the calling API client' })
export class CreateWebhookSubscriptionInput {
  @Field({
    description:
      '接收地址：http:// 或 https:// 开头，至多500字符；不能指向本机或内网地址（平台管理员允许的主机除外） The URL to POST deliveries to: http(s), at most 500 characters; not a loopback or internal-network address unless the hub operator allows its host',
  })
  url!: string;

  @Field(() => [ChangeRecordType], { nullable: true, description: '只推送这些类型；不传或为空表示全部 Only these record types; omitted or empty means all' })
  types?: string[] | null;
}

@InputType('UpdateWebhookSubscriptionInput', { description: '修改推送订阅：只改所给字段 Change the given fields of a webhook' })
export class UpdateWebhookSubscriptionInput {
  @Field(() => ID, { description: '订阅 ID Subscription ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read; a stale one is a CONFLICT' })
  version!: number;

  @Field({
    nullable: true,
    description:
      '接收地址（不能指向本机或内网地址，平台管理员允许的主机除外）The URL to POST deliveries to; not a loopback or internal-network address unless the hub operator allows its host',
  })
  url?: string;

  @Field(() => [ChangeRecordType], { nullable: true, description: '只推送这些类型；空列表表示全部 Only these record types; an empty list means all' })
  types?: string[];

  @Field({ nullable: true, description: '是否启用；停用后暂停排队与发送 Active; inactive pauses queueing and sending' })
  active?: boolean;
}

@InputType('RotateWebhookSecretInput', { description: '更换签名密钥：旧密钥立即作废 Replace the signing secret; the old one stops at once' })
export class RotateWebhookSecretInput {
  @Field(() => ID, { description: '订阅 ID Subscription ID' })
  id!: string;
}

@InputType('DeleteWebhookSubscriptionInput', { description: '删除推送订阅及其推送记录 Delete a webhook and its deliveries' })
export class DeleteWebhookSubscriptionInput {
  @Field(() => ID, { description: '订阅 ID Subscription ID' })
  id!: string;

  @Field(() => Int, { description: '读取时的版本号 The version the caller read' })
  version!: number;
}

@InputType('RedeliverWebhookInput', { description: '重新推送：立即再发一次，重新计算重试次数 Send a delivery again now, with a fresh count of attempts' })
export class RedeliverWebhookInput {
  @Field(() => ID, { description: '推送 ID Delivery ID' })
  deliveryId!: string;
}

@InputType('WebhookSubscriptionFilter', { description: '推送订阅筛选条件 Webhook subscription filters; all given conditions must hold' })
export class WebhookSubscriptionFilter {
  @Field(() => ID, {
    nullable: true,
    description: '只看这个接口客户端的订阅（接口客户端只能看到自己的）Only this API client’s subscriptions; an API client sees only its own anyway',
  })
  apiClientId?: string;

  @Field({ nullable: true, description: '只看启用（true）或停用（false）的订阅 Only active (true) or paused (false) subscriptions' })
  active?: boolean;
}

@ArgsType()
export class WebhookSubscriptionsArgs extends ConnectionArgs {
  @Field(() => WebhookSubscriptionFilter, { nullable: true, description: '筛选条件 Filters' })
  filter?: WebhookSubscriptionFilter;
}

@InputType('WebhookDeliveryFilter', { description: '推送记录筛选条件 Webhook delivery filters; all given conditions must hold' })
export class WebhookDeliveryFilter {
  @Field(() => ID, { nullable: true, description: "只看这个订阅的推送（须为自己的订阅）Only this subscription's deliveries; it must be one of yours" })
  subscriptionId?: string;

  @Field(() => [WebhookDeliveryStatus], { nullable: true, description: '状态之一 Any of these statuses' })
  status?: WebhookDeliveryStatus[];
}

@InputType('WebhookDeliveryOrder', { description: '推送记录排序：按所推变更的先后 Ordering of deliveries, by when the change they carry happened' })
export class WebhookDeliveryOrder {
  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: '方向，默认最新在前 Direction; newest first by default' })
  direction!: SortDirection;
}

@ArgsType()
export class WebhookDeliveriesArgs extends ConnectionArgs {
  @Field(() => WebhookDeliveryFilter, { nullable: true, description: '筛选条件 Filters' })
  filter?: WebhookDeliveryFilter;

  @Field(() => WebhookDeliveryOrder, { nullable: true, description: '排序，默认最新的变更在前 Ordering; newest change first by default' })
  orderBy?: WebhookDeliveryOrder;
}
