import { isAllowedTransition, type TransitionRoute } from '../src/modules/need/need-rules';
import { NeedState } from '../src/modules/need/need.enums';
import type { Rng } from './support/deterministic';
import { seedUuid } from './support/deterministic';
import { insertBatches, type SeedDb } from './support/seed-db';
import { at, type YanpingPlace } from './yanping.places';
import type { SeedNeedCategory } from './yanping.need-texts';

/**
 * Seeded needs written the way the need service writes them: each move of a need is a row of its
 * timeline (need_transition, sequence from 1, from → to, actor, note, time), its version counts the
 * writes (one per move), and what moves with it moves in the same step — a claim recorded on
 * LISTED → CLAIMED, completed on RESOLVED, withdrawn on the way back to LISTED; an agenda item added
 * on ON_AGENDA (the meeting's version and updated_at with it) and decided on the meeting's decision.
 * Only the moves need-rules.ts allows are made (its own table is asked), each later than the one before; a seed that breaks
 * either throws while seeding rather than writing a need the API could not have produced.
 */

/** Who a timeline names: an API client or user by name (never a resident), or an anonymous caller. */
export interface Actor {
  kind: 'USER' | 'API_CLIENT' | 'ANONYMOUS';
  name: string | null;
}

export const ANONYMOUS: Actor = { kind: 'ANONYMOUS', name: null };

export interface SeedDepartmentRef {
  id: string;
  name: string;
  shortName: string;
}

/** One claimant: an organization (optionally under its 共建盟约), a party member or a volunteer team. */
export interface Claimant {
  organizationId?: string;
  personId?: string;
  teamId?: string;
  coBuildingId?: string;
  /** How the timeline names it: the organization's or team's name; '党员个人' for a person. */
  label: string;
}

interface ClaimDraft {
  id: string;
  needId: string;
  claimant: Claimant;
  state: 'ACTIVE' | 'WITHDRAWN' | 'COMPLETED';
  claimedAt: string;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  completedAt: string | null;
  version: number;
  updatedAt: string;
}

interface AgendaItemDraft {
  id: string;
  needId: string;
  addedAt: string;
  decision: 'LISTED' | 'REJECTED' | 'REFERRED' | null;
  reason: string | null;
  departmentId: string | null;
  decidedAt: string | null;
}

interface MeetingDraft {
  id: string;
  place: YanpingPlace;
  venueId: string | null;
  heldOn: string;
  title: string;
  attendeeCount: number;
  attendees: string;
  items: AgendaItemDraft[];
}

const RECEIPT_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const ATTENDEES = ['社区两委成员', '网格员', '小区党支部书记', '楼栋党小组长', '业委会代表', '物业代表', '共建单位代表', '居民代表', '人大代表'];

export interface NeedOpening {
  key: string;
  kind: 'RESIDENT_NEED' | 'STATION_ORDER' | 'NIGHT_PATROL_ISSUE' | 'CO_BUILDING_PROJECT' | 'LIVELIHOOD_PROJECT';
  channel: 'ONLINE' | 'STATION' | 'COURTYARD_TALK' | 'NIGHT_PATROL' | 'HOTLINE_12345' | 'VISIT';
  category: SeedNeedCategory;
  place: YanpingPlace;
  /** Whether the need is the station's (needs of communities without a station, and patrol issues, are not). */
  atStation: boolean;
  text: string;
  location: { lat: number; lng: number } | null;
  resident: { name: string; phone: string | null } | null;
  submittedAt: string;
  actor: Actor;
  note: string | null;
}

/** A need being recorded, move by move. */
export class NeedDraft {
  readonly id: string;
  state: NeedState = NeedState.SUBMITTED;
  version = 1;
  deadline: string | null = null;
  departmentId: string | null = null;
  resolution: string | null = null;
  rejectionReason: string | null = null;
  satisfaction: number | null = null;
  satisfactionComment: string | null = null;
  receiptCode: string;
  private sequence = 1;
  private last: string;
  private activeClaim: ClaimDraft | null = null;
  private pendingItem: { item: AgendaItemDraft; meeting: MeetingDraft } | null = null;

