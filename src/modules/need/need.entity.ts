import { ArrayType, Check, Entity, Enum, Index, ManyToOne, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { UuidEntity, VersionedEntity } from '../../db/base-entity';
import { Department } from '../department/department.entity';
import { Region } from '../region/region.entity';
import { Station } from '../station/station.entity';
import { NeedCategory, NeedChannel, NeedKind, NeedState } from './need.enums';

/**
 * 群众需求 / 微心愿 A resident's need, a station's order, a night-patrol issue or a project, and
 * where it stands in its workflow (need-rules.ts). The resident's name and phone are personal data.
 */
@Entity({ tableName: 'need' })
@Index({ name: 'need_created_idx', properties: ['createdAt', 'id'] })
@Index({ name: 'need_deadline_idx', expression: 'CREATE INDEX need_deadline_idx ON public.need USING btree (deadline) WHERE (deadline IS NOT NULL)' })
@Index({ name: 'need_department_idx', properties: ['referredDepartment', 'createdAt', 'id'] })
@Index({ name: 'need_earth_idx', expression: 'CREATE INDEX need_earth_idx ON public.need USING gist (ll_to_earth(lat, lng)) WHERE (lat IS NOT NULL)' })
@Index({ name: 'need_region_idx', properties: ['region'] })
@Index({ name: 'need_state_idx', properties: ['state'] })
@Index({ name: 'need_station_idx', properties: ['station', 'createdAt', 'id'] })
@Check({ name: 'need_check', expression: '(lat IS NULL) = (lng IS NULL)' })
@Check({ name: 'need_lat_check', expression: "(lat >= ('-90'::integer)::double precision) AND (lat <= (90)::double precision)" })
@Check({ name: 'need_lng_check', expression: "(lng >= ('-180'::integer)::double precision) AND (lng <= (180)::double precision)" })
@Check({ name: 'need_photo_urls_check', expression: 'cardinality(photo_urls) <= 9' })
@Check({ name: 'need_rejected_check', expression: "((state)::text <> 'REJECTED'::text) OR (rejection_reason IS NOT NULL)" })
@Check({ name: 'need_satisfaction_check', expression: '(satisfaction >= 1) AND (satisfaction <= 5)' })
@Check({ name: 'need_text_check', expression: 'length(btrim((text)::text)) > 0' })
export class Need extends VersionedEntity {
  [OptionalProps]?:
    | 'state'
    | 'station'
    | 'lat'
    | 'lng'
    | 'photoUrls'
    | 'residentName'
    | 'residentPhone'
    | 'deadline'
    | 'referredDepartment'
    | 'resolution'
    | 'rejectionReason'
    | 'satisfaction'
    | 'satisfactionComment';

  @Enum({ items: () => NeedKind, type: 'string', columnType: 'varchar(32)' })
  kind!: NeedKind;

  @Enum({ items: () => NeedChannel, type: 'string', columnType: 'varchar(32)' })
  channel!: NeedChannel;

  @Enum({ items: () => NeedCategory, type: 'string', columnType: 'varchar(32)' })
  category!: NeedCategory;

  @Enum({ items: () => NeedState, type: 'string', columnType: 'varchar(16)', default: 'SUBMITTED' })
  state: NeedState = NeedState.SUBMITTED;

  @ManyToOne({ entity: () => Station, fieldName: 'station_id', nullable: true })
  station?: Station | null;

  /** The community (or street) the need belongs to; a station's own when there is a station. */
  @ManyToOne({ entity: () => Region, fieldName: 'region_id' })
  region!: Region;

  @Property({ type: 'string', length: 2000 })
  text!: string;

  /** WGS-84. */
  @Property({ type: 'double', nullable: true })
  lat?: number | null;

  @Property({ type: 'double', nullable: true })
  lng?: number | null;

  @Property({ type: ArrayType, fieldName: 'photo_urls', columnType: 'text[]', defaultRaw: `'{}'` })
  photoUrls: string[] = [];

  /** Personal data. */
  @Property({ type: 'string', length: 50, fieldName: 'resident_name', nullable: true })
  residentName?: string | null;

  /** Personal data. */
  @Property({ type: 'string', length: 13, fieldName: 'resident_phone', nullable: true })
  residentPhone?: string | null;

  /** 限期整改 The date by which it must be settled. */
  @Property({ type: 'datetime', nullable: true })
  deadline?: Date | null;

  @ManyToOne({ entity: () => Department, fieldName: 'referred_department_id', nullable: true })
  referredDepartment?: Department | null;

  @Property({ type: 'string', length: 2000, nullable: true })
  resolution?: string | null;

  @Property({ type: 'string', length: 16, fieldName: 'receipt_code', unique: true })
  receiptCode!: string;

  @Property({ type: 'string', length: 500, fieldName: 'rejection_reason', nullable: true })
  rejectionReason?: string | null;

  @Property({ type: 'smallint', nullable: true })
  satisfaction?: number | null;

  @Property({ type: 'string', length: 500, fieldName: 'satisfaction_comment', nullable: true })
  satisfactionComment?: string | null;
}

/** 办理记录 One move of a need's workflow: from which state to which, who, when, and a note. */
@Entity({ tableName: 'need_transition' })
@Unique({ name: 'need_transition_need_id_sequence_key', properties: ['need', 'sequence'] })
@Check({ name: 'need_transition_sequence_check', expression: 'sequence >= 1' })
export class NeedTransition extends UuidEntity {
  [OptionalProps]?: 'fromState' | 'actorName' | 'note' | 'occurredAt';

  @ManyToOne({ entity: () => Need, fieldName: 'need_id' })
  need!: Need;

  /** 1 for the submission, then one more for each move. */
  @Property({ type: 'integer' })
  sequence!: number;

  /** Null for the submission itself. */
  @Enum({ items: () => NeedState, type: 'string', columnType: 'varchar(16)', fieldName: 'from_state', nullable: true })
  fromState?: NeedState | null;

  @Enum({ items: () => NeedState, type: 'string', columnType: 'varchar(16)', fieldName: 'to_state' })
  toState!: NeedState;

  /** ANONYMOUS, API_CLIENT, USER or SYSTEM (as the change feed's actors). */
  @Property({ type: 'string', length: 16, fieldName: 'actor_kind' })
  actorKind!: string;

  /** The API client's name, or the user's (personal data); null for anonymous callers. */
  @Property({ type: 'string', length: 100, fieldName: 'actor_name', nullable: true })
  actorName?: string | null;

  @Property({ type: 'string', length: 500, nullable: true })
  note?: string | null;

  @Property({ type: 'datetime', fieldName: 'occurred_at', defaultRaw: 'now()' })
  occurredAt: Date = new Date();
}
