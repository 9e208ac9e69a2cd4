"""Extractor rules of 1.6.0 and 1.7.0: phrasings of statistical bulletins, union reports, company reports and features,
raw and seed-style (stripped), each checked on one sentence written for it."""
from __future__ import annotations

import pytest
from test_stat_rules import figure

from analysis.statistics import extract_statistics


@pytest.mark.parametrize(("text", "span", "field", "expected"), [
    # 在岗 is one word (在|岗 lost the 在), and an organisation type before the people is scope
    ("全年城镇非私营单位在岗职工年平均工资115632元。", "115632元", "subject", "在岗职工年平均工资"),
    # a share written 六成 right before a people noun is a share of those people
    ("调查显示，近六成受访者表示愿意参加技能培训。", "近六成", "subject", "受访者"),
    ("调查 显示 近 六成 受访者 表示 愿意 参加 技能 培训 。", "近六成", "subject", "受访者"),
    # 村民, 骨干, 驾驶员, 研究生 are people; a place after them is where, not what
    ("合作社吸纳120多名村民家门口就业。", "120多名", "subject", "村民"),
    ("目前全县有300余名技术骨干在园区工作。", "300余名", "is_workforce", True),
    ("全市新引进博士硕士研究生4180人。", "4180人", "unit", "人"),
    ("滨江 冷链 驾驶员 约 6500 持有 A2 驾照 。", "约6500", "unit", "人"),
    # taxes, residents' insurance and volunteers are not the workforce; an enterprise annuity and R&D staff are
    ("该公司缴纳税金6.8亿元。", "6.8亿元", "is_workforce", False),
    ("参加城乡居民基本养老保险人数213.5万人。", "213.5万人", "is_workforce", False),
    ("公司员工志愿者协会现有注册志愿者3200余名。", "3200余名", "is_workforce", False),
    ("全年员工缴纳企业年金1.26亿元。", "1.26亿元", "is_workforce", True),
    ("研发人员2137名，占员工总数的17.1%。", "2137名", "is_workforce", True),
    # a word that opens with its own count (一辆车) is a new clause, not what 800辆 counts
    ("组装 新能源 汽车 800 辆 一辆车 焊装 总装 需要 52 。", "800辆", "subject", "新能源汽车"),
    # a noun run followed by 占/达到 and a number is that figure's topic
    ("公司员工 总数 12680 女性 员工 占 38.6% 。", "12680", "subject", "公司员工"),
    ("全市 技能 人才 缺口 约 12 万人 高级工 缺口 占 60% 左右 。", "约12万人", "subject", "技能人才缺口"),
    # a money noun right after an amount that is followed by a figure of its own belongs to that figure
    ("公司 缴纳 税金 6.8 亿元 员工 人均 年收入 达到 11.2 万元 。", "6.8亿元", "subject", "税金"),
    ("一线 生产 员工 平均 月工资 8600 元 相当于 最低工资 标准 3.8 倍 。", "8600元", "subject",
     "一线生产员工平均月工资"),
    ("乡村振兴 捐赠 2100 万元 设立 华岳 助学金 资助 困难 学生 500 名 。", "2100万元", "subject", "乡村振兴捐赠"),
    # an age stated (平均年龄不到35岁) is no age band of the group after it
    ("企业 员工 300 多人 平均年龄 不到 35 岁 研发 人员 占 达到 四分之一 。", "四分之一", "subject", "研发人员"),
    ("16—24岁劳动力失业率为17.2%。", "17.2%", "subject", "16—24岁劳动力失业率"),
    # 职工之家 is a place (the tagger reads 之家 as a pronoun), so the noun before each number is what it counts
    ("全市 建成 职工 之家 126 职工 书屋 58 家 。", "126", "subject", "职工之家"),
    # a time adverb never ends a subject; a degree noun is no place
    ("园区 一座 库容 12 万吨 自动化 立体 冷库 正在 建设 。", "12万吨", "subject", "自动化立体冷库"),
    ("回收 有效 问卷 1.1 万份 员工 整体 满意度 86.4% 。", "86.4%", "subject", "员工整体满意度"),
    # half written out, with its qualifier
    ("冷链驾驶员约6500人，持有A2驾照的不到一半。", "不到一半", "value", 50.0),
    ("冷链驾驶员约6500人，持有A2驾照的不到一半。", "不到一半", "qualifier", "less_than"),
    ("两地模具企业数量占全市的近一半。", "近一半", "qualifier", "about"),
    # a share written as a fraction before a contest's name is still a share
    ("高技能 人才 占 技能 人才 比重 达到 三分之一 每年 举办 省级 一类 职业技能 大赛 。", "三分之一", "unit", "%"),
    # “X”计划 names a programme: no goal cue
    ("“金蓝领”计划全年874名员工取得职业技能等级证书。", "874名", "is_target", False),
    ("今年计划培训电商人才2000名。", "2000名", "is_target", True),
    ("明年 组织 开展 补贴性 职业技能 培训 1500 万人次 。", "1500万人次", "is_target", True),  # 将 stripped
    ("总体目标：到2027年，力争累计引进各类人才30万人。", "30万人", "is_target", True),  # a cumulative goal
    # working time, retirees, residents' pensions, staff of any kind, workshops counted as places
    ("农民工日均工作8.6小时。", "8.6小时", "is_workforce", True),
    ("全市企业退休人员72万余人。", "72万余人", "is_workforce", False),
    ("城乡居民基础养老金最低标准每人每月提高20元。", "20元", "is_workforce", False),
    ("机关事业单位人员214名获评劳动模范。", "214名", "is_workforce", True),
    ("全县 认定 就业 帮扶 车间 48 吸纳 就业 1200 余人 。", "48", "is_workforce", False),
    # a verb right after a bare count opens the next clause, even when a name follows it
    ("全省 现有 省级 劳动模范 1.3 万余 建成 劳模 工匠 创新 工作室 280 家 。", "1.3万余", "value", 13000.0),
    ("农民工人均每月工作25.1天。", "25.1天", "unit", "天"),
    # a named share keeps both sides (外出 modifies 农民工 like 返乡); 到岗 is one word
    ("省内流动农民工占外出农民工比重58.3%。", "58.3%", "subject", "省内流动农民工占外出农民工比重"),
    ("该企业今年计划招工1500人，目前已到岗1100多人。", "1100多人", "subject", "到岗"),
    # a money noun ends at 占; 免费 is no fee; a noun run right before the next figure is that figure's topic
    ("发放 劳务报酬 1260 万元 劳务报酬 占 中央 资金 比例 42% 。", "1260万元", "subject", "劳务报酬"),
    ("困难 劳模 发放 帮扶 资金 2000 万元 左右 劳模 免费 健康 体检 约 9000 人次 。", "2000万元左右", "subject",
     "帮扶资金"),
    ("全市 农村 劳动力 约 480 万人 外出 务工 260 万人 。", "约480万人", "subject", "农村劳动力"),
    ("开展 就业 技能 培训 86 期 培训 农村 劳动力 3400 余人次 。", "86期", "subject", "就业技能培训"),
    ("工作人员 走进 32 行政村 登记 农村 劳动力 求职 意愿 。", "32", "subject", "行政村"),
    # homes, rooms and work stations are places; how long a case takes is no workforce figure; money recovered by
    # the workers named right before it (为 stripped) is theirs
    ("全省 建成 各级 “ 职工 小家 ” 1.2 万个 。", "1.2万个", "is_workforce", False),
    ("全市 案件 平均 审理 周期 38 天 。", "38天", "is_workforce", False),
    ("办理 法律援助 案件 4128 件 职工 挽回 经济损失 1.07 亿元 。", "1.07亿元", "is_workforce", True),
    # a bare number after a demand or gap is its size; events are counted in 场 (竞赛 tagged as a verbal noun);
    # a run of noun–number pairs opened by 新建 (tagged as a place) counts the noun before each number
    ("今年 冷链 企业 新增 用工 需求 约 8000 冷库 叉车 岗位 缺口 较大 。", "约8000", "subject", "新增用工需求"),
    ("各地 举办 职业技能 竞赛 2.1 万余场 参赛 职工 院校 学生 超过 500 万人次 。", "2.1万余场", "subject",
     "职业技能竞赛"),
    ("全年 新建 基层 工会 组织 2864 新 发展 会员 3.1 万名 。", "2864", "subject", "基层工会组织"),
    # fine measures and counted pieces
    ("极片 厚度 误差 控制 2 微米 以内 。", "2微米以内", "kind", "measure"),
    ("年产 电芯 约 46 万颗 产能 28 吉瓦时 。", "28吉瓦时", "unit", "吉瓦时"),
    ("年产 电芯 约 46 万颗 产能 28 吉瓦时 。", "约46万颗", "unit", "颗"),
    # a bare count of people this big is found when a people head or tally noun precedes it
    ("参保 职工 23500 。", "23500", "unit", "人"),
    # 数 closing a count noun is no vague 数 (数十万); a share of a 总数 is a figure
    ("一线 青年 选手 占 参赛选手 总数 七成 。", "七成", "value", 70.0),
    # calls counted after 咨询电话 (a phone number is never written with 万)
    ("接听 咨询电话 1.5 万个 2300 多名 农民工 兑现 工资 。", "1.5万个", "value", 15000.0),
    # working time online is a measure; a fraction keeps its exact value; 万分之三 is a fraction too
    ("每天 在线 10 小时 左右 收入 七八千元 。", "10小时左右", "unit", "小时"),
    ("高技能人才占技能人才的比例达到三分之一。", "三分之一", "value", 100 / 3),
    ("分拣差错率控制在万分之三以内。", "万分之三以内", "value", 0.03),
    # bare counts whose measure word was stripped: after a set term, before the outcome of the people counted,
    # after a quoted place name, and a year-shaped number that a hiring verb takes as its object
    ("涉及 劳动者 11.8 万人 责令 整改 违法行为 163 。", "163", "unit", "个"),
    ("890 名 学生 进入 集团 实习 610 留用 。", "610", "unit", "人"),
    ("设立 “ 货车 司机 家 ” 14 组建 律师 服务团 。", "14", "unit", "个"),
    ("集团 计划 校园 招聘 2000 研发 人员 总数 突破 1 万人 。", "2000", "subject", "研发人员"),
    # X比Y高出N%: X is measured; a payout noun after the amount names it; a share of the firms named after it
    ("调查显示，高技能人才平均工资比全体职工平均水平高出约28%。", "约28%", "subject", "高技能人才平均工资"),
    ("他住院半个月，拿到1.2万元理赔款。", "1.2万元", "subject", "理赔款"),
    ("他住院半个月，拿到1.2万元理赔款。", "1.2万元", "is_workforce", True),
    ("全国已有超过六成规模以上工业企业建立技能人才自主评价制度。", "超过六成", "subject", "规模以上工业企业"),
    # a case noun keeps 受理 only while its name is short (受理案件); a long object is named by itself
    ("今年 受理 新就业形态 劳动者 权益 案件 214 件 。", "214件", "subject", "新就业形态劳动者权益案件"),
    # 1.7.0, from the raw blind batch 15: a head count with no people noun is named by the honour it won
    ("去年全省有9人获评全国技术能手。", "9人", "subject", "技术能手"),
    # a comparison's base is never the subject, also when it is quoted or opens the clause
    ("全市技能人才占比达到28.5%，比“十三五”初期提高4.1个百分点。", "4.1个百分点", "subject", "技能人才占比"),
    ("一线职工工资增长7.5%，高于机关人员1.8个百分点。", "1.8个百分点", "subject", "一线职工工资"),
    # 从 a time's figure to another: what changed is named before 从, or before the verb
    ("企业员工流失率从三年前的15%降到5%。", "15%", "subject", "企业员工流失率"),
    ("服务站从最初的3名志愿者发展到如今的40名。", "40名", "subject", "志愿者"),
    # money: a range 不等 still names its money noun; a rate of a standard names the money it sets
    ("对新取得技师证书的职工给予2000元至5000元不等的一次性奖励。", "2000元至5000元", "subject", "一次性奖励"),
    ("对吸纳就业困难人员的企业，按实际工资的50%给予岗位补贴。", "50%", "subject", "岗位补贴"),
    # a list closed by 等 is counted by the class named after it, unless the people come before the list
    ("全市2.4万名保洁员、绿化工、巡查员等一线作业人员纳入保障。", "2.4万名", "subject", "一线作业人员"),
    ("有300名学生进入电子、机械等行业。", "300名", "subject", "学生"),
    # places a scheme covers are no workers; a practice looked back on and a rate set by a standard are no goals
    ("全省已将试点扩大到11个设区市。", "11个", "is_workforce", False),
    ("近年来，公司每年投入职工培训经费500万元以上。", "500万元以上", "is_target", False),
    ("明年将开发公益性岗位300个，岗位补贴按当地最低工资标准的60%发放。", "60%", "is_target", False),
    # 低于 compares another figure with a target written 左右; pieces of ground in 块; a bare count of 人次
    ("登记失业率为3.2%，低于4.5%左右的控制目标。", "4.5%左右", "qualifier", "about"),
    ("全市新建社会足球场30块。", "30块", "unit", "块"),
    ("直播观看人次突破3000万。", "突破3000万", "unit", "人次"),
    # from raw blind articles: a period's month and a number's bound are not part of the phrase; the money noun
    # after who pays or is paid names the amount
    ("今年前8个月零工人员实现灵活就业2.1万人。", "2.1万人", "subject", "零工人员"),
    ("月薪8000元以上的岗位占比超过两成。", "超过两成", "subject", "岗位占比"),
    ("有的企业为高级技师开出年薪40万元。", "40万元", "subject", "年薪"),
    ("参保费用由财政每人每年补贴80元。", "80元", "subject", "补贴"),
    # raw blind batch 16: 重点 before a noun counts that noun; glue the tagger calls a place (长达/ns) or a numeral
    # (首次/m); a level with 以上; hiring cycles and engineers' pay are the workforce's
    ("监测覆盖全国38个重点城市。", "38个", "subject", "重点城市"),
    ("技术工人岗位的平均招聘周期则长达41天。", "41天", "subject", "技术工人岗位的平均招聘周期"),
    ("高新区产值首次突破千亿元大关。", "突破千亿元", "subject", "高新区产值"),
    ("全市6个省级以上开发区实现产值2103.5亿元。", "6个", "subject", "省级以上开发区"),
    ("一季度平台企业平均招聘周期为23天。", "23天", "is_workforce", True),
    ("电池工艺工程师的平均月薪为15800元。", "15800元", "is_workforce", True),
    ("研发与技术人员6420人，占13.3%。", "6420人", "subject", "研发与技术人员"),  # 与/p joins two nouns
    ("公司计划员工人均培训时长达到50小时。", "50小时", "is_target", True),  # 计划 + what + 达到: a plan
    ("全年帮助1.2万名职工追回工资1.3亿元。", "1.3亿元", "subject", "追回工资"),  # money won back keeps its verb
    # raw blind batch 17: an adjective before a verb and its noun, people counted before a money noun, the class of
    # things after a list closed by 等, a result verb before the number
    ("将15家严重失信用人单位列入名单。", "15家", "subject", "严重失信用人单位"),
    ("某公司拖欠30名员工工资合计6万元。", "30名", "subject", "员工"),
    ("学院开设焊接、电气、汽车检测与维修等专业24个。", "24个", "subject", "专业"),
    ("全市地区生产总值完成3125.6亿元。", "3125.6亿元", "subject", "生产总值"),
    ("全市高技能人才72.1万人，占比21.1%。", "21.1%", "subject", "高技能人才"),  # a bare 占比: the figure before's
    ("执法部门依法处以罚款5万元。", "5万元", "subject", "罚款"),
    ("就业人员周平均工作时间为48.3小时，比上月增加0.3小时。", "0.3小时", "kind", "measure"),  # a time changed
    # batch 18's subjects: 本科/r is a noun, a region word opens 地区, an elliptical list item measures what the
    # first item did
    ("教育程度：硕士研究生287人；本科1246人；大专1608人。", "1246人", "subject", "本科"),
    ("东部地区城镇调查失业率为4.7%，中部地区为5.4%。", "5.4%", "subject", "中部地区"),
    ("东部地区城镇调查失业率为4.7%，中部地区为5.4%。", "5.4%", "is_workforce", True),
    ("工会为2.1万名劳动模范和先进工作者发放慰问金。", "2.1万名", "subject", "劳动模范和先进工作者"),
    ("“金秋助学”活动资助困难职工子女520名。", "520名", "subject", "困难职工子女"),  # whom a programme reached
])
def test_phrasing(text: str, span: str, field: str, expected) -> None:
    assert getattr(figure(text, span), field) == expected


