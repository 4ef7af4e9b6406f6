import { createRng, type Rng } from './support/deterministic';
import type { SeedDb } from './support/seed-db';
import { seedDepartmentId } from './xiangyang.departments';
import { MAKENG_COMMUNITY_CODE, YANPING_DISTRICT_CODE } from './yanping.data';
import { ANONYMOUS, NeedLedger, timeOn, type Actor, type Claimant, type NeedDraft, type NeedOpening, type SeedDepartmentRef } from './yanping.need-ledger';
import {
  CO_BUILDING_TEXTS,
  fill,
  LIVELIHOOD_TEXTS,
  PATROL_TEXTS,
  REJECTION_REASONS,
  RESIDENT_NEED_TEXTS,
  SATISFACTION_COMMENTS,
  STATION_ORDER_TEXTS,
  WITHDRAWAL_REASONS,
  type NeedText,
} from './yanping.need-texts';
import { buildYanpingOrganizations } from './yanping.organizations';
import { addDays, AS_OF, at, dayBetween, loadYanpingPlaces, nextWednesday, pointNear, residentOf, roadOf, type YanpingPlace } from './yanping.places';
import { buildYanpingTeams, lianxinGardenId, partyMemberId, YANPING_DEPARTMENTS, YANPING_PARTY_MEMBERS } from './yanping.teams';

/**
 * Yanping's needs of NEEDS_YEAR (2024), shaped so that counting them through the API by region
 * 350702 gives the second article's figures:
 * - 100 民生补短板 projects, referred by the 民生议事厅 to a department with a deadline;
 * - 870 station orders (点单) claimed in the year by volunteer teams, party members or co-building
 *   organizations (15 of them after an earlier claim was withdrawn), plus 20 still waiting on the
 *   list and 30 claimed and settled in late 2023;
 * - 1,277 residents' needs resolved in the year (listed and claimed, referred by the meeting, or
 *   handed straight to a department from the 12345 hotline), plus 40 resolved in late 2023, 25
 *   rejected and 52 still open on 2024-12-20;
 * - 446 night-patrol issues: 383 fixed, 48 under a rectification deadline (限期整改), 15 found on
 *   the last patrol and not yet referred;
 * - 327 co-building projects claimed by organizations under their 共建盟约, 310 solved;
 * and the 民生议事厅 meetings (Wednesdays) whose agendas these needs went through.
 */

export const YANPING_NEEDS = {
  livelihoodProjects: 100,
  livelihoodResolved: 76,
  ordersClaimed: 870,
  ordersReclaimed: 15,
  ordersOpen: 50,
  ordersListed: 20,
  ordersLastYear: 30,
  residentNeedsResolved: 1277,
  residentNeedsLastYear: 40,
  residentNeedsRejected: 25,
  patrolIssues: 446,
  patrolFixed: 383,
  patrolDeadlines: 48,
  coBuildingProjects: 327,
  coBuildingSolved: 310,
} as const;

const PATROL_ACTOR: Actor = { kind: 'USER', name: '延平区常态化夜巡专班' };
const HOTLINE_ACTOR: Actor = { kind: 'API_CLIENT', name: '延平区12345便民服务平台' };

interface Context {
  rng: Rng;
  ledger: NeedLedger;
  departments: Map<string, SeedDepartmentRef>;
  stationPlaces: YanpingPlace[];
  urbanPlaces: YanpingPlace[];
  teamsOf: Map<string, Claimant[]>;
  coBuildersOf: Map<string, Claimant[]>;
  nextKey: (prefix: string) => string;
}

const stationActor = (place: YanpingPlace): Actor => ({ kind: 'USER', name: place.station!.name });
const departmentActor = (department: SeedDepartmentRef): Actor => ({ kind: 'USER', name: department.shortName });
const partyMember = (rng: Rng): Claimant => ({ personId: partyMemberId(rng.int(0, YANPING_PARTY_MEMBERS - 1)), label: '党员个人' });

function department(c: Context, code: string): SeedDepartmentRef {
  const found = c.departments.get(code);
  if (!found) throw new Error(`No seeded department ${code}`);
  return found;
}

