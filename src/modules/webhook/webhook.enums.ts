/** 推送状态 Where a webhook delivery stands (registered for GraphQL in webhook.types.ts). */
export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
