/**
 * What Yanping's seeded needs say: a resident's words (or a patrol's, an order's, a project's) and
 * how it was settled, per category, drawn from the second source article (露天座椅, 照明灯带,
 * 遮阳伞底座, 停车位规范, 充电桩设置, 消防设施建设, 破损路面, 沟渠不通 …). `{estate}`, `{building}`,
 * `{road}` and `{n}` are filled in per need.
 */

export type SeedNeedCategory =
  | 'FACILITY_REPAIR'
  | 'LIGHTING'
  | 'SEATING_AND_PUBLIC_FACILITIES'
  | 'PARKING'
  | 'EV_CHARGING'
  | 'FIRE_SAFETY'
  | 'SANITATION'
  | 'CITY_ORDER'
  | 'ROADS_AND_DRAINS'
  | 'AGE_FRIENDLY'
  | 'NEIGHBOUR_DISPUTE'
  | 'OTHER';

export interface NeedText {
  category: SeedNeedCategory;
  text: string;
  resolution: string;
  /** For referred needs and patrol issues: the department code it goes to. */
  department?: string;
}

const n = (category: SeedNeedCategory, text: string, resolution: string, department?: string): NeedText => ({ category, text, resolution, ...(department ? { department } : {}) });

/** 群众需求 / 微心愿, as residents raise them at the 民生驿站, online, by the hotline or on a visit. */
export const RESIDENT_NEED_TEXTS: readonly NeedText[] = [
  n('SEATING_AND_PUBLIC_FACILITIES', '{estate}中心小广场没有座椅，老人散步累了没地方歇脚，希望添置几张露天座椅。', '社区协调共建单位出资添置露天座椅{n}张，已安装到位。'),
  n('LIGHTING', '{estate}{building}号楼到小区大门的步道晚上太黑，希望增设照明灯带。', '沿步道增设太阳能照明灯带{n}米，夜间照明已恢复正常。'),
  n('LIGHTING', '{estate}{building}号楼楼道声控灯坏了一个多月，老人晚上上下楼看不清。', '物业更换楼道声控灯{n}盏，已恢复照明。'),
  n('PARKING', '{estate}车辆乱停乱放，消防通道经常被堵，希望规范停车位。', '重新施划停车位{n}个，消防通道设置禁停标识并安排物业巡查。'),
  n('EV_CHARGING', '{estate}不少居民把电动车推进楼道充电，存在火灾隐患，希望设置集中充电桩。', '在小区架空层安装电动车智能充电桩{n}个，引导居民集中充电。'),
  n('FIRE_SAFETY', '{estate}{building}号楼灭火器已过期，消火栓打开没有水，请帮忙检查。', '更换灭火器{n}具，维修消火栓并试水正常。'),
  n('FACILITY_REPAIR', '{estate}健身器材有几处损坏，小孩玩耍有安全隐患。', '更换损坏的健身器材部件{n}处，已恢复使用。'),
  n('SANITATION', '{estate}垃圾清运不及时，天热异味大，希望增加清运次数。', '协调环卫公司将清运频次增加为每日两次，并增设分类垃圾桶{n}组。', 'YP-CGJ'),
  n('ROADS_AND_DRAINS', '{estate}门口路面坑洼，一下雨就积水，老人出行不便。', '修补破损路面{n}平方米，疏通排水沟，积水问题已解决。', 'YP-ZJJ'),
  n('ROADS_AND_DRAINS', '{estate}{building}号楼旁边的排水沟堵了，污水漫到路面。', '疏通排水沟{n}米并加盖板，已恢复通畅。', 'YP-ZJJ'),
  n('AGE_FRIENDLY', '{estate}{building}号楼单元门口台阶太高，坐轮椅的老人出不了门，希望加装扶手和坡道。', '加装不锈钢扶手{n}处并修建无障碍坡道。'),
  n('AGE_FRIENDLY', '小区里独居老人多，希望驿站能定期组织上门量血压、送药。', '驿站联合社区卫生服务站建立每月上门巡诊机制，首批服务老人{n}名。'),
  n('NEIGHBOUR_DISPUTE', '{estate}{building}号楼楼上卫生间漏水到楼下，两家协商不成，希望社区帮忙调解。', '评理团上门调解，双方达成维修协议，已完成防水维修。'),
  n('NEIGHBOUR_DISPUTE', '{estate}有住户在公共绿地种菜、堆放杂物，邻居意见很大。', '社区和评理团上门沟通，清理杂物{n}处，绿地恢复原貌。'),
  n('OTHER', '希望驿站开设四点半课堂，双职工家庭的孩子放学后没人照看。', '驿站开设四点半课堂，由志愿者每周辅导{n}次。'),
  n('CITY_ORDER', '{road}靠近{estate}路段夜间烧烤摊占道经营，油烟和噪音扰民。', '城管执法中队规范夜市经营点位，劝导摊主入室经营，已整改。', 'YP-CGJ'),
];

