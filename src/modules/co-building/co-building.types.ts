import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { SignedIn } from '../../auth/visibility';
import { toDate } from '../../db/sql';
import type { UserError } from '../../graphql/errors';
import { payloadTypeOf } from '../../graphql/mutation';
import { connectionTypeOf, Node, toGlobalId } from '../../graphql/relay';
import { LocalDateScalar } from '../../graphql/scalars';
import { todayInChina } from '../station/station.service';
import { CoBuildingRole, CommitmentKind } from './co-building.enums';
import { ActiveNode } from '../../graphql/record-types';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { CoBuilding } from './co-building.entity';

registerEnumType(CoBuildingRole, {
  name: 'CoBuildingRole',
  description: '共建角色 What the organization does for the station',
  valuesConfig: {
    MANAGER: { description: '管理：负责驿站日常运行 Manager: runs the station day to day' },
    CO_BUILDER: { description: '共建：签订共建盟约的共建单位 Co-builder under a co-building agreement' },
    SERVICE_PROVIDER: { description: '服务提供：在驿站提供服务 Provides services at the station' },
    VOLUNTEER_TEAM: { description: '志愿服务队：派驻志愿者 Staffs the station with a volunteer team' },
  },
});

registerEnumType(CommitmentKind, {
  name: 'CommitmentKind',
  description: '共建承诺 What an organization commits to a station',
  valuesConfig: {
    SPACE: { description: '场地 Space' },
    FUNDS: { description: '资金 Funds' },
    PEOPLE: { description: '人员 People' },
    SERVICES: { description: '服务 Services' },
  },
});

/** A co-building as the read paths carry it. `active` is derived from today's date in China. */
export interface CoBuildingRecord {
  __typename: 'CoBuilding';
  id: string;
  dbId: string;
  organizationId: string;
  stationId: string;
  role: CoBuildingRole;
  agreementSignedOn: string | null;
  commitments: CommitmentKind[];
  commitmentNote: string | null;
  validFrom: string;
  validTo: string | null;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const CO_BUILDING_PROPERTIES = [
  'id',
  'organization',
  'station',
  'role',
  'agreementSignedOn',
  'commitments',
  'commitmentNote',
  'validFrom',
  'validTo',
  'version',
  'createdAt',
  'updatedAt',
] as const;
export type CoBuildingRow = RowOf<CoBuilding, (typeof CO_BUILDING_PROPERTIES)[number]>;
export const CO_BUILDING_COLUMNS = columnsOf(CoBuilding, 'cb', CO_BUILDING_PROPERTIES);

/** Whether a period (validTo null = open-ended) includes a calendar date. */
export function periodIncludes(validFrom: string, validTo: string | null, date: string): boolean {
  return validFrom <= date && (validTo === null || validTo >= date);
}

export function toCoBuildingRecord(row: CoBuildingRow): CoBuildingRecord {
  return {
    __typename: 'CoBuilding',
    id: toGlobalId('CoBuilding', row.id),
    dbId: row.id,
    organizationId: row.organization_id,
    stationId: row.station_id,
    role: row.role,
    agreementSignedOn: row.agreement_signed_on,
    commitments: row.commitments,
    commitmentNote: row.commitment_note,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    active: periodIncludes(row.valid_from, row.valid_to, todayInChina()),
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

@SignedIn()
@ObjectType('CoBuilding', {
  implements: Node,
  simpleResolvers: true,
  description: '共建关系：组织与驿站之间的共建、管理或服务关系及其有效期 An organization co-building, managing or serving a station, for a period',
})
export class CoBuildingType extends ActiveNode(SignedIn, { active: '今天（北京时间）是否在有效期内 Whether today (China time) lies within its period' }) {
  @SignedIn()
  @Field(() => CoBuildingRole, { description: '共建角色 Role of the organization' })
  role!: CoBuildingRole;

  @SignedIn()
  @Field(() => LocalDateScalar, { nullable: true, description: '共建盟约签订日期 Date the co-building agreement (共建盟约) was signed' })
  agreementSignedOn!: string | null;

  @SignedIn()
  @Field(() => [CommitmentKind], { description: '共建承诺（场地、资金、人员、服务）What the organization commits: space, funds, people, services' })
  commitments!: CommitmentKind[];

  @SignedIn()
  @Field(() => String, { nullable: true, description: '承诺说明，如“每月派驻志愿者4人次” Details of the commitments' })
  commitmentNote!: string | null;

  @SignedIn()
  @Field(() => LocalDateScalar, { description: '生效日期 First day in force' })
  validFrom!: string;

  @SignedIn()
  @Field(() => LocalDateScalar, { nullable: true, description: '终止日期（含当日）；为空表示长期有效 Last day in force; null while open-ended' })
  validTo!: string | null;
}

export const CoBuildingConnection = connectionTypeOf(CoBuildingType, 'CoBuilding', '共建关系');

const coBuildingPayload = (name: string, description: string) =>
  payloadTypeOf(name, description, { name: 'coBuilding', type: () => CoBuildingType, zh: '共建关系', en: 'The co-building' });

export const CreateCoBuildingPayload = coBuildingPayload('CreateCoBuildingPayload', '新建共建关系结果 Result of createCoBuilding');
export const UpdateCoBuildingPayload = coBuildingPayload('UpdateCoBuildingPayload', '修改共建关系结果 Result of updateCoBuilding');
export const EndCoBuildingPayload = coBuildingPayload('EndCoBuildingPayload', '结束共建关系结果 Result of endCoBuilding');

export interface CoBuildingPayload {
  coBuilding: CoBuildingRecord | null;
  userErrors: UserError[];
}
