"""Every user-facing string of the dashboard, in simplified Chinese, in one place."""
from __future__ import annotations

APP_TITLE = "文眼 WenYan"
APP_TAGLINE = "中文文章的关键词、章节与统计数据分析"
APP_ICON = ":material/menu_book:"

PAGE_TITLES = {
    "corpus": "语料库", "overview": "概览", "reader": "阅读", "wordcloud": "词云",
    "sections": "章节", "statistics": "数据", "kwic": "检索", "compare": "对比",
}
PAGE_ICONS = {  # Material Symbols ship with Streamlit; emoji fonts are missing on many servers
    "corpus": ":material/folder_open:", "overview": ":material/dashboard:", "reader": ":material/article:",
    "wordcloud": ":material/cloud:", "sections": ":material/view_agenda:", "statistics": ":material/table_chart:",
    "kwic": ":material/manage_search:", "compare": ":material/compare_arrows:",
}
PAGE_INTROS = {
    "corpus": "上传文章、管理语料、编辑用户词典和停用词。",
    "overview": "一篇文章或整个语料的核心指标、关键词和劳动力数据。",
    "reader": "按章节阅读全文，统计数据与关键词在原文中高亮，鼠标悬停查看详情。",
    "wordcloud": "按文章、章节或整个语料生成词云，可选算法、配色和形状。",
    "sections": "章节之间的关键词分布、各章特色词、篇幅与统计数据。",
    "statistics": "文章报告的每一个数字：数值、单位、限定词、统计对象与是否劳动力相关。",
    "kwic": "关键词在上下文中的所有出现位置，可按左右语境排序。",
    "compare": "两篇或多篇文章并排比较：共有关键词、特色词与统计数据。",
}

SIDEBAR_ARTICLE = "文章"
LEAD_LABEL = "导语"
UNTITLED = "（无标题）"
ALL_PLACEHOLDER = "全部"
SIDEBAR_SEARCH = "按标题搜索"
CORPUS_OPTION = "（整个语料）"
NO_ARTICLES = "语料库中还没有文章，请先在「语料库」页面上传。"
NO_MATCH = "没有标题包含该词的文章。"
DEMO_LOADING = "正在载入示例语料……"
DEMO_DONE = "示例语料已载入：{n} 篇文章。"

METRICS = {"articles": "文章数", "chars": "总字数", "statistics": "统计数据", "workforce_statistics": "劳动力数据",
           "matches": "出现次数", "shared": "共有关键词"}
METHODS = {"freq": "词频", "tfidf": "TF-IDF", "textrank": "TextRank", "keyness": "关键性（对数似然）"}
SCOPES = {"article": "整篇文章", "section": "单个章节", "corpus": "整个语料"}
SHAPES = {"rectangle": "矩形", "circle": "圆形", "rounded": "圆角方形", "star": "五角星", "cloud": "云朵", "upload": "上传图片"}
PALETTES = {"ink": "墨色", "vermilion": "朱砂", "jade": "青绿", "vivid": "多彩"}
SORTS = {"position": "按出现位置", "left": "按左侧语境", "right": "按右侧语境"}
YES_NO_ALL = {"all": "全部", "yes": "是", "no": "否"}
STATUS = {"stored": "已入库", "duplicate": "重复（已存在）", "error": "失败", "updated": "已更新"}
KINDS = {"count": "计数", "money": "金额", "percent": "百分比", "percentage_points": "百分点", "multiple": "倍数",
         "measure": "度量"}
QUALIFIERS = {"exact": "确数", "about": "约数", "more_than": "超过", "at_least": "不少于", "less_than": "不足"}

