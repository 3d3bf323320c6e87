//! The prose of a synthetic report's sections 一, 五 and 六 in its own
//! words: sentences put together from banks of phrases, so that independent
//! reports share the stock phrases real reports share (`以公开为常态、不公开为例外`)
//! but hardly ever a whole sentence, let alone a paragraph. Used where a
//! batch must look like reports written apart: the checks across agencies
//! and years, and their benchmark.

use super::Rng;

/// A sentence as slots, each a choice of phrases; `{}` stands for a count.
type Template = &'static [&'static [&'static str]];

/// The words of sections 一 (an opening paragraph, then its five
/// subsections), 五 and 六.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prose {
    /// Paragraphs right under `一、总体情况`.
    pub opening: Vec<String>,
    /// Paragraphs of subsections (一) to (五).
    pub overview: [Vec<String>; 5],
    /// Paragraphs of `五、存在的主要问题及改进情况`.
    pub problems: Vec<String>,
    /// Paragraphs of `六、其他需要报告的事项`.
    pub other: Vec<String>,
}

const OPENING: &[Template] = &[&[
    &["本年度，", "全年，", "过去一年，"],
    &["{agency}"],
    &[
        "坚持以公开为常态、不公开为例外，",
        "始终坚持以公开为常态、不公开为例外，",
    ],
    &["围绕", "紧扣", "聚焦"],
    &["中心工作", "群众关切", "年度重点任务", "经济社会发展大局"],
    &["扎实推进", "持续深化", "不断加强", "稳步推进"],
    &["政务公开工作", "政府信息公开工作", "基层政务公开"],
    &[
        "，公开质量和实效进一步提升。",
        "，取得了较好成效。",
        "，各项工作有序开展。",
        "。",
    ],
]];

const ACTIVE: &[Template] = &[
    &[
        &["围绕", "聚焦", "紧扣"],
        &[
            "乡村振兴",
            "营商环境优化",
            "民生保障",
            "财政预决算",
            "重大建设项目",
            "教育和医疗卫生",
            "社会救助",
            "安全生产",
            "生态环境保护",
            "就业创业",
        ],
        &["等重点领域，", "等群众关切事项，", "方面的信息，"],
        &["通过", "依托"],
        &[
            "门户网站",
            "政务新媒体",
            "村务公开栏",
            "便民服务中心电子屏",
            "政务服务大厅",
        ],
        &["主动公开", "集中发布", "及时更新"],
        &["政策文件", "工作动态", "办事指南", "公示公告", "通知公告"],
        &["{}条。"],
    ],
    &[
        &["对", "针对"],
        &[
            "新出台的惠民政策",
            "涉及群众切身利益的重要决策",
            "重大突发事件",
            "季节性重点工作",
            "社会关注度高的事项",
        ],
        &["，及时", "，第一时间", "，同步"],
        &["发布", "推送", "解读"],
        &["政策解读材料", "图文解读", "问答式解读", "进展情况"],
        &["，帮助群众", "，方便企业和群众", "，让群众"],
        &[
            "看得懂、用得上。",
            "及时知晓办理流程。",
            "准确理解政策内容。",
            "了解工作进展。",
        ],
    ],
    &[
        &["全年", "本年度"],
        &["共", "累计"],
        &["召开", "组织"],
        &["新闻发布会", "政策吹风会", "政府开放日活动", "民主恳谈会"],
        &["{}次，"],
        &["邀请", "组织"],
        &[
            "人大代表和政协委员",
            "群众代表",
            "企业代表",
            "村（社区）干部",
        ],
        &["参与。", "列席。", "现场旁听。"],
    ],
];

const REQUESTS: &[Template] = &[
    &[
        &["严格执行", "认真落实", "进一步规范"],
        &["依申请公开", "申请受理"],
        &["登记、审核、答复", "受理、办理、答复"],
        &["等环节的工作规程，", "的全流程管理，"],
        &["做到", "确保"],
        &["依法依规答复。", "答复内容准确规范。", "按时办结。"],
    ],
    &[
        &["安排专人", "明确专门人员"],
        &["负责", "办理"],
        &["申请的接收和登记，", "答复文书的审核，", "与申请人的沟通，"],
        &["对", "就"],
        &["申请内容不明确的", "需要补正的"],
        &["申请", "事项"],
        &["及时告知申请人。", "一次性告知补正要求。"],
    ],
];

