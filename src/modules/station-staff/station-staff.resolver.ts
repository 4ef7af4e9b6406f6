import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { plannedField } from '../../graphql/plan/planned-field';
import { Public, SignedIn } from '../../auth/visibility';
import type { Context } from '../../graphql/context';
import { OrganizationType, type OrganizationRecord } from '../organization/organization.types';
import { PersonType, type PersonRecord } from '../person/person.types';
import { StationType, type StationPayload, type StationRecord } from '../station/station.types';
import { AssignGridWorkerInput, SetStationManagementInput, UnassignGridWorkerInput } from './station-staff.inputs';
import * as staff from './station-staff.service';
import { registerNodeLoader } from '../../graphql/node.resolver';
import { requestLoader } from '../../graphql/request-loaders';
import { gridWorkersByKeys } from './station-staff.reader';
import { ConnectionArgs } from '../../graphql/relay';
import {
  AssignGridWorkerPayload,
  SetStationManagementPayload,
  StationGridWorkerConnection,
  StationGridWorkerType,
  UnassignGridWorkerPayload,
  type StationGridWorkerRecord,
} from './station-staff.types';

registerNodeLoader('StationGridWorker', (ctx, key) => requestLoader(ctx.db, 'gridWorkerByKey', gridWorkersByKeys).load(key));

@Resolver(() => StationGridWorkerType)
export class StationGridWorkerResolver {
  @SignedIn()
  @FieldResolver(() => StationType, { nullable: true, description: '驿站 The station' })
  station(@Root() link: StationGridWorkerRecord, @Ctx() ctx: Context): Promise<StationRecord | null> {
    return ctx.loaders.stationById.load(link.stationId);
  }
}

/** Who manages and staffs a station: fields added to Station, batched per page of stations. */
@Resolver(() => StationType)
export class StationStaffResolver {
  @SignedIn()
  @FieldResolver(() => OrganizationType, { nullable: true, description: '管理党组织 The party organization that manages the station' })
  managingOrganization(@Root() station: StationRecord, @Ctx() ctx: Context): Promise<OrganizationRecord | null> {
    return ctx.loaders.stationManagingOrganization.load(station.dbId);
  }

  @SignedIn()
  @FieldResolver(() => PersonType, { nullable: true, description: "联系包保的社区两委干部 The two-committees cadre who is the station's contact (联系包保)" })
  contactCadre(@Root() station: StationRecord, @Ctx() ctx: Context): Promise<PersonRecord | null> {
    return ctx.loaders.stationContactCadre.load(station.dbId);
  }

  @SignedIn()
  @FieldResolver(() => StationGridWorkerConnection, { description: '驻点网格员（按驻点先后）Grid workers stationed here, longest-serving first' })
  gridWorkers(@Root() station: StationRecord, @Args(() => ConnectionArgs) _args: ConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<unknown> {
    // Planned (see station-staff.read-model); a station the planner did not build is read by the same plan.
    return plannedField(ctx, info, 'Station', station.dbId, 'uuid');
  }

  @Public()
  @Mutation(() => SetStationManagementPayload, {
    description: "设置驿站的管理党组织和联系包保干部（须带驿站版本号）Set or clear a station's managing party organization and contact cadre; pass the station version you read",
  })
  setStationManagement(
    @Arg('input', () => SetStationManagementInput, { description: '管理关系 The management links' }) input: SetStationManagementInput,
    @Ctx() ctx: Context,
  ): Promise<StationPayload> {
    return staff.setStationManagement(ctx, input);
  }

  @Public()
  @Mutation(() => AssignGridWorkerPayload, { description: '安排网格员到驿站驻点 Station a grid worker at a station' })
  assignGridWorker(
    @Arg('input', () => AssignGridWorkerInput, { description: '驻点安排 The stationing' }) input: AssignGridWorkerInput,
    @Ctx() ctx: Context,
  ): Promise<StationPayload> {
    return staff.assignGridWorker(ctx, input);
  }

  @Public()
  @Mutation(() => UnassignGridWorkerPayload, { description: "撤销网格员驻点 End a grid worker's stationing at a station" })
  unassignGridWorker(
    @Arg('input', () => UnassignGridWorkerInput, { description: '要撤销的驻点 The stationing to end' }) input: UnassignGridWorkerInput,
    @Ctx() ctx: Context,
  ): Promise<StationPayload & { deletedId: string | null }> {
    return staff.unassignGridWorker(ctx, input);
  }
}
