import { createRng, seedUuid, type Rng } from './support/deterministic';
import { insertBatches, loadSeededStations, type SeedDb } from './support/seed-db';

/**
 * The activities held at Xiangyang's stations during 2023: party-building days, policy and legal
 * consultations, errands run on residents' behalf, culture, training (e.g. road safety for
 * delivery riders), volunteer service, the senior schools (老年学校) and the after-school
 * classes (四点半课堂), neighbourhood festivals. A pure builder plus the step that writes it.
 */

export type SeedActivityCategory =
  | 'PARTY_BUILDING'
  | 'POLICY_CONSULTATION'
  | 'PROXY_AGENCY'
  | 'LEGAL_AID'
  | 'CULTURAL_PUBLICITY'
  | 'TRAINING'
  | 'VOLUNTEER_SERVICE'
  | 'SENIOR_SCHOOL'
  | 'AFTER_SCHOOL_CLASS'
  | 'NEIGHBOURHOOD_FESTIVAL'
  | 'OTHER';

export const ACTIVITY_YEAR = 2023;

/** What the builder needs of a station. */
export interface ActivityStation {
  id: string;
  code: string;
  kind: string;
  status: string;
  openedOn: string | null;
}

/** A co-building as the builder sees it: organizations that may organize activities at the station. */
export interface ActivityCoBuilding {
  stationId: string;
  organizationId: string;
}

export interface SeedActivity {
  id: string;
  stationId: string;
  organizerId: string | null;
  category: SeedActivityCategory;
  title: string;
  description: string;
  /** ISO 8601 with the +08:00 offset. */
  startsAt: string;
  endsAt: string;
  participants: number;
}

interface CategoryProfile {
  titles: readonly string[];
  description: string;
  /** Local start times, "HH:MM". */
  starts: readonly string[];
  /** Duration range in minutes. */
  minutes: [number, number];
  participants: [number, number];
}

const PROFILES: Record<SeedActivityCategory, CategoryProfile> = {
  PARTY_BUILDING: {
    titles: ['主题党日活动', '“三会一课”集中学习', '学习贯彻党的二十大精神宣讲', '流动党员“口袋课堂”', '党员“双报到”进社区服务日'],
    description: '组织辖区党员和双报到党员集中学习，开展亮身份、践承诺活动。',
    starts: ['09:00', '15:00', '19:30'],
    minutes: [60, 150],
    participants: [12, 60],
  },
  POLICY_CONSULTATION: {
    titles: ['医保政策进驿站咨询会', '灵活就业人员社保政策解读', '个人所得税专项附加扣除咨询', '养老保险待遇资格认证政策宣讲', '惠企政策“面对面”'],
    description: '邀请部门业务骨干到驿站现场解读政策、答疑解惑。',
    starts: ['09:30', '14:30', '19:30'],
    minutes: [60, 120],
    participants: [10, 50],
  },
  PROXY_AGENCY: {
    titles: ['高龄津贴集中代办日', '居住证办理代办服务', '老年人优待证代办', '残疾人两项补贴代办', '社保卡激活代办'],
    description: '网格员和志愿者为行动不便的居民集中代办事项，材料一次收齐。',
    starts: ['09:00', '14:30'],
    minutes: [120, 180],
    participants: [8, 40],
  },
  LEGAL_AID: {
    titles: ['“法律明白人”进驿站', '法律援助咨询日', '防范电信网络诈骗讲座', '劳动维权法律咨询（新就业形态劳动者专场）', '婚姻家庭纠纷调解咨询'],
    description: '律师和法律援助志愿者现场提供法律咨询，引导居民依法维权。',
    starts: ['09:30', '14:30', '19:30'],
    minutes: [90, 150],
    participants: [8, 45],
  },
  CULTURAL_PUBLICITY: {
    titles: ['襄阳非遗文化展示', '新时代文明实践电影放映', '移风易俗宣传', '全民阅读分享会', '红色故事宣讲'],
    description: '以群众喜闻乐见的形式开展文化宣传，丰富居民精神文化生活。',
    starts: ['09:30', '15:00', '19:30'],
    minutes: [60, 150],
    participants: [15, 120],
  },
  TRAINING: {
    titles: ['快递小哥电动车安全驾驶培训', '智能手机使用培训', '家政服务技能培训', '急救技能培训（心肺复苏）', '电商直播技能培训'],
    description: '围绕群众就业和生活需要开展技能培训，现场实操练习。',
    starts: ['09:00', '14:30', '19:30'],
    minutes: [90, 180],
    participants: [10, 50],
  },
  VOLUNTEER_SERVICE: {
    titles: ['义务理发', '爱心义诊', '环境卫生清洁行动', '为外卖骑手送清凉', '家电义务维修'],
    description: '志愿服务队到驿站开展便民志愿服务。',
    starts: ['08:30', '09:00', '15:00'],
    minutes: [90, 210],
    participants: [15, 80],
  },
  SENIOR_SCHOOL: {
    titles: ['老年学校书法班', '老年学校太极拳课', '老年学校智能手机课', '老年学校合唱团排练', '老年学校养生保健讲座'],
    description: '老年学校按学期开课，由志愿者教师授课。',
    starts: ['09:00', '14:30'],
    minutes: [90, 120],
    participants: [12, 40],
  },
  AFTER_SCHOOL_CLASS: {
    titles: ['四点半课堂作业辅导', '四点半课堂科普小实验', '四点半课堂手工课', '四点半课堂阅读分享', '四点半课堂书法启蒙'],
    description: '放学后为双职工家庭的孩子提供看护和作业辅导。',
    starts: ['16:30'],
    minutes: [90, 120],
    participants: [8, 30],
  },
  NEIGHBOURHOOD_FESTIVAL: {
    titles: ['邻里节百家宴', '邻里节趣味运动会', '中秋邻里节', '端午包粽子邻里节', '邻里节跳蚤市场'],
    description: '居民共同参与的邻里节活动，增进邻里感情。',
    starts: ['09:00', '15:00'],
    minutes: [180, 480],
    participants: [60, 300],
  },
  OTHER: {
    titles: ['驿站开放日', '防汛应急演练', '消防安全演练', '垃圾分类宣传'],
    description: '驿站开展的其他服务活动。',
    starts: ['09:00', '15:00'],
    minutes: [60, 120],
    participants: [10, 80],
  },
};

