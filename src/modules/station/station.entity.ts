import { ArrayType, Check, Entity, Enum, Index, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
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
@Index({ name: 'station_circle_idx', properties: ['circle'] })
@Index({ name: 'station_contact_cadre_idx', properties: ['contactCadre'] })
@Index({ name: 'station_created_id_idx', properties: ['createdAt', 'id'] })
@Index({ name: 'station_earth_idx', expression: 'CREATE INDEX station_earth_idx ON public.station USING gist (ll_to_earth(lat, lng))' })
@Index({ name: 'station_five_into_idx', properties: ['fiveIntoFacilities'], type: 'gin' })
@Index({ name: 'station_function_zones_idx', expression: 'CREATE INDEX station_function_zones_idx ON public.station USING gin (function_zones jsonb_path_ops)' })
@Index({ name: 'station_groups_served_idx', properties: ['groupsServed'], type: 'gin' })
@Index({ name: 'station_hub_members_idx', expression: 'CREATE INDEX station_hub_members_idx ON public.station USING btree (hub_id, code, id) WHERE (hub_id IS NOT NULL)' })
@Index({ name: 'station_is_hub_idx', expression: 'CREATE INDEX station_is_hub_idx ON public.station USING btree (id) WHERE is_hub' })
@Index({ name: 'station_managing_organization_idx', properties: ['managingOrganization'] })
@Index({ name: 'station_mobile_point_idx', expression: 'CREATE INDEX station_mobile_point_idx ON public.station USING btree (id) WHERE hosts_mobile_party_member_service_point' })
@Index({ name: 'station_name_id_idx', properties: ['name', 'id'] })
@Index({ name: 'station_plan_year_idx', properties: ['planYear'] })
@Index({ name: 'station_region_idx', properties: ['region'] })
@Index({
  name: 'station_search_trgm_idx',
  expression: "CREATE INDEX station_search_trgm_idx ON public.station USING gin (((((((name)::text || ' '::text) || (address)::text) || ' '::text) || (code)::text)) gin_trgm_ops)",
})
@Index({ name: 'station_status_idx', properties: ['status'] })
@Index({ name: 'station_updated_id_idx', properties: ['updatedAt', 'id'] })
@Check({
  name: 'station_five_into_facilities_check',
  expression:
    "five_into_facilities <@ ARRAY['GOV_SERVICE_HOTLINE'::text, 'SELF_SERVICE_TERMINAL'::text, 'WIRELESS_NETWORK'::text, 'PROFESSIONAL_SOCIAL_ORG'::text, 'VOLUNTEER_FORCE'::text]",
})
@Check({
  name: 'station_function_zones_check',
  expression: `(jsonb_typeof(function_zones) = 'array'::text) AND (NOT jsonb_path_exists(function_zones, '$[*]?((((!(@."kind" like_regex "^(PARTY_ACTIVITY_BASE|GRID_WORK|CONVENIENCE_SERVICE|DEMOCRATIC_CONSULTATION|CIVILIZATION_PRACTICE|ELDERLY_DAY_CARE|YOUTH_MAKER_SPACE|CHILD_CARE|SOCIAL_ORG_STUDIO|SENIOR_SCHOOL|AFTER_SCHOOL_CLASS|OTHER_FEATURED)$") || !(exists (@."name"))) || @."name".type() != "string") || @."areaSquareMetres".type() != "number" && @."areaSquareMetres".type() != "null") || @."areaSquareMetres" <= 0)'::jsonpath))`,
})
@Check({
  name: 'station_groups_served_check',
  expression:
    "groups_served <@ ARRAY['RESIDENTS'::text, 'VILLAGERS'::text, 'ELDERLY'::text, 'CHILDREN'::text, 'YOUTH'::text, 'DELIVERY_RIDERS'::text, 'COURIERS'::text, 'RIDE_HAILING_DRIVERS'::text, 'DOMESTIC_WORKERS'::text, 'SANITATION_WORKERS'::text, 'OUTDOOR_WORKERS'::text, 'FLOATING_PARTY_MEMBERS'::text, 'ENTERPRISE_EMPLOYEES'::text, 'PEOPLE_WITH_DISABILITIES'::text, 'VETERANS'::text]",
})
@Check({ name: 'station_hub_not_nested', expression: 'NOT (is_hub AND (hub_id IS NOT NULL))' })
@Check({ name: 'station_hub_not_self', expression: '(hub_id IS NULL) OR (hub_id <> id)' })
@Check({ name: 'station_lat_check', expression: "(lat >= ('-90'::integer)::double precision) AND (lat <= (90)::double precision)" })
@Check({ name: 'station_lng_check', expression: "(lng >= ('-180'::integer)::double precision) AND (lng <= (180)::double precision)" })
@Check({ name: 'station_name_check', expression: 'length(btrim((name)::text)) > 0' })
@Check({ name: 'station_opening_hours_check', expression: "(opening_hours IS NULL) OR (jsonb_typeof((opening_hours -> 'windows'::text)) = 'array'::text)" })
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
    | 'contactCadre'
    | 'regionPath';

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

  /**
   * The region's path, kept by the database (trigger station_region_path: set on insert and on a
   * change of region, passed on when a region's path changes), for region filters. Never written
   * here (its default stands in until the trigger runs) and not loaded unless asked for.
   */
  @Property({ type: 'text', fieldName: 'region_path', lazy: true, defaultRaw: `''` })
  regionPath!: string;

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
