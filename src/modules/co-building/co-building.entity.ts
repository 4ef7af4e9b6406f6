import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Organization } from '../organization/organization.entity';
import { Station } from '../station/station.entity';
import { CoBuildingRole, CommitmentKind } from './co-building.enums';

/** 共建关系 An organization's co-building relation with a station, for a period. Read paths use plain SQL rows. */
@Entity({ tableName: 'co_building' })
export class CoBuilding {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt' | 'agreementSignedOn' | 'commitmentNote' | 'validTo';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne({ entity: () => Organization, fieldName: 'organization_id' })
  organization!: Organization;

  @ManyToOne({ entity: () => Station, fieldName: 'station_id' })
  station!: Station;

  @Enum({ items: () => CoBuildingRole, type: 'string' })
  role!: CoBuildingRole;

  /** Date the co-building agreement (共建盟约) was signed, YYYY-MM-DD. */
  @Property({ type: 'date', fieldName: 'agreement_signed_on', nullable: true })
  agreementSignedOn?: string | null;

  @Enum({ items: () => CommitmentKind, array: true })
  commitments!: CommitmentKind[];

  @Property({ type: 'string', length: 500, fieldName: 'commitment_note', nullable: true })
  commitmentNote?: string | null;

  @Property({ type: 'date', fieldName: 'valid_from' })
  validFrom!: string;

  /** Last day of the relation; null while it is open-ended. */
  @Property({ type: 'date', fieldName: 'valid_to', nullable: true })
  validTo?: string | null;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'datetime', fieldName: 'created_at' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', fieldName: 'updated_at', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
