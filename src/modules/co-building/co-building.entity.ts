import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Organization } from '../organization/organization.entity';
import { Station } from '../station/station.entity';
import { CoBuildingRole, CommitmentKind } from './co-building.enums';
import { VersionedEntity } from '../../db/base-entity';

/** 共建关系 An organization's co-building relation with a station, for a period. Read paths use plain SQL rows. */
@Entity({ tableName: 'co_building' })
@Index({ name: 'co_building_organization_idx', properties: ['organization', 'validFrom', 'id'] })
@Index({ name: 'co_building_period_idx', properties: ['validFrom', 'validTo'] })
@Index({ name: 'co_building_role_idx', properties: ['role'] })
@Index({ name: 'co_building_sort_idx', properties: ['validFrom', 'id'] })
@Index({ name: 'co_building_station_idx', properties: ['station', 'role'] })
@Check({ name: 'co_building_check', expression: '(valid_to IS NULL) OR (valid_to >= valid_from)' })
@Check({ name: 'co_building_commitments_check', expression: "commitments <@ ARRAY['SPACE'::text, 'FUNDS'::text, 'PEOPLE'::text, 'SERVICES'::text]" })
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