  constructor(
    private readonly ledger: NeedLedger,
    readonly opening: NeedOpening,
  ) {
    this.id = seedUuid('need', opening.key);
    this.last = opening.submittedAt;
    this.receiptCode = ledger.receiptCode();
    ledger.transitions.push([
      seedUuid('need-transition', `${opening.key}:1`),
      this.id,
      1,
      null,
      NeedState.SUBMITTED,
      opening.actor.kind,
      opening.actor.name,
      opening.note,
      opening.submittedAt,
    ]);
  }

  /** When the need last moved. */
  get lastMovedAt(): string {
    return this.last;
  }

  private move(to: NeedState, route: TransitionRoute, when: string, actor: Actor, note: string | null): void {
    if (!isAllowedTransition(this.state, to, route)) throw new Error(`Seed need ${this.opening.key}: ${this.state} → ${to} by ${route} is not allowed`);
    if (!(when > this.last)) throw new Error(`Seed need ${this.opening.key}: ${to} at ${when} is not after ${this.last}`);
    this.sequence += 1;
    this.ledger.transitions.push([seedUuid('need-transition', `${this.opening.key}:${this.sequence}`), this.id, this.sequence, this.state, to, actor.kind, actor.name, note, when]);
    this.state = to;
    this.version += 1;
    this.last = when;
  }

  /** 列入议程: onto the agenda of the community's 民生议事厅 of that Wednesday (added the day before). */
  toAgenda(heldOn: string, addedAt: string, actor: Actor): void {
    const meeting = this.ledger.meeting(this.opening.place, heldOn);
    const item: AgendaItemDraft = {
      id: seedUuid('meeting-agenda-item', `${meeting.id}:${this.id}`),
      needId: this.id,
      addedAt,
      decision: null,
      reason: null,
      departmentId: null,
      decidedAt: null,
    };
    this.move(NeedState.ON_AGENDA, 'WORKFLOW', addedAt, actor, `列入${meetingName(meeting)}议程`);
    meeting.items.push(item);
    this.pendingItem = { item, meeting };
  }

  /** 议事决定: LISTED, REJECTED with a reason, or REFERRED to a department (with an optional deadline). */
  decide(decision: 'LISTED' | 'REJECTED' | 'REFERRED', when: string, actor: Actor, options: { reason?: string; department?: SeedDepartmentRef; deadline?: string } = {}): void {
    if (!this.pendingItem) throw new Error(`Seed need ${this.opening.key} is on no agenda`);
    const { item, meeting } = this.pendingItem;
    const names = { LISTED: '列入微实事清单', REJECTED: '不予受理', REFERRED: '交办部门' };
    const note = `${meetingName(meeting)}决定：${names[decision]}${options.department ? `（${options.department.name}）` : ''}${options.reason ? `。${options.reason}` : ''}`;
    if (decision === 'LISTED') this.move(NeedState.LISTED, 'WORKFLOW', when, actor, note);
    else if (decision === 'REJECTED') this.reject(when, actor, options.reason!, note);
    else this.referTo(options.department!, when, actor, note, options.deadline);
    Object.assign(item, { decision, reason: options.reason ?? null, departmentId: options.department?.id ?? null, decidedAt: when });
    this.pendingItem = null;
  }

  reject(when: string, actor: Actor, reason: string, note: string | null = null): void {
    this.move(NeedState.REJECTED, 'WORKFLOW', when, actor, note);
    this.rejectionReason = reason;
  }

  /** 交办: straight to a department, in progress (referNeed, or a meeting's REFERRED). */
  referTo(department: SeedDepartmentRef, when: string, actor: Actor, note: string, deadline?: string): void {
    this.move(NeedState.IN_PROGRESS, 'REFERRAL', when, actor, note);
    this.departmentId = department.id;
    if (deadline) this.deadline = deadline;
  }

