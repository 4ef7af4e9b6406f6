import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PersonalData, Public, SignedIn } from '../../auth/visibility';
import { maskName, maskPhone } from '../../auth/masking';
import { personalValue } from '../../auth/permissions';
import type { Context } from '../../graphql/context';
import { planConnection, planOne } from '../../graphql/plan/planner';
import { localIdOf, notAnId, toPageRequest } from '../../graphql/relay';
import { OrganizationType, type OrganizationRecord } from '../organization/organization.types';
import { RegionType, type RegionRecord } from '../region/region.types';
import { CreatePersonInput, DeletePersonInput, PeopleArgs, PersonSortField, UpdatePersonInput } from './person.inputs';
import { personList } from './person.reader';
import * as people from './person.service';
import { CreatePersonPayload, DeletePersonPayload, PersonConnection, PersonType, UpdatePersonPayload, type PersonPayload, type PersonRecord } from './person.types';

@Resolver(() => PersonType)
export class PersonResolver {
  @SignedIn()
  @Query(() => PersonType, { nullable: true, description: '按 ID 查人员 A person by ID' })
  person(@Arg('id', () => ID, { description: '人员 ID Person ID' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown> | null> {
    const localId = localIdOf(id, 'Person');
    if (!localId) throw notAnId('id', 'Person');
    return planOne(ctx, info, 'Person', 'id', localId, 'uuid');
  }

  @SignedIn()
  @Query(() => PersonConnection, {
    description:
      '人员列表（默认按服务区划代码排序；按姓名检索或排序仅限能看到姓名全文的调用方）People, by default ordered by the code of the region they serve; searching or sorting by name only for callers who see the names whole',
  })
  async people(@Args(() => PeopleArgs) args: PeopleArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Record<string, unknown>> {
    const byName = args.orderBy?.field === PersonSortField.NAME;
    const usesNames = byName || !!args.filter?.search?.trim();
    const mayContinueFrom = usesNames ? await people.assertMayUseNames(ctx, args.filter?.regionCode, byName ? 'orderBy.field' : 'filter.search') : () => false;
    // A NAME-ordered cursor holds only the person's ID.
    const list = await personList(ctx.db, args.filter, args.orderBy, toPageRequest(args, byName ? 1 : 2), mayContinueFrom);
    return planConnection(ctx, info, list);
  }

  @PersonalData('NAME')
  @FieldResolver(() => String, {
    nullable: true,
    description:
      '姓名（个人信息）：管理员和本辖区操作员可见全名，合作部门和其他辖区操作员见脱敏姓名（如 张*明），分析人员和匿名调用方不可见（null） Name (personal data): whole for administrators and the operator of its region, masked (张*明) for partners and other operators, null for analysts and anonymous callers',
  })
  name(@Root() person: PersonRecord, @Ctx() ctx: Context): Promise<string | null> {
    return personalValue(ctx, person.name, person.regionId, maskName);
  }

  @PersonalData('PHONE')
  @FieldResolver(() => String, {
    nullable: true,
    description:
      '联系电话（个人信息）：手机号或带区号的固定电话；可见范围同姓名，脱敏形如 138****1234 Phone (personal data): a mainland mobile or a landline; visible like the name, masked as 138****1234',
  })
  phone(@Root() person: PersonRecord, @Ctx() ctx: Context): Promise<string | null> {
    return personalValue(ctx, person.phone, person.regionId, maskPhone);
  }

  @SignedIn()
  @FieldResolver(() => OrganizationType, { nullable: true, description: '所属组织 The organization they belong to or report to' })
  organization(@Root() person: PersonRecord, @Ctx() ctx: Context): Promise<OrganizationRecord | null> | null {
    return person.organizationId ? ctx.loaders.organizationById.load(person.organizationId) : null;
  }

  @SignedIn()
  @FieldResolver(() => RegionType, { nullable: true, description: '服务的社区（村）或街道（乡镇）The community, village, street or township they serve' })
  region(@Root() person: PersonRecord, @Ctx() ctx: Context): Promise<RegionRecord | null> | null {
    return person.regionId != null ? ctx.loaders.regionById.load(person.regionId) : null;
  }

  @Public()
  @Mutation(() => CreatePersonPayload, { description: '登记人员 Register a person' })
  createPerson(@Arg('input', () => CreatePersonInput, { description: '新人员 The new person' }) input: CreatePersonInput, @Ctx() ctx: Context): Promise<PersonPayload> {
    return people.createPerson(ctx, input);
  }

  @Public()
  @Mutation(() => UpdatePersonPayload, { description: '修改或停用人员（须带读取时的版本号）Change or deactivate a person; pass the version you read' })
  updatePerson(@Arg('input', () => UpdatePersonInput, { description: '要修改的字段 Fields to change' }) input: UpdatePersonInput, @Ctx() ctx: Context): Promise<PersonPayload> {
    return people.updatePerson(ctx, input);
  }

  @Public()
  @Mutation(() => DeletePersonPayload, {
    description: '删除误录的人员；被值班、驿站联系或驻点引用的人员只能停用 Delete a person registered by mistake; anyone a shift or station refers to can only be deactivated',
  })
  deletePerson(@Arg('input', () => DeletePersonInput, { description: '要删除的人员 The person to delete' }) input: DeletePersonInput, @Ctx() ctx: Context) {
    return people.deletePerson(ctx, input);
  }
}
