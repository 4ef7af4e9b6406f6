import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { ActiveEntity, VersionedEntity } from '../../db/base-entity';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { Region } from '../region/region.entity';
import { Station } from '../station/station.entity';
import { VolunteerTeamKind, VolunteerTeamMemberRole } from './volunteer-team.enums';

/**
 * 志愿服务队伍 A volunteer team serving a community: residents' teams such as 帮帮团 and 评理团, and
 * the teams of organs, enterprises, public-interest groups, party members, deputies and mass
 * organizations sent down to communities under 六进小区. Other records (claims of residents'
 * needs) reference it by id.
 */
@Entity({ tableName: 'volunteer_team' })
@Index({ name: 'volunteer_team_kind_idx', properties: ['kind'] })
@Index({ name: 'volunteer_team_name_idx', properties: ['name', 'id'] })
@Index({ name: 'volunteer_team_organization_idx', properties: ['organization'] })
@Index({ name: 'volunteer_team_region_idx', properties: ['region'] })
@Index({ name: 'volunteer_team_station_idx', properties: ['station'] })
@Check({ name: 'volunteer_team_name_check', expression: 'length(btrim((name)::text)) > 0' })
export class VolunteerTeam extends ActiveEntity {
  [OptionalProps]?: 'station' | 'organization' | 'sentDownAt';

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Enum({ items: () => VolunteerTeamKind, type: 'string', columnType: 'varchar(24)' })
  kind!: VolunteerTeamKind;

  /** The community (or village) the team serves. */
  @ManyToOne({ entity: () => Region, fieldName: 'region_id' })
  region!: Region;

  @ManyToOne({ entity: () => Station, fieldName: 'station_id', nullable: true })
  station?: Station | null;

  /** The organization the team comes from (an organ, a chamber, a public-interest group…). */
  @ManyToOne({ entity: () => Organization, fieldName: 'organization_id', nullable: true })
  organization?: Organization | null;

  /** The day it was sent down to the community under 六进小区, YYYY-MM-DD; null when it was not. */
  @Property({ type: 'date', fieldName: 'sent_down_at', nullable: true })
  sentDownAt?: string | null;
}

/**
 * 队员 A member of a volunteer team: a registered person (a dual-reporting party member, a grid
 * worker…), whose name and phone stay on the Person record and are masked by its rules, or a
 * resident known only to the team, whose name and phone are kept here (personal data, masked by
 * the same rules with the team's community as the region that decides).
 */
@Entity({ tableName: 'volunteer_team_member' })
@Index({ name: 'volunteer_team_member_person_idx', properties: ['person'] })
@Index({ name: 'volunteer_team_member_team_idx', properties: ['team', 'joinedOn', 'id'] })
@Unique({ name: 'volunteer_team_member_team_id_person_id_key', properties: ['team', 'person'] })
@Check({ name: 'volunteer_team_member_check', expression: '(person_id IS NULL) <> (name IS NULL)' })
@Check({ name: 'volunteer_team_member_check1', expression: '(person_id IS NULL) OR (phone IS NULL)' })
@Check({ name: 'volunteer_team_member_name_check', expression: 'length(btrim((name)::text)) > 0' })
@Check({ name: 'volunteer_team_member_phone_check', expression: "(phone)::text ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$'::text" })
export class VolunteerTeamMember extends VersionedEntity {
  [OptionalProps]?: 'person' | 'name' | 'phone' | 'joinedOn';

  @ManyToOne({ entity: () => VolunteerTeam, fieldName: 'team_id' })
  team!: VolunteerTeam;

  /** The registered person this member is; null for a resident known only to the team. */
  @ManyToOne({ entity: () => Person, fieldName: 'person_id', nullable: true })
  person?: Person | null;

  /** Personal data; only for a member who is not a registered person. */
  @Property({ type: 'string', length: 50, nullable: true })
  name?: string | null;

  /** Personal data: a mainland mobile or a landline with area code; only for a member who is not a registered person. */
  @Property({ type: 'string', length: 13, nullable: true })
  phone?: string | null;

  @Enum({ items: () => VolunteerTeamMemberRole, type: 'string', columnType: 'varchar(16)' })
  role!: VolunteerTeamMemberRole;

  /** The day they joined, YYYY-MM-DD. */
  @Property({ type: 'date', fieldName: 'joined_on', nullable: true })
  joinedOn?: string | null;
}
