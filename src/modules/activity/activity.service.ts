import { randomUUID } from 'node:crypto';
import { Action, checkCanAtStation } from '../../auth/permissions';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { checkText, lockVersioned, Problems, withUserErrors, type RecordKind } from '../../graphql/mutation';
import { write } from '../../graphql/unit-of-work';
import { localIdOf } from '../../graphql/relay';
import { blankToNull, resolveOpenStation } from '../co-building/co-building.service';
import { resolveActiveOrganization } from '../organization/organization.service';
import { Activity } from './activity.entity';
import { MAX_ACTIVITY_DAYS } from './activity.enums';
import type { CreateActivityInput, DeleteActivityInput, UpdateActivityInput } from './activity.inputs';
import { activitiesByIds } from './activity.reader';
import type { ActivityPayload, DeleteActivityResult } from './activity.types';

export const ACTIVITY: RecordKind = { zh: '活动', en: 'activity' };
const NEW_ACTIVITIES: RecordKind = { zh: '活动', en: 'activities' };
const TITLE: RecordKind = { zh: '活动名称', en: 'activity title' };
const DESCRIPTION: RecordKind = { zh: '活动内容', en: 'activity description' };
export const TITLE_MAX = 100;
export const DESCRIPTION_MAX = 2000;
const MAX_DURATION_MS = MAX_ACTIVITY_DAYS * 24 * 60 * 60 * 1000;

/** An activity ends after it starts and lasts at most MAX_ACTIVITY_DAYS. */
function checkTimes(problems: Problems, startsAt: Date, endsAt: Date, field: string): void {
  if (endsAt.getTime() <= startsAt.getTime()) problems.add(field, UserErrorCode.INVALID, 'ACTIVITY_ENDS_BEFORE_START');
  else if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_MS) problems.add(field, UserErrorCode.INVALID, 'ACTIVITY_TOO_LONG', { maxDays: MAX_ACTIVITY_DAYS });
}

function checkParticipants(problems: Problems, participants: number | null | undefined): void {
  if (participants != null && participants < 0) problems.add('participants', UserErrorCode.INVALID, 'PARTICIPANTS_INVALID');
}

async function toPayload(ctx: Context, work: () => Promise<string>): Promise<ActivityPayload> {
  const { value: id, userErrors } = await withUserErrors(ctx, work);
  if (id === null) return { activity: null, userErrors };
  const [activity] = await activitiesByIds(ctx.db, [id]);
  return { activity, userErrors };
}

/** Records an activity at a station that is not archived, optionally organized by an active organization. */
export async function createActivity(ctx: Context, input: CreateActivityInput): Promise<ActivityPayload> {
  const problems = new Problems(ctx.locale);
  const station = await resolveOpenStation(ctx, problems, 'stationId', input.stationId, NEW_ACTIVITIES);
  // The station's region is the activity's: the right to write there comes before the organizer is looked at.
  if (!(await checkCanAtStation(ctx, problems, Action.WRITE_COMMUNITY, station?.id, 'stationId'))) {
    return { activity: null, userErrors: problems.errors };
  }
  const organizer = input.organizerId ? await resolveActiveOrganization(ctx, problems, 'organizerId', input.organizerId, NEW_ACTIVITIES) : null;
  const title = checkText(problems, 'title', input.title, TITLE_MAX, TITLE);
  const description = checkText(problems, 'description', blankToNull(input.description), DESCRIPTION_MAX, DESCRIPTION);
  checkTimes(problems, input.startsAt, input.endsAt, 'endsAt');
  checkParticipants(problems, input.participants);
  if (problems.any) return { activity: null, userErrors: problems.errors };

  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const activity = em.create(Activity, {
        id: randomUUID(),
        station: station!,
        organizer,
        category: input.category,
        title: title!,
        description: description ?? null,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        participants: input.participants,
      });
      await em.flush();
      return activity.id;
    }),
  );
}

/** Changes the given fields; the times are checked together with the ones the activity keeps. */
export async function updateActivity(ctx: Context, input: UpdateActivityInput): Promise<ActivityPayload> {
  const problems = new Problems(ctx.locale);
  const localId = localIdOf(input.id, 'Activity');
  if (!localId) problems.add('id', UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: ACTIVITY.zh, kind: ACTIVITY.en });
  // An activity never moves to another station, so its scope can be checked as read.
  const current = localId ? await ctx.loaders.activityById.load(localId) : null;
  if (!(await checkCanAtStation(ctx, problems, Action.WRITE_COMMUNITY, current?.stationId))) {
    return { activity: null, userErrors: problems.errors };
  }
  const organizer = input.organizerId ? await resolveActiveOrganization(ctx, problems, 'organizerId', input.organizerId, NEW_ACTIVITIES) : null;
  const title = checkText(problems, 'title', input.title ?? undefined, TITLE_MAX, TITLE);
  const description = checkText(problems, 'description', blankToNull(input.description), DESCRIPTION_MAX, DESCRIPTION);
  checkParticipants(problems, input.participants);
  if (problems.any) return { activity: null, userErrors: problems.errors };

  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const activity = await lockVersioned(em, Activity, localId!, input.version, problems, ACTIVITY);
      const startsAt = input.startsAt ?? activity.startsAt;
      const endsAt = input.endsAt ?? activity.endsAt;
      if (input.startsAt || input.endsAt) checkTimes(problems, startsAt, endsAt, input.endsAt ? 'endsAt' : 'startsAt');
      problems.throwIfAny();
      activity.startsAt = startsAt;
      activity.endsAt = endsAt;
      if (input.organizerId === null) activity.organizer = null;
      else if (organizer) activity.organizer = organizer;
      if (input.category) activity.category = input.category;
      if (title != null) activity.title = title;
      if (description !== undefined) activity.description = description;
      if (input.participants != null) activity.participants = input.participants;
      return activity.id;
    }),
  );
}

/** Deletes an activity (nothing references activities), at the version the caller read. */
export async function deleteActivity(ctx: Context, input: DeleteActivityInput): Promise<DeleteActivityResult> {
  const problems = new Problems(ctx.locale);
  const localId = localIdOf(input.id, 'Activity');
  if (!localId) {
    problems.add('id', UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: ACTIVITY.zh, kind: ACTIVITY.en });
    return { deletedId: null, userErrors: problems.errors };
  }
  const current = await ctx.loaders.activityById.load(localId);
  if (!(await checkCanAtStation(ctx, problems, Action.WRITE_COMMUNITY, current?.stationId))) {
    return { deletedId: null, userErrors: problems.errors };
  }
  const { value, userErrors } = await withUserErrors(ctx, async () => {
    await write(ctx, async (em) => {
      const activity = await lockVersioned(em, Activity, localId, input.version, problems, ACTIVITY);
      em.remove(activity);
      await em.flush();
    });
    return input.id;
  });
  return { deletedId: value, userErrors };
}
