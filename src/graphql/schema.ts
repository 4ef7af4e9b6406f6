import 'reflect-metadata';
import { isInterfaceType, lexicographicSortSchema, printSchema, type GraphQLSchema, type GraphQLTypeResolver } from 'graphql';
import { buildSchemaSync, getMetadataStorage } from 'type-graphql';
import { applyTypeDeclarations, assertEveryFieldDeclared, VISIBILITY_EXTENSION } from '../auth/visibility';
import { AuditEventResolver, ChangeActorResolver, ChangeFeedResolver } from '../modules/audit/audit.resolver';
import { ApiClientResolver } from '../modules/api-client/api-client.resolver';
import { ViewerResolver } from '../modules/api-client/viewer.resolver';
import { DepartmentResolver } from '../modules/department/department.resolver';
import { CircleCoverageResolver, ServiceItemCoverageResolver, StatisticsResolver } from '../modules/statistics/statistics.resolver';
import { NeedStatsResolver } from '../modules/statistics/need-stats.resolver';
import { ConstructionPlanResolver } from '../modules/construction-plan/construction-plan.resolver';
import { registerConstructionPlanReadModel } from '../modules/construction-plan/construction-plan.read-model';
import { DutyShiftResolver, StationDutyResolver } from '../modules/duty-shift/duty-shift.resolver';
import { OpeningHoursResolver } from '../modules/opening-hours/opening-hours.types';
import { GovServicePointItemsResolver } from '../modules/platform/gov-service-point-items';
import { DepartmentPlatformsResolver, PlatformResolver, StationPlatformsResolver } from '../modules/platform/platform.resolver';
import { ActivityResolver, OrganizationActivitiesResolver, StationActivitiesResolver } from '../modules/activity/activity.resolver';
import { CoBuildingResolver, OrganizationCoBuildingsResolver, StationCoBuildingsResolver } from '../modules/co-building/co-building.resolver';
import {
  NeedClaimResolver,
  NeedClaimsResolver,
  OrganizationNeedClaimsResolver,
  PersonNeedClaimsResolver,
  VolunteerTeamNeedClaimsResolver,
} from '../modules/need-claim/need-claim.resolver';
import { MeetingAgendaItemResolver, MeetingResolver, NeedAgendaItemsResolver, StationMeetingsResolver } from '../modules/meeting/meeting.resolver';
import { DepartmentNeedsResolver, NeedResolver, NeedTransitionResolver, StationNeedsResolver } from '../modules/need/need.resolver';
import { OrganizationResolver } from '../modules/organization/organization.resolver';
import { PersonResolver } from '../modules/person/person.resolver';
import { RegionVolunteerTeamsResolver, StationVolunteerTeamsResolver, VolunteerTeamMemberResolver, VolunteerTeamResolver } from '../modules/volunteer-team/volunteer-team.resolver';
import { DeliberationVenueResolver, RegionDeliberationVenuesResolver, StationDeliberationVenuesResolver } from '../modules/deliberation-venue/deliberation-venue.resolver';
import { RegionResolver } from '../modules/region/region.resolver';
import { ServiceCircleResolver } from '../modules/service-circle/service-circle.resolver';
import { DepartmentServiceItemsResolver, ServiceItemResolver, StationServiceItemResolver, StationServiceItemsResolver } from '../modules/service-item/service-item.resolver';
import { StationResolver } from '../modules/station/station.resolver';
import { StationGridWorkerResolver, StationStaffResolver } from '../modules/station-staff/station-staff.resolver';
import { EXTERNAL_REFS_RESOLVERS, ExternalRefRecordResolver, ExternalRefResolver, ExternalRefSystemResolver } from '../modules/external-ref/external-ref.resolver';
import { WebhookDeliveryResolver, WebhookResolver } from '../modules/webhook/webhook.resolver';
import { NodeResolver } from './node.resolver';
import { runMutationsAsUnitsOfWork } from './unit-of-work';
import { installPlannedResolvers } from './plan/planned-resolvers';
import { registerStationReadModel } from '../modules/station/station.read-model';
import { registerRegionReadModel } from '../modules/region/region.read-model';
import { registerServiceCircleReadModel } from '../modules/service-circle/service-circle.read-model';
import { registerDepartmentReadModel } from '../modules/department/department.read-model';
import { registerPlatformReadModel } from '../modules/platform/platform.read-model';
import { registerServiceItemReadModel } from '../modules/service-item/service-item.read-model';
import { registerOrganizationReadModel } from '../modules/organization/organization.read-model';
import { registerPersonReadModel } from '../modules/person/person.read-model';
import { registerStationStaffReadFields } from '../modules/station-staff/station-staff.read-model';
import { registerActivityReadModel } from '../modules/activity/activity.read-model';
import { registerCoBuildingReadModel } from '../modules/co-building/co-building.read-model';
import { registerVolunteerTeamReadModel } from '../modules/volunteer-team/volunteer-team.read-model';
import { registerDeliberationVenueReadModel } from '../modules/deliberation-venue/deliberation-venue.read-model';
import { registerDutyShiftReadModel } from '../modules/duty-shift/duty-shift.read-model';
import { registerExternalRefReadModel } from '../modules/external-ref/external-ref.read-model';
import { registerApiClientReadModel } from '../modules/api-client/api-client.read-model';
import { registerWebhookReadModel } from '../modules/webhook/webhook.read-model';
import { registerAuditReadModel } from '../modules/audit/audit.read-model';
import { registerNeedReadModel } from '../modules/need/need.read-model';
import { registerNeedClaimReadModel } from '../modules/need-claim/need-claim.read-model';
import { registerMeetingReadModel } from '../modules/meeting/meeting.read-model';

