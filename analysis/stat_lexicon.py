"""Lexicons for the statistics extractor: measure words, qualifier and target cues, subject and workforce words."""
from __future__ import annotations

import re

# Measure words by kind. Money keeps 元 (万/亿 fold into the value); time words mark dates, durations and ages.
PEOPLE_UNITS = frozenset({"人", "名", "位", "人次", "户", "户次"})
COUNT_UNITS = frozenset({
    "个", "家", "项", "场", "次", "所", "座", "条", "件", "批", "支", "类", "种", "台", "套", "辆", "架", "艘", "部",
    "本", "册", "篇", "份", "张", "枚", "块", "间", "处", "栋", "幢", "期", "轮", "场次", "家次", "项次", "班", "门",
    "课时", "学时", "工时", "岗", "只", "头", "株", "棵", "首", "幅", "款", "单", "笔", "起", "宗", "例",
    "所次", "批次", "对", "组", "队", "届次", "村", "片", "网点", "站", "口", "证", "趟", "列", "班次", "车次", "轮次",
    "颗", "粒",
})
MONEY_UNITS = frozenset({"元", "美元", "欧元", "港元", "日元", "英镑", "元人民币", "块钱"})
MEASURE_UNITS = frozenset({
    "亩", "公顷", "平方米", "平方公里", "平方千米", "立方米", "吨", "千克", "公斤", "克", "米", "千米", "公里", "千瓦",
    "千瓦时", "瓦", "兆瓦", "吉瓦", "度", "升", "标准箱", "标箱", "TEU", "GB", "兆", "延米", "车次", "架次", "吨公里",
    "人公里", "方", "斤", "里", "海里", "床", "张床位", "kg", "km", "m", "MW", "GW", "kW", "毫米", "厘米", "微米", "纳米",
    "兆瓦时", "吉瓦时",
})
TIME_UNITS = frozenset({
    "年", "个月", "月", "日", "天", "周", "星期", "个星期", "小时", "个小时", "分钟", "秒", "岁", "周岁", "年度",
    "季度", "个季度", "个年头", "年头", "世纪", "年代", "学年", "届", "号", "版", "期间", "个工作日", "工作日", "夜", "晚", "代", "级",
    "等", "星", "点", "时", "分", "载", "旬", "方面", "个方面", "大", "路", "线", "楼", "层", "强", "连冠", "连胜",
})
PERCENT_UNITS = {"%": "%", "‰": "‰", "个百分点": "个百分点", "百分点": "个百分点", "倍": "倍", "成": "%"}
ALL_UNITS = tuple(sorted(
    PEOPLE_UNITS | COUNT_UNITS | MONEY_UNITS | MEASURE_UNITS | TIME_UNITS | set(PERCENT_UNITS), key=len, reverse=True
))

# Qualifier cues: words written before the number, and after it (after the measure word).
PREFIX_QUALIFIERS = (
    ("不少于", "at_least"), ("不少", "at_least"), ("不低于", "at_least"), ("至少", "at_least"), ("最少", "at_least"), ("起码", "at_least"),
    ("不超过", "less_than"), ("不高于", "less_than"), ("不多于", "less_than"), ("不大于", "less_than"), ("不足", "less_than"), ("不到", "less_than"), ("低于", "less_than"), ("少于", "less_than"),
    ("未满", "less_than"), ("未达", "less_than"), ("小于", "less_than"), ("不满", "less_than"),
    ("超过", "more_than"), ("突破", "more_than"), ("多于", "more_than"), ("高于", "more_than"), ("大于", "more_than"),
    ("逾", "more_than"), ("超", "more_than"), ("破", "more_than"),
    ("最高", "less_than"), ("最多", "less_than"),
    ("大约", "about"), ("接近", "about"), ("将近", "about"), ("约", "about"), ("近", "about"), ("上", "about"),
)
SUFFIX_QUALIFIERS = (
    ("以上", "at_least"), ("及以上", "at_least"), ("以下", "less_than"), ("以内", "less_than"),
    ("左右", "about"), ("上下", "about"), ("之多", "exact"),
)