/** A station's place, 马坑社区's four times as often as another urban one's, a rural one's less often. */
function pickStationPlace(c: Context, urbanOnly = false): YanpingPlace {
  const pool = urbanOnly ? c.urbanPlaces : c.stationPlaces;
  return c.rng.weightedPick(pool, (place) => (place.code === MAKENG_COMMUNITY_CODE ? 4 : place.urban ? 1 : 0.4));
}

function textOf(c: Context, template: NeedText, place: YanpingPlace): { text: string; resolution: string } {
  const values = { estate: c.rng.pick(place.estates), building: c.rng.int(1, 18), road: roadOf(place, c.rng), n: c.rng.int(2, 24) };
  return { text: fill(template.text, values), resolution: fill(template.resolution, values) };
}

function satisfaction(rng: Rng): number {
  return rng.weightedPick([5, 4, 3], (score) => ({ 5: 6, 4: 3, 3: 1 })[score]!);
}

/** Closes a resolved need after the resident's call-back, when that falls on or before AS_OF (most do). */
function maybeClose(c: Context, need: NeedDraft, resolvedDay: string, actor: Actor, probability: number): void {
  const day = addDays(resolvedDay, c.rng.int(1, 7));
  if (day > AS_OF || !c.rng.chance(probability)) return;
  need.close(timeOn(day, c.rng, 9, 18), actor, satisfaction(c.rng), c.rng.chance(0.6) ? c.rng.pick(SATISFACTION_COMMENTS) : null);
}

/** SUBMITTED → ON_AGENDA (the next Wednesday's 民生议事厅, added the day before) → the decision; returns the meeting day. */
function throughMeeting(
  c: Context,
  need: NeedDraft,
  submitDay: string,
  decision: 'LISTED' | 'REJECTED' | 'REFERRED',
  options: { reason?: string; department?: SeedDepartmentRef; deadline?: string } = {},
): string {
  const actor = stationActor(need.opening.place);
  const heldOn = nextWednesday(submitDay);
  need.toAgenda(heldOn, at(addDays(heldOn, -1), 17, c.rng.int(0, 59)), actor);
  need.decide(decision, timeOn(heldOn, c.rng, 15, 18), actor, options);
  return heldOn;
}

type End = 'CLAIMED' | 'IN_PROGRESS' | 'RESOLVED';

/** From LISTED: claimed (after a withdrawn claim, when given), then started and resolved, as far as `end`. Returns the last day. */
function claimAndResolve(c: Context, need: NeedDraft, listedOn: string, claimants: { first: Claimant; withdrawn?: Claimant }, end: End, resolution: string): string {
  const actor = stationActor(need.opening.place);
  let day = addDays(listedOn, c.rng.int(1, 4));
  if (claimants.withdrawn) {
    need.claim(claimants.withdrawn, timeOn(day, c.rng, 9, 12), actor);
    day = addDays(day, c.rng.int(1, 3));
    need.withdraw(timeOn(day, c.rng, 9, 12), actor, c.rng.pick(WITHDRAWAL_REASONS));
    day = addDays(day, c.rng.int(1, 2));
  }
  need.claim(claimants.first, timeOn(day, c.rng, 9, 12), actor);
  if (end === 'CLAIMED') return day;
  day = addDays(day, c.rng.int(0, 2));
  need.start(timeOn(day, c.rng, 14, 18), actor, `${claimants.first.label}开始办理`);
  if (end === 'IN_PROGRESS') return day;
  day = addDays(day, c.rng.int(1, 15));
  need.resolve(timeOn(day, c.rng, 9, 18), actor, resolution);
  return day;
}

function open(c: Context, values: Omit<NeedOpening, 'key' | 'submittedAt' | 'actor' | 'note'> & { submitDay: string; actor: Actor; note: string | null }): NeedDraft {
  const { submitDay, ...rest } = values;
  return c.ledger.open({ ...rest, key: c.nextKey(values.kind), submittedAt: timeOn(submitDay, c.rng, 8, 17) });
}

