"""Sample parties, agents and cases for ``mediseal demo``: realistic, fictitious and deterministic.

Everything comes from one ``random.Random(seed)`` (and, for an organisation's details, a generator seeded
by the seed and its name, so a company that appears in many cases is always the same company): the same
seed gives the same data, byte for byte, whatever the machine. Plain data only; the case services store
it. Identity numbers carry valid check characters (GB 11643, GB 11714, GB 32100) but are made up, as are
the names, phones and street numbers; no real person is meant.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TypeVar

from desktop.core.cases.agents import (
    Agent,
    AgentKind,
    Authority,
    ServiceAddress,
    SpecialPower,
    agent,
    service_address,
)
from desktop.core.cases.deadlines import (
    CONFIRMATION_WINDOW_DAYS,
    INVITED_AFTER_FILING_ORDINARY_DAYS,
    INVITED_AFTER_FILING_SIMPLE_DAYS,
    INVITED_BEFORE_FILING_DAYS,
    Deadline,
    confirmation_deadline,
    invited_mediation_limit,
)
from desktop.core.cases.identity import (
    CREDIT_CODE_CHARACTERS,
    DocumentKind,
    Origin,
    credit_code_check,
    organization_code_check,
    resident_id_check,
)
from desktop.core.cases.matters import (
    CaseDetails,
    CaseSource,
    CaseType,
    MatterKind,
    PatentKind,
    Procedure,
    case_details,
)
from desktop.core.cases.parties import PartyRole
from desktop.core.cases.persons import Organisation, Person, Sex, organisation, person
from desktop.core.cases.workflow import MOVES, NEEDS_REASON, CaseStatus

T = TypeVar("T")
S = CaseStatus
Region = tuple[str, str, str, str, str, int]  # code, prefecture, county, area code, ethnic profile, weight

# Shares a Yunnan IP mediation committee sees: trademarks and copyright most, then patents, then the
# province's own plant varieties (tea, flowers) and geographical indications.
CASE_TYPE_WEIGHTS: dict[CaseType, int] = {
    CaseType.TRADEMARK: 33, CaseType.COPYRIGHT: 27, CaseType.PATENT: 14, CaseType.PLANT_VARIETY: 6,
    CaseType.GEOGRAPHICAL_INDICATION: 7, CaseType.UNFAIR_COMPETITION: 6, CaseType.TRADE_SECRET: 3,
    CaseType.IC_LAYOUT: 1, CaseType.OTHER: 3,
}
WINDOW_DAYS = 3 * 365  # cases are received over the last three years
NOTARIAL_SHARE = 0.08


# --- the records -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DemoPerson:
    """A natural person; the fields are those of ``persons.Person``, numbers in their stored form."""

    name: str
    sex: Sex
    birth_date: date
    document: DocumentKind
    document_number: str
    origin: Origin
    nationality: str = "CHN"
    ethnicity: str = ""
    occupation: str = ""
    address: str = ""
    phone: str = ""

    def value(self) -> Person:
        """The person as it stands (the services check it when it is written)."""
        return Person(self.name, self.sex, self.birth_date, self.document, self.document_number, self.origin,
                      self.nationality, self.ethnicity, self.occupation, self.address, self.phone)

    def checked(self, today: date) -> Person:
        """The person through ``persons.person`` (raises ``InvalidInput`` if anything were wrong)."""
        return person(self.name, self.sex, self.birth_date, self.document, self.document_number,
                      nationality=self.nationality, ethnicity=self.ethnicity, occupation=self.occupation,
                      address=self.address, phone=self.phone, today=today)


@dataclass(frozen=True, slots=True)
class DemoOrganisation:
    """An organisation; the fields are those of ``persons.Organisation``."""

    name: str
    origin: Origin
    credit_code: str = ""
    registration_number: str = ""
    country: str = "CHN"
    domicile: str = ""
    representative: str = ""
    representative_post: str = ""
    phone: str = ""

    def value(self) -> Organisation:
        """The organisation as it stands (the services check it when it is written)."""
        return Organisation(self.name, self.origin, self.credit_code, self.registration_number, self.country,
                            self.domicile, self.representative, self.representative_post, self.phone)

    def checked(self) -> Organisation:
        """The organisation through ``persons.organisation``."""
        return organisation(self.name, credit_code=self.credit_code,
                            registration_number=self.registration_number, country=self.country,
                            domicile=self.domicile, representative=self.representative,
                            representative_post=self.representative_post, phone=self.phone)


@dataclass(frozen=True, slots=True)
class DemoAgent:
    """An agent (委托代理人) of one party: a lawyer with firm and licence, or another agent with their
    relation to the party; general or special authority, valid from a day to a day (or to the end of the
    matter when ``valid_to`` is None)."""

    person: DemoPerson
    kind: AgentKind
    firm: str
    licence_number: str  # 律师执业证号, 17 digits; "" for other agents
    relation: str  # 近亲属（配偶）, 工作人员（法务专员）; "" for a lawyer
    authority: Authority
    special_powers: tuple[SpecialPower, ...]
    valid_from: date
    valid_to: date | None

    def checked(self, today: date) -> Agent:
        """The agent through ``agents.agent``: a lawyer with firm and practising certificate (no identity
        document needed, SPC Interpretation art. 88 (1)); anyone else with their resident identity card
        and their relation to the party as the note."""
        lawyer = self.kind is AgentKind.LAWYER
        return agent(self.person.name, self.kind, self.authority, self.valid_from, powers=self.special_powers,
                     document=None if lawyer else self.person.document,
                     document_number="" if lawyer else self.person.document_number,
                     firm=self.firm, licence_number=self.licence_number, phone=self.person.phone,
                     valid_to=self.valid_to, note=self.relation, today=today)


@dataclass(frozen=True, slots=True)
class DemoParty:
    """A party in one role: a person or an organisation (exactly one is set), with its service address
    and phone (送达地址确认) and its agents."""

    role: PartyRole
    person: DemoPerson | None
    organisation: DemoOrganisation | None
    service_address: str
    service_phone: str
    agents: tuple[DemoAgent, ...]

    @property
    def name(self) -> str:
        return self.person.name if self.person else self.organisation.name  # type: ignore[union-attr]

    @property
    def origin(self) -> Origin:
        return self.person.origin if self.person else self.organisation.origin  # type: ignore[union-attr]

    def value(self) -> Person | Organisation:
        """The party as it stands, unchecked: the bulk writer checks it as ``parties.add_party`` does."""
        return self.person.value() if self.person else self.organisation.value()  # type: ignore[union-attr]

    def identity(self, today: date) -> Person | Organisation:
        """The party through ``persons.person`` or ``persons.organisation``."""
        return self.person.checked(today) if self.person else self.organisation.checked()  # type: ignore[union-attr]

    def service(self) -> ServiceAddress:
        """The party's service address (送达地址确认书) through ``agents.service_address``."""
        return service_address(self.service_address, phone=self.service_phone)


@dataclass(frozen=True, slots=True)
class DemoMove:
    """One workflow move on its day; ``reason`` is set where ``workflow.NEEDS_REASON`` asks for one."""

    source: CaseStatus
    target: CaseStatus
    on: date
    reason: str


@dataclass(frozen=True, slots=True)
class DemoCase:
    """A case (or notarial matter) with its parties, and the moves from registered to ``status``."""

    sequence: int  # 0, 1, 2 … in the order generated
    kind: MatterKind
    case_type: CaseType
    patent_kind: PatentKind | None
    title: str
    account: str  # 纠纷简要情况
    requests: tuple[str, ...]  # 申请事项
    amount: Decimal | None  # yuan, two decimals
    received: date
    source: CaseSource
    court: str  # for 委派/委托调解
    court_case_number: str
    invited_days: int | None  # the court-invited mediation's time limit in days
    procedure: Procedure | None  # the court's procedure, for mediation it entrusted after filing
    parties: tuple[DemoParty, ...]
    status: CaseStatus
    moves: tuple[DemoMove, ...]
    deadlines: tuple[Deadline, ...]  # open ones, counted without holidays

    @property
    def applicants(self) -> tuple[DemoParty, ...]:
        return tuple(party for party in self.parties if party.role is PartyRole.APPLICANT)

    @property
    def respondents(self) -> tuple[DemoParty, ...]:
        return tuple(party for party in self.parties if party.role is PartyRole.RESPONDENT)

    @property
    def third_parties(self) -> tuple[DemoParty, ...]:
        return tuple(party for party in self.parties if party.role is PartyRole.THIRD_PARTY)

    @property
    def foreign_related(self) -> bool:
        """涉外/涉港澳台: a party from outside the mainland."""
        return any(party.origin.foreign_related for party in self.parties)

    def details(self, today: date) -> CaseDetails:
        """The case's details through ``matters.case_details``, as the registration form would give them."""
        return case_details(self.kind, self.case_type, self.title, self.received, today=today,
                            patent_kind=self.patent_kind, summary=self.account, requests=self.requests,
                            amount_claimed=self.amount, source=self.source, court_name=self.court,
                            court_case_number=self.court_case_number, procedure=self.procedure,
                            time_limit_days=self.invited_days)


# --- word lists ----------------------------------------------------------------------------------------