let schema: GraphQLSchema | undefined;

/** How each planned type is read from SQL (graphql/plan): models first, then fields other modules add to them. */
function registerReadModels(): void {
  registerStationReadModel();
  registerRegionReadModel();
  registerServiceCircleReadModel();
  registerDepartmentReadModel();
  registerServiceItemReadModel();
  registerPlatformReadModel();
  registerOrganizationReadModel();
  registerPersonReadModel();
  registerStationStaffReadFields();
  registerActivityReadModel();
  registerNeedReadModel();
  registerCoBuildingReadModel();
  registerVolunteerTeamReadModel();
  registerDeliberationVenueReadModel();
  registerNeedClaimReadModel();
  registerMeetingReadModel();
  registerConstructionPlanReadModel();
  registerDutyShiftReadModel();
  registerExternalRefReadModel();
  registerApiClientReadModel();
  registerWebhookReadModel();
  registerAuditReadModel();
}

/** The executable schema (built once per process; type-graphql metadata is global). */
export function getSchema(): GraphQLSchema {
  if (!schema) {
    registerReadModels();
    schema = buildSchemaSync({
      resolvers: [
        NodeResolver,
        AuditEventResolver,
        ChangeFeedResolver,
        ChangeActorResolver,
        ApiClientResolver,
        RegionResolver,
        ServiceCircleResolver,
        StationResolver,
        OpeningHoursResolver,
        DepartmentResolver,
        ViewerResolver,
        PlatformResolver,
        GovServicePointItemsResolver,
        StationPlatformsResolver,
        DepartmentPlatformsResolver,
        OrganizationResolver,
        CoBuildingResolver,
        StationCoBuildingsResolver,
        OrganizationCoBuildingsResolver,
        ActivityResolver,
        StationActivitiesResolver,
        OrganizationActivitiesResolver,
        NeedResolver,
        NeedTransitionResolver,
        NeedClaimResolver,
        NeedClaimsResolver,
        OrganizationNeedClaimsResolver,
        PersonNeedClaimsResolver,
        VolunteerTeamNeedClaimsResolver,
        MeetingResolver,
        MeetingAgendaItemResolver,
        NeedAgendaItemsResolver,
        StationMeetingsResolver,
        StationNeedsResolver,
        DepartmentNeedsResolver,
        VolunteerTeamResolver,
        VolunteerTeamMemberResolver,
        RegionVolunteerTeamsResolver,
        StationVolunteerTeamsResolver,
        DeliberationVenueResolver,
        RegionDeliberationVenuesResolver,
        StationDeliberationVenuesResolver,
        ServiceItemResolver,
        StationServiceItemResolver,
        StationServiceItemsResolver,
        DepartmentServiceItemsResolver,
        PersonResolver,
        StationStaffResolver,
        StationGridWorkerResolver,
        DutyShiftResolver,
        StationDutyResolver,
        ExternalRefResolver,
        ExternalRefRecordResolver,
        ExternalRefSystemResolver,
        ...EXTERNAL_REFS_RESOLVERS,
        WebhookResolver,
        WebhookDeliveryResolver,
        StatisticsResolver,
        CircleCoverageResolver,
        ServiceItemCoverageResolver,
        NeedStatsResolver,
        ConstructionPlanResolver,
      ],
      validate: false,
      emitSchemaFile: false,
    });
    installPlannedResolvers(schema);
    // One path for every write: each Mutation field is one unit of work (see unit-of-work.ts).
    runMutationsAsUnitsOfWork(schema);
    // type-graphql has no option for the root types' descriptions.
    schema.getQueryType()!.description = '查询入口 Everything that can be read';
    schema.getMutationType()!.description = '变更入口：每个变更是一个事务，出错时不改变任何数据 Every change; each is one transaction and changes nothing when it fails';
    const storage = getMetadataStorage();
    applyTypeDeclarations(schema, [...storage.objectTypes, ...storage.interfaceTypes]);
    synchronousResolveTypes(schema, storage.interfaceTypes);
    // The root types have no class to decorate: anyone may reach them; each field says who may use it.
    for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
      (root as { extensions: Record<string, unknown> }).extensions = { ...root.extensions, [VISIBILITY_EXTENSION]: { kind: 'PUBLIC' } };
    }
    // Denied by default: a type or field without a declaration of who may read it stops the server here.
    assertEveryFieldDeclared(schema);
  }
  return schema;
}

/** The printed, sorted schema that is checked in as schema.graphql. */
export function printSortedSchema(): string {
  return `${printSchema(lexicographicSortSchema(getSchema()))}\n`;
}

/**
 * type-graphql wraps each interface's resolveType in an async function, so every record of an
 * interface type (each platform of a station) became a promise and made its parents promises too:
 * graphql-js then builds each station of a page through promiseForObject. The declared resolvers
 * are synchronous; they are put back as they are.
 */
function synchronousResolveTypes(schema: GraphQLSchema, interfaces: readonly { name: string; resolveType?: unknown }[]): void {
  for (const declared of interfaces) {
    const type = schema.getType(declared.name);
    if (isInterfaceType(type) && typeof declared.resolveType === 'function') type.resolveType = declared.resolveType as GraphQLTypeResolver<unknown, unknown>;
  }
}