/** 民生补短板: the agenda refers each to its department with a deadline; 76 done, the rest under way. */
function seedLivelihoodProjects(c: Context): void {
  for (let i = 0; i < YANPING_NEEDS.livelihoodProjects; i++) {
    const resolved = i < YANPING_NEEDS.livelihoodResolved;
    const place = pickStationPlace(c);
    const template = c.rng.pick(LIVELIHOOD_TEXTS);
    const { text, resolution } = textOf(c, template, place);
    const online = c.rng.chance(0.6);
    const submitDay = resolved ? dayBetween(c.rng, '2024-01-02', '2024-08-31') : dayBetween(c.rng, '2024-09-02', '2024-11-29');
    const need = open(c, {
      kind: 'LIVELIHOOD_PROJECT',
      channel: online ? 'ONLINE' : 'VISIT',
      category: template.category,
      place,
      atStation: true,
      text,
      location: c.rng.chance(0.5) ? pointNear(place, c.rng, 500) : null,
      resident: null,
      submitDay,
      actor: online ? ANONYMOUS : stationActor(place),
      note: online ? '“我为解决群众急难愁盼来建议”通道' : '走访收集，列入群众需求清单',
    });
    const handler = department(c, template.department!);
    const heldOn = nextWednesday(submitDay);
    const deadlineDay = addDays(heldOn, c.rng.int(90, 150));
    throughMeeting(c, need, submitDay, 'REFERRED', { department: handler, deadline: at(deadlineDay, 23, 59) });
    if (!resolved) continue;
    const day = addDays(heldOn, c.rng.int(20, 85));
    need.resolve(timeOn(day, c.rng, 9, 18), departmentActor(handler), resolution);
    maybeClose(c, need, day, stationActor(place), 0.5);
  }
}

/** A co-builder claiming outside its 共建盟约 (orders and needs, not co-building projects). */
function withoutPact(claimant: Claimant): Claimant {
  return { organizationId: claimant.organizationId, label: claimant.label };
}

/** The claimant of a station's order: its community's teams most often, a party member, or a co-builder. */
function orderClaimant(c: Context, place: YanpingPlace): Claimant {
  const teams = c.teamsOf.get(place.code) ?? [];
  const coBuilders = c.coBuildersOf.get(place.station!.id) ?? [];
  const draw = c.rng.next();
  if (teams.length && draw < 0.6) return c.rng.pick(teams);
  if (coBuilders.length && draw > 0.85) {
    return withoutPact(c.rng.pick(coBuilders));
  }
  return partyMember(c.rng);
}

function stationOrder(c: Context, submitDay: string, urbanOnly = false): { need: NeedDraft; resolution: string } {
  const place = pickStationPlace(c, urbanOnly);
  const template = c.rng.pick(STATION_ORDER_TEXTS);
  const { text, resolution } = textOf(c, template, place);
  const need = open(c, {
    kind: 'STATION_ORDER',
    channel: 'STATION',
    category: template.category,
    place,
    atStation: true,
    text,
    location: null,
    resident: c.rng.chance(0.3) ? residentOf(c.rng) : null,
    submitDay,
    actor: stationActor(place),
    note: '驿站发布点单',
  });
  return { need, resolution };
}

/** 点单: 870 claimed in the year (the first 15 after a withdrawn claim), 20 waiting, 30 of late 2023. */
function seedStationOrders(c: Context): void {
  for (let i = 0; i < YANPING_NEEDS.ordersClaimed; i++) {
    const stillOpen = i >= YANPING_NEEDS.ordersClaimed - YANPING_NEEDS.ordersOpen;
    const submitDay = stillOpen ? dayBetween(c.rng, '2024-11-25', '2024-12-06') : dayBetween(c.rng, '2024-01-02', '2024-11-15');
    const { need, resolution } = stationOrder(c, submitDay);
    const place = need.opening.place;
    const listedOn = throughMeeting(c, need, submitDay, 'LISTED');
    const withdrawn = i < YANPING_NEEDS.ordersReclaimed ? orderClaimant(c, place) : undefined;
    const end: End = stillOpen ? (i % 5 < 2 ? 'CLAIMED' : 'IN_PROGRESS') : 'RESOLVED';
    const day = claimAndResolve(c, need, listedOn, { first: orderClaimant(c, place), withdrawn }, end, resolution);
    if (end === 'RESOLVED') maybeClose(c, need, day, stationActor(place), 0.7);
  }
  for (let i = 0; i < YANPING_NEEDS.ordersListed; i++) {
    const submitDay = dayBetween(c.rng, '2024-12-09', '2024-12-13');
    throughMeeting(c, stationOrder(c, submitDay).need, submitDay, 'LISTED');
  }
  for (let i = 0; i < YANPING_NEEDS.ordersLastYear; i++) {
    const submitDay = dayBetween(c.rng, '2023-10-09', '2023-11-20');
    const { need, resolution } = stationOrder(c, submitDay, true);
    const listedOn = throughMeeting(c, need, submitDay, 'LISTED');
    const day = claimAndResolve(c, need, listedOn, { first: partyMember(c.rng) }, 'RESOLVED', resolution);
    need.close(timeOn(addDays(day, 1), c.rng, 9, 18), stationActor(need.opening.place), satisfaction(c.rng), null);
  }
}

