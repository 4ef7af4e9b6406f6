import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/roles';
import { RolesOnly, SignedIn } from '../../auth/visibility';
import type { Context } from '../../graphql/context';
import { registerNodeLoader } from '../../graphql/node.resolver';
import { DepartmentType, type DepartmentRecord } from '../department/department.types';
import { RegionType, type RegionRecord } from '../region/region.types';
import { apiClientLoader } from './api-client.reader';
import { ApiClientType, type ApiClientRecord } from './api-client.types';

registerNodeLoader('ApiClient', (ctx, id) => apiClientLoader(ctx.db).load(id));

@Resolver(() => ApiClientType)
export class ApiClientResolver {
  @SignedIn()
  @FieldResolver(() => DepartmentType, { nullable: true, description: '代表的部门 The department it acts for' })
  department(@Root() client: ApiClientRecord, @Ctx() ctx: Context): Promise<DepartmentRecord | null> | null {
    return client.departmentId ? ctx.loaders.departmentById.load(client.departmentId) : null;
  }

  @RolesOnly(Role.ADMIN)
  @FieldResolver(() => RegionType, { nullable: true, description: '辖区范围（仅管理员可见）The region it is limited to; administrators only' })
  region(@Root() client: ApiClientRecord, @Ctx() ctx: Context): Promise<RegionRecord | null> | null {
    return client.regionId != null ? ctx.loaders.regionById.load(client.regionId) : null;
  }
}