# A target or plan governs the numbers after it in its sentence; a past marker in between cancels it.
# Goal cues. Every alternative of TARGET_CUE_LED opens with a literal character (a look-behind comes after it), so
# re skips straight to candidate characters; TARGET_CUE_YEARS (N年内 opening a clause) opens with a class, which
# would switch that skipping off for the whole pattern, so it stands apart and joins last (no other cue can start
# where it matches: 20\d\d年前 needs 年前 where it needs 年内).
TARGET_CUE_LED = (
    r"力争|争取|力求|确保|预计|预期|有望|明年|计划(?<![”》」]计划)(?=[到在于用再将新培建投完实招举开提力今明年全共累组安发引把])|拟(?!定|人|稿)"
    r"|将(?=[达超突新增提扩建培完实投举开组带吸提覆有再在于从进重力累共全持继陆逐选评遴认发安设推打形减降惠引招录])"
    r"|目标(?:是|为|：|:|到|要)|为目标|到(?<![\d年]到)20\d\d年|至(?<![\d年截]至)20\d\d年|20\d\d年前"
    r"|年(?<![\d一二三四五六七八九十两]年)内|年底前|今后[一二三四五两\d]+年"
    r"|未来[一二三四五两\d]+年|努力实现|规划到|要(?=[新培建实完达力])"
    r"|计划(?=[^，,。；;！？\d]{1,12}?(?:达到|提高到|提升到|增加到|增长到|增至|突破))"  # 集团计划员工人均…达到60小时
)
TARGET_CUE_YEARS = r"(?:^|(?<=[，,；;：:]))[一二三四五两\d]+年内"
TARGET_CUE_PATTERN = TARGET_CUE_LED + "|" + TARGET_CUE_YEARS
# (累计 is none: after a goal cue it makes a cumulative goal, 力争累计引进30万人.)
PAST_MARKERS = ("已经", "已", "截至", "截止", "完成了", "实现了", "达到了", "共有")

# Words that end a subject search to the left: scope, time and agent words are not what is counted.
SCOPE_WORDS = frozenset({
    "全国", "全省", "全市", "全区", "全县", "全镇", "我国", "我省", "我市", "我区", "本市", "该市", "全年", "今年",
    "去年", "明年", "当年", "其中", "目前", "截至", "当前", "同期", "年内", "全球", "各地", "各级", "全行业",
    "省级", "市级", "国家级", "区级", "县级", "全", "上半年", "下半年", "前三季度", "一季度",
    "年底", "年末", "月底", "至今", "以来", "此外", "同时", "另外", "其次", "首先", "最终", "近年来", "这些", "此",
    "累计", "已", "已经", "共", "共计", "总计", "合计", "通过", "此次", "本次", "今年以来", "近年", "近期", "全面",
    "同比", "环比", "比上年", "较上年",
})
GLUE_WORDS = frozenset({"相关", "各类", "各项", 
    "的", "达到", "达", "为", "是", "有", "共", "共有", "共计", "累计", "总计", "合计", "已", "已经", "已有", "分别",
    "分别为", "分别达到", "分别是", "均", "到", "至", "增至", "增长", "下降", "提高", "提升", "增加", "减少", "同比",
    "环比", "比", "上年", "比上年", "同期", "较", "实现", "年均", "平均", "约", "占", "达成", "降至", "升至", "超",
    "控制", "在", "保持", "稳定", "再", "又", "就", "了", "仅", "只有", "多达", "高达", "总数", "也", "还",
    "上升", "回落", "涨", "跌", "缩小", "扩大", "还有", "上浮", "下浮", "上涨", "下调", "上调",
    "调整", "调整为", "提高到", "增加到", "降低", "降到", "加快", "放缓", "回升", "可", "能", "领取",
    "缩短", "延长", "压缩",  # 办案周期|缩短28天: a change verb after the quantity that changed
})
# Verbs kept at the head of a subject because they name the statistic itself (新增就业, 新建).
KEPT_LEADING_VERBS = frozenset({"新增", "新建", "新开", "新招", "新认定", "新培育", "新发展", "新吸纳", "免费"})
AGENT_SUFFIXES = ("学院", "公司", "集团", "工会", "协会", "部门", "政府", "人社局", "总工会", "学校", "大学", "委员会",
                  "中心", "厅", "局", "委")
SHARE_WORDS = ("比重", "比例", "占比", "份额", "覆盖率", "率")