const CHANNEL_NOTES: Record<string, string | null> = {
  STATION: '居民到民生驿站反映',
  COURTYARD_TALK: '“小院话事”收集',
  VISIT: '网格员走访收集',
  ONLINE: null,
  HOTLINE_12345: '12345热线转办',
};

function residentNeed(
  c: Context,
  submitDay: string,
  options: { referred: boolean; urbanOnly?: boolean; template?: NeedText },
): { need: NeedDraft; resolution: string; template: NeedText } {
  const place = pickStationPlace(c, options.urbanOnly);
  const referable = RESIDENT_NEED_TEXTS.filter((template) => template.department);
  const template = options.template ?? c.rng.pick(options.referred ? referable : RESIDENT_NEED_TEXTS);
  const { text, resolution } = textOf(c, template, place);
  const channel = options.referred
    ? c.rng.weightedPick(['HOTLINE_12345', 'ONLINE', 'VISIT'] as const, (ch) => ({ HOTLINE_12345: 6, ONLINE: 2, VISIT: 2 })[ch])
    : c.rng.weightedPick(['STATION', 'COURTYARD_TALK', 'ONLINE', 'VISIT'] as const, (ch) => ({ STATION: 45, COURTYARD_TALK: 20, ONLINE: 25, VISIT: 10 })[ch]);
  const named = c.rng.chance(channel === 'HOTLINE_12345' ? 0.9 : channel === 'COURTYARD_TALK' ? 0.3 : 0.5);
  const resident = named ? residentOf(c.rng) : null;
  const need = open(c, {
    kind: 'RESIDENT_NEED',
    channel,
    category: template.category,
    place,
    atStation: true,
    text,
    location: c.rng.chance(0.4) ? pointNear(place, c.rng, 400) : null,
    resident: resident && channel === 'ONLINE' && c.rng.chance(0.3) ? { name: resident.name, phone: null } : resident,
    submitDay,
    actor: channel === 'ONLINE' ? ANONYMOUS : channel === 'HOTLINE_12345' ? HOTLINE_ACTOR : stationActor(place),
    note: CHANNEL_NOTES[channel],
  });
  return { need, resolution, template };
}

/** Handed straight to a department (SUBMITTED → IN_PROGRESS by referral, within two days); returns the day. */
function referStraight(c: Context, need: NeedDraft, submitDay: string, handler: SeedDepartmentRef): string {
  const day = addDays(submitDay, c.rng.int(0, 2));
  need.referTo(handler, timeOn(day, c.rng, 17, 19), stationActor(need.opening.place), `交办${handler.shortName}`);
  return day;
}

function residentClaimant(c: Context, place: YanpingPlace): Claimant {
  const teams = c.teamsOf.get(place.code) ?? [];
  const coBuilders = c.coBuildersOf.get(place.station!.id) ?? [];
  const draw = c.rng.next();
  if (teams.length && draw < 0.4) return c.rng.pick(teams);
  if (coBuilders.length && draw < 0.7) {
    return withoutPact(c.rng.pick(coBuilders));
  }
  return partyMember(c.rng);
}

