import { ArrayType, Entity, Enum, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import type { OpeningHours } from '../opening-hours/opening-hours';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { Region } from '../region/region.entity';
import { ServiceCircle } from '../service-circle/service-circle.entity';
import { StationKind, StationStatus, StationTier } from './station.enums';
import type { FiveIntoFacility, FunctionZone, ServedGroup } from './station-profile';
import { VersionedEntity } from '../../db/base-entity';

/** 红色驿站 A numbered Red Post Station. Written through MikroORM; read paths use plain SQL rows. */
@Entity({ tableName: 'station' })
export class Station extends VersionedEntity {
  [OptionalProps]?:
    | 'archivedAt'
    | 'circle'
    | 'planYear'
    | 'openedOn'
    | 'openingHours'
    | 'functionZones'
    | 'fiveIntoFacilities'
    | 'groupsServed'
    | 'hostsMobilePartyMemberServicePoint'
    | 'isHub'
    | 'hub'
    | 'managingOrganization'
    | 'contactCadre';

  @Property({ type: 'string', length: 24, unique: true })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Enum({ items: () => StationTier, type: 'string', columnType: 'varchar(16)' })
  tier!: StationTier;

  @Enum({ items: () => StationKind, type: 'string', columnType: 'varchar(16)' })
  kind!: StationKind;

  @Enum({ items: () => StationStatus, type: 'string', columnType: 'varchar(24)' })
  status!: StationStatus;

  @ManyToOne({ entity: () => Region, fieldName: 'region_id' })
  region!: Region;

  @ManyToOne({ entity: () => ServiceCircle, fieldName: 'circle_id', nullable: true, deleteRule: 'set null' })
  circle?: ServiceCircle | null;

  @Property({ type: 'string', length: 200 })
  address!: string;

  /** WGS-84 latitude. */
  @Property({ type: 'double' })
  lat!: number;

  /** WGS-84 longitude. */
  @Property({ type: 'double' })
  lng!: number;

  @Property({ type: 'smallint', fieldName: 'plan_year', nullable: true })
  planYear?: number | null;

  /** Calendar date (YYYY-MM-DD) the station first opened. */
  @Property({ type: 'date', fieldName: 'opened_on', nullable: true })
  openedOn?: string | null;

  /** Weekly schedule; null while none is published. */
  @Property({ type: 'json', fieldName: 'opening_hours', nullable: true })
  openingHours?: OpeningHours | null;

  /** The "1+4+N" function zones, in "1+4+N" order, names filled in. */
  @Property({ type: 'json', fieldName: 'function_zones', defaultRaw: `'[]'` })
  functionZones: FunctionZone[] = [];

  /** 五进 facilities, a set in declaration order. */
  @Property({ type: ArrayType, fieldName: 'five_into_facilities', columnType: 'text[]', defaultRaw: `'{}'` })
  fiveIntoFacilities: FiveIntoFacility[] = [];

  /** Groups served, a set in declaration order. */
  @Property({ type: ArrayType, fieldName: 'groups_served', columnType: 'text[]', defaultRaw: `'{}'` })
  groupsServed: ServedGroup[] = [];

  /** Hosts a 流动党员服务站 (mobile party-member service point). */
  @Property({ type: 'boolean', fieldName: 'hosts_mobile_party_member_service_point' })
  hostsMobilePartyMemberServicePoint: boolean = false;

  /** Is a 党群服务中心 that other stations of its district may belong to. */
  @Property({ type: 'boolean', fieldName: 'is_hub' })
  isHub: boolean = false;

  /** The 党群服务中心 this station belongs to (never set on a hub). */
  @ManyToOne({ entity: () => Station, fieldName: 'hub_id', nullable: true })
  hub?: Station | null;
  /** 管理党组织: always a party organization (checked by setStationManagement). */
  @ManyToOne({ entity: () => Organization, fieldName: 'managing_organization_id', nullable: true })
  managingOrganization?: Organization | null;

  /** 联系包保的两委干部: a TWO_COMMITTEES_CADRE (checked by setStationManagement). */
  @ManyToOne({ entity: () => Person, fieldName: 'contact_cadre_id', nullable: true })
  contactCadre?: Person | null;

  @Property({ type: 'datetime', fieldName: 'archived_at', nullable: true })
  archivedAt?: Date | null;
}
