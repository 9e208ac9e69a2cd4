"""Turn the hand-written expectations below into NN_style.sections.json (offsets located by anchor text).

Every title, subheading, level, parent and section end was decided by reading the article, not by running
detect_sections; this script only turns "the section starts at this line / ends after this text" into offsets.
Run: PYTHONPATH=. .venv/bin/python tests/data/articles/make_goldens.py [NAME ...]  (only the named goldens)
"""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent


def read_article(path: Path) -> tuple[str, str]:
    """(title, display text) of a "title line, blank line, paragraphs" file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    body = [line.strip() for line in lines[1:]]
    return lines[0].strip(), "\n".join(line for line in body if line)


# Section spec: (anchor the section starts with, title, subheading, level, parent, text the section ends with or None
# for "just before the next section", or for the last section "the end of the text").
SPECS: dict[str, dict] = {
    "01_keyword": dict(date=None, byline="本报记者 陈思远 通讯员 刘敏", sections=[
        ("今年以来，我市围绕", None, None, 0, None, None),
        ("关键词“培养链”", "关键词“培养链”", "校企携手搭建成长阶梯", 1, None, None),
        ("关键词“评价链”", "关键词“评价链”", "让能干的人有奔头", 1, None, None),
        ("关键词“服务链”", "关键词“服务链”", "为工匠安心工作解难题", 1, None, "集中区域延伸。"),
    ]),
    "02_cn_numbered": dict(date="2026-04-28", sections=[
        ("各区（市）县", None, None, 0, None, None),
        ("一、拓宽", "一、拓宽市场化社会化就业渠道", None, 1, None, None),
        ("二、稳定", "二、稳定公共部门岗位规模", None, 1, None, None),
        ("三、强化", "三、强化困难青年帮扶", None, 1, None, None),
        ("四、加强", "四、加强组织实施", None, 1, None, "及时向市人力资源社会保障局报告。"),
    ]),
    "03_cn_nested": dict(date=None, sections=[
        ("为加快建设", None, None, 0, None, None),
        ("一、总体要求", "一、总体要求", None, 1, None, None),
        ("（一）指导思想", "（一）指导思想", None, 2, 1, None),
        ("（二）主要目标", "（二）主要目标", None, 2, 1, None),
        ("二、重点任务", "二、重点任务", None, 1, None, None),
        ("（一）广泛开展岗位练兵", "（一）广泛开展岗位练兵", None, 2, 4, None),
        ("（二）建好用好创新工作室", "（二）建好用好创新工作室", None, 2, 4, None),
        ("（三）推进职工数字技能培训", "（三）推进职工数字技能培训", None, 2, 4, None),
        ("三、保障措施", "三、保障措施", None, 1, None, None),
    ]),
    "04_runin": dict(date=None, sections=[
        ("2025年，全市各级工会", None, None, 0, None, None),
        ("一、2025年工作回顾", "一、2025年工作回顾", None, 1, None, None),
        ("（一）思想政治", "（一）思想政治引领持续加强", None, 2, 1, None),
        ("（二）职工权益", "（二）职工权益维护更加有力", None, 2, 1, None),
        ("（三）服务职工", "（三）服务职工水平不断提升", None, 2, 1, None),
        ("二、2026年工作安排", "二、2026年工作安排", None, 1, None, None),
        ("（一）深化", "（一）深化产业工人队伍建设改革", None, 2, 5, None),
        ("（二）加强新就业", "（二）加强新就业形态劳动者服务", None, 2, 5, None),
        ("（三）提升工会", "（三）提升工会工作数字化水平", None, 2, 5, None),
    ]),
    "05_chapter": dict(date=None, sections=[
        ("第一章 总则", "第一章 总则", None, 1, None, None),
        ("第二章 认定实施", "第二章 认定实施", None, 1, None, None),
        ("第一节 申报条件", "第一节 申报条件", None, 2, 1, None),
        ("第二节 考核评价", "第二节 考核评价", None, 2, 1, None),
        ("第三章 附则", "第三章 附则", None, 1, None, None),
    ]),
    "06_markdown": dict(date=None, sections=[
        ("近年来，外卖骑手", None, None, 0, None, None),
        ("# 一、主要做法", "一、主要做法", None, 1, None, None),
        ("## 推进建会入会", "推进建会入会", None, 2, 1, None),
        ("## 开展集体协商", "开展集体协商", None, 2, 1, None),
        ("# 二、存在问题", "二、存在问题", None, 1, None, None),
        ("# 三、下一步打算", "三、下一步打算", None, 1, None, None),
        ("## 织密服务网络", "织密服务网络", None, 2, 5, None),
        ("## 强化权益维护", "强化权益维护", None, 2, 5, None),
    ]),
    "07_bold": dict(date=None, sections=[
        ("当前正值", None, None, 0, None, None),
        ("**企业可以", "企业可以享受哪些政策", None, 1, None, None),
        ("**一是失业保险", "一是失业保险稳岗返还", None, 2, 1, None),
        ("**二是一次性", "二是一次性扩岗补助", None, 2, 1, None),
        ("**劳动者可以", "劳动者可以享受哪些政策", None, 1, None, None),
        ("**一是职业技能", "一是职业技能培训补贴", None, 2, 4, None),
        ("**二是创业", "二是创业担保贷款", None, 2, 4, "政务服务平台办理。"),
    ]),
    "08_arabic": dict(date=None, sections=[
        ("为帮助求职者", None, None, 0, None, None),
        ("1. 活动时间", "1. 活动时间", None, 1, None, None),
        ("2. 参与对象", "2. 参与对象", None, 1, None, None),
        ("（1）求职者", "（1）求职者", None, 2, 2, None),
        ("（2）用人单位", "（2）用人单位", None, 2, 2, None),
        ("3. 参与方式", "3. 参与方式", None, 1, None, None),
        ("4. 温馨提示", "4. 温馨提示", None, 1, None, None),
    ]),
    "09_short_lines": dict(date=None, byline="本报记者 林晓雨", sections=[
        ("晚上七点", None, None, 0, None, None),
        ("课程菜单越来越丰富", "课程菜单越来越丰富", "从“充电”到“充能”", 1, None, None),
        ("学费低了门槛也低了", "学费低了门槛也低了", None, 1, None, "年轻人负担得起。"),
        ("让夜校办到家门口", "让夜校办到家门口", None, 1, None, "社区延伸。"),
    ]),
    "10_news_layout": dict(
        date="2026-04-29", kicker="就业形势总体稳定 重点群体就业有保障",
        subtitle="人力资源社会保障部2026年第一季度新闻发布会侧记", byline="本报记者 王晓", sections=[
            ("人力资源社会保障部28日举行", None, None, 0, None, None),
            ("高校毕业生就业", "高校毕业生就业", "百日千万招聘专项行动提前启动", 1, None, None),
            ("农民工稳岗", "农民工稳岗", "返乡留乡就业渠道持续拓宽", 1, None, "就近就地就业。"),
        ]),
    "11_xinhua_no_headings": dict(date=None, byline="记者 张悦 李航", sections=[
        ("记者27日从", None, None, 0, None, "靠技能致富。"),
    ]),
    "12_no_headings": dict(
        date="2026-04-20", subtitle="原标题：零工市场开到社区 灵活就业有了“落脚点”", byline="作者：赵一鸣", sections=[
            ("一大早", None, None, 0, None, None),
        ]),
    "13_parts": dict(date=None, sections=[
        ("2026年是", None, None, 0, None, None),
        ("第一部分", "第一部分 促进高质量充分就业", None, 1, None, None),
        ("一、落实", "一、落实就业优先政策", None, 2, 1, None),
        ("（一）加大", "（一）加大援企稳岗力度", None, 3, 2, None),
        ("（二）支持", "（二）支持多渠道灵活就业", None, 3, 2, None),
        ("二、抓好", "二、抓好重点群体就业", None, 2, 1, None),
        ("（一）做好", "（一）做好高校毕业生就业服务", None, 3, 5, None),
        ("（二）加强", "（二）加强困难人员就业援助", None, 3, 5, None),
        ("第二部分", "第二部分 完善社会保障体系", None, 1, None, None),
        ("一、扩大", "一、扩大社会保险覆盖面", None, 2, 8, None),
        ("二、提升", "二、提升社保经办服务水平", None, 2, 8, None),
    ]),
    "14_md_mixed": dict(date=None, sections=[
        ("为方便劳动者", None, None, 0, None, None),
        ("## 一、", "一、哪些人可以申领", None, 1, None, None),
        ("### 城乡劳动者", "城乡劳动者", None, 2, 1, None),
        ("### 企业职工", "企业职工", None, 2, 1, None),
        ("## 二、", "二、补贴标准是多少", None, 1, None, None),
        ("**按证书", "按证书等级分档补贴", None, 2, 4, None),
        ("**紧缺", "紧缺工种适当上浮", None, 2, 4, None),
        ("## 三、", "三、如何申领", None, 1, None, None),
        ("1. 登录", "1. 登录政务服务网", None, 2, 7, None),
        ("2. 等待", "2. 等待审核", None, 2, 7, None),
        ("3. 领取", "3. 领取补贴", None, 2, 7, None),
    ]),
    "15_keyword_variant": dict(
        date=None, kicker="聚焦技能、聚焦平台、聚焦服务", byline="天府工人报 记者 吴涛", sections=[
            ("近年来，我市把", None, None, 0, None, None),
            ("关键词：制度", "关键词：制度", "政策“四梁八柱”基本成型", 1, None, None),
            ("关键词：平台", "关键词：平台", "劳模工匠创新工作室遍地开花", 1, None, "超过9亿元。"),
            ("关键词：服务", "关键词：服务", "职工“急难愁盼”有人管", 1, None, "婚恋交友等服务。"),
        ]),
    "16_arabic_comma": dict(date=None, sections=[
        ("职工在工作中", None, None, 0, None, None),
        ("1、及时", "1、及时申请工伤认定", None, 1, None, "直接提出申请。"),
        ("2、做好", "2、做好劳动能力鉴定", None, 1, None, None),
        ("3、按规定", "3、按规定领取待遇", None, 1, None, "交通食宿费。"),
    ]),
    "17_parts_jie": dict(date=None, sections=[
        ("本报告以", None, None, 0, None, None),
        ("第一部分", "第一部分 总体状况", None, 1, None, None),
        ("第一节", "第一节 劳动合同签订情况", None, 2, 1, None),
        ("第二节", "第二节 工资收入情况", None, 2, 1, None),
        ("第二部分", "第二部分 主要问题", None, 1, None, None),
        ("第三部分", "第三部分 对策建议", None, 1, None, None),
        ("**健全", "健全协调劳动关系三方机制", None, 2, 5, None),
        ("**加强", "加强劳动争议预防化解", None, 2, 5, None),
    ]),
    "18_textbook": dict(date=None, sections=[
        ("第一章", "第一章 工会的性质和职能", None, 1, None, None),
        ("（一）工会的性质", "（一）工会的性质", None, 2, 0, None),
        ("（二）工会的基本职责", "（二）工会的基本职责", None, 2, 0, None),
        ("1、维护", "1、维护职工合法权益", None, 3, 2, None),
        ("2、竭诚", "2、竭诚服务职工群众", None, 3, 2, None),
        ("第二章", "第二章 工会的组织制度", None, 1, None, None),
        ("学习思考", "学习思考", None, 2, 5, None),
    ]),
    # Added for issue 3 point 4: a date line above the body, datelines ending in 讯 / 消息, long run-in heads.
    "19_xun_dateline_runin": dict(date="2026-04-16", byline="记者 彭丽娟 通讯员 谭志刚", sections=[
        ("今年一季度", None, None, 0, None, None),
        ("（一）围绕", "（一）围绕工程机械、新能源汽车、电子信息等主导产业集群开设订单式培训班", None, 1, None, None),
        ("（二）推动", "（二）推动劳模工匠创新工作室和技能大师工作室向中小企业和产业园区开放共享", None, 1, None, None),
        # the closing 这位负责人表示… paragraph has no heading of its own, so it stays in （三）; （责编…） is cut.
        ("（三）为快递员", "（三）为快递员、网约配送员等新就业形态劳动者提供灵活便捷的线上线下培训服务", None, 1, None,
         "25万人次以上。"),
    ]),
    "20_changjiang_xun": dict(date="2025-09-03", byline="记者 陈静怡 通讯员 周楠", sections=[
        ("9月2日，记者", None, None, 0, None, None),
        ("歇脚有了好去处", "歇脚有了好去处", None, 1, None, None),
        ("维权有了主心骨", "维权有了主心骨", None, 1, None, None),
        ("成长有了新通道", "成长有了新通道", None, 1, None, None),
    ]),
    "21_web_page_cctv": dict(date="2024-10-25", byline="央视网消息（新闻联播）", sections=[
        ("人力资源社会保障部今天", None, None, 0, None, None),
        ("一、就业形势", "一、就业形势保持总体稳定", None, 1, None, None),
        ("二、重点群体", "二、重点群体就业平稳有序", None, 1, None, None),
        ("三、社会保障", "三、社会保障覆盖面持续扩大", None, 1, None, "13.8亿人。"),
    ]),
}


def locate(text: str, spec: list[tuple]) -> list[dict]:
    """Offsets for each spec row: start at the anchor's unique occurrence, end after the end text."""
    starts = []
    for anchor, *_ in spec:
        start = text.index(anchor, starts[-1] + 1 if starts else 0)
        assert start == 0 or text[start - 1] == "\n" or not starts, anchor  # headings open a line
        starts.append(start)
    rows = []
    for position, (anchor, title, subheading, level, parent, ends_with) in enumerate(spec):
        start = starts[position]
        limit = starts[position + 1] if position + 1 < len(starts) else len(text)
        end = text.index(ends_with, start) + len(ends_with) if ends_with else len(text[:limit].rstrip())
        assert start < end <= limit, (anchor, start, end, limit)
        rows.append(dict(title=title, subheading=subheading, level=level, parent=parent, start=start, end=end))
    return rows