export const ACTIVITY_CATEGORIES = Object.keys(PROFILES) as SeedActivityCategory[];

/** Category weights by station kind: 暖新 stations train and serve delivery riders, communities run the schools. */
const WEIGHTS: Record<string, Partial<Record<SeedActivityCategory, number>>> = {
  COMMUNITY: {
    PARTY_BUILDING: 4,
    POLICY_CONSULTATION: 2,
    PROXY_AGENCY: 2,
    LEGAL_AID: 2,
    CULTURAL_PUBLICITY: 2,
    TRAINING: 1,
    VOLUNTEER_SERVICE: 3,
    SENIOR_SCHOOL: 3,
    AFTER_SCHOOL_CLASS: 3,
    NEIGHBOURHOOD_FESTIVAL: 1,
    OTHER: 1,
  },
  RURAL: {
    PARTY_BUILDING: 4,
    POLICY_CONSULTATION: 3,
    PROXY_AGENCY: 3,
    LEGAL_AID: 1,
    CULTURAL_PUBLICITY: 2,
    TRAINING: 2,
    VOLUNTEER_SERVICE: 2,
    SENIOR_SCHOOL: 1,
    AFTER_SCHOOL_CLASS: 1,
    NEIGHBOURHOOD_FESTIVAL: 1,
    OTHER: 1,
  },
  NEW_ECONOMY: { PARTY_BUILDING: 4, POLICY_CONSULTATION: 4, PROXY_AGENCY: 1, LEGAL_AID: 2, CULTURAL_PUBLICITY: 1, TRAINING: 3, VOLUNTEER_SERVICE: 1, OTHER: 1 },
  WARM_NEW: { PARTY_BUILDING: 2, POLICY_CONSULTATION: 2, LEGAL_AID: 2, TRAINING: 4, VOLUNTEER_SERVICE: 4, CULTURAL_PUBLICITY: 1, OTHER: 1 },
};

const DAY_MS = 24 * 60 * 60 * 1000;

function addMinutes(date: string, time: string, minutes: number): { startsAt: string; endsAt: string } {
  const start = new Date(`${date}T${time}:00+08:00`);
  const end = new Date(start.getTime() + minutes * 60_000);
  return { startsAt: toChinaIso(start), endsAt: toChinaIso(end) };
}