/** 驿站点单: orders a 民生驿站 posts to the volunteer 点单 system for volunteers to take. */
export const STATION_ORDER_TEXTS: readonly NeedText[] = [
  n('AGE_FRIENDLY', '{estate}{building}号楼独居老人行动不便，需要志愿者上门理发。', '志愿者上门为老人理发，并登记下次服务时间。'),
  n('AGE_FRIENDLY', '为{estate}高龄老人上门测量血压、血糖并讲解用药。', '志愿者上门为{n}位老人测量血压血糖并讲解用药注意事项。'),
  n('AGE_FRIENDLY', '{estate}一位独居老人需要代买常用药品和生活用品。', '志愿者代购药品和生活用品并送货上门。'),
  n('FACILITY_REPAIR', '{estate}{building}号楼困难家庭的热水器、电饭煲坏了，需要义务维修。', '志愿者上门义务维修家电{n}件，均已恢复使用。'),
  n('FACILITY_REPAIR', '为{estate}残疾人家庭清洗油烟机、检查燃气管道。', '志愿者上门清洗油烟机并检查燃气管道，排除隐患。'),
  n('OTHER', '四点半课堂需要志愿者辅导{estate}留守儿童作业。', '志愿者到驿站辅导儿童作业{n}次。'),
  n('OTHER', '为{estate}居民开展反诈骗宣传和手机使用教学。', '志愿者在驿站开展反诈宣传和智能手机教学，参加居民{n}人。'),
  n('SANITATION', '{estate}楼道堆放杂物，需要志愿者协助清理。', '志愿者协助清理楼道杂物{n}处。'),
  n('OTHER', '为{estate}行动不便的老人代办医保、社保认证。', '志愿者上门协助老人完成社保待遇资格认证。'),
  n('NEIGHBOUR_DISPUTE', '{estate}两户邻居因停车位发生争执，需要评理团调解。', '评理团组织双方协商，达成车位使用约定。'),
];

/** 夜巡问题: what the district's 常态化夜巡 finds on the street, and the department it is handed to on the spot. */
export const PATROL_TEXTS: readonly NeedText[] = [
  n('CITY_ORDER', '{road}沿线路口遮阳伞钢制底座外露，时有行人被绊倒。', '执法中队将遮阳伞底座埋入地下或用水泥包封，共整改{n}处。', 'YP-CGJ'),
  n('CITY_ORDER', '{road}流动摊贩占道经营，影响行人通行。', '执法中队劝导摊贩进入规范经营点，占道问题已整改。', 'YP-CGJ'),
  n('CITY_ORDER', '{road}沿街墙面、电线杆乱贴小广告。', '清理小广告{n}处，并对张贴者依法处理。', 'YP-CGJ'),
  n('LIGHTING', '{road}{n}号附近路灯不亮，夜间行人通行不安全。', '更换路灯灯具，已恢复照明。', 'YP-CGJ'),
  n('PARKING', '{road}机动车违章停放占用人行道和盲道。', '交警大队加强巡查，施划禁停标线{n}米，违停现象已消除。', 'YP-JJDD'),
  n('ROADS_AND_DRAINS', '{road}人行道砖破损松动，雨天踩踏溅水。', '更换破损人行道砖{n}平方米。', 'YP-ZJJ'),
  n('ROADS_AND_DRAINS', '{road}路边沟渠堵塞，污水外溢有异味。', '清淤疏通沟渠{n}米，并加装盖板。', 'YP-ZJJ'),
  n('SANITATION', '{road}垃圾桶满溢，夜间未及时清运。', '调整夜间清运班次，增设垃圾桶{n}个。', 'YP-CGJ'),
  n('CITY_ORDER', '{road}沿街商铺夜间跨门经营、噪音扰民。', '市场监管和执法中队联合约谈商户，已规范经营。', 'YP-SCJ'),
  n('ROADS_AND_DRAINS', '{road}公交站台候车亭破损，顶棚漏雨。', '维修候车亭顶棚和座椅，已恢复使用。', 'YP-JTJ'),
];