COLUMNS = {
    "id": "编号", "title": "标题", "date": "日期", "n_chars": "字数", "n_sections": "章节数", "n_statistics": "统计数据",
    "n_workforce": "劳动力数据", "format": "格式", "source": "来源", "rank": "排名", "word": "词语", "weight": "权重",
    "count": "频次", "effect_size": "效应量", "g2": "G²", "section": "章节", "subheading": "副标题", "level": "层级",
    "text": "原文", "value": "数值", "value_max": "上限", "unit": "单位", "kind": "类型", "qualifier": "限定",
    "is_target": "目标值", "subject": "统计对象", "is_workforce": "劳动力相关", "sentence": "所在句子",
    "article": "文章", "article_title": "文章", "left": "左侧语境", "keyword": "关键词", "right": "右侧语境",
    "start": "起始位置", "end": "结束位置", "file": "文件", "status": "结果", "message": "原因", "n_articles": "文章数",
}

DOWNLOAD_CSV = "下载 CSV"
DOWNLOAD_XLSX = "下载 Excel"
DOWNLOAD_PNG = "下载 PNG"
DOWNLOAD_SVG = "下载 SVG"
EXPORT_UNAVAILABLE = "此环境无法导出静态图片（需要 Chromium），可使用图表右上角的相机按钮下载 PNG。"

UPLOAD_LABEL = "上传文章（可多选；支持 txt、md、html、docx、pdf、csv、xlsx、jsonl、zip）"
UPLOAD_BUTTON = "分析并入库"
UPLOAD_PROGRESS = "正在处理第 {done}/{total} 个文件"  # no file name: progress text is markdown
UPLOAD_SUMMARY = "完成：入库 {stored} 篇，重复 {duplicate} 篇，失败 {error} 个。"
DELETE_LABEL = "选择要删除的文章"
DELETE_BUTTON = "删除所选文章"
DELETED = "已删除 {n} 篇文章。"
USER_WORDS_LABEL = "用户词典（每行一个词，分词时保持完整）"
STOPWORDS_LABEL = "自定义停用词（每行一个词，不参与关键词统计）"
SAVE_WORDS = "保存词表"
# The file uploader's own texts, swapped in by a stylesheet (Streamlit has no option for them; frame.py).
UPLOADER_BROWSE = "选择文件"
UPLOADER_HINT = "或将文件拖放到此处 · 每个文件不超过 {mb} MB"
UPLOADER_DROP = "松开鼠标即可添加文件"

ERRORS = {
    "UnsupportedFormat": "不支持该文件格式，请上传 txt、md、html、docx、pdf、csv、xlsx、jsonl 或 zip 文件。",
    "DecodeFailed": "无法识别文件编码，请另存为 UTF-8 后重新上传。",
    "EmptyText": "文件中没有可读的正文。",
    "CorruptFile": "文件已损坏或不完整，请检查后重新上传。",
    "TooLarge": "文件太大或压缩包内文件过多，请拆分后上传。",
    "MissingColumn": "表格中找不到正文列（如“正文”“内容”“text”），请添加列名后重新上传。",
    "InputNotFound": "找不到该文件。",
}
ERROR_GENERIC = "无法读取该文件，请检查格式后重试。"
PAGE_CRASH = "页面出现意外错误，已记录日志。请刷新重试；如问题持续，请向管理员提供编号 {ref}。"
ARTICLE_MISSING = "该文章不存在或已被删除，已切换到第一篇文章。"

SCOPE_LABEL = "范围"
TWO_SCOPES = ("article", "corpus")
NEED_TWO_ARTICLES = "至少需要两篇文章才能对比，请先在「语料库」页面上传。"
NO_CONTENT_WORDS = "没有可显示的词语。"

# 概览 Overview
OVERVIEW_KEYWORDS = "核心关键词"
OVERVIEW_CLOUD = "词云"
OVERVIEW_WORKFORCE = "最大的劳动力数据"
NO_WORKFORCE = "没有找到劳动力相关的统计数据。"

# 阅读 Reader
READER_META = "{n_chars:,} 字 · {n_sections} 个章节 · {n_statistics} 条统计数据"
READER_JUMP = "跳转到章节"
READER_WHOLE = "全文"
READER_HIGHLIGHT_STATS = "高亮统计数据"
READER_HIGHLIGHT_KEYWORDS = "高亮关键词"