SEED = Path(__file__).resolve().parents[3] / "demo" / "000_9d4a661cd42be132.txt"
SEED_SECTIONS = [
    ("全周期赋能成长", None, None, 0, None, None),
    ("关键词“向心力”", "关键词“向心力”", "产业工人城市改革发展同呼吸共命运", 1, None, None),
    ("关键词“全链条”", "关键词“全链条”", "产业工人工变匠”", 1, None, None),
    ("关键词“加速度”", "关键词“加速度”", "搭建产业工人建功立业舞台", 1, None, None),
    # The closing （成都日报 记者 侯初） byline and (责编 … editor line share the last paragraph: not section text.
    ("关键词“服务圈”", "关键词“服务圈”", "加快打造产业工人高品质生活", 1, None, "贡献成都力量。"),
]


def write_seed_golden() -> None:
    """tests/data/seed_sections.json, offsets in the loader's display text of the seed."""
    from analysis.loaders import load_path

    article = load_path(SEED)[0]
    golden = {"title": article.title, "date": article.date, "n_chars": len(article.text)}
    golden["sections"] = locate(article.text, SEED_SECTIONS)
    out = HERE.parent / "seed_sections.json"
    out.write_text(json.dumps(golden, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(names: list[str]) -> None:
    """Write the goldens named on the command line (all of them, and the seed's, when none is named)."""
    for name, spec in SPECS.items():
        if names and name not in names:
            continue
        title, text = read_article(HERE / f"{name}.txt")
        golden = {"title": title, "date": spec["date"]}
        golden |= {key: spec.get(key) for key in ("kicker", "subtitle", "byline")}
        golden["sections"] = locate(text, spec["sections"])
        out = HERE / f"{name}.sections.json"
        out.write_text(json.dumps(golden, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if SEED.exists() and not names:
        write_seed_golden()


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