/** 共建项目: what co-building organizations take on under their 共建盟约 (停车位规范、充电桩设置、消防设施建设 first). */
export const CO_BUILDING_TEXTS: readonly NeedText[] = [
  n('PARKING', '{estate}停车位规范：重新施划停车位、设置消防通道禁停标识。', '共建单位出资施划停车位{n}个，设置禁停标识和车位指引牌。'),
  n('PARKING', '{estate}利用闲置空地建设临时停车场。', '平整闲置空地建成临时停车场，新增车位{n}个。'),
  n('EV_CHARGING', '{estate}充电桩设置：在架空层建设电动车集中充电棚。', '建成电动车集中充电棚，安装充电桩{n}个。'),
  n('EV_CHARGING', '{estate}增设电动汽车充电桩。', '新增电动汽车充电桩{n}个并投入使用。'),
  n('FIRE_SAFETY', '{estate}消防设施建设：更新楼道灭火器、维修消火栓。', '更新灭火器{n}具，维修消火栓并完成试水。'),
  n('FIRE_SAFETY', '{estate}建设微型消防站，配备消防器材。', '建成微型消防站，配齐消防器材并组织居民演练。'),
  n('SEATING_AND_PUBLIC_FACILITIES', '{estate}添置露天座椅和休闲凉亭。', '添置露天座椅{n}张并修缮凉亭。'),
  n('LIGHTING', '{estate}主干道增设照明灯带。', '增设照明灯带{n}米。'),
];

/** 民生补短板项目: the district's gap-filling projects, from the 群众需求清单. */
export const LIVELIHOOD_TEXTS: readonly NeedText[] = [
  n('ROADS_AND_DRAINS', '{estate}老旧小区雨污分流改造。', '完成雨污分流管网改造{n}米，小区积水问题解决。', 'YP-ZJJ'),
  n('ROADS_AND_DRAINS', '{road}背街小巷路面提升改造。', '完成背街小巷路面改造{n}平方米。', 'YP-ZJJ'),
  n('AGE_FRIENDLY', '{estate}老旧住宅加装电梯。', '完成加装电梯{n}部并通过验收。', 'YP-ZJJ'),
  n('AGE_FRIENDLY', '建设社区长者食堂，解决老年人吃饭难。', '长者食堂建成运营，日均服务老人{n}人次。', 'YP-MZJ'),
  n('SEATING_AND_PUBLIC_FACILITIES', '利用边角地建设口袋公园。', '口袋公园建成开放，面积{n}平方米。', 'YP-ZJJ'),
  n('PARKING', '{road}周边增设公共停车泊位。', '新增公共停车泊位{n}个。', 'YP-JTJ'),
  n('LIGHTING', '{road}沿线路灯改造提升。', '更换改造路灯{n}盏。', 'YP-CGJ'),
  n('FIRE_SAFETY', '{estate}老旧小区消防设施改造。', '完成消防管网和消火栓改造，配置灭火器{n}具。', 'YP-ZJJ'),
];

/** Why a meeting or a community does not take a need up. */
export const REJECTION_REASONS: readonly string[] = [
  '属于业主私人产权范围，建议相关住户自行协商解决',
  '该路段已纳入市政年度改造计划，不再重复立项',
  '经现场核实问题已不存在',
  '诉求涉及商品房质量纠纷，已引导居民通过法律途径解决',
];

export const SATISFACTION_COMMENTS: readonly string[] = [
  '很满意，办得又快又好',
  '社区干部很用心，点赞',
  '解决得很及时，谢谢志愿者',
  '基本满意，希望以后多回访',
  '问题解决了，邻里都说好',
];

export const WITHDRAWAL_REASONS: readonly string[] = ['队伍近期人手不足，退回清单由其他力量认领', '认领方时间冲突，无法按期上门服务'];

/** Fills in a template's places. */
export function fill(template: string, values: { estate: string; building: number; road: string; n: number }): string {
  return template
    .replace(/\{estate\}/g, values.estate)
    .replace(/\{building\}/g, String(values.building))
    .replace(/\{road\}/g, values.road)
    .replace(/\{n\}/g, String(values.n));
}
