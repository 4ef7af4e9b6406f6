import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { Region } from '../region/region.entity';
import { ServiceCircle } from '../service-circle/service-circle.entity';
import { StationKind, StationStatus, StationTier } from './station.enums';

/** 红色驿站 A numbered Red Post Station. Written through MikroORM; read paths use plain SQL rows. */
@Entity({ tableName: 'station' })
export class Station {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt' | 'archivedAt' | 'circle' | 'planYear' | 'openedOn' | 'managingOrganization' | 'contactCadre';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 24, unique: true })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Enum({ items: () => StationTier, type: 'string' })
  tier!: StationTier;

  @Enum({ items: () => StationKind, type: 'string' })
  kind!: StationKind;

  @Enum({ items: () => StationStatus, type: 'string' })
  status!: StationStatus;

  @ManyToOne({ entity: () => Region, fieldName: 'region_id' })
  region!: Region;

  @ManyToOne({ entity: () => ServiceCircle, fieldName: 'circle_id', nullable: true })
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

  /** 管理党组织: always a party organization (checked by setStationManagement). */
  @ManyToOne({ entity: () => Organization, fieldName: 'managing_organization_id', nullable: true })
  managingOrganization?: Organization | null;

  /** 联系包保的两委干部: a TWO_COMMITTEES_CADRE (checked by setStationManagement). */
  @ManyToOne({ entity: () => Person, fieldName: 'contact_cadre_id', nullable: true })
  contactCadre?: Person | null;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'datetime', fieldName: 'created_at' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', fieldName: 'updated_at', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'datetime', fieldName: 'archived_at', nullable: true })
  archivedAt?: Date | null;
}
