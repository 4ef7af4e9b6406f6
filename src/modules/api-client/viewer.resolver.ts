import { Ctx, Field, FieldResolver, Int, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { Public, SignedIn } from '../../auth/visibility';
import { apiClientLoader } from './api-client.reader';
import { ApiClientType, type ApiClientRecord } from './api-client.types';
import { DateTimeScalar } from '../../graphql/scalars';
import type { Context } from '../../graphql/context';
import type { Principal } from '../../auth/principal';
import { Role } from '../../auth/roles';
import { DepartmentType, type DepartmentRecord } from '../department/department.types';
import { RegionType, type RegionRecord } from '../region/region.types';

export enum ViewerKind {
  ANONYMOUS = 'ANONYMOUS',
  API_CLIENT = 'API_CLIENT',
  USER = 'USER',
}

registerEnumType(ViewerKind, {
  name: 'ViewerKind',
  description: '调用方类型 How the caller identified itself',
  valuesConfig: {
    ANONYMOUS: { description: '匿名（未带凭据）：只能读取公开的驿站信息 Anonymous (no credentials): public station facts only' },
    API_CLIENT: { description: '接口客户端（Bearer 密钥）An API client, by its bearer key' },
    USER: { description: '管理端用户（统一身份认证令牌）A user of an admin frontend, by an identity-provider token' },
  },
});

registerEnumType(Role, {
  name: 'Role',
  description: '角色 What a caller may do',
  valuesConfig: {
    ADMIN: { description: '组织部管理员：全部读写 Organization-department administrator: reads and writes everything' },
    REGION_OPERATOR: { description: '街道/社区操作员：只能维护本辖区的驿站、人员和值班 Street or community operator: writes stations, people and rosters in its own region only' },
    DEPARTMENT_PARTNER: {
      description: '合作部门系统：维护本部门的平台和服务事项，读取非个人信息 Partner department system: writes its own platforms and service items; reads everything non-personal',
    },
    ANALYST: { description: '分析人员：只读，看不到个人信息 Analyst: read-only, no personal data' },
  },
});

@Public()
@ObjectType('Viewer', { description: '当前调用方 Who the API takes the caller to be; use it to check credentials' })
export class ViewerType {
  @Public()
  @Field(() => ViewerKind, { description: '调用方类型 Kind of caller' })
  kind!: ViewerKind;

  @Public()
  @Field(() => String, { nullable: true, description: '名称（客户端名或用户姓名）Client name or user name; null when anonymous' })
  name!: string | null;

  @Public()
  @Field(() => [Role], { description: '角色 Roles held' })
  roles!: Role[];
}

@Public()
@ObjectType('RateLimit', {
  simpleResolvers: true,
  description:
    "调用额度 The caller's budget of cost points: every request is charged its cost (see extensions.cost in each response) and the budget refills over time; the same figures come in the RateLimit-* response headers",
})
export class RateLimitType {
  @Public()
  @Field(() => Int, { description: '额度上限 Points the budget holds when full' })
  limit!: number;

  @Public()
  @Field(() => Int, { description: '剩余额度（已扣除本次请求）Points left, this request already charged' })
  remaining!: number;

  @Public()
  @Field(() => Int, { description: '每秒恢复 Points added back per second' })
  refillPerSecond!: number;

  @Public()
  @Field(() => DateTimeScalar, { description: '额度恢复满的时间 When the budget will be full again' })
  resetAt!: Date;

  @Public()
  @Field(() => Int, { description: '本次请求的代价 What this request cost' })
  requestCost!: number;

  @Public()
  @Field(() => Int, { description: '单次请求代价上限 The highest cost one request of this caller may have' })
  maxRequestCost!: number;
}

@Resolver(() => ViewerType)
export class ViewerResolver {
  @Public()
  @Query(() => ViewerType, { description: '当前调用方身份（用于核对密钥或令牌）The caller as authenticated; handy to check a key or token' })
  viewer(@Ctx() ctx: Context): Principal {
    return ctx.principal;
  }

  @Public()
  @FieldResolver(() => ViewerKind, { description: '调用方类型 Kind of caller' })
  kind(@Root() principal: Principal): ViewerKind {
    return principal.kind === 'anonymous' ? ViewerKind.ANONYMOUS : principal.kind === 'client' ? ViewerKind.API_CLIENT : ViewerKind.USER;
  }

  @Public()
  @FieldResolver(() => String, { nullable: true, description: '名称 Client or user name' })
  name(@Root() principal: Principal): string | null {
    return principal.kind === 'anonymous' ? null : principal.name;
  }

  @Public()
  @FieldResolver(() => [Role], { description: '角色 Roles held' })
  roles(@Root() principal: Principal): Role[] {
    return principal.kind === 'anonymous' ? [] : principal.roles;
  }

  @Public()
  @FieldResolver(() => DepartmentType, { nullable: true, description: '代表的部门 The department it acts for' })
  department(@Root() principal: Principal, @Ctx() ctx: Context): Promise<DepartmentRecord | null> | null {
    return principal.kind !== 'anonymous' && principal.departmentId ? ctx.loaders.departmentById.load(principal.departmentId) : null;
  }

  @Public()
  @FieldResolver(() => RateLimitType, {
    nullable: true,
    description: "调用额度（按客户端计；匿名调用按来源地址计）The caller's request budget (per API client or user; per address for anonymous callers); null when budgets are off",
  })
  rateLimit(@Ctx() ctx: Context): RateLimitType | null {
    const { budget, cost, maxCost } = ctx.usage;
    if (!budget) return null;
    return {
      limit: budget.limit,
      remaining: budget.remaining,
      refillPerSecond: budget.refillPerSecond,
      resetAt: new Date(Date.now() + budget.resetSeconds * 1000),
      requestCost: cost ?? 0,
      maxRequestCost: maxCost,
    };
  }

  @SignedIn()
  @FieldResolver(() => ApiClientType, {
    nullable: true,
    description:
      '调用方的接口客户端（用户为空）：其 id 与变更的 actor.apiClient.id 相同即为自己的写入 The caller’s API client (null for users): a change whose actor.apiClient.id equals its id is the caller’s own write',
  })
  apiClient(@Root() principal: Principal, @Ctx() ctx: Context): Promise<ApiClientRecord | null> | null {
    return principal.kind === 'client' ? apiClientLoader(ctx.db).load(principal.id) : null;
  }

  @Public()
  @FieldResolver(() => RegionType, { nullable: true, description: '辖区范围 The region it is limited to' })
  region(@Root() principal: Principal, @Ctx() ctx: Context): Promise<RegionRecord | null> | null {
    return principal.kind !== 'anonymous' && principal.regionId ? ctx.loaders.regionById.load(principal.regionId) : null;
  }
}
