import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Public, SignedIn } from '../../auth/visibility';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { toDate } from '../../db/sql';
import { UserError } from '../../graphql/errors';
import { payloadTypeOf } from '../../graphql/mutation';
import { ActiveNode, VersionedNode } from '../../graphql/record-types';
import { connectionTypeOf, Node, toGlobalId } from '../../graphql/relay';
import { LocalDateScalar } from '../../graphql/scalars';
import { VolunteerTeam, VolunteerTeamMember } from './volunteer-team.entity';
import { VolunteerTeamKind, VolunteerTeamMemberRole } from './volunteer-team.enums';

registerEnumType(VolunteerTeamKind, {
  name: 'VolunteerTeamKind',
  description: '志愿服务队伍类别 Where a volunteer team comes from',
  valuesConfig: {
    HELP_TEAM: { description: '帮帮团：居民互助、帮办小事的队伍 Residents helping residents with everyday errands' },
    ARBITRATION_TEAM: { description: '评理团：居民中有威望者说事评理、化解邻里纠纷 Respected residents who reason out neighbour disputes' },
    PARTY_MEMBER_TEAM: { description: '在职党员队伍 Serving party members who report to the community' },
    ORGAN_TEAM: { description: '机关单位队伍 A team of a government organ or public institution' },
    ENTERPRISE_TEAM: { description: '商会企业队伍 A team of a chamber of commerce or an enterprise' },
    PUBLIC_WELFARE_TEAM: { description: '公益组织队伍 A team of a public-interest (social) organization' },
    DEPUTY_TEAM: { description: '代表委员队伍：人大代表、政协委员 Deputies to the people’s congress and CPPCC members' },
    MASS_ORG_TEAM: { description: '群团队伍：工会、共青团、妇联等 A team of a mass organization: trade union, Youth League, Women’s Federation…' },
    OTHER: { description: '其他 Other' },
  },
});

registerEnumType(VolunteerTeamMemberRole, {
  name: 'VolunteerTeamMemberRole',
  description: '队内职务 A member’s role in the team',
  valuesConfig: {
    LEADER: { description: '队长 Team leader' },
    MEMBER: { description: '队员 Member' },
  },
});

