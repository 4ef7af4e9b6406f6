import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { SignedIn } from '../../auth/visibility';
import { toDate } from '../../db/sql';
import type { UserError } from '../../graphql/errors';
import { payloadTypeOf } from '../../graphql/mutation';
import { connectionTypeOf, Node, toGlobalId } from '../../graphql/relay';
import { CreditCodeWarning, OrganizationKind } from './organization.enums';
import { ActiveNode } from '../../graphql/record-types';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { Organization } from './organization.entity';

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: '组织类型 Kind of organization',
  valuesConfig: {
    COMMUNITY_PARTY_ORG: { description: '社区（村）党组织 Community or village party organization' },
    DUAL_REPORTING_PARTY_ORG: { description: '双报到党组织：到社区报到的机关企事业单位党组织 Party organization of a unit that reports to the community (双报到)' },
    RESIDENT_UNIT_PARTY_ORG: { description: '驻区单位党组织 Party organization of a unit based in the area' },
    SOCIAL_ORG: { description: '社会组织 Social organization' },
    VOLUNTEER_ORG: { description: '志愿服务组织 Volunteer organization' },
    PROPERTY_SERVICE: { description: '物业服务企业 Property-management company' },
    ENTERPRISE: { description: '企业 Enterprise' },
    CHAMBER: { description: '商会 Chamber of commerce' },
    PUBLIC_INSTITUTION: { description: '事业单位 Public institution' },
    GOVERNMENT_AGENCY: { description: '机关 Government agency' },
    OTHER: { description: '其他 Other' },
  },
});

registerEnumType(CreditCodeWarning, {
  name: 'CreditCodeWarning',
  description: '统一社会信用代码警示 Why a stored credit code is flagged',
  valuesConfig: {
    CHECK_CHARACTER_MISMATCH: {
      description:
        '校验码不符（GB 32100-2015）；长度与字符合法，已按原样保存（如早期福建试点代码）The check character does not match; the code is legal in form and kept as given (e.g. early Fujian pilot codes)',
    },
  },
});

/** An organization as the read paths carry it. Contact fields are personal data. */
export interface OrganizationRecord {
  __typename: 'Organization';
  id: string;
  dbId: string;
  name: string;
  kind: OrganizationKind;
  creditCode: string | null;
  creditCodeWarning: CreditCodeWarning | null;
  contactName: string | null;
  contactPhone: string | null;
  regionId: number | null;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const ORGANIZATION_PROPERTIES = [
  'id',
  'name',
  'kind',
  'creditCode',
  'creditCodeWarning',
  'contactName',
  'contactPhone',
  'region',
  'active',
  'version',
  'createdAt',
  'updatedAt',
] as const;
export type OrganizationRow = RowOf<Organization, (typeof ORGANIZATION_PROPERTIES)[number]>;
export const ORGANIZATION_COLUMNS = columnsOf(Organization, 'o', ORGANIZATION_PROPERTIES);

export function toOrganizationRecord(row: OrganizationRow): OrganizationRecord {
  return {
    __typename: 'Organization',
    id: toGlobalId('Organization', row.id),
    dbId: row.id,
    name: row.name,
    kind: row.kind,
    creditCode: row.credit_code,
    creditCodeWarning: row.credit_code_warning,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    regionId: row.region_id,
    active: row.active,
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

@SignedIn()
@ObjectType('Organization', {
  implements: Node,
  simpleResolvers: true,
  description: '共建组织：党组织、社会组织、企业等共建、管理或服务驿站的组织 An organization that co-builds, manages or serves stations',
})
export class OrganizationType extends ActiveNode(SignedIn, {
  active: '是否启用；被引用的组织只能停用，不能删除 Active; an organization that is referenced can only be deactivated, never deleted',
}) {
  @SignedIn()
  @Field({ description: '组织名称 Name' })
  name!: string;

  @SignedIn()
  @Field(() => OrganizationKind, { description: '组织类型 Kind' })
  kind!: OrganizationKind;

  @SignedIn()
  @Field(() => String, { nullable: true, description: '统一社会信用代码（18位，GB 32100-2015）Unified social credit code (18 characters)' })
  creditCode!: string | null;

  @SignedIn()
  @Field(() => CreditCodeWarning, { nullable: true, description: '信用代码警示；为空表示校验通过或无代码 Warning about the credit code; null when it checks out or there is none' })
  creditCodeWarning!: CreditCodeWarning | null;
}

export const OrganizationConnection = connectionTypeOf(OrganizationType, 'Organization', '共建组织');

const organizationPayload = (name: string, description: string) =>
  payloadTypeOf(name, description, { name: 'organization', type: () => OrganizationType, zh: '组织', en: 'The organization' });

export const CreateOrganizationPayload = organizationPayload('CreateOrganizationPayload', '新建组织结果 Result of createOrganization');
export const UpdateOrganizationPayload = organizationPayload('UpdateOrganizationPayload', '修改组织结果 Result of updateOrganization');
export const DeleteOrganizationPayload = payloadTypeOf('DeleteOrganizationPayload', '删除组织结果 Result of deleteOrganization', {
  name: 'deletedId',
  type: () => ID,
  zh: '已删除组织的 ID',
  en: 'ID of the deleted organization',
});

export interface OrganizationPayload {
  organization: OrganizationRecord | null;
  userErrors: UserError[];
}

export interface DeleteOrganizationResult {
  deletedId: string | null;
  userErrors: UserError[];
}
