import { SortDirection } from '../station/station.inputs';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Public, SignedIn } from '../../auth/visibility';
import type { Context } from '../../graphql/context';
import { registerNodeLoader, registerNodeScope } from '../../graphql/node.resolver';
import { planConnection } from '../../graphql/plan/planner';
import { badInputOf, localIdOf, notAnId, toPageRequest } from '../../graphql/relay';
import { apiClientLoader } from '../api-client/api-client.reader';
import { ApiClientType, type ApiClientRecord } from '../api-client/api-client.types';
import {
  CreateWebhookSubscriptionInput,
  DeleteWebhookSubscriptionInput,
  RedeliverWebhookInput,
  RotateWebhookSecretInput,
  UpdateWebhookSubscriptionInput,
  WebhookDeliveriesArgs,
  WebhookSubscriptionsArgs,
} from './webhook.inputs';
import { deliveryOwnerCondition, ownerCondition, webhookDeliveryList, webhookLoaders, webhookSubscriptionById, webhookSubscriptionList } from './webhook.reader';
import * as webhooks from './webhook.service';
import {
  CreateWebhookSubscriptionPayload,
  DeleteWebhookSubscriptionPayload,
  RedeliverWebhookPayload,
  RotateWebhookSecretPayload,
  UpdateWebhookSubscriptionPayload,
  WebhookDeliveryAttemptType,
  WebhookDeliveryConnection,
  WebhookDeliveryType,
  WebhookSubscriptionConnection,
  WebhookSubscriptionType,
  type WebhookDeliveryAttemptRecord,
  type DeleteWebhookSubscriptionResult,
  type RedeliverWebhookResult,
  type WebhookDeliveryRecord,
  type WebhookSecretPayload,
  type WebhookSubscriptionPayload,
  type WebhookSubscriptionRecord,
} from './webhook.types';

// A caller fetches only its own subscriptions and deliveries by node(id); administrators any.
registerNodeLoader('WebhookSubscription', (ctx, id) => webhookLoaders(ctx.db, webhooks.webhookScopeOf(ctx)).subscription.load(id));
registerNodeLoader('WebhookDelivery', (ctx, id) => webhookLoaders(ctx.db, webhooks.webhookScopeOf(ctx)).delivery.load(id));
// …and the planner, which reads them for node(id), by the same scope.
registerNodeScope('WebhookSubscription', (ctx, t) => ownerCondition(webhooks.webhookScopeOf(ctx), `${t}.api_client_id`));
registerNodeScope('WebhookDelivery', (ctx, t) => deliveryOwnerCondition(webhooks.webhookScopeOf(ctx), `${t}.subscription_id`));

