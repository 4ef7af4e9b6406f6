import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Public, SignedIn } from '../../auth/visibility';
import { toDate } from '../../db/sql';
import { UserError } from '../../graphql/errors';
import { payloadTypeOf } from '../../graphql/mutation';
import { connectionTypeOf, Node, toGlobalId } from '../../graphql/relay';
import { PersonRole } from './person.enums';
import { ActiveNode } from '../../graphql/record-types';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { Person } from './person.entity';

registerEnumType(PersonRole, {
  name: 'PersonRole',
  description: '人员身份 What a person does for the stations',
  valuesConfig: {
    TWO_COMMITTEES_CADRE: { description: "社区两委干部：社区党组织和居（村）委会成员 Member of the community party committee or residents' (villagers') committee" },
    STREET_CADRE: { description: '街道干部 Cadre of the street or township office' },
    GRID_WORKER: { description: '网格员 Grid worker' },
    STATION_STAFF: { description: '驿站工作人员 Station worker' },
    SOCIAL_WORKER: { description: '社工 Social worker' },
    VOLUNTEER: { description: '志愿者 Volunteer' },
    DUAL_REPORTING_PARTY_MEMBER: { description: '双报到党员：到居住社区报到的在职党员 Party member who reports to the community where they live (双报到)' },
  },
});

/** A person as the read paths carry it. Name and phone are personal data: never log them. */
export interface PersonRecord {
  __typename: 'Person';
  id: string;
  dbId: string;
  name: string;
  role: PersonRole;
  phone: string | null;
  isPartyMember: boolean;
  organizationId: string | null;
  regionId: number | null;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const PERSON_PROPERTIES = ['id', 'name', 'role', 'phone', 'isPartyMember', 'organization', 'region', 'active', 'version', 'createdAt', 'updatedAt'] as const;
export type PersonRow = RowOf<Person, (typeof PERSON_PROPERTIES)[number]>;
export const PERSON_COLUMNS = columnsOf(Person, 'p', PERSON_PROPERTIES);

export function toPersonRecord(row: PersonRow): PersonRecord {
  return {
    __typename: 'Person',
    id: toGlobalId('Person', row.id),
    dbId: row.id,
    name: row.name,
    role: row.role,
    phone: row.phone,
    isPartyMember: row.is_party_member,
    organizationId: row.organization_id,
    regionId: row.region_id,
    active: row.active,
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

@SignedIn()
@ObjectType('Person', {
  implements: Node,
  simpleResolvers: true,
  description:
    '人员：社区两委干部、街道干部、网格员、驿站工作人员、社工、志愿者、双报到党员 A cadre, grid worker, station worker, social worker, volunteer or dual-reporting party member',
})
export class PersonType extends ActiveNode(SignedIn, { active: '是否在岗；停用的人员不能再被安排值班或驻点 Active; an inactive person cannot be given new shifts or stations' }) {
  @SignedIn()
  @Field(() => PersonRole, { description: '身份 Role' })
  role!: PersonRole;

  @SignedIn()
  @Field({ description: '是否中共党员 Whether the person is a member of the Communist Party of China' })
  isPartyMember!: boolean;
}

export const PersonConnection = connectionTypeOf(PersonType, 'Person', '人员');

const personPayload = (name: string, description: string) => payloadTypeOf(name, description, { name: 'person', type: () => PersonType, zh: '人员', en: 'The person' });

export const CreatePersonPayload = personPayload('CreatePersonPayload', '登记人员结果 Result of createPerson');
export const UpdatePersonPayload = personPayload('UpdatePersonPayload', '修改人员结果 Result of updatePerson');

@Public()
@ObjectType('DeletePersonPayload', { simpleResolvers: true, description: '删除人员结果 Result of deletePerson' })
export class DeletePersonPayload {
  @Public()
  @Field(() => ID, { nullable: true, description: '已删除人员的 ID（有用户错误时为空）ID of the deleted person; null when there are user errors' })
  deletedId!: string | null;

  @Public()
  @Field(() => [UserError], { description: '用户错误；为空表示成功 Problems with the input; empty on success' })
  userErrors!: UserError[];
}

export interface PersonPayload {
  person: PersonRecord | null;
  userErrors: UserError[];
}
