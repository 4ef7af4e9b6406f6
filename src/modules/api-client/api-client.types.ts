import { CreatedNode } from '../../graphql/record-types';
import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../auth/roles';
import { RolesOnly, SignedIn } from '../../auth/visibility';
import { toDate } from '../../db/sql';
import { Node, toGlobalId } from '../../graphql/relay';
import { DateTimeScalar } from '../../graphql/scalars';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { ApiClient } from './api-client.entity';

/** An API client as the read paths carry it: never its key, hash or hint. */
export interface ApiClientRecord {
  __typename: 'ApiClient';
  id: string;
  dbId: string;
  name: string;
  roles: Role[];
  departmentId: string | null;
  regionId: number | null;
  active: boolean;
  createdAt: Date;
  keyRotatedAt: Date | null;
  revokedAt: Date | null;
}

const API_CLIENT_PROPERTIES = ['id', 'name', 'roles', 'department', 'region', 'active', 'createdAt', 'keyRotatedAt', 'revokedAt'] as const;
export type ApiClientRow = RowOf<ApiClient, (typeof API_CLIENT_PROPERTIES)[number]>;
export const API_CLIENT_COLUMNS = columnsOf(ApiClient, 'c', API_CLIENT_PROPERTIES);

export function toApiClientRecord(row: ApiClientRow): ApiClientRecord {
  return {
    __typename: 'ApiClient',
    id: toGlobalId('ApiClient', row.id),
    dbId: row.id,
    name: row.name,
    roles: row.roles,
    departmentId: row.department_id,
    regionId: row.region_id,
    active: row.active,
    createdAt: toDate(row.created_at),
    keyRotatedAt: row.key_rotated_at ? toDate(row.key_rotated_at) : null,
    revokedAt: row.revoked_at ? toDate(row.revoked_at) : null,
  };
}

@SignedIn()
@ObjectType('ApiClient', {
  implements: Node,
  simpleResolvers: true,
  description:
    '接口客户端：合作部门系统或管理端，用自己的密钥调用本接口；变更流和审计日志用它标明是谁写的 An API client: a partner system or admin frontend calling with its own key; the change feed and the audit trail name it as the writer',
})
export class ApiClientType extends CreatedNode(() => RolesOnly(Role.ADMIN), { createdAt: '创建时间（仅管理员可见）When it was created; administrators only' }) {
  @SignedIn()
  @Field({ description: '客户端名称（系统名，如 zgh-sync）Client name, a system name such as zgh-sync' })
  name!: string;

  @RolesOnly(Role.ADMIN)
  @Field(() => [Role], { description: '角色（仅管理员可见）Roles held; administrators only' })
  roles!: Role[];

  @RolesOnly(Role.ADMIN)
  @Field({ description: '是否可用；吊销后为 false（仅管理员可见）Whether its key works; false once revoked. Administrators only' })
  active!: boolean;

  @RolesOnly(Role.ADMIN)
  @Field(() => DateTimeScalar, { nullable: true, description: '最近一次更换密钥的时间（仅管理员可见）When its key was last rotated; administrators only' })
  keyRotatedAt!: Date | null;

  @RolesOnly(Role.ADMIN)
  @Field(() => DateTimeScalar, { nullable: true, description: '吊销时间（仅管理员可见）When its key was revoked; administrators only' })
  revokedAt!: Date | null;
}