# (region code, prefecture, county, telephone area code, ethnic profile, weight)
_REGIONS = (
    ("530102", "昆明市", "五华区", "0871", "kunming", 14),
    ("530103", "昆明市", "盘龙区", "0871", "kunming", 12),
    ("530111", "昆明市", "官渡区", "0871", "kunming", 12),
    ("530112", "昆明市", "西山区", "0871", "kunming", 10),
    ("530114", "昆明市", "呈贡区", "0871", "kunming", 5),
    ("530115", "昆明市", "晋宁区", "0871", "kunming", 2),
    ("530181", "昆明市", "安宁市", "0871", "kunming", 3), ("530302", "曲靖市", "麒麟区", "0874", "han", 4),
    ("530381", "曲靖市", "宣威市", "0874", "han", 2), ("530402", "玉溪市", "红塔区", "0877", "han", 3),
    ("530502", "保山市", "隆阳区", "0875", "han", 2), ("530602", "昭通市", "昭阳区", "0870", "han", 2),
    ("530702", "丽江市", "古城区", "0888", "lijiang", 3),
    ("530721", "丽江市", "玉龙纳西族自治县", "0888", "lijiang", 1),
    ("530802", "普洱市", "思茅区", "0879", "puer", 3), ("530902", "临沧市", "临翔区", "0883", "lincang", 1),
    ("532301", "楚雄彝族自治州", "楚雄市", "0878", "chuxiong", 3),
    ("532503", "红河哈尼族彝族自治州", "蒙自市", "0873", "honghe", 2),
    ("532601", "文山壮族苗族自治州", "文山市", "0876", "wenshan", 2),
    ("532801", "西双版纳傣族自治州", "景洪市", "0691", "banna", 3),
    ("532901", "大理白族自治州", "大理市", "0872", "dali", 6),
    ("533102", "德宏傣族景颇族自治州", "瑞丽市", "0692", "dehong", 1),
    ("533103", "德宏傣族景颇族自治州", "芒市", "0692", "dehong", 1),
    ("533301", "怒江傈僳族自治州", "泸水市", "0886", "nujiang", 1),
    ("533401", "迪庆藏族自治州", "香格里拉市", "0887", "diqing", 1),
)
# Short forms of prefectures for company names (大理某某…有限公司).
_NAME_PLACES = {"昆明市": "昆明", "曲靖市": "曲靖", "玉溪市": "玉溪", "保山市": "保山", "昭通市": "昭通",
                "丽江市": "丽江", "普洱市": "普洱", "临沧市": "临沧", "楚雄彝族自治州": "楚雄",
                "红河哈尼族彝族自治州": "红河", "文山壮族苗族自治州": "文山",
                "西双版纳傣族自治州": "西双版纳", "大理白族自治州": "大理", "德宏傣族景颇族自治州": "德宏",
                "怒江傈僳族自治州": "怒江", "迪庆藏族自治州": "迪庆"}
_ETHNIC_PROFILES: dict[str, tuple[tuple[str, int], ...]] = {
    "kunming": (("汉族", 85), ("彝族", 5), ("回族", 3), ("白族", 2), ("苗族", 1), ("壮族", 1), ("哈尼族", 1),
                ("傣族", 1), ("纳西族", 1)),
    "han": (("汉族", 90), ("彝族", 5), ("回族", 3), ("苗族", 2)),
    "lijiang": (("汉族", 45), ("纳西族", 35), ("彝族", 10), ("白族", 5), ("傈僳族", 5)),
    "puer": (("汉族", 40), ("哈尼族", 20), ("彝族", 20), ("拉祜族", 10), ("佤族", 5), ("傣族", 5)),
    "lincang": (("汉族", 60), ("佤族", 15), ("彝族", 10), ("傣族", 8), ("拉祜族", 7)),
    "chuxiong": (("汉族", 65), ("彝族", 30), ("苗族", 2), ("傈僳族", 2), ("回族", 1)),
    "honghe": (("汉族", 45), ("彝族", 25), ("哈尼族", 20), ("苗族", 4), ("傣族", 3), ("壮族", 3)),
    "wenshan": (("汉族", 55), ("壮族", 30), ("苗族", 12), ("彝族", 3)),
    "banna": (("傣族", 35), ("汉族", 30), ("哈尼族", 20), ("拉祜族", 5), ("彝族", 5), ("布朗族", 3),
              ("基诺族", 2)),
    "dali": (("汉族", 45), ("白族", 45), ("彝族", 7), ("回族", 3)),
    "dehong": (("汉族", 50), ("傣族", 30), ("景颇族", 15), ("阿昌族", 2), ("德昂族", 2), ("傈僳族", 1)),
    "nujiang": (("傈僳族", 55), ("白族", 15), ("汉族", 10), ("怒族", 10), ("独龙族", 5), ("彝族", 5)),
    "diqing": (("藏族", 35), ("傈僳族", 25), ("汉族", 20), ("纳西族", 10), ("彝族", 5), ("白族", 5)),
}
# Common surnames, the commonest repeated so that a uniform draw follows their frequency.
_SURNAMES = ("王" * 10 + "李" * 10 + "张" * 9 + "刘" * 8 + "陈" * 7 + "杨" * 8 + "赵" * 4 + "黄" * 3
             + "周" * 3 + "吴" * 3 + "徐" * 2 + "孙" * 2 + "胡" * 2 + "朱" * 2 + "高" * 2 + "林" * 2
             + "何" * 2 + "郭" * 2 + "马" * 2 + "罗" * 2
             + "梁梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟"
             "汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文普和")
_ETHNIC_SURNAMES = {
    "纳西族": "和和和木杨李赵", "白族": "杨杨段段赵李张王尹", "彝族": "李李普毕罗杨张鲁",
    "哈尼族": "李白张杨马车", "回族": "马马马纳沙白丁", "傈僳族": "余李和胡", "壮族": "陆农黄韦王",
    "苗族": "王杨熊陶项",
    "拉祜族": "李张扎", "佤族": "赵李岩", "景颇族": "排何岳勒", "怒族": "李和",
}
_MALE_CHARS = ("伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳建国志"
               "文海云峰亮成东晨昊然轩睿泽博铭宏德福荣江山武兴顺祥锋松毅")
_FEMALE_CHARS = ("芳娜敏静丽艳娟霞燕玲婷雪慧琳洁梅琴蓉红萍颖倩莉欣怡佳璐悦彤菲"
                 "瑶晶月兰秀英珍凤婧妍琪萱诗思雨嘉梦涵蕾露茜薇丹")
_FIRST_CHARS = "子晓志建永海春秋玉金明文家俊雅思雨天浩佳嘉欣梓一宇丽小晨若静国云德红丹婉慧学少正绍"
# Dai (傣族) names: 岩 for a man, 玉 for a woman, and one more syllable; no surname.
_DAI_SYLLABLES = "罕温应丙坎叫恩依胆庄龙扁香南喃儿光"
_TIBETAN_MALE = ("扎西", "次仁", "格桑", "洛桑", "多吉", "平措", "顿珠", "尼玛", "旺堆", "丹增")
_TIBETAN_FEMALE = ("卓玛", "拉姆", "央宗", "德吉", "措姆", "曲珍", "白玛", "次仁")
# Names a combination could hit that belong to well-known people: drawn again.
_FAMOUS = frozenset((
    "王菲", "李娜", "刘翔", "姚明", "成龙", "李白", "杜甫", "周杰伦", "刘德华", "张学友", "郭富城", "黎明",
    "王力宏", "李宁", "马云", "马化腾", "李彦宏", "雷军", "刘强东", "杨利伟", "郎平", "张艺谋", "陈凯歌",
    "冯小刚", "赵薇", "周迅", "章子怡", "李连杰", "黄晓明", "杨幂", "刘亦菲", "孙俪", "邓超", "王健林",
    "任正非", "董明珠", "李冰", "李强", "王毅", "刘鹤", "韩正", "汪洋", "蔡奇", "李希", "李鹏", "杨澜",
    "王宁", "张伟", "李明", "王刚", "李刚", "陈红", "周涛", "王峰", "张杰", "李健", "孙杨", "刘洋",
))
_ROADS = ("人民路", "建设路", "文化路", "团结路", "新华路", "民主路", "北京路", "环城路", "滨江路", "迎春路",
          "学府路", "春城路", "彩云路", "金沙路", "玉龙路", "茶花路", "兴业路", "龙泉路", "育才路", "健康路",
          "青年路", "书林街", "翠湖路", "金马路", "民航路", "云秀路", "银杏路", "海埂路")
_ROAD_SIDES = ("", "", "", "东", "西", "南", "北", "中")
_BUILDINGS = ("金鼎大厦", "云天大厦", "滇池国际中心", "春城广场", "金色时代中心", "彩云大厦", "盛世国际",
              "世纪中心", "银海大厦", "星耀广场", "和平商务中心", "锦华大厦")
_MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153",
                    "155", "157", "158", "159", "166", "173", "177", "180", "181", "182", "183", "185", "186",
                    "187", "188", "189", "191", "198", "199")