/** ISO 8601 in China Standard Time (UTC+8, no daylight saving), e.g. 2023-06-01T16:30:00+08:00. */
function toChinaIso(date: Date): string {
  return `${new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

function randomDate(rng: Rng, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / DAY_MS);
  return new Date(start + rng.int(0, days) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Activities during ACTIVITY_YEAR at every station that was open then (opened by year end and
 * still open or only suspended since), one to four each, never before the station opened.
 * Most are organized by one of the station's co-building organizations.
 */
export function buildSeedActivities(stations: readonly ActivityStation[], coBuildings: readonly ActivityCoBuilding[]): SeedActivity[] {
  const rng = createRng('xiangyang-activities');
  const organizersOf = new Map<string, string[]>();
  for (const coBuilding of coBuildings) {
    const list = organizersOf.get(coBuilding.stationId) ?? [];
    if (!list.includes(coBuilding.organizationId)) list.push(coBuilding.organizationId);
    organizersOf.set(coBuilding.stationId, list);
  }
  for (const list of organizersOf.values()) list.sort();
  const yearStart = `${ACTIVITY_YEAR}-01-01`;
  const yearEnd = `${ACTIVITY_YEAR}-12-31`;
  const activities: SeedActivity[] = [];
  // Code order, so the result does not depend on how the caller listed the stations.
  const ordered = [...stations].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const station of ordered) {
    if (!station.openedOn || station.openedOn > yearEnd || !['OPEN', 'SUSPENDED'].includes(station.status)) continue;
    const weights = WEIGHTS[station.kind] ?? WEIGHTS.COMMUNITY;
    const categories = ACTIVITY_CATEGORIES.filter((category) => (weights[category] ?? 0) > 0);
    const count = rng.weightedPick([1, 2, 3, 4], (n) => [2, 4, 3, 1][n - 1]);
    const organizers = organizersOf.get(station.id) ?? [];
    for (let index = 0; index < count; index++) {
      const category = rng.weightedPick(categories, (c) => weights[c] ?? 0);
      const profile = PROFILES[category];
      const day = randomDate(rng, station.openedOn > yearStart ? station.openedOn : yearStart, yearEnd);
      const times = addMinutes(day, rng.pick(profile.starts), rng.int(profile.minutes[0] / 15, profile.minutes[1] / 15) * 15);
      activities.push({
        id: seedUuid('activity', `${station.id}:${index}`),
        stationId: station.id,
        organizerId: organizers.length && rng.chance(0.7) ? rng.pick(organizers) : null,
        category,
        title: rng.pick(profile.titles),
        description: profile.description,
        ...times,
        participants: rng.int(profile.participants[0], profile.participants[1]),
      });
    }
  }
  return activities;
}

/** Seed step: the 2023 activities; runs after the organizations and co-buildings. */
export async function seedActivities(db: SeedDb): Promise<Record<string, number>> {
  const seeded = await loadSeededStations(db);
  const opened = (await db.execute(`select id, to_char(opened_on, 'YYYY-MM-DD') as opened_on from station where opened_on is not null`)) as {
    id: string;
    opened_on: string;
  }[];
  const openedOn = new Map(opened.map((row) => [row.id, row.opened_on]));
  const stations = seeded.map((station) => ({ id: station.id, code: station.code, kind: station.kind, status: station.status, openedOn: openedOn.get(station.id) ?? null }));
  const coBuildings = (await db.execute(`select station_id, organization_id from co_building order by id`)) as { station_id: string; organization_id: string }[];
  const activities = buildSeedActivities(
    stations,
    coBuildings.map((row) => ({ stationId: row.station_id, organizationId: row.organization_id })),
  );
  const rows = activities.map((activity) => [
    activity.id,
    activity.stationId,
    activity.organizerId,
    activity.category,
    activity.title,
    activity.description,
    activity.startsAt,
    activity.endsAt,
    activity.participants,
    activity.startsAt,
    activity.startsAt,
  ]);
  await insertBatches(
    db,
    'activity',
    ['id', 'station_id', 'organizer_id', 'category', 'title', 'description', 'starts_at', 'ends_at', 'participants', 'created_at', 'updated_at'],
    rows,
  );
  return { activities: activities.length };
}