PEOPLE_HEADS = (
    "工人", "职工", "员工", "劳动者", "人才", "工匠", "劳模", "劳动模范", "技师", "技工", "人员", "学员", "毕业生",
    "大学生", "学生", "农民工", "会员", "骑手", "快递员", "司机", "青年", "干部", "选手", "人", "者", "师", "家庭",
    "群众", "居民", "代表", "专家", "教师", "医生", "护士", "志愿者", "队员", "工程师", "党员", "职员", "新人", "工",
    "成员", "村民", "农民", "骨干", "徒弟", "研究生", "博士", "博士后", "硕士", "劳动力", "驾驶员", "配送员", "安全员",
    "调解员", "网格员", "讲解员", "服务员", "营业员", "技术员", "操作员", "质检员", "指导员", "业务员",
)
THING_HEADS = (
    "社区", "企业", "学校", "院校", "园区", "基地", "平台", "项目", "岗位", "站点", "驿站", "工作室", "功能区", "生态圈",
    "中心", "车间", "班组", "书屋", "之家", "场所", "网点", "门店", "小组", "课程", "工种", "职业", "专业", "赛项",
    "活动", "招聘会", "工会", "组织", "公司", "机构", "实验室", "阵地", "食堂", "站", "线路", "案件", "合同", "职位",
    "事故", "市场", "行政村", "自然村",
)
# A count whose head is one of these is the structure of a policy text (五方面, 16条措施), not a statistic.
POLICY_HEADS = (
    "方面", "措施", "举措", "任务", "原则", "要求", "意见", "重点", "环节", "步骤", "部分", "板块", "维度", "方向",
    "路径", "机制", "工程", "行动", "条款", "大类", "招", "句话", "个字", "字", "政策", "办法", "做法", "经验", "目标",
    "关键", "抓手", "清单", "张清单", "全面", "务必", "明确", "必由之路", "倡导", "结合", "统筹", "优先", "不动摇",
    "表率", "先行", "示范", "着力", "突出", "聚焦", "围绕", "坚持", "确立", "维护", "意识", "自信", "步", "层次", "阶段", "梯队", "方针",
    "议题", "议程", "实事", "档次",
)
NAME_SUFFIXES = ("大赛", "竞赛", "工程", "行动", "计划", "活动", "杯", "论坛", "节", "工作室", "热线", "专线", "学说",
                 "大会", "全会", "会议", "委会", "战略", "精神", "奖章", "奖", "基金会", "系列")
HONOUR_VERBS = ("被评为", "被授予", "评为", "获评", "荣获", "获得", "授予", "当选", "入选", "荣膺", "获")