/** Residents' needs: 1,277 resolved in the year, 40 in late 2023, 25 rejected, 52 open. */
function seedResidentNeeds(c: Context): void {
  for (let i = 0; i < YANPING_NEEDS.residentNeedsResolved; i++) {
    const submitDay = dayBetween(c.rng, '2024-01-02', '2024-11-15');
    const path = c.rng.weightedPick(['CLAIM', 'MEETING_REFERRAL', 'STRAIGHT'] as const, (p) => ({ CLAIM: 55, MEETING_REFERRAL: 25, STRAIGHT: 20 })[p]);
    const { need, resolution, template } = residentNeed(c, submitDay, { referred: path === 'STRAIGHT' });
    const place = need.opening.place;
    let day: string;
    if (path === 'CLAIM' || !template.department) {
      const listedOn = throughMeeting(c, need, submitDay, 'LISTED');
      day = claimAndResolve(c, need, listedOn, { first: residentClaimant(c, place) }, 'RESOLVED', resolution);
    } else {
      const handler = department(c, template.department);
      const referredOn = path === 'STRAIGHT' ? referStraight(c, need, submitDay, handler) : throughMeeting(c, need, submitDay, 'REFERRED', { department: handler });
      day = addDays(referredOn, c.rng.int(2, 20));
      need.resolve(timeOn(day, c.rng, 9, 18), departmentActor(handler), resolution);
    }
    maybeClose(c, need, day, stationActor(place), 0.7);
  }
  for (let i = 0; i < YANPING_NEEDS.residentNeedsLastYear; i++) {
    const submitDay = dayBetween(c.rng, '2023-10-09', '2023-11-20');
    const { need, resolution, template } = residentNeed(c, submitDay, { referred: true, urbanOnly: true });
    const handler = department(c, template.department!);
    const day = addDays(referStraight(c, need, submitDay, handler), c.rng.int(2, 20));
    need.resolve(timeOn(day, c.rng, 9, 18), departmentActor(handler), resolution);
    need.close(timeOn(addDays(day, c.rng.int(1, 5)), c.rng, 9, 18), stationActor(need.opening.place), satisfaction(c.rng), c.rng.pick(SATISFACTION_COMMENTS));
  }
  for (let i = 0; i < YANPING_NEEDS.residentNeedsRejected; i++) {
    const submitDay = dayBetween(c.rng, '2024-02-01', '2024-11-29');
    const { need } = residentNeed(c, submitDay, { referred: false });
    const reason = c.rng.pick(REJECTION_REASONS);
    if (i % 5 < 3) throughMeeting(c, need, submitDay, 'REJECTED', { reason });
    else need.reject(timeOn(addDays(submitDay, c.rng.int(1, 3)), c.rng, 9, 17), stationActor(need.opening.place), reason, '经核实不予受理');
  }
  // Open on AS_OF: 12 just raised, 10 on next Wednesday's agenda, 10 on the list, 8 claimed, 12 in progress.
  for (let i = 0; i < 12; i++) residentNeed(c, dayBetween(c.rng, '2024-12-16', AS_OF), { referred: false });
  for (let i = 0; i < 10; i++) {
    const submitDay = dayBetween(c.rng, '2024-12-16', AS_OF);
    const { need } = residentNeed(c, submitDay, { referred: false });
    need.toAgenda(nextWednesday(AS_OF), at(submitDay, 17, c.rng.int(0, 59)), stationActor(need.opening.place));
  }
  for (let i = 0; i < 10; i++) {
    const submitDay = dayBetween(c.rng, '2024-12-09', '2024-12-13');
    throughMeeting(c, residentNeed(c, submitDay, { referred: false }).need, submitDay, 'LISTED');
  }
  for (let i = 0; i < 20; i++) {
    const submitDay = dayBetween(c.rng, '2024-11-25', '2024-12-06');
    const referred = i >= 14;
    const { need, resolution, template } = residentNeed(c, submitDay, { referred });
    if (referred) referStraight(c, need, submitDay, department(c, template.department!));
    else claimAndResolve(c, need, throughMeeting(c, need, submitDay, 'LISTED'), { first: residentClaimant(c, need.opening.place) }, i < 8 ? 'CLAIMED' : 'IN_PROGRESS', resolution);
  }
}

/** The Thursdays of 2024: the district leaders' 常态化夜巡 nights. */
function patrolNights(from: string, to: string): string[] {
  const nights: string[] = [];
  for (let day = '2024-01-04'; day <= to; day = addDays(day, 7)) if (day >= from) nights.push(day);
  return nights;
}