# Two-character trade names (字号) and brands: a first and a second character from these.
_CORE_FIRST = "滇云彩金碧苍玉古茶雪春南兰澜蓝普晨瑞德华恒鑫盛源泰嘉宏顺祥丰益博佳昊锦天鸿凯欣雅映"
_CORE_SECOND = "韵岭雅茗源峰润禾丰达祥和信诚坤瀚泽辉美康隆景晟川林盈海邦远阳悦庭宇翔"
# (industry words of a company name, what it makes or sells, trademark class and goods)
_INDUSTRIES = (
    ("茶业", "茶叶", 30, "茶叶"), ("茶叶", "茶叶", 30, "茶叶"), ("生物科技", "保健食品", 5, "三七粉"),
    ("文化传播", "文创产品", 16, "印刷品"), ("花卉", "鲜切花", 31, "鲜花"), ("食品", "火腿", 29, "火腿"),
    ("咖啡", "咖啡豆", 30, "咖啡"), ("农业科技", "种苗", 31, "种子"), ("电子商务", "特产", 30, "鲜花饼"),
    ("服饰", "民族服饰", 25, "服装"), ("酒业", "白酒", 33, "酒"), ("银器", "银饰", 14, "首饰"),
    ("软件", "管理软件", 9, "计算机软件"), ("餐饮管理", "餐饮", 43, "餐馆服务"),
    ("药业", "中成药", 5, "药品"), ("日用品", "香皂", 3, "化妆品"), ("文化旅游", "旅游纪念品", 16, "明信片"),
)
_SHOP_GOODS = ("茶叶", "茶叶", "鲜切花", "火腿", "咖啡", "特产", "民族服饰", "银饰", "旅游纪念品", "种苗",
               "保健食品", "日用品")
_SHOP_SUFFIXES = ("商行", "经营部", "店", "茶庄", "批发部", "商贸部")
_POSTS = ("执行董事", "执行董事兼总经理", "总经理", "董事长", "经理")
_OCCUPATIONS_APPLICANT = ("摄影师", "画家", "作家", "设计师", "茶农", "育种人员", "工程师", "个体工商户",
                          "教师", "自由职业")
_OCCUPATIONS_RESPONDENT = ("个体工商户", "个体经营者", "网店店主", "无业", "农民", "自由职业", "职员", "茶农",
                           "花农", "司机")
_EMPLOYEE_POSTS = ("法务专员", "法务经理", "销售经理", "办公室主任", "副总经理", "知识产权专员")
_RELATIVES = ("配偶", "配偶", "子女", "父母", "兄弟姐妹")

# Courts that invite mediation: (name, code in case numbers, intermediate?)
_COURTS = (
    ("昆明市中级人民法院", "云01", True), ("昆明市五华区人民法院", "云0102", False),
    ("昆明市盘龙区人民法院", "云0103", False), ("昆明市官渡区人民法院", "云0111", False),
    ("昆明市西山区人民法院", "云0112", False), ("昆明市呈贡区人民法院", "云0114", False),
    ("大理白族自治州中级人民法院", "云29", True), ("大理市人民法院", "云2901", False),
    ("楚雄彝族自治州中级人民法院", "云23", True), ("丽江市中级人民法院", "云07", True),
    ("丽江市古城区人民法院", "云0702", False), ("西双版纳傣族自治州中级人民法院", "云28", True),
    ("普洱市中级人民法院", "云08", True), ("红河哈尼族彝族自治州中级人民法院", "云25", True),
    ("曲靖市中级人民法院", "云03", True), ("玉溪市中级人民法院", "云04", True),
)
_AGENCIES = ("昆明市市场监督管理局", "云南省知识产权局", "大理白族自治州市场监督管理局",
             "昆明市文化市场综合行政执法支队", "西双版纳傣族自治州市场监督管理局", "普洱市市场监督管理局")
_PLATFORMS = ("淘宝", "拼多多", "抖音", "京东", "快手", "微信小程序", "小红书")

# Hong Kong, Macao, Taiwan and foreign parties.
_HK_ADDRESSES = ("香港特别行政区九龙弥敦道{n}号", "香港特别行政区湾仔轩尼诗道{n}号",
                 "香港特别行政区沙田大围道{n}号")
_MACAO_ADDRESSES = ("澳门特别行政区新马路{n}号", "澳门特别行政区氹仔孙逸仙大马路{n}号")
_TAIWAN_ADDRESSES = ("台湾地区台北市信义路{n}号", "台湾地区台中市中港路{n}号", "台湾地区高雄市中山路{n}号")
# nationality: (ISO 3166-1 numeric, given names, family names, passport pattern, address, phone prefix)
_FOREIGN: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], str, str, str]] = {
    "USA": ("840", ("Michael", "Emily", "David", "Sarah", "James", "Laura"),
            ("Johnson", "Miller", "Parker", "Bennett", "Carter", "Hughes"), "9D",
            "美国加利福尼亚州旧金山市", "+1415"),
    "JPN": ("392", ("健一", "直树", "美咲", "由美", "拓也", "葵"),
            ("佐藤", "铃木", "高桥", "田中", "渡边", "山本"), "LL7D", "日本国东京都港区", "+813"),
    "KOR": ("410", ("Minjun", "Seoyeon", "Jihoon", "Hayoon", "Dohyun"),
            ("Kim", "Lee", "Park", "Choi", "Jung"), "M8D", "韩国首尔特别市江南区", "+822"),
    "THA": ("764", ("Somchai", "Suda", "Anan", "Malee", "Niran"),
            ("Srisuk", "Chaiyaporn", "Wongsa", "Boonmee"), "LL7D", "泰国清迈府清迈市", "+6653"),
    "VNM": ("704", ("Van Anh", "Thi Hoa", "Van Minh", "Thi Lan", "Van Tuan"),
            ("Nguyen", "Tran", "Le", "Pham"),
            "L7D", "越南老街省老街市", "+84214"),
    "MMR": ("104", ("Aung Kyaw", "Thida", "Min Thu", "Hnin Wai"), ("Moe", "Oo", "Win", "Aye"),
            "MA6D", "缅甸曼德勒省曼德勒市", "+952"),
    "LAO": ("418", ("Souksavanh", "Khamla", "Vilay", "Noy"), ("Phommachanh", "Sisouk", "Keomany"),
            "P7D", "老挝琅南塔省琅南塔市", "+85686"),
    "DEU": ("276", ("Lukas", "Anna", "Jonas", "Lea", "Felix"),
            ("Müller", "Schmidt", "Weber", "Wagner", "Becker"), "C8A", "德国巴伐利亚州慕尼黑市", "+4989"),
}
_FAMILY_NAME_FIRST = frozenset({"JPN", "KOR", "VNM"})
_FOREIGN_WEIGHTS = {"USA": 3, "JPN": 2, "KOR": 2, "THA": 4, "VNM": 3, "MMR": 3, "LAO": 2, "DEU": 1}
# Foreign companies: (country, name pattern with {core}, registration number pattern, representative post)
_FOREIGN_COMPANIES = (
    ("THA", "{core} Tea Trading Co., Ltd.", "01055{d8}", "Director"),
    ("USA", "{core} Coffee Inc.", "{d7}", "President"),
    ("JPN", "株式会社{jcore}茶舗", "{d13}", "代表取締役"),
    ("KOR", "{core} Cosmetics Co., Ltd.", "{d10}", "Representative Director"),
    ("DEU", "{core} Pflanzenzucht GmbH", "HRB {d6}", "Geschäftsführer"),
    ("VNM", "{core} Joint Stock Company", "{d10}", "General Director"),
    ("MMR", "{core} Gems Company Limited", "{d9}", "Managing Director"),
)
_LATIN_CORES = ("Golden Leaf", "Lanna", "Blue Ridge", "Silver Cloud", "Mekong", "Alpine", "Red Lotus",
                "Sunrise")
_JAPANESE_CORES = ("山田", "松本", "青山", "大和", "清水")

# Things the disputes are about.
_WORK_KINDS = (("摄影作品", "《{place}{scene}》"), ("美术作品", "《{scene}图》"),
               ("文字作品", "《{place}{scene}记》"), ("计算机软件", "《{core}{system}V{version}.0》"),
               ("视听作品", "《{place}{scene}》"),
               ("美术作品", "《{ethnic}服饰图案》"))
_ETHNIC_ART = ("彝族", "白族", "傣族", "哈尼族", "纳西族", "苗族")
_SCENES = ("晨光", "雪山", "古城", "茶山", "花海", "梯田", "秋色", "渔火", "云海", "古道", "月色", "春雨")
_SCENIC_PLACES = ("洱海", "玉龙", "滇池", "哀牢", "元阳", "澜沧江", "苍山", "抚仙湖", "普者黑", "西山")
_SYSTEMS = ("茶园管理系统", "花卉交易平台", "智慧农业监测系统", "民宿预订系统", "电商进销存系统")
_PATENT_PRODUCTS: dict[PatentKind, tuple[tuple[str, str], ...]] = {
    PatentKind.INVENTION: (("一种普洱茶渥堆发酵方法", "普洱茶"), ("一种三七总皂苷的提取方法", "三七提取物"),
                           ("一种鲜切花保鲜剂及其制备方法", "鲜花保鲜剂"), ("一种火腿低盐腌制工艺", "火腿")),
    PatentKind.UTILITY_MODEL: (("一种茶叶揉捻装置", "茶叶揉捻机"), ("一种鲜花包装箱", "鲜花包装箱"),
                               ("一种咖啡豆烘焙机", "咖啡烘焙机"), ("一种菌类烘干设备", "菌类烘干机")),
    PatentKind.DESIGN: (("茶饼包装盒", "茶饼包装盒"), ("鲜花饼包装袋", "鲜花饼包装袋"), ("银壶", "银壶"),
                        ("扎染布艺灯罩", "扎染灯罩")),
}
_PATENT_KIND_WORDS = {PatentKind.INVENTION: ("发明", "1"), PatentKind.UTILITY_MODEL: ("实用新型", "2"),
                      PatentKind.DESIGN: ("外观设计", "3")}