# 词云 Word cloud
CLOUD_METHOD = "算法"
CLOUD_N_WORDS = "词数"
CLOUD_STOPWORDS = "过滤停用词"
CLOUD_PALETTE = "配色"
CLOUD_SHAPE = "形状"
CLOUD_SECTION = "章节"
CLOUD_MASK = "形状图片（PNG，深色或不透明处排字）"
CLOUD_RANKING = "排名前 25 的词语"

# 章节 Sections
SECTIONS_NONE = "这篇文章没有识别出章节标题，以下按全文显示。"
SECTIONS_TOP_K = "热力图关键词数"
SECTIONS_HEATMAP = "关键词 × 章节"
SECTIONS_LENGTHS = "章节篇幅"
SECTIONS_STATS = "各章节统计数据"
SECTIONS_DISTINCTIVE = "各章节特色词（对数似然关键性）"
SECTIONS_PICK = "章节"

# 数据 Statistics
STATS_FILTERS = "筛选"
STATS_WORKFORCE = "劳动力相关"
STATS_TARGET = "目标值"
STATS_LOG = "对数坐标"
STATS_UNITS = "单位"
STATS_KINDS = "类型"
STATS_QUALIFIERS = "限定"
STATS_SECTIONS = "章节"
STATS_CAPPED = ("表格和图表显示前 {shown:,} 条（共 {total:,} 条），可用上方筛选缩小范围；"
                "下载的 CSV 和 Excel 包含全部 {total:,} 条。")
STATS_LINK = "原句"
STATS_LINK_TEXT = "打开"
STATS_CHART = "劳动力数据图表"
STATS_CHART_BY = {"subject": "按统计对象", "unit": "按单位", "section": "按章节", "article_title": "按文章"}
STATS_CHART_KIND = "数据类型（同一图中只比较同类数字）"

# 检索 KWIC
KWIC_TERM = "检索词"
KWIC_TERM_PLACEHOLDER = "例如：产业工人"
KWIC_SORT = "排序"
KWIC_WIDTH = "语境字数"
KWIC_WHOLE_WORD = "只匹配完整词语（关闭后匹配任意子串）"
KWIC_ASK = "输入一个词语，查看它在文章中的全部上下文。"
KWIC_NOT_FOUND = "没有找到该词语。"
KWIC_CAPPED = ("上下文表格显示前 {shown:,} 条（共 {total:,} 条）；下载的 CSV 和 Excel 包含全部 {total:,} 条，"
               "下方的出现次数统计也覆盖全部。")
KWIC_CONTEXT = "上下文"
KWIC_COUNTS = "各文章、章节出现次数"

# 对比 Compare
COMPARE_PICK = "选择要对比的文章（2 篇或以上）"
PICK_PLACEHOLDER = "请选择文章"
COMPARE_PICK_TWO = "请至少选择两篇文章。"
COMPARE_TOP_K = "每篇关键词数"
COMPARE_SHARED = "共有关键词"
COMPARE_NO_SHARED = "所选文章的关键词没有交集。"
COMPARE_DISTINCTIVE = "各篇特色词（与其余所选文章相比）"
COMPARE_STATISTICS = "统计数据并排（劳动力相关）"

# 语料库 Corpus
ARTICLES_STORED = "已入库文章"
DELETE_EXPANDER = "删除文章"
WORDS_EXPANDER = "用户词典与停用词"
WORDS_UNCHANGED = "词表没有变化。"
REANALYZING = "正在按新词表重新分析已入库文章……"
REANALYZE_PROGRESS = "正在重新分析第 {done}/{total} 篇文章"
WORDS_REANALYZED = "词表已保存，已按新词表重新分析 {n} 篇文章。"
REANALYSIS_PENDING = ("有 {n:,} 篇文章尚未按当前词表重新分析（上次重新分析中途停止，或词表在其他会话中被修改）。"
                      "完成之前，这些文章的分词、词频和关键词仍按旧词表计算。")
REANALYSIS_FINISH = "完成重新分析"
REANALYSIS_FINISHED = "已按当前词表重新分析 {n:,} 篇文章。"