function patrolIssue(
  c: Context,
  night: string,
  fixed?: { template: NeedText; place: YanpingPlace; text: string; resolution: string },
): { need: NeedDraft; resolution: string; handler: SeedDepartmentRef } {
  const place = fixed?.place ?? c.rng.pick(c.urbanPlaces);
  const template = fixed?.template ?? c.rng.pick(PATROL_TEXTS);
  const { text, resolution } = fixed ?? textOf(c, template, place);
  const need = c.ledger.open({
    key: c.nextKey('NIGHT_PATROL_ISSUE'),
    kind: 'NIGHT_PATROL_ISSUE',
    channel: 'NIGHT_PATROL',
    category: template.category,
    place,
    atStation: false,
    text,
    location: pointNear(place, c.rng, 700),
    resident: null,
    submittedAt: at(night, c.rng.int(20, 21), c.rng.int(0, 59)),
    actor: PATROL_ACTOR,
    note: '常态化夜巡现场发现',
  });
  return { need, resolution, handler: department(c, template.department!) };
}

/** 现场点题交办 on the night, within the hour. */
function referOnTheSpot(c: Context, need: NeedDraft, handler: SeedDepartmentRef, deadlineDay?: string): void {
  const when = new Date(Date.parse(need.lastMovedAt) + c.rng.int(10, 50) * 60_000).toISOString();
  const [, month, day] = (deadlineDay ?? '--').split('-').map(Number);
  need.referTo(
    handler,
    when,
    PATROL_ACTOR,
    `现场点题交办${handler.shortName}${deadlineDay ? `，限${month}月${day}日前整改到位` : ''}`,
    deadlineDay ? at(deadlineDay, 23, 59) : undefined,
  );
}

/** 夜巡: 383 fixed, 48 under a deadline, 15 from the last night not yet referred. */
function seedPatrolIssues(c: Context): void {
  const makeng = c.urbanPlaces.find((place) => place.code === MAKENG_COMMUNITY_CODE)!;
  const umbrellas = PATROL_TEXTS[0];
  const deadlines = YANPING_NEEDS.patrolDeadlines;
  const waiting = YANPING_NEEDS.patrolIssues - YANPING_NEEDS.patrolFixed - deadlines;
  const early = patrolNights('2024-01-04', '2024-11-28');
  const recent = patrolNights('2024-10-31', '2024-12-12');
  for (let i = 0; i < YANPING_NEEDS.patrolFixed; i++) {
    // The article's own case: the umbrellas at the 商业城 bus stop and along 滨江路, fixed by the street's law-enforcement team.
    const fixed =
      i === 0
        ? {
            template: umbrellas,
            place: makeng,
            text: '商业城公交站点及滨江路沿线路口遮阳伞钢制底座外露，时有行人被绊倒。',
            resolution: '街道执法中队排查滨江路沿线所有遮阳伞点位，将20个遮阳伞的底座埋入地下或用水泥包封。',
          }
        : undefined;
    const night = i === 0 ? '2024-06-13' : c.rng.pick(early);
    const { need, resolution, handler } = patrolIssue(c, night, fixed);
    const fixedOn = addDays(night, c.rng.int(1, 20));
    referOnTheSpot(c, need, handler, c.rng.chance(0.3) ? addDays(fixedOn, c.rng.int(0, 5)) : undefined);
    need.resolve(timeOn(fixedOn, c.rng, 9, 18), departmentActor(handler), resolution);
  }
  for (let i = 0; i < deadlines; i++) {
    const night = c.rng.pick(recent);
    const { need, handler } = patrolIssue(c, night);
    referOnTheSpot(c, need, handler, addDays(night, c.rng.int(30, 60)));
  }
  for (let i = 0; i < waiting; i++) patrolIssue(c, '2024-12-19');
}