  /** 认领: LISTED → CLAIMED, and the claim. */
  claim(claimant: Claimant, when: string, actor: Actor): void {
    this.move(NeedState.CLAIMED, 'CLAIM', when, actor, `认领：${claimant.label}`);
    const claim: ClaimDraft = {
      id: seedUuid('need-claim', `${this.opening.key}:${when}`),
      needId: this.id,
      claimant,
      state: 'ACTIVE',
      claimedAt: when,
      withdrawnAt: null,
      withdrawalReason: null,
      completedAt: null,
      version: 1,
      updatedAt: when,
    };
    this.ledger.claims.push(claim);
    this.activeClaim = claim;
  }

  /** 撤回认领: back to the list, the claim withdrawn with its reason. */
  withdraw(when: string, actor: Actor, reason: string): void {
    const claim = this.activeClaim!;
    this.move(NeedState.LISTED, 'CLAIM', when, actor, `撤回认领：${reason}`);
    Object.assign(claim, { state: 'WITHDRAWN', withdrawnAt: when, withdrawalReason: reason, version: claim.version + 1, updatedAt: when });
    this.activeClaim = null;
  }

  start(when: string, actor: Actor, note: string): void {
    this.move(NeedState.IN_PROGRESS, 'WORKFLOW', when, actor, note);
  }

  /** 已解决, completing the active claim (the claims module's hook) in the same write. */
  resolve(when: string, actor: Actor, resolution: string): void {
    this.move(NeedState.RESOLVED, 'WORKFLOW', when, actor, null);
    this.resolution = resolution;
    const claim = this.activeClaim;
    if (claim) Object.assign(claim, { state: 'COMPLETED', completedAt: when, version: claim.version + 1, updatedAt: when });
    this.activeClaim = null;
  }

  close(when: string, actor: Actor, satisfaction: number, comment: string | null): void {
    this.move(NeedState.CLOSED, 'WORKFLOW', when, actor, '回访办结');
    this.satisfaction = satisfaction;
    this.satisfactionComment = comment;
  }

  row(): unknown[] {
    const o = this.opening;
    return [
      this.id,
      o.kind,
      o.channel,
      o.category,
      this.state,
      o.atStation ? o.place.station!.id : null,
      o.place.regionId,
      o.text,
      o.location?.lat ?? null,
      o.location?.lng ?? null,
      o.resident?.name ?? null,
      o.resident?.phone ?? null,
      this.deadline,
      this.departmentId,
      this.resolution,
      this.receiptCode,
      this.rejectionReason,
      this.satisfaction,
      this.satisfactionComment,
      this.version,
      o.submittedAt,
      this.last,
    ];
  }
}

function meetingName(meeting: MeetingDraft): string {
  return `民生议事厅“${meeting.title}”（${meeting.heldOn}）`;
}

/** Everything the needs step records, written in bulk at the end. */
export class NeedLedger {
  readonly needs: NeedDraft[] = [];
  readonly transitions: unknown[][] = [];
  readonly claims: ClaimDraft[] = [];
  private readonly meetings = new Map<string, MeetingDraft>();
  private readonly receipts = new Set<string>();

  constructor(
    private readonly rng: Rng,
    private readonly venueOf: (place: YanpingPlace) => string | null,
  ) {}

  open(opening: NeedOpening): NeedDraft {
    const draft = new NeedDraft(this, opening);
    this.needs.push(draft);
    return draft;
  }

  receiptCode(): string {
    for (;;) {
      const code = Array.from({ length: 12 }, () => this.rng.pick([...RECEIPT_ALPHABET])).join('');
      if (!this.receipts.has(code)) {
        this.receipts.add(code);
        return code;
      }
    }
  }

  /** The community's 民生议事厅 of that day, recorded the first time a need goes onto it. */
  meeting(place: YanpingPlace, heldOn: string): MeetingDraft {
    const key = `${place.code}:${heldOn}`;
    let meeting = this.meetings.get(key);
    if (!meeting) {
      const [, month, day] = heldOn.split('-').map(Number);
      meeting = {
        id: seedUuid('meeting', key),
        place,
        venueId: this.venueOf(place),
        heldOn,
        title: `${place.name}${month}月${day}日民生议事`,
        attendeeCount: this.rng.int(9, 24),
        attendees: this.rng.shuffle(ATTENDEES).slice(0, this.rng.int(4, 7)).join('、'),
        items: [],
      };
      this.meetings.set(key, meeting);
    }
    return meeting;
  }

