import { Arg, Field, FieldResolver, InputType, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { Public } from '../../auth/visibility';
import { DateTimeScalar } from '../../graphql/scalars';
import { OpeningWindowKind, Weekday, windowsAt, type OpeningHours, type OpeningWindow } from './opening-hours';

registerEnumType(Weekday, {
  name: 'Weekday',
  description: '星期 Day of the week',
  valuesConfig: {
    MONDAY: { description: '周一 Monday' },
    TUESDAY: { description: '周二 Tuesday' },
    WEDNESDAY: { description: '周三 Wednesday' },
    THURSDAY: { description: '周四 Thursday' },
    FRIDAY: { description: '周五 Friday' },
    SATURDAY: { description: '周六 Saturday' },
    SUNDAY: { description: '周日 Sunday' },
  },
});

registerEnumType(OpeningWindowKind, {
  name: 'OpeningWindowKind',
  description: '开放时段类型 What kind of service a weekly window is',
  valuesConfig: {
    REGULAR: { description: '常规开放 Regular hours' },
    STAGGERED: { description: '错时服务：错开上班时间（午间、周末）Staggered hours that suit working residents (lunchtime, weekends)' },
    EXTENDED: { description: '延时服务：下班后延长开放 Extended hours after the usual closing time' },
    EVENING_POST: { description: '七点半岗哨：晚间值守 The 19:30 evening post' },
  },
});

@Public()
@ObjectType('OpeningWindow', { simpleResolvers: true, description: '开放时段 One weekly opening window, in China Standard Time' })
export class OpeningWindowType {
  @Public()
  @Field(() => Weekday, { description: '星期 Day of the week' })
  weekday!: Weekday;

  @Public()
  @Field({ description: '开始时间（HH:MM，北京时间）Opening time, HH:MM China Standard Time' })
  opens!: string;

  @Public()
  @Field({ description: '结束时间（HH:MM，不含；24:00 表示到午夜）Closing time, HH:MM, exclusive; 24:00 means midnight' })
  closes!: string;

  @Public()
  @Field(() => OpeningWindowKind, { description: '时段类型 Kind of window' })
  kind!: OpeningWindowKind;
}

@Public()
@ObjectType('OpeningHours', { description: '开放时间 A weekly schedule of opening windows (several a day allowed)' })
export class OpeningHoursType {
  @Public()
  @Field(() => [OpeningWindowType], { description: '每周开放时段（按星期、时间排序）Weekly windows, sorted by day and time' })
  windows!: OpeningWindow[];

  @Public()
  @Field(() => String, { nullable: true, description: '说明（如节假日安排）Free-text note, e.g. holiday arrangements' })
  note!: string | null;
}

@Resolver(() => OpeningHoursType)
export class OpeningHoursResolver {
  @Public()
  @FieldResolver(() => [OpeningWindowType], {
    description: '某一时刻所在的开放时段；为空表示该时刻不开放 The windows covering an instant; empty when closed then',
  })
  windowsAt(@Root() hours: OpeningHours, @Arg('at', () => DateTimeScalar, { description: '时刻 The instant' }) at: Date): OpeningWindow[] {
    return windowsAt(hours, at);
  }

  @Public()
  @FieldResolver(() => Boolean, { description: '某一时刻是否开放 Whether it is open at an instant' })
  isOpenAt(@Root() hours: OpeningHours, @Arg('at', () => DateTimeScalar, { description: '时刻 The instant' }) at: Date): boolean {
    return windowsAt(hours, at).length > 0;
  }
}

@InputType('OpeningWindowInput', { description: '开放时段 One weekly opening window, in China Standard Time' })
export class OpeningWindowInput {
  @Field(() => Weekday, { description: '星期 Day of the week' })
  weekday!: Weekday;

  @Field({ description: '开始时间 HH:MM（00:00–23:59）Opening time' })
  opens!: string;

  @Field({ description: '结束时间 HH:MM（须晚于开始，最晚 24:00；跨午夜请拆成两段）Closing time, after the opening time, at most 24:00; split windows that cross midnight' })
  closes!: string;

  @Field(() => OpeningWindowKind, { defaultValue: OpeningWindowKind.REGULAR, description: '时段类型，默认常规 Kind of window; REGULAR by default' })
  kind!: OpeningWindowKind;
}

@InputType('OpeningHoursInput', { description: '开放时间（整体替换）A whole weekly schedule; replaces the previous one' })
export class OpeningHoursInput {
  @Field(() => [OpeningWindowInput], { description: '每周开放时段，同一天的时段不得重叠 Weekly windows; windows of one day must not overlap' })
  windows!: OpeningWindowInput[];

  @Field(() => String, { nullable: true, description: '说明（至多200字）Note, at most 200 characters' })
  note?: string | null;
}
