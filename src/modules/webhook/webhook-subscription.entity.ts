import { ArrayType, Check, Entity, Index, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { ApiClient } from '../api-client/api-client.entity';
import { ActiveEntity } from '../../db/base-entity';

/**
 * 推送订阅 An API client's webhook: where to POST the change feed and which record types.
 * Its feed position (lastTx, lastSeq) is moved by the dispatcher with plain SQL, never through
 * this entity, so a subscription's version only counts its owner's changes.
 */
@Entity({ tableName: 'webhook_subscription' })
@Index({ name: 'webhook_subscription_client_idx', properties: ['apiClient', 'createdAt', 'id'] })
@Index({ name: 'webhook_subscription_created_idx', properties: ['createdAt', 'id'] })
@Check({ name: 'webhook_subscription_check', expression: '(last_tx IS NULL) = (last_seq IS NULL)' })
@Check({ name: 'webhook_subscription_secret_check', expression: "(secret)::text ~ '^whsec_[A-Za-z0-9+/]+=*$'::text" })
@Check({
  name: 'webhook_subscription_types_check',
  expression:
    "types <@ ARRAY['Station'::text, 'Platform'::text, 'ServiceItem'::text, 'StationServiceItem'::text, 'Department'::text, 'Organization'::text, 'CoBuilding'::text, 'Activity'::text, 'VolunteerTeam'::text, 'VolunteerTeamMember'::text, 'DeliberationVenue'::text, 'Person'::text, 'DutyShift'::text, 'StationGridWorker'::text, 'ExternalRef'::text, 'Need'::text, 'NeedTransition'::text, 'NeedClaim'::text, 'Meeting'::text, 'MeetingAgendaItem'::text, 'ConstructionPlan'::text]",
})
@Check({ name: 'webhook_subscription_url_check', expression: "(url)::text ~ '^https?://[^[:space:]]+$'::text" })
export class WebhookSubscription extends ActiveEntity {
  [OptionalProps]?: 'types' | 'lastTx' | 'lastSeq';

  @ManyToOne({ entity: () => ApiClient, fieldName: 'api_client_id' })
  apiClient!: ApiClient;

  @Property({ type: 'string', length: 500 })
  url!: string;

  /** Record type names as change_event stores them; empty means every type the feed carries. */
  @Property({ type: ArrayType, defaultRaw: `'{}'` })
  types: string[] = [];

  /** The signing secret, `whsec_` + base64; kept as issued because every delivery is signed with it. */
  @Property({ type: 'string', length: 100 })
  secret!: string;

  @Property({ type: 'string', columnType: 'xid8', fieldName: 'last_tx', nullable: true })
  lastTx?: string | null;

  @Property({ type: 'bigint', fieldName: 'last_seq', nullable: true })
  lastSeq?: string | null;
}