const MANAGEMENT: &[Template] = &[
    &[
        &["建立", "完善", "落实"],
        &["信息发布审核", "公开属性源头认定", "保密审查"],
        &["制度，", "机制，"],
        &["严格", "认真"],
        &["执行", "落实"],
        &["“三审三校”，", "发布前审查程序，"],
        &["防止", "杜绝"],
        &["泄密。", "错发漏发。", "不当公开。"],
    ],
    &[
        &["定期", "按季度", "每半年"],
        &["清理", "梳理", "评估"],
        &["已公开的政府信息，", "规范性文件，", "过期信息，"],
        &["对", "将"],
        &["失效", "过时", "不再适用"],
        &["的内容"],
        &["及时", "按程序"],
        &["下架。", "标注。", "更新。"],
    ],
];

const PLATFORMS: &[Template] = &[
    &[
        &["持续", "进一步"],
        &["优化", "维护", "完善"],
        &[
            "门户网站信息公开专栏，",
            "政务新媒体账号，",
            "政府信息公开平台，",
        ],
        &["调整", "规范", "丰富"],
        &["栏目设置，", "内容分类，", "检索功能，"],
        &["提升", "增强"],
        &["平台的易用性。", "信息查找的便利程度。", "页面访问速度。"],
    ],
    &[
        &["在", "依托"],
        &["便民服务中心", "各村（社区）", "政务服务大厅"],
        &["设置", "配备"],
        &["政务公开专区，", "信息查阅点，", "自助查询设备，"],
        &["为群众提供", "方便群众"],
        &["查阅服务。", "现场查询。", "咨询服务。"],
    ],
];

const OVERSIGHT: &[Template] = &[
    &[
        &["将", "把"],
        &["政务公开工作", "信息公开工作"],
        &["纳入", "列入"],
        &["年度绩效考核，", "目标责任考核，", "督查督办事项，"],
        &["定期", "按月", "按季度"],
        &["通报", "检查", "督促"],
        &["工作进展。", "落实情况。"],
    ],
    &[
        &["组织", "开展"],
        &["政务公开业务培训", "专题培训", "以会代训"],
        &["{}次，"],
        &["提升", "增强"],
        &["工作人员", "业务人员"],
        &["的业务能力。", "依法公开的意识。"],
    ],
    &[
        &["本年度", "全年"],
        &["未发生", "没有发生"],
        &["因信息公开工作引起的", "政务公开方面的"],
        &["责任追究", "问责"],
        &["情况。", "事项。"],
    ],
];