/** 共建项目: each claimed by a co-building organization under its 共建盟约 with the station; 310 solved. */
function seedCoBuildingProjects(c: Context): void {
  const pacts = c.rng.shuffle([...c.coBuildersOf.entries()].flatMap(([, claimants]) => claimants));
  const stationPlace = new Map(c.stationPlaces.map((place) => [place.station!.id, place]));
  const pactStation = new Map([...c.coBuildersOf.entries()].flatMap(([stationId, claimants]) => claimants.map((claimant) => [claimant.coBuildingId!, stationId] as const)));
  for (let i = 0; i < YANPING_NEEDS.coBuildingProjects; i++) {
    const pact = pacts[i % pacts.length];
    const place = stationPlace.get(pactStation.get(pact.coBuildingId!)!)!;
    const solved = i < YANPING_NEEDS.coBuildingSolved;
    // 停车位规范、充电桩设置、消防设施建设 first: three in four.
    const template = c.rng.chance(0.75) ? c.rng.pick(CO_BUILDING_TEXTS.slice(0, 6)) : c.rng.pick(CO_BUILDING_TEXTS.slice(6));
    const { text, resolution } = textOf(c, template, place);
    const submitDay = solved ? dayBetween(c.rng, '2024-01-02', '2024-11-15') : dayBetween(c.rng, '2024-11-25', '2024-12-06');
    const need = open(c, {
      kind: 'CO_BUILDING_PROJECT',
      channel: 'STATION',
      category: template.category,
      place,
      atStation: true,
      text,
      location: c.rng.chance(0.5) ? pointNear(place, c.rng, 400) : null,
      resident: null,
      submitDay,
      actor: stationActor(place),
      note: '联席会商确定共建项目',
    });
    const listedOn = throughMeeting(c, need, submitDay, 'LISTED');
    const end: End = solved ? 'RESOLVED' : i % 3 === 0 ? 'CLAIMED' : 'IN_PROGRESS';
    const day = claimAndResolve(c, need, listedOn, { first: pact }, end, resolution);
    if (solved) maybeClose(c, need, day, stationActor(place), 0.6);
  }
}

/** The co-building agreements of Yanping's stations, by station: the claimants of its co-building projects. */
async function loadCoBuilders(db: SeedDb): Promise<Map<string, Claimant[]>> {
  const rows = (await db.execute(
    `select cb.id, cb.organization_id, cb.station_id, o.name
       from co_building cb join organization o on o.id = cb.organization_id
       join station s on s.id = cb.station_id join region r on r.id = s.region_id
      where r.path like ? and cb.valid_to is null order by s.code, cb.id`,
    [`%/${YANPING_DISTRICT_CODE}/%`],
  )) as { id: string; organization_id: string; station_id: string; name: string }[];
  const byStation = new Map<string, Claimant[]>();
  for (const row of rows) {
    const list = byStation.get(row.station_id) ?? [];
    list.push({ organizationId: row.organization_id, coBuildingId: row.id, label: row.name });
    byStation.set(row.station_id, list);
  }
  return byStation;
}

/** Seed step: Yanping's needs, claims and 民生议事厅 meetings of 2024 (and a few of late 2023). */
export async function seedYanpingNeeds(db: SeedDb): Promise<Record<string, number>> {
  const places = await loadYanpingPlaces(db);
  const teams = buildYanpingTeams(places, buildYanpingOrganizations());
  const teamsOf = new Map<string, Claimant[]>();
  for (const team of teams) teamsOf.set(team.communityCode, [...(teamsOf.get(team.communityCode) ?? []), { teamId: team.id, label: team.name }]);
  const rng = createRng('yanping-needs');
  const counters = new Map<string, number>();
  const c: Context = {
    rng,
    ledger: new NeedLedger(createRng('yanping-needs:receipts'), (place) => (place.urban && place.station ? lianxinGardenId(place) : null)),
    departments: new Map(YANPING_DEPARTMENTS.map((d) => [d.code, { id: seedDepartmentId(d.code), name: d.name, shortName: d.shortName }])),
    stationPlaces: places.filter((place) => place.station),
    urbanPlaces: places.filter((place) => place.station && place.urban),
    teamsOf,
    coBuildersOf: await loadCoBuilders(db),
    nextKey: (prefix) => {
      const next = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, next);
      return `yanping:${prefix}:${next}`;
    },
  };
  seedLivelihoodProjects(c);
  seedStationOrders(c);
  seedResidentNeeds(c);
  seedPatrolIssues(c);
  seedCoBuildingProjects(c);
  return c.ledger.write(db);
}