/** A volunteer team as the read paths carry it. */
export interface VolunteerTeamRecord {
  __typename: 'VolunteerTeam';
  id: string;
  dbId: string;
  name: string;
  kind: VolunteerTeamKind;
  regionId: number;
  stationId: string | null;
  organizationId: string | null;
  sentDownAt: string | null;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const TEAM_PROPERTIES = ['id', 'name', 'kind', 'region', 'station', 'organization', 'sentDownAt', 'active', 'version', 'createdAt', 'updatedAt'] as const;
export type VolunteerTeamRow = RowOf<VolunteerTeam, (typeof TEAM_PROPERTIES)[number]>;
export const VOLUNTEER_TEAM_COLUMNS = columnsOf(VolunteerTeam, 'vt', TEAM_PROPERTIES);

export function toVolunteerTeamRecord(row: VolunteerTeamRow): VolunteerTeamRecord {
  return {
    __typename: 'VolunteerTeam',
    id: toGlobalId('VolunteerTeam', row.id),
    dbId: row.id,
    name: row.name,
    kind: row.kind,
    regionId: row.region_id,
    stationId: row.station_id,
    organizationId: row.organization_id,
    sentDownAt: row.sent_down_at,
    active: row.active,
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/**
 * A team member as the read paths carry it. Name and phone are the linked person's when the
 * member is a registered person, and `maskRegionId` is then the person's region (a Person's
 * masking rule); otherwise the member's own, masked by the team's community. Never log them.
 */
export interface VolunteerTeamMemberRecord {
  __typename: 'VolunteerTeamMember';
  id: string;
  dbId: string;
  teamId: string;
  personId: string | null;
  maskRegionId: number | null;
  name: string;
  phone: string | null;
  role: VolunteerTeamMemberRole;
  joinedOn: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const MEMBER_PROPERTIES = ['id', 'team', 'person', 'role', 'joinedOn', 'version', 'createdAt', 'updatedAt'] as const;
export type VolunteerTeamMemberRow = RowOf<VolunteerTeamMember, (typeof MEMBER_PROPERTIES)[number]> & {
  member_name: string;
  member_phone: string | null;
  mask_region_id: number | null;
};
/** Read from MEMBER_FROM: the member, its team and the person it may be. */
export const VOLUNTEER_TEAM_MEMBER_COLUMNS = `${columnsOf(VolunteerTeamMember, 'vm', MEMBER_PROPERTIES)},
  case when vm.person_id is null then vm.name else vmp.name end as member_name,
  case when vm.person_id is null then vm.phone else vmp.phone end as member_phone,
  case when vm.person_id is null then vmt.region_id else vmp.region_id end as mask_region_id`;
export const MEMBER_FROM = 'volunteer_team_member vm join volunteer_team vmt on vmt.id = vm.team_id left join person vmp on vmp.id = vm.person_id';

export function toVolunteerTeamMemberRecord(row: VolunteerTeamMemberRow): VolunteerTeamMemberRecord {
  return {
    __typename: 'VolunteerTeamMember',
    id: toGlobalId('VolunteerTeamMember', row.id),
    dbId: row.id,
    teamId: row.team_id,
    personId: row.person_id,
    maskRegionId: row.mask_region_id,
    name: row.member_name,
    phone: row.member_phone,
    role: row.role,
    joinedOn: row.joined_on,
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

@SignedIn()
@ObjectType('VolunteerTeam', {
  implements: Node,
  simpleResolvers: true,
  description:
    '志愿服务队伍：帮帮团、评理团等居民队伍，以及“六进小区”下沉到社区的机关、商会企业、公益组织、在职党员、代表委员、群团队伍 A volunteer team serving a community: residents’ teams such as 帮帮团 and 评理团, and the teams sent down to communities under 六进小区',
})
export class VolunteerTeamType extends ActiveNode(SignedIn, { active: '是否在册；归档的队伍不再认领需求 Active; an archived team takes on no more work' }) {
  @SignedIn()
  @Field({ description: '队伍名称 Name' })
  name!: string;

  @SignedIn()
  @Field(() => VolunteerTeamKind, { description: '队伍类别 Kind' })
  kind!: VolunteerTeamKind;

  @SignedIn()
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '“六进小区”下沉到社区的日期；未下沉为空 The day it was sent down to the community under 六进小区; null when it was not',
  })
  sentDownAt!: string | null;
}

@SignedIn()
@ObjectType('VolunteerTeamMember', {
  implements: Node,
  simpleResolvers: true,
  description: '志愿服务队伍队员（姓名、电话为个人信息）A member of a volunteer team; name and phone are personal data',
})
export class VolunteerTeamMemberType extends VersionedNode(SignedIn, { createdAt: '加入登记时间 When the membership was recorded' }) {
  @SignedIn()
  @Field(() => VolunteerTeamMemberRole, { description: '队内职务 Role in the team' })
  role!: VolunteerTeamMemberRole;

  @SignedIn()
  @Field(() => LocalDateScalar, { nullable: true, description: '入队日期 The day they joined' })
  joinedOn!: string | null;
}

export const VolunteerTeamConnection = connectionTypeOf(VolunteerTeamType, 'VolunteerTeam', '志愿服务队伍');
export const VolunteerTeamMemberConnection = connectionTypeOf(VolunteerTeamMemberType, 'VolunteerTeamMember', '队员');

const teamPayload = (name: string, description: string) =>
  payloadTypeOf(name, description, { name: 'volunteerTeam', type: () => VolunteerTeamType, zh: '志愿服务队伍', en: 'The volunteer team' });

export const CreateVolunteerTeamPayload = teamPayload('CreateVolunteerTeamPayload', '登记志愿服务队伍结果 Result of createVolunteerTeam');
export const UpdateVolunteerTeamPayload = teamPayload('UpdateVolunteerTeamPayload', '修改志愿服务队伍结果 Result of updateVolunteerTeam');
export const ArchiveVolunteerTeamPayload = teamPayload('ArchiveVolunteerTeamPayload', '归档志愿服务队伍结果 Result of archiveVolunteerTeam');
export const AddVolunteerTeamMemberPayload = payloadTypeOf('AddVolunteerTeamMemberPayload', '添加队员结果 Result of addVolunteerTeamMember', {
  name: 'member',
  type: () => VolunteerTeamMemberType,
  zh: '队员',
  en: 'The member',
});

@Public()
@ObjectType('RemoveVolunteerTeamMemberPayload', { simpleResolvers: true, description: '移除队员结果 Result of removeVolunteerTeamMember' })
export class RemoveVolunteerTeamMemberPayload {
  @Public()
  @Field(() => ID, { nullable: true, description: '已移除队员的 ID（有用户错误时为空）ID of the removed member; null when there are user errors' })
  removedId!: string | null;

  @Public()
  @Field(() => [UserError], { description: '用户错误；为空表示成功 Problems with the input; empty on success' })
  userErrors!: UserError[];
}

export interface VolunteerTeamPayload {
  volunteerTeam: VolunteerTeamRecord | null;
  userErrors: UserError[];
}

export interface VolunteerTeamMemberPayload {
  member: VolunteerTeamMemberRecord | null;
  userErrors: UserError[];
}

export interface RemoveMemberResult {
  removedId: string | null;
  userErrors: UserError[];
}