_VARIETIES = (("茶树", "彩云茶{n}号"), ("茶树", "滇山红{n}号"), ("月季", "春城月季{n}号"),
              ("玫瑰", "滇玫{n}号"), ("百合", "云百合{n}号"), ("马铃薯", "滇薯丰{n}号"),
              ("咖啡", "云啡{n}号"), ("非洲菊", "彩云菊{n}号"))
# (indication, product, region code of the (fictitious) association that registered its certification mark)
_INDICATIONS = (("普洱茶", "茶叶", "530802"), ("宣威火腿", "火腿", "530381"),
                ("斗南花卉", "鲜切花", "530114"), ("文山三七", "三七", "532601"),
                ("昭通苹果", "苹果", "530602"), ("蒙自石榴", "石榴", "532503"),
                ("保山小粒咖啡", "咖啡", "530502"), ("诺邓火腿", "火腿", "532901"),
                ("滇红茶", "红茶", "530902"))
_SECRETS = ("客户名单及交易信息", "普洱茶拼配配方", "三七提取工艺参数", "鲜花保鲜剂配方", "咖啡烘焙曲线数据",
            "供应商渠道信息")
_CHIPS = ("智能灌溉控制芯片", "茶叶色选传感芯片", "低功耗物联网主控芯片")
_CONTRACTS = ("商标使用许可合同", "技术转让合同", "特许经营合同", "著作权许可使用合同", "专利实施许可合同")
_MEDIA = ("《云南日报》", "其网店首页", "其微信公众号", "《春城晚报》")
_NOTARIAL_SUBJECTS = ("网店页面", "购买涉嫌侵权商品过程", "微信公众号文章", "短视频平台作品", "展会现场展品",
                      "网站网页内容")


def _fmt_money(value: Decimal) -> str:
    """50,000 or 3,586.50: yuan as a claim writes them."""
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"


_ACCOUNTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    # (statements of the applicant's right, of the conduct complained of, of where things stand)
    "trademark": (
        ("申请人系第{reg_no}号“{mark}”注册商标的专用权人，核定使用商品为第{cls}类{goods}。",
         "申请人自{year}年起在{goods}上使用“{mark}”商标，该商标在省内具有一定知名度。"),
        ("申请人发现{R}在{venue}销售标有“{mark}”字样的{goods}，认为与其注册商标相同或近似，容易导致混淆。",
         "{R}未经许可，在其销售的{goods}外包装上突出使用“{mark}”标识。"),
        ("双方经协商未能达成一致，申请人遂申请调解。",
         "被申请人辩称所售商品系从他人处合法进货，不知系侵权商品。",
         "被申请人表示愿意停止销售，但对赔偿数额有异议。"),
    ),
    "copyright": (
        ("申请人系{work_kind}{work}的著作权人。",
         "申请人于{year}年创作完成{work_kind}{work}，并已办理作品登记。"),
        ("{R}未经许可，在{venue}使用该作品作为商品宣传图片。", "{R}未经许可，通过信息网络向公众传播该作品。",
         "{R}未经许可复制、发行该作品并获利。"),
        ("申请人要求停止使用并赔偿损失，被申请人表示愿意协商。", "被申请人认为其使用属于合理使用。",
         "双方对侵权事实无异议，仅对赔偿数额存在分歧。"),
    ),
    "patent": (
        ("申请人系专利号为{patent_no}、名称为“{patent_name}”的{patent_word}专利的专利权人，该专利处于有效状态。",),
        ("{R}未经许可，制造、销售的{product}落入该专利权的保护范围。",
         "申请人在{venue}购得{R}销售的{product}，经比对与涉案专利相同。"),
        ("被申请人称其产品采用的是现有技术。", "双方曾就专利许可进行协商，未能达成一致。",
         "被申请人表示愿意停止销售，请求调解处理赔偿问题。"),
    ),
    "plant-variety": (
        ("申请人系{crop}品种“{variety}”的品种权人，品种权号{variety_no}。",),
        ("{R}未经许可，以商业目的生产、销售“{variety}”的繁殖材料。",
         "申请人发现{R}在{venue}销售标注为“{variety}”的{crop}种苗。"),
        ("被申请人称种苗系自繁自用后剩余部分。", "双方同意委托有关机构进行品种鉴定后协商解决。",
         "双方经协商未能达成一致，申请人遂申请调解。"),
    ),
    "geographical-indication": (
        ("申请人系“{gi}”地理标志证明商标的注册人。", "申请人负责“{gi}”地理标志的使用管理。"),
        ("{R}在其销售的{gi_product}包装上使用“{gi}”字样，但其产品并非来源于该地理标志产地，亦未获得使用许可。",
         "{R}在{venue}以“正宗{gi}”名义销售来源不明的{gi_product}。"),
        ("被申请人表示不清楚地理标志的使用规定，愿意整改。", "双方经协商未能达成一致，申请人遂申请调解。"),
    ),
    "trade-secret": (
        ("申请人称其{secret}属于商业秘密，并已采取签订保密协议等保密措施。",),
        ("{R}系申请人前员工，离职后将其掌握的{secret}披露给竞争企业使用。",
         "{R}通过不正当手段获取并使用申请人的{secret}。"),
        ("被申请人否认使用了申请人的商业秘密。", "双方同意在调解中就保密义务和赔偿进行协商。"),
    ),
    CaseType.IC_LAYOUT: (
        ("申请人系“{chip}”集成电路布图设计的权利人，登记号{layout_no}。",),
        ("{R}未经许可复制该布图设计，并将含有该布图设计的芯片投入商业利用。",),
        ("被申请人称其布图设计系独立创作。", "双方经协商未能达成一致，申请人遂申请调解。"),
    ),
    "unfair-competition": (
        ("申请人的{product}使用的包装、装潢在省内具有一定影响。",),
        ("{R}擅自使用与申请人{product}包装、装潢相近似的标识，引人误认为是申请人的商品。",
         "{R}在{venue}的商品宣传中作引人误解的虚假宣传。",
         "{R}在网络上散布有关申请人{product}质量的虚假信息。"),
        ("被申请人表示愿意更换包装，对赔偿数额有异议。", "双方经协商未能达成一致，申请人遂申请调解。"),
    ),
    "other": (
        ("双方于{year}年签订《{contract}》。",),
        ("因{R}未按约定支付许可使用费，双方发生争议。",
         "{R}在合同期满后继续使用合同约定的权利，双方发生争议。"),
        ("双方均同意通过调解解决争议。", "申请人要求解除合同，被申请人不同意。"),
    ),
}
_STOP: dict[str, tuple[str, ...]] = {
    "trademark": ("被申请人立即停止销售侵犯申请人“{mark}”注册商标专用权的商品",
                  "被申请人立即停止在其商品及包装上使用“{mark}”标识"),
    "copyright": ("被申请人立即停止使用并删除涉案作品{work}", "被申请人立即停止通过信息网络传播涉案作品"),
    "patent": ("被申请人立即停止制造、销售侵犯申请人专利权的{product}",),
    "plant-variety": ("被申请人立即停止生产、销售“{variety}”的繁殖材料",),
    "geographical-indication": ("被申请人立即停止在其商品上使用“{gi}”地理标志",),
    "trade-secret": ("被申请人立即停止披露、使用申请人的{secret}",),
    CaseType.IC_LAYOUT: ("被申请人立即停止复制、销售含有涉案布图设计的芯片",),
    "unfair-competition": ("被申请人立即停止使用与申请人商品相近似的包装、装潢",
                           "被申请人立即停止虚假宣传行为"),
    "other": ("被申请人按合同约定支付许可使用费", "解除双方签订的《{contract}》"),
}
_EXTRAS: dict[str, tuple[str, ...]] = {
    "trademark": ("被申请人销毁库存侵权产品", "被申请人删除其网店中的侵权商品链接"),
    "copyright": ("被申请人在{media}上赔礼道歉、消除影响", "被申请人删除其网店中的侵权图片及链接"),
    "patent": ("被申请人销毁库存侵权产品及专用模具",),
    "plant-variety": ("被申请人销毁库存侵权种苗",),
    "geographical-indication": ("被申请人销毁带有“{gi}”字样的包装物",),
    "trade-secret": ("被申请人返还载有商业秘密的资料",),
    CaseType.IC_LAYOUT: ("被申请人销毁库存侵权芯片",),
    "unfair-competition": ("被申请人在{media}上消除影响", "被申请人销毁库存侵权包装"),
    "other": ("被申请人承担本次调解产生的相关费用",),
}
_DISPUTE_NAMES: dict[str, tuple[str, ...]] = {
    "trademark": ("侵害商标权纠纷",),
    "copyright": ("侵害著作权纠纷", "侵害作品信息网络传播权纠纷", "侵害作品复制权纠纷"),
    "plant-variety": ("侵害植物新品种权纠纷",),
    "geographical-indication": ("侵害地理标志证明商标权纠纷",),
    "trade-secret": ("侵害技术秘密纠纷", "侵害经营秘密纠纷"),
    CaseType.IC_LAYOUT: ("侵害集成电路布图设计专有权纠纷",),
    "unfair-competition": ("仿冒纠纷", "虚假宣传纠纷", "商业诋毁纠纷"),
}
_REASONS: dict[CaseStatus, tuple[str, ...]] = {
    S.NOT_ACCEPTED: ("该纠纷已由人民法院受理，依法不予受理。", "被申请人明确拒绝调解。",
                     "申请事项不属于本委员会受理范围。"),
    S.FAILED: ("双方对赔偿数额分歧过大，调解不成。", "被申请人经两次通知未到场参加调解。",
               "被申请人否认侵权事实，双方无法达成一致。", "调解期限届满，双方未达成协议。"),
    S.WITHDRAWN: ("双方已自行和解，申请人申请撤回。", "申请人撤回调解申请，拟另行起诉。",
                  "申请人未补充提交权利证明材料，申请撤回。"),
    S.REJECTED: ("人民法院裁定驳回司法确认申请：协议内容涉及案外人权益。",
                 "人民法院裁定驳回司法确认申请：权利证明材料不足。"),
}

