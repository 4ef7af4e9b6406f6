import { ArrayType, Check, Entity, Enum, Index, ManyToOne, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { Department } from '../department/department.entity';
import type { OpeningHours } from '../opening-hours/opening-hours';
import { Station } from '../station/station.entity';
import { BusService, CareAmenity, PlatformKind } from './platform.enums';
import { ActiveEntity } from '../../db/base-entity';

type DetailColumn =
  | 'careAmenities'
  | 'careRestSeats'
  | 'gigJobPostings'
  | 'gigMatchesMade'
  | 'gigRegisteredWorkers'
  | 'govSelfServiceTerminals'
  | 'busServices'
  | 'busTerminals'
  | 'mediationCasesReceived'
  | 'mediationCasesMediated'
  | 'mediationMediators'
  | 'otherKindName';

/**
 * 整合平台 A partner department's facility merged into a station. One table for every kind: the
 * common columns plus typed, nullable columns per kind (check constraints tie them to their kind),
 * so analysts can sum job postings or mediated cases in plain SQL.
 */
@Entity({ tableName: 'platform' })
@Unique({ name: 'platform_owner_ref_unique', properties: ['department', 'ownerRef'] })
@Index({ name: 'platform_kind_idx', properties: ['kind'] })
@Index({ name: 'platform_name_id_idx', properties: ['name', 'id'] })
@Index({
  name: 'platform_search_trgm_idx',
  expression: "CREATE INDEX platform_search_trgm_idx ON public.platform USING gin (((((name)::text || ' '::text) || (owner_ref)::text)) gin_trgm_ops)",
})
@Index({ name: 'platform_station_idx', properties: ['station'] })
@Check({
  name: 'platform_bus_columns',
  expression:
    "(((kind)::text = 'BUS_SELF_SERVICE'::text) AND (num_nulls(bus_services) = 0)) OR (((kind)::text <> 'BUS_SELF_SERVICE'::text) AND (num_nonnulls(bus_services, bus_terminals) = 0))",
})
@Check({
  name: 'platform_bus_services_check',
  expression:
    "(cardinality(bus_services) > 0) AND (bus_services <@ ARRAY['CARD_TOP_UP'::text, 'CARD_ISSUE'::text, 'SENIOR_CARD'::text, 'ROUTE_INQUIRY'::text, 'LOST_AND_FOUND'::text])",
})
@Check({ name: 'platform_bus_terminals_check', expression: 'bus_terminals >= 0' })
@Check({
  name: 'platform_care_amenities_check',
  expression:
    "(cardinality(care_amenities) > 0) AND (care_amenities <@ ARRAY['DRINKING_WATER'::text, 'MICROWAVE'::text, 'PHONE_CHARGING'::text, 'REST_SEATS'::text, 'TOILET'::text, 'MEDICINE_KIT'::text, 'AIR_CONDITIONING'::text, 'WIFI'::text, 'READING_CORNER'::text, 'UMBRELLA_LENDING'::text])",
})
@Check({ name: 'platform_care_rest_seats_check', expression: 'care_rest_seats >= 0' })
@Check({ name: 'platform_gig_job_postings_check', expression: 'gig_job_postings >= 0' })
@Check({ name: 'platform_gig_matches_made_check', expression: 'gig_matches_made >= 0' })
@Check({ name: 'platform_gig_registered_workers_check', expression: 'gig_registered_workers >= 0' })
@Check({
  name: 'platform_gig_work_columns',
  expression:
    "(((kind)::text = 'GIG_WORK_STATION'::text) AND (num_nulls(gig_job_postings, gig_matches_made, gig_registered_workers) = 0)) OR (((kind)::text <> 'GIG_WORK_STATION'::text) AND (num_nonnulls(gig_job_postings, gig_matches_made, gig_registered_workers) = 0))",
})
@Check({ name: 'platform_gov_self_service_terminals_check', expression: 'gov_self_service_terminals >= 1' })
@Check({
  name: 'platform_gov_service_columns',
  expression:
    "(((kind)::text = 'GOV_SERVICE_24H'::text) AND (num_nulls(gov_self_service_terminals) = 0)) OR (((kind)::text <> 'GOV_SERVICE_24H'::text) AND (num_nonnulls(gov_self_service_terminals) = 0))",
})
@Check({ name: 'platform_matches_within_postings', expression: 'gig_matches_made <= gig_job_postings' })
@Check({ name: 'platform_mediated_within_received', expression: 'mediation_cases_mediated <= mediation_cases_received' })
@Check({ name: 'platform_mediation_cases_mediated_check', expression: 'mediation_cases_mediated >= 0' })
@Check({ name: 'platform_mediation_cases_received_check', expression: 'mediation_cases_received >= 0' })
@Check({
  name: 'platform_mediation_columns',
  expression:
    "(((kind)::text = 'PRICE_DISPUTE_MEDIATION'::text) AND (num_nulls(mediation_cases_received, mediation_cases_mediated, mediation_mediators) = 0)) OR (((kind)::text <> 'PRICE_DISPUTE_MEDIATION'::text) AND (num_nonnulls(mediation_cases_received, mediation_cases_mediated, mediation_mediators) = 0))",
})
@Check({ name: 'platform_mediation_mediators_check', expression: 'mediation_mediators >= 1' })
@Check({ name: 'platform_name_check', expression: 'length(btrim((name)::text)) > 0' })
@Check({ name: 'platform_opening_hours_check', expression: "(opening_hours IS NULL) OR (jsonb_typeof((opening_hours -> 'windows'::text)) = 'array'::text)" })
@Check({
  name: 'platform_other_columns',
  expression: "(((kind)::text = 'OTHER'::text) AND (num_nulls(other_kind_name) = 0)) OR (((kind)::text <> 'OTHER'::text) AND (num_nonnulls(other_kind_name) = 0))",
})
@Check({ name: 'platform_other_kind_name_check', expression: 'length(btrim((other_kind_name)::text)) > 0' })
@Check({ name: 'platform_owner_ref_check', expression: "(owner_ref)::text ~ '^[^[:space:]]+$'::text" })
@Check({ name: 'platform_rest_seats_amenity', expression: "(care_rest_seats IS NULL) OR ((care_rest_seats > 0) = ('REST_SEATS'::text = ANY (care_amenities)))" })
@Check({
  name: 'platform_union_care_columns',
  expression:
    "(((kind)::text = 'UNION_CARE_STATION'::text) AND (num_nulls(care_amenities) = 0)) OR (((kind)::text <> 'UNION_CARE_STATION'::text) AND (num_nonnulls(care_amenities, care_rest_seats) = 0))",
})
export class Platform extends ActiveEntity {
  [OptionalProps]?: 'openingHours' | DetailColumn;

  @Enum({ items: () => PlatformKind, type: 'string', columnType: 'varchar(32)' })
  kind!: PlatformKind;

  @ManyToOne({ entity: () => Station, fieldName: 'station_id' })
  station!: Station;

  @ManyToOne({ entity: () => Department, fieldName: 'department_id' })
  department!: Department;

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** The owning department's own ID for it; unique per department. */
  @Property({ type: 'string', length: 64, fieldName: 'owner_ref' })
  ownerRef!: string;

  @Property({ type: 'json', fieldName: 'opening_hours', nullable: true })
  openingHours?: OpeningHours | null;

  @Property({ type: ArrayType, columnType: 'text[]', fieldName: 'care_amenities', nullable: true })
  careAmenities?: CareAmenity[] | null;

  @Property({ type: 'integer', fieldName: 'care_rest_seats', nullable: true })
  careRestSeats?: number | null;

  @Property({ type: 'integer', fieldName: 'gig_job_postings', nullable: true })
  gigJobPostings?: number | null;

  @Property({ type: 'integer', fieldName: 'gig_matches_made', nullable: true })
  gigMatchesMade?: number | null;

  @Property({ type: 'integer', fieldName: 'gig_registered_workers', nullable: true })
  gigRegisteredWorkers?: number | null;

  @Property({ type: 'integer', fieldName: 'gov_self_service_terminals', nullable: true })
  govSelfServiceTerminals?: number | null;

  @Property({ type: ArrayType, columnType: 'text[]', fieldName: 'bus_services', nullable: true })
  busServices?: BusService[] | null;

  @Property({ type: 'integer', fieldName: 'bus_terminals', nullable: true })
  busTerminals?: number | null;

  @Property({ type: 'integer', fieldName: 'mediation_cases_received', nullable: true })
  mediationCasesReceived?: number | null;

  @Property({ type: 'integer', fieldName: 'mediation_cases_mediated', nullable: true })
  mediationCasesMediated?: number | null;

  @Property({ type: 'integer', fieldName: 'mediation_mediators', nullable: true })
  mediationMediators?: number | null;

  @Property({ type: 'string', length: 30, fieldName: 'other_kind_name', nullable: true })
  otherKindName?: string | null;
}