# Workforce: the last lexicon word in a subject (Chinese heads are final) decides; context breaks ties.
WORKFORCE_WORDS = (
    "工人", "职工", "员工", "劳动者", "劳动力", "劳模", "劳动模范", "工匠", "人才", "技师", "技工", "技能", "高技能",
    "农民工", "务工", "就业", "失业", "再就业", "岗位", "招聘", "用工", "求职", "培训", "实训", "学徒", "毕业生", "大学生",
    "从业人员", "从业者", "骑手", "快递员", "外卖员", "网约车司机", "新就业形态", "会员", "入会", "工资", "薪酬", "薪资",
    "欠薪", "讨薪", "劳动报酬", "补贴", "帮扶", "慰问", "送温暖", "救助", "困难职工", "技术能手", "先进工作者", "奖章",
    "五一", "劳动奖", "职业技能", "参保", "学生", "在校生", "新生", "教师", "案件", "见习", "留用", "起薪", "月薪", "年薪", "挣",
    "搬运工", "钢筋工", "焊工", "电工", "普工", "月嫂", "育婴员", "保洁员", "家政服务员", "保姆", "司机", "入会率",
    "技能大赛", "职业技能竞赛", "金牌选手", "技术比武", "岗位练兵", "养老保险", "失业保险", "工伤", "工伤保险", "社保", "职业", "创业", "用人",
    "人社", "劳动", "工会", "维权", "集体协商", "集体合同", "农民工工资", "技能等级", "职称", "工作者", "普惠服务",
    "班组", "新增就业", "人力资源", "工种", "持证", "返乡", "稳岗", "扩岗", "待遇", "收入", "休假", "疗休养",
    "学员", "师徒", "带徒", "劳务", "家政", "护工", "保安", "一线",
    # classes of workers, trainees and their terms (not fitted to one article: ordinary labour-report vocabulary)
    "工友", "女工", "操作工", "装配工", "维修工", "技术工", "蓝领", "雇员", "职员", "实习生", "见习生", "应届生",
    "送餐员", "配送员", "零工", "灵活就业", "技能大师", "取证", "职业资格", "返岗", "上岗", "复工", "招生",
    "职代会", "生育保险", "医疗保险", "住房公积金", "劳动合同",
    "工程师", "招聘周期",  # engineers are talent; a hiring cycle measures jobs (not a case's 办理周期)
)
NON_WORKFORCE_WORDS = (
    "产值", "总值", "生产总值", "工程款", "合同额", "投资", "GDP", "增加值", "营收", "营业收入", "利润", "税收", "销售额", "产量", "销量", "出口", "进口",
    "订单", "企业", "学校", "院校", "实验室", "平台", "基地", "生态圈", "功能区", "社区", "园区", "专利",
    "节约", "创效", "效益", "人口", "常住人口", "户籍人口", "居民", "游客", "观众", "运动员", "球员",
    "比分", "进球", "得分", "门票", "票房", "面积", "里程", "里程数", "车辆", "零售", "消费", "经济", "规模以上",
    "工作室", "组织", "单位", "服务站", "之家", "示范点", "联络点", "市场", "主体", "机构", "品牌", "行业", "国家", "地区",
    "厂房", "社会保险费", "保险费", "订单班",
    "工业", "产业", "市场主体", "中心", "站点", "驿站", "书屋", "之家", "阵地", "设备", "机器人", "成本", "能耗",
    "排放", "航班", "客流", "旅客", "赛事", "马拉松", "联赛", "球迷", "粉丝", "浏览量", "阅读量", "点击量", "用户",
    "研发", "科研", "论文", "成果", "合格率", "焊缝", "钢材", "试板", "零件", "产品", "工艺", "工程项目", "发明", "技术改造", "创新成果", "建议", "合理化建议", "革新", "经济效益",
    "奖补", "食堂", "场馆", "体育",
    # public finance, facilities and output: what a workforce figure is not
    "预算收入", "财政收入", "公共预算", "财政", "公司", "工厂", "厂区", "学位", "床位", "医院", "住房",
    "营业额", "装机", "用电量", "货运量", "吞吐量", "商户", "商家", "店铺",
)

# Words that begin with a measure word's character but are ordinary nouns (3项目 is a bare count of 项目).
UNIT_CHAR_WORDS = frozenset({
    "人才", "人员", "人口", "人民", "人群", "人士", "人工", "人力", "人社", "人均", "人大", "人物", "家庭", "家长",
    "家政", "家属", "位于", "名单", "名额", "名称", "项目", "次数", "台阶", "部门", "部分", "条件", "种类", "类型",
    "期间", "场所", "场景", "支持", "支部", "本地", "本市", "本科", "单位", "笔者", "起来", "对接", "对象", "组织",
    "队伍", "站点", "口径", "证书", "村民", "片区", "门店", "成为", "成果", "成效", "成本", "成员", "成立", "成都",
    "成功", "成长", "成绩", "成熟", "成交", "成型", "成品", "成就", "成才", "成人", "成年", "倍增", "户籍", "户外",
    "所属", "所在", "所有", "件事", "元素", "元旦", "个人", "个体", "个性", "处理", "处于", "块头", "间隔", "首次",
    "首批", "首个", "批准", "张家", "度过", "米粮", "吨位", "方面", "方式", "方案", "方法", "方向", "里面", "克服",
    "起步", "起草", "期待", "期望", "台账", "班组", "门类", "款式", "套餐", "座谈", "栋梁", "头部", "只有", "只是",
    "株洲", "单独", "单项", "例如", "片面", "组建", "队员", "站位", "口号", "证明", "证券", "次要", "次日",
})
MONEY_SUBJECT_WORDS = ("资金", "经费", "收入", "产值", "投资", "营收", "利润", "补贴", "奖金", "工资", "薪", "金额",
                       "GDP", "增加值", "总额", "费", "款", "基金", "预算", "税", "销售额", "贷款", "保费", "欠薪")

