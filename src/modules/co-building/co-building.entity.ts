import { Entity, Enum, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Organization } from '../organization/organization.entity';
import { Station } from '../station/station.entity';
import { CoBuildingRole, CommitmentKind } from './co-building.enums';
import { VersionedEntity } from '../../db/base-entity';

/** 共建关系 An organization's co-building relation with a station, for a period. Read paths use plain SQL rows. */
@Entity({ tableName: 'co_building' })
export class CoBuilding extends VersionedEntity {
  [OptionalProps]?: 'agreementSignedOn' | 'commitmentNote' | 'validTo';

  @ManyToOne({ entity: () => Organization, fieldName: 'organization_id' })
  organization!: Organization;

  @ManyToOne({ entity: () => Station, fieldName: 'station_id' })
  station!: Station;

  @Enum({ items: () => CoBuildingRole, type: 'string', columnType: 'varchar(24)' })
  role!: CoBuildingRole;

  /** Date the co-building agreement (共建盟约) was signed, YYYY-MM-DD. */
  @Property({ type: 'date', fieldName: 'agreement_signed_on', nullable: true })
  agreementSignedOn?: string | null;

  @Enum({ items: () => CommitmentKind, array: true, defaultRaw: `'{}'` })
  commitments!: CommitmentKind[];

  @Property({ type: 'string', length: 500, fieldName: 'commitment_note', nullable: true })
  commitmentNote?: string | null;

  @Property({ type: 'date', fieldName: 'valid_from' })
  validFrom!: string;

  /** Last day of the relation; null while it is open-ended. */
  @Property({ type: 'date', fieldName: 'valid_to', nullable: true })
  validTo?: string | null;
}