# Moves: how often a mediator takes each (percent of the moves out of a state; a lone way out is 100),
# and the days between.
_EDGE_WEIGHTS: dict[tuple[CaseStatus, CaseStatus], int] = {
    (S.REGISTERED, S.ACCEPTED): 90, (S.REGISTERED, S.NOT_ACCEPTED): 6, (S.REGISTERED, S.WITHDRAWN): 4,
    (S.ACCEPTED, S.IN_MEDIATION): 95, (S.ACCEPTED, S.WITHDRAWN): 5,
    (S.IN_MEDIATION, S.AGREEMENT): 60, (S.IN_MEDIATION, S.FAILED): 28, (S.IN_MEDIATION, S.WITHDRAWN): 12,
    (S.AGREEMENT, S.PERFORMING): 40, (S.AGREEMENT, S.PERFORMED): 25, (S.AGREEMENT,
     S.CONFIRMATION_APPLIED): 20,
    (S.AGREEMENT, S.CLOSED): 15, (S.PERFORMING, S.PERFORMED): 85, (S.PERFORMING, S.CONFIRMATION_APPLIED): 15,
    (S.CONFIRMATION_APPLIED, S.CONFIRMED): 92, (S.CONFIRMATION_APPLIED, S.REJECTED): 8,
    (S.CONFIRMED, S.PERFORMING): 50, (S.CONFIRMED, S.PERFORMED): 30, (S.CONFIRMED, S.CLOSED): 20,
    (S.REJECTED, S.IN_MEDIATION): 40, (S.REJECTED, S.CLOSED): 60,
}
_GAP_DAYS: dict[CaseStatus, tuple[int, int]] = {
    S.ACCEPTED: (0, 5), S.NOT_ACCEPTED: (1, 10), S.IN_MEDIATION: (1, 15), S.AGREEMENT: (5, 45),
    S.FAILED: (7, 60), S.WITHDRAWN: (1, 30), S.PERFORMING: (0, 10), S.PERFORMED: (7, 120),
    S.CONFIRMATION_APPLIED: (1, 28), S.CONFIRMED: (5, 15), S.REJECTED: (5, 15), S.CLOSED: (1, 30),
}
# Where cases stand: most of three years' cases are closed; every state is present.
_STATUS_WEIGHTS: dict[CaseStatus, int] = {
    S.REGISTERED: 3, S.ACCEPTED: 4, S.IN_MEDIATION: 12, S.NOT_ACCEPTED: 3, S.WITHDRAWN: 4, S.FAILED: 7,
    S.AGREEMENT: 6, S.PERFORMING: 6, S.PERFORMED: 6, S.CONFIRMATION_APPLIED: 3, S.CONFIRMED: 4,
    S.REJECTED: 1, S.CLOSED: 41,
}
_ACTIVE = frozenset({S.REGISTERED, S.ACCEPTED, S.IN_MEDIATION})
_DUE_SOON_SHARE = 0.25
_SOURCE_WEIGHTS = ((CaseSource.APPLICATION, 62), (CaseSource.COURT_INVITED, 16),
                   (CaseSource.COURT_ENTRUSTED, 9), (CaseSource.INITIATIVE, 6),
                   (CaseSource.ADMINISTRATIVE, 5), (CaseSource.OTHER, 2))


def _paths() -> dict[CaseStatus, tuple[tuple[tuple[CaseStatus, ...], ...], list[float]]]:
    """Every path of moves from registered (a state at most once, in mediation at most twice) by the
    state it ends in, with cumulative weights (the product of its moves' weights)."""
    found: dict[CaseStatus, list[tuple[tuple[CaseStatus, ...], float]]] = {status: [] for status in S}

    def walk(path: tuple[CaseStatus, ...], weight: float) -> None:
        found[path[-1]].append((path[1:], weight))
        for target in MOVES[path[-1]]:
            if path.count(target) < (2 if target is S.IN_MEDIATION else 1):
                walk((*path, target), weight * _EDGE_WEIGHTS.get((path[-1], target), 100) / 100)

    walk((S.REGISTERED,), 1.0)
    return {status: (tuple(path for path, _ in entries),
                     list(itertools.accumulate(weight for _, weight in entries)))
            for status, entries in found.items()}


_PATHS = _paths()


def _cumulative(weights: Sequence[tuple[T, int]]) -> tuple[tuple[T, ...], list[int]]:
    return tuple(item for item, _ in weights), list(itertools.accumulate(weight for _, weight in weights))


# --- the generator -------------------------------------------------------------------------------------