  async write(db: SeedDb): Promise<Record<string, number>> {
    await insertBatches(
      db,
      'need',
      [
        'id',
        'kind',
        'channel',
        'category',
        'state',
        'station_id',
        'region_id',
        'text',
        'lat',
        'lng',
        'resident_name',
        'resident_phone',
        'deadline',
        'referred_department_id',
        'resolution',
        'receipt_code',
        'rejection_reason',
        'satisfaction',
        'satisfaction_comment',
        'version',
        'created_at',
        'updated_at',
      ],
      this.needs.map((need) => need.row()),
    );
    await insertBatches(db, 'need_transition', ['id', 'need_id', 'sequence', 'from_state', 'to_state', 'actor_kind', 'actor_name', 'note', 'occurred_at'], this.transitions);

    // A meeting is recorded before its first item is added; each added item moves its version and updated_at.
    const meetings = [...this.meetings.values()];
    const meetingRows = meetings.map((meeting) => {
      meeting.items.sort((a, b) => (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : 0));
      const first = meeting.items[0].addedAt;
      const createdAt = new Date(Date.parse(first) - 30 * 60_000).toISOString();
      return [
        meeting.id,
        meeting.place.regionId,
        meeting.place.station?.id ?? null,
        meeting.venueId,
        meeting.heldOn,
        meeting.title,
        meeting.attendeeCount,
        meeting.attendees,
        1 + meeting.items.length,
        createdAt,
        meeting.items[meeting.items.length - 1].addedAt,
      ];
    });
    await insertBatches(
      db,
      'meeting',
      ['id', 'region_id', 'station_id', 'venue_id', 'held_on', 'title', 'attendee_count', 'attendees', 'version', 'created_at', 'updated_at'],
      meetingRows,
    );
    const itemRows = meetings.flatMap((meeting) =>
      meeting.items.map((item, i) => [
        item.id,
        meeting.id,
        item.needId,
        i + 1,
        item.decision,
        item.reason,
        item.departmentId,
        item.decidedAt,
        item.decision ? 2 : 1,
        item.addedAt,
        item.decidedAt ?? item.addedAt,
      ]),
    );
    await insertBatches(
      db,
      'meeting_agenda_item',
      ['id', 'meeting_id', 'need_id', 'position', 'decision', 'decision_reason', 'referred_department_id', 'decided_at', 'version', 'created_at', 'updated_at'],
      itemRows,
    );
    await insertBatches(
      db,
      'need_claim',
      [
        'id',
        'need_id',
        'organization_id',
        'person_id',
        'volunteer_team_id',
        'co_building_id',
        'state',
        'claimed_at',
        'withdrawn_at',
        'withdrawal_reason',
        'completed_at',
        'version',
        'created_at',
        'updated_at',
      ],
      this.claims.map((claim) => [
        claim.id,
        claim.needId,
        claim.claimant.organizationId ?? null,
        claim.claimant.personId ?? null,
        claim.claimant.teamId ?? null,
        claim.claimant.coBuildingId ?? null,
        claim.state,
        claim.claimedAt,
        claim.withdrawnAt,
        claim.withdrawalReason,
        claim.completedAt,
        claim.version,
        claim.claimedAt,
        claim.updatedAt,
      ]),
    );
    return {
      yanpingNeeds: this.needs.length,
      yanpingNeedTransitions: this.transitions.length,
      yanpingMeetings: meetings.length,
      yanpingAgendaItems: itemRows.length,
      yanpingNeedClaims: this.claims.length,
    };
  }
}

/** A time on a day, `minute` minutes after `hour` o'clock Beijing time. */
export function timeOn(day: string, rng: Rng, fromHour: number, toHour: number): string {
  return at(day, rng.int(fromHour, toHour - 1), rng.int(0, 59));
}
