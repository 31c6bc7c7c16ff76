import TownsCore

/// The vocabulary `SyntheticDataset` draws names from: Zhejiang's county-level units (real
/// names; `accelerated` marks the province's 26 accelerated-development counties), and words
/// for each industry of towns.toml. Only names: no figure here is real.
enum SyntheticNames {
    struct County {
        var zh: String
        var en: String
        /// The name without 市/县/区 (for town names: 海宁市 -> 海宁).
        var short: String
        var accelerated: Bool
    }

    static let counties: [County] = countyList.map { zh, en, accelerated in
        var short = zh
        for suffix in ["畲族自治县", "市", "县", "区"] where short.hasSuffix(suffix) {
            short = String(short.dropLast(suffix.count))
            break
        }
        return County(zh: zh, en: en, short: short, accelerated: accelerated)
    }

    private static let countyList: [(String, String, Bool)] = [
        ("西湖区", "Xihu", false), ("余杭区", "Yuhang", false), ("萧山区", "Xiaoshan", false), ("富阳区", "Fuyang", false),
        ("临安区", "Lin'an", false), ("桐庐县", "Tonglu", false), ("建德市", "Jiande", false), ("淳安县", "Chun'an", true),
        ("鄞州区", "Yinzhou", false), ("江北区", "Jiangbei", false), ("余姚市", "Yuyao", false), ("慈溪市", "Cixi", false),
        ("奉化区", "Fenghua", false), ("宁海县", "Ninghai", false), ("象山县", "Xiangshan", false),
        ("鹿城区", "Lucheng", false), ("瓯海区", "Ouhai", false), ("乐清市", "Yueqing", false), ("瑞安市", "Rui'an", false),
        ("永嘉县", "Yongjia", true), ("平阳县", "Pingyang", true), ("苍南县", "Cangnan", true), ("文成县", "Wencheng", true),
        ("泰顺县", "Taishun", true),
        ("吴兴区", "Wuxing", false), ("南浔区", "Nanxun", false), ("德清县", "Deqing", false), ("长兴县", "Changxing", false),
        ("安吉县", "Anji", false),
        ("南湖区", "Nanhu", false), ("秀洲区", "Xiuzhou", false), ("海宁市", "Haining", false), ("桐乡市", "Tongxiang", false),
        ("嘉善县", "Jiashan", false), ("海盐县", "Haiyan", false), ("平湖市", "Pinghu", false),
        ("越城区", "Yuecheng", false), ("柯桥区", "Keqiao", false), ("上虞区", "Shangyu", false), ("诸暨市", "Zhuji", false),
        ("嵊州市", "Shengzhou", false), ("新昌县", "Xinchang", false),
        ("婺城区", "Wucheng", false), ("义乌市", "Yiwu", false), ("东阳市", "Dongyang", false), ("永康市", "Yongkang", false),
        ("兰溪市", "Lanxi", false), ("武义县", "Wuyi", true), ("磐安县", "Pan'an", true),
        ("柯城区", "Kecheng", true), ("衢江区", "Qujiang", true), ("江山市", "Jiangshan", true), ("常山县", "Changshan", true),
        ("开化县", "Kaihua", true), ("龙游县", "Longyou", true),
        ("定海区", "Dinghai", false), ("普陀区", "Putuo", false), ("岱山县", "Daishan", false),
        ("椒江区", "Jiaojiang", false), ("黄岩区", "Huangyan", false), ("路桥区", "Luqiao", false), ("温岭市", "Wenling", false),
        ("临海市", "Linhai", false), ("玉环市", "Yuhuan", false), ("三门县", "Sanmen", true), ("天台县", "Tiantai", true),
        ("仙居县", "Xianju", true),
        ("莲都区", "Liandu", true), ("龙泉市", "Longquan", true), ("青田县", "Qingtian", true), ("云和县", "Yunhe", true),
        ("庆元县", "Qingyuan", true), ("缙云县", "Jinyun", true), ("遂昌县", "Suichang", true), ("松阳县", "Songyang", true),
        ("景宁畲族自治县", "Jingning", true),
    ]

    /// Industries as towns.toml names them, each with words for town names (zh, en) and the
    /// development type (1-4) such towns usually get.
    static let industries: [(id: String, weight: Double, type: Int, words: [(String, String)])] = [
        ("information", 0.14, 3,
        [("云栖", "Cloud"), ("梦想", "Dream"), ("数字", "Digital"), ("互联网", "Internet"), ("人工智能", "AI")]),
        ("environmental", 0.08, 4, [("环保", "Eco"), ("新能源", "New Energy"), ("光伏", "Solar"), ("绿色", "Green")]),
        ("health", 0.09, 2, [("养生", "Wellness"), ("中医药", "TCM"), ("康养", "Care"), ("生命健康", "Life Health")]),
        ("tourism", 0.18, 2, [("温泉", "Hot Spring"), ("茶香", "Tea"), ("古村", "Old Village"), ("山水", "Landscape"),
            ("巧克力甜蜜", "Chocolate")]),
        ("fashion", 0.15, 1, [("时尚", "Fashion"), ("丝绸", "Silk"), ("毛衫", "Sweater"), ("皮革", "Leather"),
            ("袜艺", "Hosiery")]),
        ("finance", 0.08, 3, [("基金", "Fund"), ("金融", "Finance"), ("财富", "Wealth")]),
        ("high-end-equipment", 0.18, 4,
        [("智造", "Smart Manufacturing"), ("机器人", "Robot"), ("核电", "Nuclear Power"), ("航空", "Aviation"), ("汽车", "Auto")]),
        ("classic", 0.10, 1, [("青瓷", "Celadon"), ("黄酒", "Rice Wine"), ("木雕", "Woodcarving"), ("宝剑", "Sword"),
            ("石雕", "Stone Carving")]),
    ]

    /// Endings of operating entities' names (zh, en) and their kinds (nil: not stated).
    static let entityEndings: [(String, String, String?)] = [
        ("开发建设有限公司", "Development and Construction Co., Ltd.", "state-owned"),
        ("投资集团", "Investment Group", "state-owned"),
        ("旅游发展有限公司", "Tourism Development Co., Ltd.", nil),
        ("实业集团", "Industrial Group", "private"),
        ("控股有限公司", "Holdings Co., Ltd.", "private"),
        ("文化投资有限公司", "Cultural Investment Co., Ltd.", nil),
    ]

    /// Dates of the provincial lists by year (the first three are the real batches).
    static func listDate(year: Int) -> String {
        switch year {
        case 2015: return "2015-06-04"
        case 2016: return "2016-01-29"
        case 2017: return "2017-08-02"
        default: return "\(year)-06-30"
        }
    }

    static let monthsEN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