class _Draws:
    """Small draws from one generator: faster than ``randrange`` and ``choice`` (a float each), and
    the same on every platform."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.random = rng.random

    def below(self, count: int) -> int:
        return int(self.random() * count)

    def pick(self, items: Sequence[T]) -> T:
        return items[int(self.random() * len(items))]

    def between(self, low: int, high: int) -> int:
        return low + int(self.random() * (high - low + 1))

    def digits(self, count: int) -> str:
        return str(int(self.random() * 10 ** count)).zfill(count)

    def mobile(self) -> str:
        return self.pick(_MOBILE_PREFIXES) + self.digits(8)

    def person_name(self) -> str:
        """A Han name, for a representative named only by name."""
        while True:
            chars = _MALE_CHARS if self.random() < 0.7 else _FEMALE_CHARS
            given = (self.pick(_FIRST_CHARS) if self.random() < 0.6 else "") + self.pick(chars)
            name = self.pick(_SURNAMES) + given
            if name not in _FAMOUS:
                return name


class _Generator(_Draws):
    """One stream of sample data: pools of regular players (rights holders, law firms and their
    lawyers) made first, then cases one at a time."""

    def __init__(self, seed: int, today: date) -> None:
        super().__init__(random.Random(seed))
        self.seed = seed
        self.today = today
        self.issued: set[str] = set()  # identity numbers given out: no two people share one
        self.codes: dict[str, str] = {}  # credit code → organisation name
        self.regions = _cumulative([(region, region[5]) for region in _REGIONS])
        self.ethnicities = {key: _cumulative(profile) for key, profile in _ETHNIC_PROFILES.items()}
        self.case_types = _cumulative(list(CASE_TYPE_WEIGHTS.items()))
        self.statuses = _cumulative(list(_STATUS_WEIGHTS.items()))
        self.sources = _cumulative(_SOURCE_WEIGHTS)
        self.nationalities = _cumulative(list(_FOREIGN_WEIGHTS.items()))
        self.holders = tuple(self.chinese_company(self.region()) for _ in range(1500))
        firms = tuple(self.law_firm() for _ in range(40))
        self.lawyers = tuple(self.lawyer(firm) for firm in firms for _ in range(8))

    def weighted(self, table: tuple[tuple[T, ...], Sequence[float]]) -> T:
        """An item drawn by the weights whose running totals ``table`` holds (as ``random.choices``)."""
        items, cumulative = table
        return items[bisect.bisect(cumulative, self.random() * cumulative[-1])]

    def region(self) -> Region:
        return self.weighted(self.regions)

    # people
    def chinese_name(self, male: bool, ethnicity: str) -> str:
        if ethnicity == "傣族":
            return ("岩" if male else "玉") + self.pick(_DAI_SYLLABLES)
        if ethnicity == "藏族":
            names = _TIBETAN_MALE if male else _TIBETAN_FEMALE
            return self.pick(names) + (self.pick(names) if self.random() < 0.6 else "")
        while True:
            surname = self.pick(_ETHNIC_SURNAMES.get(ethnicity, _SURNAMES))
            chars = _MALE_CHARS if male else _FEMALE_CHARS
            given = self.pick(chars)
            if self.random() < 0.75:
                given = (self.pick(_FIRST_CHARS) if self.random() < 0.5 else self.pick(chars)) + given
            name = surname + given
            if name not in _FAMOUS:
                return name

    def birth_date(self, youngest: int = 22, oldest: int = 70) -> date:
        return self.today - timedelta(days=self.between(youngest * 365 + 10, oldest * 365))

    def identity_number(self, prefix: str, birth: date, male: bool) -> str:
        """An 18-character number: the 6-character prefix, the birth date, a sequence whose last digit
        is odd for a man (GB 11643 §5.3), and the MOD 11-2 check character; never one given out."""
        while True:
            sequence = self.below(500) * 2 + (1 if male else 0)
            first17 = f"{prefix}{birth:%Y%m%d}{sequence:03d}"
            number = first17 + resident_id_check(first17)
            if number not in self.issued:
                self.issued.add(number)
                return number

    def street(self, region: Region) -> str:
        road = self.pick(_ROADS) + self.pick(_ROAD_SIDES)
        return f"云南省{region[1]}{region[2]}{road}{self.between(1, 399)}号"

    def home_address(self, region: Region) -> str:
        return (f"{self.street(region)}{self.between(1, 30)}栋{self.between(1, 4)}单元"
                f"{self.between(1, 28)}{self.between(1, 4):02d}室")

    def mainland_person(self, occupations: Sequence[str], region: Region | None = None,
                        youngest: int = 22) -> DemoPerson:
        region = region or self.region()
        ethnicity = self.weighted(self.ethnicities[region[4]])
        is_male = self.random() < 0.55
        birth = self.birth_date(youngest)
        return DemoPerson(self.chinese_name(is_male, ethnicity), Sex.MALE if is_male else Sex.FEMALE, birth,
                          DocumentKind.RESIDENT_ID, self.identity_number(region[0], birth, is_male),
                          Origin.MAINLAND, "CHN", ethnicity, self.pick(occupations),
                          self.home_address(region),
                          self.mobile())

    def outside_person(self, occupations: Sequence[str]) -> DemoPerson:
        """A party from Hong Kong, Macao, Taiwan or abroad, with the papers they would show."""
        draw = self.random()
        is_male = self.random() < 0.55
        sex = Sex.MALE if is_male else Sex.FEMALE
        birth = self.birth_date(25, 68)
        occupation = self.pick(occupations)
        if draw < 0.6:  # Hong Kong, Macao, Taiwan: a travel permit, or a residence permit (81/82/83)
            where = self.pick((Origin.HONG_KONG, Origin.HONG_KONG, Origin.MACAO, Origin.TAIWAN,
            Origin.TAIWAN))
            name = self.chinese_name(is_male, "汉族")
            phone = {Origin.HONG_KONG: "+852", Origin.MACAO: "+853",
                     Origin.TAIWAN: "+886"}[where] + self.digits(8)
            address = self.pick({Origin.HONG_KONG: _HK_ADDRESSES, Origin.MACAO: _MACAO_ADDRESSES,
                                 Origin.TAIWAN: _TAIWAN_ADDRESSES}[where]).format(n=self.between(1, 300))
            if self.random() < 0.3:
                prefix = {Origin.HONG_KONG: "810000", Origin.MACAO: "820000", Origin.TAIWAN: "830000"}[where]
                return DemoPerson(name, sex, birth, DocumentKind.RESIDENT_ID,
                                  self.identity_number(prefix, birth, is_male), where, "CHN", "", occupation,
                                  address, phone)
            if where is Origin.TAIWAN:
                kind, number = DocumentKind.TAIWAN_PERMIT, self.unique(lambda: self.digits(8))
            else:
                letter = "H" if where is Origin.HONG_KONG else "M"
                kind, number = DocumentKind.HK_MACAO_PERMIT, self.unique(lambda: letter + self.digits(8))
            return DemoPerson(name, sex, birth, kind, number, where, "CHN", "", occupation, address, phone)
        nationality = self.weighted(self.nationalities)
        numeric, given, family, pattern, address, phone = _FOREIGN[nationality]
        name = _foreign_name(nationality, self.pick(given), self.pick(family))
        if self.random() < 0.15:  # living in Yunnan with a foreign permanent-resident card (2023: 9, 53 …)
            number = self.identity_number(f"953{numeric}", birth, is_male)
            return DemoPerson(name, sex, birth, DocumentKind.RESIDENT_ID, number, Origin.FOREIGN, nationality,
                              "", occupation, self.home_address(self.region()), self.mobile())
        number = self.unique(lambda: self.passport_number(pattern))
        return DemoPerson(name, sex, birth, DocumentKind.PASSPORT, number, Origin.FOREIGN, nationality, "",
                          occupation, f"{address}{self.between(1, 200)}号", phone + self.digits(7))

    def passport_number(self, pattern: str) -> str:
        """A number after a country's pattern: L a letter, nD n digits, nA n letters or digits."""
        letters = "ABCDEFGHJKLMNPRSTUVWXY"
        out: list[str] = []
        index = 0
        while index < len(pattern):
            char = pattern[index]
            if char.isdigit():
                count, kind = int(char), pattern[index + 1]
                pool = "0123456789" if kind == "D" else "CFGHJKLMNPRTVWXYZ0123456789"
                out.extend(self.pick(pool) for _ in range(count))
                index += 2
            else:
                out.append(self.pick(letters) if char == "L" else char)
                index += 1
        return "".join(out)

    def unique(self, make: Callable[[], str]) -> str:
        """A number drawn by ``make`` that was never given out before."""
        while True:
            number = make()
            if number not in self.issued:
                self.issued.add(number)
                return number

    # organisations
    def trade_name(self) -> str:
        return self.pick(_CORE_FIRST) + self.pick(_CORE_SECOND)

    def chinese_company(self, region: Region) -> DemoOrganisation:
        """A company: 云南/昆明/大理 + trade name + industry + 有限公司."""
        place = "云南" if self.random() < 0.45 else _NAME_PLACES[region[1]]
        industry = self.pick(_INDUSTRIES)[0]
        suffix = "股份有限公司" if self.random() < 0.05 else "有限公司"
        # GB 32100 §4.2: 9 = registered by market regulation (工商), 1 = enterprise (企业)
        return self.registered(f"{place}{self.trade_name()}{industry}{suffix}", region, "91", _POSTS)

    def shop_name(self, region: Region) -> str:
        goods = self.pick(_SHOP_GOODS)
        place = region[2] if self.random() < 0.7 else region[1] + region[2]
        return f"{place}{self.trade_name()}{goods}{self.pick(_SHOP_SUFFIXES)}"

    def shop(self, region: Region) -> DemoOrganisation:
        """An individual business: 五华区 + trade name + goods + 商行."""
        # GB 32100 §4.2: 9 = registered by market regulation (工商), 2 = individual business (个体工商户)
        return self.registered(self.shop_name(region), region, "92", ("经营者",))

    def association(self, facts: dict[str, str]) -> DemoOrganisation:
        """The association that holds a geographical indication's certification mark (fictitious)."""
        region = next(region for region in _REGIONS if region[0] == facts["gi_region"])
        # GB 32100 §4.2: 5 = registered by civil affairs (民政), 1 = social organisation (社会团体)
        return self.registered(f"{region[2]}{facts['gi']}产业促进会", region, "51", ("会长",))

    def registered(self, name: str, region: Region, kind: str, posts: Sequence[str]) -> DemoOrganisation:
        """The organisation called ``name``: its details come from the seed and the name, so the same
        name is always the same organisation, and no two names share a credit code."""
        own = _Draws(random.Random(f"{self.seed}/{name}"))
        while True:
            if own.random() < 0.55:  # since 2015 new organisations get codes such as MA6K…
                body = "MA6" + own.pick(CREDIT_CODE_CHARACTERS[10:]) + "".join(
                    own.pick(CREDIT_CODE_CHARACTERS) for _ in range(4))
            else:
                body = own.digits(8)
            # GB 32100: registration authority and type, the region, the GB 11714 organisation code with
            # its check character, then the code's own check character
            first17 = f"{kind}{region[0]}{body}{organization_code_check(body)}"
            code = first17 + credit_code_check(first17)
            if self.codes.setdefault(code, name) == name:
                break
        representative = own.person_name()
        # a fixed line: Kunming numbers have 8 digits, the rest of the province 7
        fixed = region[3] + own.digits(8 if region[3] == "0871" else 7)
        phone = fixed if own.random() < 0.6 else own.mobile()
        domicile = (f"云南省{region[1]}{region[2]}{own.pick(_ROADS)}{own.between(1, 399)}号"
                    + (f"{own.pick(_BUILDINGS)}{own.between(2, 30)}楼" if own.random() < 0.4 else ""))
        return DemoOrganisation(name, Origin.MAINLAND, code, "", "CHN", domicile, representative,
                                own.pick(posts), phone)

    def foreign_company(self) -> DemoOrganisation:
        country, pattern, registration, post = self.pick(_FOREIGN_COMPANIES)
        name = pattern.format(core=self.pick(_LATIN_CORES), jcore=self.pick(_JAPANESE_CORES))
        own = _Draws(random.Random(f"{self.seed}/{name}"))
        number = registration.format(d6=own.digits(6), d7=own.digits(7), d8=own.digits(8), d9=own.digits(9),
                                     d10=own.digits(10), d13=own.digits(13))
        _numeric, given, family, _pattern, address, phone = _FOREIGN[country]
        representative = _foreign_name(country, own.pick(given), own.pick(family))
        return DemoOrganisation(name, Origin.FOREIGN, "", number, country,
        f"{address}{own.between(1, 500)}号",
                                representative, post, phone + own.digits(7))

    # agents
    def law_firm(self) -> tuple[str, str, Region]:
        region = self.pick(_REGIONS[:7]) if self.random() < 0.8 else self.region()
        place = "云南" if region[1] == "昆明市" else _NAME_PLACES[region[1]]
        name = f"{place}{self.trade_name()}律师事务所"
        address = f"{self.street(region)}{self.pick(_BUILDINGS)}{self.between(3, 28)}楼"
        return name, address, region

    def lawyer(self, firm: tuple[str, str, Region]) -> tuple[DemoPerson, str, str]:
        name, address, region = firm
        someone = self.mainland_person(("律师",), region, youngest=27)
        first_year = self.between(max(someone.birth_date.year + 25, 1995), self.today.year - 1)
        # The 17-digit licence number (律师执业证号): 1 (a lawyer's licence), province and city (53 01),
        # the year of first practice, 1 (full-time lawyer), sex (1 man, 0 woman), a six-digit serial.
        head = f"1{region[0][:4]}{first_year}1{1 if someone.sex is Sex.MALE else 0}"
        licence = self.unique(lambda: head + self.digits(6))
        lawyer = DemoPerson(someone.name, someone.sex, someone.birth_date, someone.document,
                            someone.document_number, someone.origin, someone.nationality, someone.ethnicity,
                            "律师", address, self.mobile())
        return lawyer, name, licence

    def agent(self, party: DemoPerson | DemoOrganisation, role: PartyRole, received: date) -> DemoAgent:
        organisation_party = isinstance(party, DemoOrganisation)
        applicant = role is PartyRole.APPLICANT
        lawyer_share = {(True, True): 0.75, (True, False): 0.5, (False, True): 0.5,
                        (False, False): 0.3}[(organisation_party, applicant)]
        start = received - timedelta(days=self.below(15)) if applicant else \
            min(self.today, received + timedelta(days=self.below(10)))
        end = None if self.random() < 0.4 else start + timedelta(days=self.pick((90, 180, 365)))
        if self.random() < lawyer_share:
            lawyer, firm, licence = self.pick(self.lawyers)
            if self.random() < 0.6:
                powers = tuple(power for power in SpecialPower if self.random() < 0.8)
                powers = powers or (SpecialPower.SETTLE,)
                return DemoAgent(lawyer, AgentKind.LAWYER, firm, licence, "", Authority.SPECIAL, powers,
                                 start, end)
            return DemoAgent(lawyer, AgentKind.LAWYER, firm, licence, "", Authority.GENERAL, (), start, end)
        if organisation_party:
            post = self.pick(_EMPLOYEE_POSTS)
            someone = self.mainland_person((post,))
            relation = f"工作人员（{post}）"
            someone = DemoPerson(someone.name, someone.sex, someone.birth_date, someone.document,
                                 someone.document_number, someone.origin, someone.nationality,
                                 someone.ethnicity,
                                 post, party.name, someone.phone)
        else:
            relation = f"近亲属（{self.pick(_RELATIVES)}）"
            someone = self.mainland_person(_OCCUPATIONS_RESPONDENT)
        authority = Authority.SPECIAL if self.random() < 0.3 else Authority.GENERAL
        powers = (SpecialPower.SETTLE, SpecialPower.SIGN_AGREEMENT) if authority is Authority.SPECIAL else ()
        return DemoAgent(someone, AgentKind.RELATIVE_OR_STAFF, "", "", relation, authority, powers, start,
                         end)

    # parties
    def party(self, role: PartyRole, received: date, organisation_share: float,
              subject: DemoPerson | DemoOrganisation | None = None) -> DemoParty:
        if subject is not None:
            pass
        elif self.random() < organisation_share:
            if self.random() < 0.025:
                subject = self.foreign_company()
            elif role is PartyRole.APPLICANT and self.random() < 0.7:
                subject = self.pick(self.holders)
            elif role is PartyRole.RESPONDENT and self.random() < 0.6:
                subject = self.shop(self.region())
            else:
                subject = self.chinese_company(self.region())
        else:
            occupations = _OCCUPATIONS_APPLICANT if role is PartyRole.APPLICANT else _OCCUPATIONS_RESPONDENT
            subject = self.outside_person(occupations) if self.random() < 0.06 else \
                self.mainland_person(occupations)
        if isinstance(subject, DemoPerson):
            address, phone, who, organisation_party = subject.address, subject.phone, subject, None
        else:
            address, phone, who, organisation_party = subject.domicile, subject.phone, None, subject
        if self.random() < 0.1 and subject.origin is Origin.MAINLAND:  # served elsewhere than at home
            address = self.home_address(self.region())
        share = {PartyRole.APPLICANT: 0.7 if organisation_party else 0.3,
                 PartyRole.RESPONDENT: 0.35 if organisation_party else 0.2,
                 PartyRole.THIRD_PARTY: 0.3}[role]
        agents: tuple[DemoAgent, ...] = ()
        if self.random() < share:
            agents = (self.agent(subject, role, received),)
            if self.random() < 0.08:
                agents += (self.agent(subject, role, received),)
        return DemoParty(role, who, organisation_party, address, phone, agents)

    # cases
    def context(self, case_type: CaseType, patent_kind: PatentKind | None, received: date) -> dict[str, str]:
        """The facts a case's texts are written from (only those its type's templates use)."""
        industry = self.pick(_INDUSTRIES)
        year = str(received.year - self.between(1, 8))
        venue = (f"{self.pick(_PLATFORMS)}平台开设的网店" if self.random() < 0.5
                 else f"位于{self.region()[2]}{self.pick(_ROADS)}的店铺")
        facts = {"goods": industry[3], "product": industry[1], "venue": venue, "year": year,
                 "media": self.pick(_MEDIA)}
        if case_type is CaseType.TRADEMARK:
            facts.update(mark=self.trade_name(), reg_no=str(self.between(1_000_000, 69_999_999)),
                         cls=str(industry[2]))
        elif case_type is CaseType.COPYRIGHT:
            work_kind, work = self.pick(_WORK_KINDS)
            facts.update(work_kind=work_kind, work=work.format(
                place=self.pick(_SCENIC_PLACES), scene=self.pick(_SCENES), core=self.trade_name(),
                system=self.pick(_SYSTEMS), version=self.between(1, 5), ethnic=self.pick(_ETHNIC_ART)))
        elif case_type is CaseType.PATENT:
            kind = patent_kind or PatentKind.INVENTION
            patent_name, product = self.pick(_PATENT_PRODUCTS[kind])
            patent_word, patent_digit = _PATENT_KIND_WORDS[kind]
            application = f"{int(year) - self.between(0, 3)}{patent_digit}{self.digits(7)}"
            facts.update(patent_no=f"ZL{application}.{_patent_check(application)}", patent_name=patent_name,
                         patent_word=patent_word, product=product)
        elif case_type is CaseType.PLANT_VARIETY:
            crop, variety = self.pick(_VARIETIES)
            facts.update(crop=crop, variety=variety.format(n=self.between(1, 30)),
                         variety_no=f"CNA{year}{self.digits(5)}.{self.below(10)}")
        elif case_type is CaseType.GEOGRAPHICAL_INDICATION:
            gi, gi_product, region_code = self.pick(_INDICATIONS)
            facts.update(gi=gi, gi_product=gi_product, gi_region=region_code)
        elif case_type is CaseType.TRADE_SECRET:
            facts.update(secret=self.pick(_SECRETS))
        elif case_type is CaseType.IC_LAYOUT:
            facts.update(chip=self.pick(_CHIPS), layout_no=f"BS.{year[2:]}{self.digits(6)}.{self.below(10)}")
        elif case_type is CaseType.OTHER:
            facts.update(contract=self.pick(_CONTRACTS))
        return facts

    def texts(self, case_type: CaseType, facts: dict[str, str], respondent: str,
              amount: tuple[Decimal, Decimal] | None) -> tuple[str, tuple[str, ...]]:
        """The account of the dispute (1–3 sentences) and the requests (1–3)."""
        rights, conduct, stand = _ACCOUNTS[case_type]
        sentences = [self.pick(rights), self.pick(conduct)]  # the conduct refers to the right ("该作品")
        if self.random() < 0.5:
            sentences.append(self.pick(stand))
        account = "".join(sentences).format(R=respondent, **facts)
        requests = [self.pick(_STOP[case_type]).format(**facts)]
        if amount is not None:
            loss, costs = amount
            requests.append(f"被申请人赔偿申请人经济损失人民币{_fmt_money(loss)}元")
            if costs:
                requests.append(f"被申请人支付申请人为制止侵权行为支出的合理费用人民币{_fmt_money(costs)}元")
        if len(requests) < 3 and self.random() < 0.4:
            requests.append(self.pick(_EXTRAS[case_type]).format(**facts))
        return account, tuple(requests)

    def claim(self, case_type: CaseType) -> tuple[Decimal, Decimal] | None:
        """The loss and the costs claimed, whole yuan for the loss, costs from receipts (to the fen)."""
        if self.random() < 0.15:
            return None
        high = {"patent": 6.0, "trade-secret": 6.3, CaseType.IC_LAYOUT: 6.5, "other": 5.8}.get(case_type, 5.3)
        loss = Decimal(int(10 ** (3.5 + self.random() * (high - 3.5))) // 1000 * 1000)
        costs = Decimal(0)
        if self.random() < 0.45:
            costs = Decimal(self.between(50_000, 2_000_000)) / 100 if self.random() < 0.5 else \
                Decimal(self.between(5, 200) * 100)
        return loss, costs.quantize(Decimal("0.01"))

    def case(self, sequence: int) -> DemoCase:
        notarial = self.random() < NOTARIAL_SHARE
        case_type = CaseType(self.weighted(self.case_types))
        patent_kind = None
        if case_type is CaseType.PATENT:
            patent_kind = self.pick((PatentKind.INVENTION, PatentKind.UTILITY_MODEL, PatentKind.UTILITY_MODEL,
                                     PatentKind.DESIGN, PatentKind.DESIGN))
        if notarial:
            # A notarial matter (preservation of evidence) has no mediation workflow: ``progress.move_case``
            # refuses to move one, so it stays as registered, received any day of the three years.
            path: tuple[CaseStatus, ...] = ()
            status, source = S.REGISTERED, CaseSource.APPLICATION
        else:
            status, source = self.weighted(self.statuses), self.weighted(self.sources)
            path = self.weighted(_PATHS[status])
        court, court_number, invited_days, procedure = "", "", None, None
        if source.from_court:
            invited_days = (INVITED_BEFORE_FILING_DAYS if source is CaseSource.COURT_INVITED
                            else self.pick((INVITED_AFTER_FILING_ORDINARY_DAYS,
                                            INVITED_AFTER_FILING_ORDINARY_DAYS,
                                            INVITED_AFTER_FILING_SIMPLE_DAYS)))
            if source is CaseSource.COURT_ENTRUSTED:  # 15 days under the ordinary procedure, 7 the simple
                procedure = (Procedure.SIMPLE if invited_days == INVITED_AFTER_FILING_SIMPLE_DAYS
                             else Procedure.ORDINARY)
        dates: list[date] = []
        if notarial:
            received = self.today - timedelta(days=self.below(WINDOW_DAYS + 1))
        else:
            received, dates = self.dates(path, status, invited_days)
        if invited_days is not None:
            court, code, _intermediate = self.pick(_COURTS)
            word = "民诉前调" if source is CaseSource.COURT_INVITED else "知民初"
            serial = self.between(1, 9999 if source is CaseSource.COURT_INVITED else 2999)
            court_number = f"（{received.year}）{code}{word}{serial}号"
        moves = tuple(DemoMove(source_status, target, day,
                               self.pick(_REASONS[target]) if target in NEEDS_REASON else "")
                      for source_status, target, day in zip((S.REGISTERED, *path)[:len(path)], path, dates,
                                                            strict=True))
        facts = self.context(case_type, patent_kind, received)
        applicant_count = 1 if notarial or self.random() < 0.85 else 2
        respondent_count = 0 if notarial else (1 if self.random() < 0.7 else self.pick((2, 2, 2, 2, 2, 3)))
        third_count = 1 if not notarial and self.random() < 0.1 else 0
        parties = tuple(
            [self.party(PartyRole.APPLICANT, received, 0.6,
                        self.association(facts)
                        if case_type is CaseType.GEOGRAPHICAL_INDICATION and index == 0 else None)
             for index in range(applicant_count)]
            # a trade secret is mostly taken by a former employee, the first respondent
            + [self.party(PartyRole.RESPONDENT, received,
                          0.0 if case_type is CaseType.TRADE_SECRET and index == 0 else 0.5)
               for index in range(respondent_count)]
            + [self.party(PartyRole.THIRD_PARTY, received, 0.8) for _ in range(third_count)])
        applicant = parties[0].name
        if notarial:
            target = self.shop_name(self.region())
            subject = self.pick(_NOTARIAL_SUBJECTS)
            title = f"{applicant}申请{subject}保全证据公证"
            account = (f"申请人称{target}在{facts['venue']}销售涉嫌侵犯其权利的{facts['goods']}，"
                       f"申请对{subject}进行保全证据公证，以备维权使用。")
            requests: tuple[str, ...] = (f"对{target}的{subject}进行保全证据公证", "出具保全证据公证书")
            amount = None
        else:
            respondents = [party.name for party in parties if party.role is PartyRole.RESPONDENT]
            others = respondents[0] + ("、" + respondents[1] if len(respondents) == 2 else "")
            if len(respondents) > 2:
                others += "等"
            if case_type is CaseType.PATENT:
                dispute = f"侵害{_PATENT_KIND_WORDS[patent_kind or PatentKind.INVENTION][0]}专利权纠纷"
            else:
                dispute = f"{facts['contract']}纠纷" if case_type is CaseType.OTHER else \
                    self.pick(_DISPUTE_NAMES[case_type])
            title = f"{applicant}{'、' + parties[1].name if applicant_count == 2 else ''}诉{others}{dispute}"
            claim = self.claim(case_type)
            account, requests = self.texts(case_type, facts, respondents[0], claim)
            amount = (claim[0] + claim[1]).quantize(Decimal("0.01")) if claim else None
        open_deadlines = self.open_deadlines(status, path, received, dates, invited_days)
        return DemoCase(sequence, MatterKind.NOTARIAL if notarial else MatterKind.MEDIATION, case_type,
                        patent_kind, title, account, requests, amount, received, source, court, court_number,
                        invited_days, procedure, parties, status, moves, open_deadlines)

    def dates(self, path: tuple[CaseStatus, ...], status: CaseStatus,
              invited_days: int | None) -> tuple[date, list[date]]:
        """The day received and the day of each move: in order, never after today, within three years;
        some court-invited mediations and some agreements with their deadline in the next seven days."""
        gaps = [self.between(*_GAP_DAYS[target]) for target in path]
        if invited_days is not None and S.IN_MEDIATION in path:
            # a court-invited mediation ends (the move out of mediation) within its time limit
            end = min(path.index(S.IN_MEDIATION) + 2, len(path))
            gaps[:end] = _fit(gaps[:end], invited_days - 1)
        today = self.today
        if invited_days is not None and status in _ACTIVE:
            if invited_days < 9 or self.random() < _DUE_SOON_SHARE:
                received = today - timedelta(days=invited_days - self.between(0, 5))
                gaps = _fit(gaps, (today - received).days)
            else:
                span = invited_days - 8  # the limit's last day then falls more than 7 days ahead
                gaps = _fit(gaps, span)
                received = today - timedelta(days=sum(gaps) + self.between(0, span - sum(gaps)))
        elif _confirmation_open(status, path):
            last = _last_agreement(path)
            if self.random() < _DUE_SOON_SHARE:
                agreed = today - timedelta(days=CONFIRMATION_WINDOW_DAYS - self.between(0, 5))
            else:
                agreed = today - timedelta(days=self.between(0, 22))
            gaps[last + 1:] = _fit(gaps[last + 1:], (today - agreed).days)
            received = agreed - timedelta(days=sum(gaps[:last + 1]))
        else:
            gaps = _fit(gaps, WINDOW_DAYS)
            room = WINDOW_DAYS - sum(gaps)
            age = self.between(0, min(room, 25)) if status in _ACTIVE or status in (
                S.CONFIRMATION_APPLIED, S.PERFORMING, S.AGREEMENT) else self.between(0, room)
            received = today - timedelta(days=sum(gaps) + age)
        dates, day = [], received
        for gap in gaps:
            day += timedelta(days=gap)
            dates.append(day)
        return received, dates

    def open_deadlines(self, status: CaseStatus, path: tuple[CaseStatus, ...], received: date,
                       dates: list[date], invited_days: int | None) -> tuple[Deadline, ...]:
        """The court-invited mediation's limit while the mediation runs; the window for judicial
        confirmation while an agreement awaits it."""
        if invited_days is not None and status in _ACTIVE:
            return (invited_mediation_limit(invited_days, received),)
        if _confirmation_open(status, path):
            return (confirmation_deadline(dates[_last_agreement(path)]),)
        return ()


def _foreign_name(country: str, given: str, family: str) -> str:
    """A foreign name in the order its country writes it (Japanese in kanji, without a space)."""
    if country == "JPN":
        return family + given
    return f"{family} {given}" if country in _FAMILY_NAME_FIRST else f"{given} {family}"


def _confirmation_open(status: CaseStatus, path: tuple[CaseStatus, ...]) -> bool:
    """An agreement whose parties have not (yet) applied for judicial confirmation."""
    return status in (S.AGREEMENT, S.PERFORMING) and S.CONFIRMATION_APPLIED not in path


def _last_agreement(path: tuple[CaseStatus, ...]) -> int:
    return len(path) - 1 - path[::-1].index(S.AGREEMENT)


def _fit(gaps: list[int], span: int) -> list[int]:
    """The gaps shrunk in proportion so that they add up to at most ``span`` days (order is kept)."""
    total = sum(gaps)
    if total <= span:
        return gaps
    span = max(span, 0)
    return [gap * span // total for gap in gaps]


def _patent_check(application: str) -> str:
    """The check character of a 12-digit Chinese patent application number (CNIPA, since 2003): the
    digits weighted 2 3 4 5 6 7 8 9 2 3 4 5, the sum modulo 11, 10 written X."""
    weights = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
    value = sum(int(digit) * weight for digit, weight in zip(application, weights, strict=True)) % 11
    return "X" if value == 10 else str(value)


def demo_cases(count: int, seed: int, today: date) -> Iterator[DemoCase]:
    """``count`` sample cases, one at a time, the same for the same seed and day: received over the three
    years up to ``today`` (the office's day, passed in: never the clock)."""
    if count < 0:
        raise ValueError("count must not be negative")
    generator = _Generator(seed, today)
    for sequence in range(count):
        yield generator.case(sequence)