const PROBLEMS: &[Template] = &[
    &[
        &[
            "存在的主要问题：",
            "工作中还存在一些不足：",
            "对照上级要求，还存在以下问题：",
        ],
        &["一是"],
        &[
            "政策解读的形式还不够丰富",
            "部分栏目更新不够及时",
            "公开内容与群众需求的契合度有待提高",
            "工作人员业务水平参差不齐",
            "公开目录编制不够细",
            "政务新媒体互动不够",
            "村级公开不够规范",
            "重点领域信息公开不够深入",
        ],
        &["；二是"],
        &[
            "基层公开的规范化程度不高。",
            "互动回应的时效性有待提升。",
            "主动公开的深度和广度还需拓展。",
            "信息发布审核还不够细致。",
            "依申请公开答复文书不够统一。",
            "公开平台的检索功能较弱。",
            "解读材料的可读性不强。",
            "监督考核的约束力不够。",
        ],
    ],
    &[
        &["下一步，", "今后，", "针对上述问题，"],
        &["将", "我们将", "本机关将"],
        &[
            "加强业务培训，",
            "完善公开目录，",
            "丰富解读形式，",
            "强化日常监督，",
            "修订工作制度，",
            "优化栏目设置，",
            "落实专人负责，",
            "开展自查自纠，",
        ],
        &[
            "规范栏目管理，",
            "提高回应时效，",
            "拓展公开渠道，",
            "推进基层公开标准化，",
            "健全审核机制，",
            "加强考核督办，",
            "提升解读质量，",
            "做好信息更新，",
        ],
        &[
            "不断提升政务公开水平。",
            "推动政务公开工作提质增效。",
            "更好地服务群众和企业。",
            "切实增强公开实效。",
            "确保各项要求落到实处。",
            "提高群众满意度。",
        ],
    ],
    &[
        &["针对", "对于"],
        &["去年", "上一年度"],
        &["提出的", "报告的"],
        &[
            "栏目更新不及时",
            "解读形式单一",
            "公开目录不完善",
            "回应不够及时",
        ],
        &["问题，", "情况，"],
        &["本年度", "今年"],
        &["通过"],
        &[
            "建立更新台账",
            "制作图解材料",
            "修订公开目录",
            "设置专人回复",
        ],
        &["加以改进。", "予以整改。", "得到改善。"],
    ],
    &[
        &["在", "从"],
        &["依申请公开", "主动公开", "平台建设", "政策解读"],
        &["方面，", "工作中，"],
        &["仍", "还"],
        &["存在", "有"],
        &[
            "答复文书格式不够统一",
            "部分信息发布不及时",
            "栏目设置不够科学",
            "解读材料质量不高",
        ],
        &["的问题，", "的情况，"],
        &["需要", "有待"],
        &["进一步", "持续"],
        &["规范。", "改进。", "加强。"],
    ],
];

const OTHER: &[Template] = &[&[
    &["本年度", "全年"],
    &["未收取", "没有收取"],
    &["信息处理费。"],
]];

/// A sentence from `template`: one phrase of each slot, the agency's name
/// for `{agency}`, a small count for `{}`.
fn sentence(rng: &mut Rng, template: Template, agency: &str) -> String {
    let mut out = String::new();
    for slot in template {
        let phrase = slot[rng.below(slot.len() as u64) as usize];
        let phrase = phrase.replace("{agency}", agency);
        out.push_str(&phrase.replace("{}", &(rng.below(40) + 2).to_string()));
    }
    out
}

/// One or two paragraphs of two to four sentences from `templates`.
fn paragraphs(rng: &mut Rng, templates: &[Template], agency: &str) -> Vec<String> {
    let count = 1 + rng.below(2) as usize;
    (0..count)
        .map(|_| {
            let sentences = 2 + rng.below(3);
            (0..sentences)
                .map(|_| {
                    let template = templates[rng.below(templates.len() as u64) as usize];
                    sentence(rng, template, agency)
                })
                .collect()
        })
        .collect()
}

impl Prose {
    /// Prose of `agency`'s report drawn from `rng`.
    pub fn varied(rng: &mut Rng, agency: &str) -> Prose {
        Prose {
            opening: vec![sentence(rng, OPENING[0], agency)],
            overview: [ACTIVE, REQUESTS, MANAGEMENT, PLATFORMS, OVERSIGHT]
                .map(|templates| paragraphs(rng, templates, agency)),
            problems: paragraphs(rng, PROBLEMS, agency),
            other: vec![sentence(rng, OTHER[0], agency)],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_drawn_from_the_seed_and_names_the_agency() {
        let a = Prose::varied(&mut Rng::new(1), "青禾县白石镇人民政府");
        let b = Prose::varied(&mut Rng::new(1), "青禾县白石镇人民政府");
        let c = Prose::varied(&mut Rng::new(2), "青禾县白石镇人民政府");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.opening[0].contains("青禾县白石镇人民政府"));
        assert!(a.overview.iter().all(|p| !p.is_empty()) && !a.problems.is_empty());
        let all = [&a.opening, &a.problems, &a.other]
            .into_iter()
            .chain(&a.overview)
            .flatten();
        assert!(all
            .clone()
            .all(|p| !p.is_ascii() && !p.contains([',', ':', ';'])));
    }
}