# Reporting verbs that introduce what is counted (吸引|新落户青年人才, 发放|培训补贴): the subject starts after them.
ACTION_VERBS = frozenset({
    "吸引", "帮助", "帮扶", "发放", "提供", "举办", "开展", "组织", "开发", "建", "建成", "建设", "惠及", "涉及",
    "完成", "招募", "招聘", "招用", "吸纳", "走访", "追讨", "追回", "兑现",
    "支付", "拨付", "返还", "落实", "认定", "评选", "命名", "表彰", "培育", "遴选", "引进", "设立", "设", "产生",
    "夺得", "获得", "达成", "接收", "办结", "排查", "检查", "查处", "拿回", "用掉", "筹集", "投入", "安排",
    "募集", "输送", "开行", "发布", "促进", "推动", "办理", "起诉", "督促", "聘请", "开设", "组建", "培训了",
    "减免", "缓缴", "新募集", "收到", "接待", "拉动", "实施", "签订", "推出", "释放", "挖掘", "征集", "服务于",
    "立案", "发出", "审结", "化解", "调处", "救助", "为", "给", "向", "共建", "引导",
    "领取", "招收", "申请", "可领取",
    "给予", "发", "拿到", "能拿到", "有", "覆盖",
    "带出", "培养", "培养出", "入驻", "立案查处", "创造", "提出", "设置", "新设", "挽回", "追缴",
    "拥有", "签约",
    "开通", "开设了",
    "现有", "共有", "已有", "尚有", "另有",  # verbs of having: 该公司现有|员工2300余人 counts the 员工
})
TARGET_WORDS = frozenset({"力争", "争取", "力求", "确保", "预计", "计划", "将", "拟", "要", "有望", "努力"})
REFERENCE_WORDS = frozenset({"按", "按照", "比", "较", "相比", "相较", "由", "从", "对比", "高于", "低于", "快于", "慢于",
                             "高出", "低出"})
GENERIC_SUBJECTS = frozenset({"总量", "总数", "规模", "数量", "总规模", "人数", "累计", "合计", "总计", "标准", "占比",
                              "比重", "比例"})  # …资金4300万元，占比|16.5%: the share of the figure before
TRAILING_GLUE = frozenset({"中", "增长到", "下降到", "减少到", "扩大到", "提高到", "拿到", "能拿到", "提至", "提高至", "提升至", "增至", "降至", "达到", "新增", "增加", "减少", "达", "为", "是", "有", "至", "到", "超", "约", "近",
                           "普遍", "稳定", "能", "能到", "可", "可达", "可以", "都", "每人", "最高", "最多", "均",
                           "日均", "月均", "年均", "累计", "共", "占", "占到", "长达", "高达", "多达", "首次", "首度",
                           "再次", "完成", "实现"})  # (长达/ns, 首次/m: the tagger's flags would stop the walk)
MONEY_HEADS = ("补贴", "津贴", "奖励", "奖金", "资助", "补助", "红包", "贷款", "资金", "经费", "工资", "生活费", "奖补",
               "保障金", "慰问金", "助学金", "薪酬", "收入", "月薪", "年薪", "底薪",  # (not 欠薪: arrears)
               "费", "金", "款")
# Durations are statistics only when the sentence measures time (平均在线时长9.6小时, 办理周期不足30天).
DURATION_UNITS = frozenset({"小时", "个小时", "天", "分钟", "个月", "周", "秒", "工作日", "个工作日"})
DURATION_CUES = ("时长", "周期", "用时", "耗时", "工时", "平均", "缩短", "压缩", "提速", "延长", "减少", "时间", "在线",
                 "日均", "人均", "增加")  # (比上月增加0.2小时: a measured time changed)
HONOUR_VERBS_SET = frozenset(HONOUR_VERBS)
# 每年…不少于 is a requirement (a target) only inside its own clause (每年开发不少于3000个岗位).
YEARLY_MINIMUM = "每年"

