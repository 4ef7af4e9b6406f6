import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { VersionedEntity } from '../../db/base-entity';
import { CoBuilding } from '../co-building/co-building.entity';
import { Need } from '../need/need.entity';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { VolunteerTeam } from '../volunteer-team/volunteer-team.entity';
import { NeedClaimState } from './need-claim.enums';

/**
 * 认领 / 点单 A claim on a listed need by exactly one claimant: an organization, a person (a party
 * member) or a volunteer team. At most one claim of a need is ACTIVE at a time (the partial unique
 * index need_claim_active_key); a withdrawn claim keeps its reason, a completed one the moment the
 * need was resolved under it.
 */
@Entity({ tableName: 'need_claim' })
@Index({ name: 'need_claim_active_key', expression: "CREATE UNIQUE INDEX need_claim_active_key ON public.need_claim USING btree (need_id) WHERE ((state)::text = 'ACTIVE'::text)" })
@Index({ name: 'need_claim_need_idx', properties: ['need', 'claimedAt', 'id'] })
@Index({
  name: 'need_claim_organization_idx',
  expression: 'CREATE INDEX need_claim_organization_idx ON public.need_claim USING btree (organization_id, claimed_at, id) WHERE (organization_id IS NOT NULL)',
})
@Index({
  name: 'need_claim_person_idx',
  expression: 'CREATE INDEX need_claim_person_idx ON public.need_claim USING btree (person_id, claimed_at, id) WHERE (person_id IS NOT NULL)',
})
@Index({
  name: 'need_claim_team_idx',
  expression: 'CREATE INDEX need_claim_team_idx ON public.need_claim USING btree (volunteer_team_id, claimed_at, id) WHERE (volunteer_team_id IS NOT NULL)',
})
@Index({ name: 'need_claim_sort_idx', properties: ['claimedAt', 'id'] })
@Check({ name: 'need_claim_claimant_check', expression: 'num_nonnulls(organization_id, person_id, volunteer_team_id) = 1' })
@Check({
  name: 'need_claim_withdrawn_check',
  expression: "((state)::text = 'WITHDRAWN'::text) = ((withdrawn_at IS NOT NULL) AND (withdrawal_reason IS NOT NULL))",
})
@Check({ name: 'need_claim_completed_check', expression: "((state)::text = 'COMPLETED'::text) = (completed_at IS NOT NULL)" })
export class NeedClaim extends VersionedEntity {
  [OptionalProps]?: 'state' | 'organization' | 'person' | 'volunteerTeam' | 'coBuilding' | 'note' | 'withdrawnAt' | 'withdrawalReason' | 'completedAt' | 'claimedAt';

  @ManyToOne({ entity: () => Need, fieldName: 'need_id' })
  need!: Need;

  @ManyToOne({ entity: () => Organization, fieldName: 'organization_id', nullable: true })
  organization?: Organization | null;

  /** A party member (or another registered person) claiming in person. */
  @ManyToOne({ entity: () => Person, fieldName: 'person_id', nullable: true })
  person?: Person | null;

  @ManyToOne({ entity: () => VolunteerTeam, fieldName: 'volunteer_team_id', nullable: true })
  volunteerTeam?: VolunteerTeam | null;

  /** 共建盟约 The co-building agreement a co-building project is claimed under. */
  @ManyToOne({ entity: () => CoBuilding, fieldName: 'co_building_id', nullable: true })
  coBuilding?: CoBuilding | null;

  @Enum({ items: () => NeedClaimState, type: 'string', columnType: 'varchar(16)', default: 'ACTIVE' })
  state: NeedClaimState = NeedClaimState.ACTIVE;

  @Property({ type: 'datetime', fieldName: 'claimed_at', defaultRaw: 'now()' })
  claimedAt: Date = new Date();

  @Property({ type: 'string', length: 500, nullable: true })
  note?: string | null;

  @Property({ type: 'datetime', fieldName: 'withdrawn_at', nullable: true })
  withdrawnAt?: Date | null;

  @Property({ type: 'string', length: 500, fieldName: 'withdrawal_reason', nullable: true })
  withdrawalReason?: string | null;

  @Property({ type: 'datetime', fieldName: 'completed_at', nullable: true })
  completedAt?: Date | null;
}