@Resolver(() => WebhookSubscriptionType)
export class WebhookResolver {
  @SignedIn()
  @Query(() => WebhookSubscriptionConnection, {
    description: '推送订阅（接口客户端看自己的，管理员看全部；最早创建的在前）Webhook subscriptions: an API client sees its own, administrators all; oldest first',
  })
  webhookSubscriptions(
    @Args(() => WebhookSubscriptionsArgs) args: WebhookSubscriptionsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Record<string, unknown>> {
    let apiClientId: string | undefined;
    if (args.filter?.apiClientId != null) {
      apiClientId = localIdOf(args.filter.apiClientId, 'ApiClient') ?? undefined;
      if (!apiClientId) throw notAnId('filter.apiClientId', 'ApiClient');
    }
    const filter = { apiClientId, active: args.filter?.active ?? undefined };
    return planConnection(ctx, info, webhookSubscriptionList(webhooks.webhookScopeOf(ctx), filter, toPageRequest(args, 2)));
  }

  @SignedIn()
  @Query(() => WebhookDeliveryConnection, {
    description: '推送记录（最新的变更在前），可按订阅和状态筛选 Webhook deliveries, newest change first, optionally of one subscription and by status',
  })
  async webhookDeliveries(@Args(() => WebhookDeliveriesArgs) args: WebhookDeliveriesArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown>> {
    const scope = webhooks.webhookScopeOf(ctx);
    const given = args.filter?.subscriptionId;
    const subscriptionId = given != null ? localIdOf(given, 'WebhookSubscription') : undefined;
    if (subscriptionId === null || (subscriptionId && !(await webhookSubscriptionById(ctx.db, scope, subscriptionId)))) {
      throw badInputOf('WEBHOOK_SUBSCRIPTION_NOT_YOURS', {}, 'filter.subscriptionId');
    }
    const filter = { subscriptionId, status: args.filter?.status ?? undefined };
    return planConnection(ctx, info, webhookDeliveryList(scope, filter, (args.orderBy?.direction ?? SortDirection.DESC) === SortDirection.DESC, toPageRequest(args, 2)));
  }

  @SignedIn()
  @FieldResolver(() => ApiClientType, { description: '所属接口客户端 The API client it belongs to' })
  async apiClient(@Root() subscription: WebhookSubscriptionRecord, @Ctx() ctx: Context): Promise<ApiClientRecord> {
    return (await apiClientLoader(ctx.db).load(subscription.apiClientId))!;
  }

  @Public()
  @Mutation(() => CreateWebhookSubscriptionPayload, {
    description:
      '创建推送订阅（仅接口客户端）：此后提交的每条变更都会签名推送到该地址；返回的签名密钥仅显示一次 Subscribe the calling API client to the change feed: every change committed from now on is POSTed, signed, to the URL; the signing secret is returned this once',
  })
  createWebhookSubscription(
    @Arg('input', () => CreateWebhookSubscriptionInput, { description: '新订阅 The new subscription' }) input: CreateWebhookSubscriptionInput,
    @Ctx() ctx: Context,
  ): Promise<WebhookSecretPayload> {
    return webhooks.createWebhookSubscription(ctx, input);
  }

  @Public()
  @Mutation(() => UpdateWebhookSubscriptionPayload, {
    description: '修改、停用或重新启用推送订阅（须带读取时的版本号）Change, pause or resume a webhook; pass the version you read',
  })
  updateWebhookSubscription(
    @Arg('input', () => UpdateWebhookSubscriptionInput, { description: '要修改的字段 Fields to change' }) input: UpdateWebhookSubscriptionInput,
    @Ctx() ctx: Context,
  ): Promise<WebhookSubscriptionPayload> {
    return webhooks.updateWebhookSubscription(ctx, input);
  }

  @Public()
  @Mutation(() => RotateWebhookSecretPayload, {
    description: '更换签名密钥：新密钥仅显示一次，此后的推送都用它签名 Replace the signing secret: the new one is shown this once and signs every attempt from now on',
  })
  rotateWebhookSecret(
    @Arg('input', () => RotateWebhookSecretInput, { description: '要更换密钥的订阅 The subscription' }) input: RotateWebhookSecretInput,
    @Ctx() ctx: Context,
  ): Promise<WebhookSecretPayload> {
    return webhooks.rotateWebhookSecret(ctx, input);
  }

  @Public()
  @Mutation(() => DeleteWebhookSubscriptionPayload, { description: '删除推送订阅及其推送记录 Delete a webhook and its deliveries' })
  deleteWebhookSubscription(
    @Arg('input', () => DeleteWebhookSubscriptionInput, { description: '要删除的订阅 The subscription to delete' }) input: DeleteWebhookSubscriptionInput,
    @Ctx() ctx: Context,
  ): Promise<DeleteWebhookSubscriptionResult> {
    return webhooks.deleteWebhookSubscription(ctx, input);
  }

  @Public()
  @Mutation(() => RedeliverWebhookPayload, {
    description: '重新推送一条记录（如接收方修复后），立即发送并重新计算重试次数 Send a delivery again now (e.g. once the receiver is fixed), with a fresh count of attempts',
  })
  redeliverWebhook(
    @Arg('input', () => RedeliverWebhookInput, { description: '要重新推送的记录 The delivery to send again' }) input: RedeliverWebhookInput,
    @Ctx() ctx: Context,
  ): Promise<RedeliverWebhookResult> {
    return webhooks.redeliverWebhook(ctx, input);
  }
}

@Resolver(() => WebhookDeliveryType)
export class WebhookDeliveryResolver {
  @SignedIn()
  @FieldResolver(() => WebhookSubscriptionType, { description: '所属订阅 The subscription it was sent to' })
  async subscription(@Root() delivery: WebhookDeliveryRecord, @Ctx() ctx: Context): Promise<WebhookSubscriptionRecord> {
    // Whoever sees the delivery sees its subscription: the same owner scope decides both.
    return (await webhookLoaders(ctx.db, { all: true }).subscription.load(delivery.subscriptionId))!;
  }

  @SignedIn()
  @FieldResolver(() => [WebhookDeliveryAttemptType], {
    description: '每次尝试（最新在前，最多 100 次，重新推送前的也保留）Every attempt, newest first (at most the latest 100), those before a redelivery included',
  })
  attempts(@Root() delivery: WebhookDeliveryRecord, @Ctx() ctx: Context): Promise<WebhookDeliveryAttemptRecord[]> {
    return webhookLoaders(ctx.db, webhooks.webhookScopeOf(ctx))
      .attempts.load(delivery.dbId)
      .then((attempts) => attempts ?? []);
  }
}
