import { ArrayType, Entity, Enum, ManyToOne, OptionalProps, Property, Unique } from '@mikro-orm/core';
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