@pytest.mark.parametrize(("text", "absent"), [
    ("公司 2024 实现 营业 收入 128 亿元 。", "2024"),  # a firm reporting on a year whose 年 was stripped
    ("库内 温度 常年 保持 零下 18 摄氏度 。", "18"),  # a reading
    ("今年 继续 办好 十件 民生 实事 。", "十件"),  # a policy list
    ("农民工 12309 检察 服务 热线 反映 问题 。", "12309"),  # a hotline
    ("他把一半的时间用在培训上。", "一半"),  # half without a qualifier or 占 is no share
    ("招用 离校 未就业 高校 毕业生 16 24 岁 登记 失业 青年 。", "16"),  # an age range whose 至 was stripped
    ("干 快递 12 头一回 觉得 有人 兜底 。", "12头"),  # 头 opens the next word (12年 stripped)
    ("俗话说 三百六十 行 行行 出 状元 。", "三百六十"),  # a saying, though the tagger files it as a set term
    ("女职工 每天 1 小时 哺乳 时间 。", "1小时"),  # a right, not a measured duration
    ("个人 缴费 设 200 元 至 6000 元 14 档次 。", "14"),  # the structure of a rule
    ("已经 市政府 47 次 常务会议 研究 同意 。", "47次"),  # a meeting's number, its 第 stripped
    ("受访者月均收入在5000元至8000元之间的占56%。", "5000元至8000元"),  # an income bracket
    ("收入 超过 1 万元 仅 一成 左右 。", "超过1万元"),
    ("同一 职业 同一 等级 每人 每年 享受 3 次 。", "3次"),  # a rule's quota
    ("每个 职业 工种 至少 配备 3 名 考评员 。", "3名"),
    ("平均 每人 补贴 约 2340 元 补贴 资金 发放 时限 30 工作日 。", "30工作日"),  # a deadline, no measured time
    # 1.7.0: a count announcing the enumeration after it; thresholds of a rule's class
    ("会议有两项议程：一是听取报告，二是审议文件。", "两项"),
    ("企业稳岗率达到95%以上的，返还比例提高至90%。", "95%以上"),
    ("对招用就业困难人员3至5人的小微企业，给予一次性补贴。", "3至5人"),
    # a reduplicated vague numeral, a session number after 届, a bracket defining the people a share is of, and a
    # round magnitude defining a class of firms
    ("千千万万个“工匠”必将大有作为。", "千千万万个"),
    ("在省总工会十四届五次全委会议上作报告。", "五次"),
    ("在线时长超过10小时的司机占比41.3%。", "超过10小时"),
    ("其中产值超百亿元企业6家。", "超百亿元"),
    ("31个大城市城镇调查失业率为5.2%。", "31个"),  # the count names the rate's population
])
def test_not_a_figure(text: str, absent: str) -> None:
    assert absent not in [s.text.replace(" ", "") for s in extract_statistics(text)]


def test_a_total_closing_a_list_restates_the_count_before() -> None:
    text = "公司在职员工合计4200人。专业构成：生产人员3100人；技术人员800人；行政人员300人；合计4200人。"
    total = [s for s in extract_statistics(text) if s.value == 4200]
    assert len(total) == 1 and len(total[0].spans) == 2 and total[0].subject == "公司在职员工"


def test_the_same_figure_as_goal_and_as_result_stays_two() -> None:
    text = "去年转移就业1100万人。今年力争转移就业规模稳定在1100万人左右。"
    found = [s for s in extract_statistics(text) if s.value == 11_000_000]
    assert [(s.qualifier, s.is_target) for s in found] == [("exact", False), ("about", True)]