# Workforce head classes (stat_flags): what is counted decides, then who receives the money.
WORKFORCE_WORDS_EXTRA = (
    "比赛项目", "竞赛项目", "劳务品牌",  # contest events and labour-export brands name workers' activity
    "结业", "返还",  # training completion (结业考核合格率); 稳岗返还 funds paid back to keep jobs
    "骨干",  # 技术骨干, 业务骨干: a firm's key workers
    # 企业年金 is deferred pay; R&D staff are a firm's talent (研发 alone is spending); insurance payouts; skill grades
    "年金", "研发人员", "科研人员", "理赔", "高级工", "中级工", "初级工", "人员", "养老金",
)
# Unions set up in firms; housing; taxes; residents' (not employees') insurance and retirees; volunteering; how
# long a case takes (案件平均审理周期) measures the office.
NON_WORKFORCE_WORDS_EXTRA = ("建会率", "公寓", "税金", "纳税", "缴税", "利税", "居民基本养老保险", "居民养老保险",
                             "居民基本医疗保险", "居民医保", "居民基础养老金", "居民养老金", "退休人员", "离退休",
                             "志愿者", "志愿服务", "周期")
# Heads of counted things that stay things whatever modifies them (创业项目, 服务站点, 行政村, 人才公寓).
THING_COUNT_TAILS = ("项目", "点", "村", "公寓", "品牌", "车间", "工作站", "驿站", "乡镇", "市州", "县区", "区县",
                     "设区市", "地市", "书屋", "之家", "小家", "小屋", "工位")
CONTEST_MARK = "赛"  # 比赛项目, 世赛选拔项目: contest events count workers' competition
# Firms a rate applies to (中小微企业按…60%返还): the rate measures what the sentence is about, not the firms.
FIRM_WORDS = ("企业", "单位", "公司")
PAYER_WORDS = ("财政",)  # 市财政每年安排专项资金: who pays says nothing of whom the money is for
INSTITUTION_RECIPIENTS = ("工作室", "站点", "之家", "基地", "企业", "单位", "机构", "学校", "院校", "平台", "园区",
                          "公司", "驿站", "示范点")
WORKER_RECIPIENTS = ("职工", "农民工", "劳动者", "员工", "工人", "骑手", "毕业生", "群众")
# Measure words of firms, schools and buildings (not 户: households), and of courses and classes (技能培训62期, 课程23门).
# Measure words of institutions and things (辆 is not one: 返岗专车 carry workers).
THING_UNITS = frozenset({"家", "所", "座", "期", "门", "台", "套", "册", "本", "栋", "幢"})
# 劳动力|求职, 劳动力|争取: 力求/力争 inside 劳动力 are no goal cue.
TARGET_CUE_FALSE_PREFIX = "劳动"
# 将…最低标准每人每月提高20元: a standard raised under a goal cue is a planned change, so a target.
STANDARD_RAISE = r"(?:提高|增加|上调|提至|提高到|提高至|增加到)$"


# A bare four-digit number shaped like a year (1800–2099): dropped as a date by the general rules; the seed-style
# rules take some back (stat_stripped.stripped_year_count).
YEAR_SHAPED = re.compile(r"^(?:1[89]|20)\d\d$")
# Subject grammar words (stat_subject): links and comparisons after a number, money leaders, honour levels,
# time adverbs and mis-tagged nouns, bylines, verbs that modify the people noun after them.
LINKING_VERBS = frozenset({"达到", "达", "为", "是", "超过", "突破", "约", "约为", "近"})
SHARE_LINKS = LINKING_VERBS | {"占", "占到"}
COMPARING_VERBS = frozenset({"相当于", "高于", "低于", "超出", "多于", "少于", "接近", "占"})
MONEY_LEADERS = frozenset({"的", "标准", "给予", "发放", "的标准", "补贴标准", "予以", "不等"})
HONOUR_LEVELS = frozenset({"国家", "省", "市", "省市", "全国", "省级", "市级", "国家级", "区级", "县级", "各级"})
ASPECT_TIME_WORDS = frozenset({"正在", "目前", "当前", "现在", "已经", "曾经", "近期", "日前", "此前", "随后"})
NOUNISH_OTHER_WORDS = frozenset({"之家"})  # 职工|之家/r: the tagger reads 之家 as a pronoun
BYLINE = frozenset({"记者", "通讯员", "编辑", "责编", "责任编辑", "摄影", "来源", "本报讯"})
MODIFIER_VERBS = frozenset({"有", "懂", "会", "能", "具有", "来自", "具备", "掌握", "持有", "取得", "获得", "参加",
                            "参与"})
