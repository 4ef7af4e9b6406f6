import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { VersionedEntity } from '../../db/base-entity';
import { DeliberationVenue } from '../deliberation-venue/deliberation-venue.entity';
import { Department } from '../department/department.entity';
import { Need } from '../need/need.entity';
import { Region } from '../region/region.entity';
import { Station } from '../station/station.entity';
import { AgendaDecision } from './meeting.enums';

/**
 * 民生议事厅 A community's (or its station's) livelihood meeting, held weekly on Wednesdays: who
 * came (a count and a plain-text list of units and roles, never phone numbers) and the needs on its
 * agenda with what it decided about each (MeetingAgendaItem).
 */
@Entity({ tableName: 'meeting' })
@Index({ name: 'meeting_held_idx', properties: ['heldOn', 'id'] })
@Index({ name: 'meeting_region_idx', properties: ['region', 'heldOn'] })
@Index({ name: 'meeting_station_idx', properties: ['station', 'heldOn'] })
@Check({ name: 'meeting_title_check', expression: 'length(btrim((title)::text)) > 0' })
@Check({ name: 'meeting_attendee_count_check', expression: 'attendee_count >= 0' })
export class Meeting extends VersionedEntity {
  [OptionalProps]?: 'station' | 'venue' | 'attendeeCount' | 'attendees';

  /** The community the meeting is of. */
  @ManyToOne({ entity: () => Region, fieldName: 'region_id' })
  region!: Region;

  @ManyToOne({ entity: () => Station, fieldName: 'station_id', nullable: true })
  station?: Station | null;

  @ManyToOne({ entity: () => DeliberationVenue, fieldName: 'venue_id', nullable: true })
  venue?: DeliberationVenue | null;

  /** YYYY-MM-DD (China's calendar day). */
  @Property({ type: 'date', fieldName: 'held_on' })
  heldOn!: string;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'integer', fieldName: 'attendee_count', nullable: true })
  attendeeCount?: number | null;

  /** Who came, as text: units and roles (社区党委、居民代表、物业), never phone numbers. */
  @Property({ type: 'string', length: 2000, nullable: true })
  attendees?: string | null;
}

/** 议题 A need on a meeting's agenda and, once taken, the meeting's decision on it. */
@Entity({ tableName: 'meeting_agenda_item' })
@Unique({ name: 'meeting_agenda_item_meeting_id_need_id_key', properties: ['meeting', 'need'] })
@Index({ name: 'meeting_agenda_item_need_idx', properties: ['need', 'createdAt', 'id'] })
@Check({ name: 'meeting_agenda_item_decided_check', expression: '(decision IS NULL) = (decided_at IS NULL)' })
@Check({ name: 'meeting_agenda_item_rejected_check', expression: "((decision)::text <> 'REJECTED'::text) OR (decision_reason IS NOT NULL)" })
@Check({ name: 'meeting_agenda_item_referred_check', expression: "((decision)::text = 'REFERRED'::text) = (referred_department_id IS NOT NULL)" })
export class MeetingAgendaItem extends VersionedEntity {
  [OptionalProps]?: 'decision' | 'decisionReason' | 'referredDepartment' | 'decidedAt';

  @ManyToOne({ entity: () => Meeting, fieldName: 'meeting_id' })
  meeting!: Meeting;

  @ManyToOne({ entity: () => Need, fieldName: 'need_id' })
  need!: Need;

  /** 1 for the first item put on the agenda, then one more for each. */
  @Property({ type: 'integer' })
  position!: number;

  @Enum({ items: () => AgendaDecision, type: 'string', columnType: 'varchar(16)', nullable: true })
  decision?: AgendaDecision | null;

  /** Why it was rejected (required then), or a note on the decision. */
  @Property({ type: 'string', length: 500, fieldName: 'decision_reason', nullable: true })
  decisionReason?: string | null;

  @ManyToOne({ entity: () => Department, fieldName: 'referred_department_id', nullable: true })
  referredDepartment?: Department | null;

  @Property({ type: 'datetime', fieldName: 'decided_at', nullable: true })
  decidedAt?: Date | null;
}
