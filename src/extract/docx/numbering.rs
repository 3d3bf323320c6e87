//! List numbering (`word/numbering.xml`): the numerals Word puts before
//! numbered paragraphs, which are not in the document's text.
//!
//! A paragraph names a numbering instance (`w:num`, by `w:numId`) and a
//! level (`w:ilvl`), directly or through its style. The instance refers to
//! an abstract definition (`w:abstractNum`) whose levels (`w:lvl`) give the
//! start value, the format (`w:numFmt`: `chineseCounting`, `decimal`…) and
//! the text (`w:lvlText`, such as `%1、` or `（%2）`). Counting follows Word:
//! instances of one abstract definition share their counters, an instance's
//! `w:lvlOverride/w:startOverride` restarts a level where that instance is
//! first used, and a level restarts after any higher level (`w:lvlRestart`
//! narrows that).

use std::collections::{HashMap, HashSet};

use super::error::DocxError;
use super::numerals;
use super::styles::Styles;
use super::xml::{attribute, val_number, Node, Ns, XmlReader};

/// Word has nine list levels.
const LEVELS: usize = 9;

/// One level of a list definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: Option<i64>,
    format: Option<String>,
    text: Option<String>,
    restart: Option<i64>,
    legal: bool,
    style: Option<String>,
}

impl Level {
    /// Fills what this level leaves unsaid from `base`.
    fn or(&self, base: &Level) -> Level {
        Level {
            start: self.start.or(base.start),
            format: self.format.clone().or_else(|| base.format.clone()),
            text: self.text.clone().or_else(|| base.text.clone()),
            restart: self.restart.or(base.restart),
            legal: self.legal || base.legal,
            style: self.style.clone().or_else(|| base.style.clone()),
        }
    }

    fn start(&self) -> i64 {
        self.start.unwrap_or(0)
    }
}

#[derive(Debug, Clone, Default)]
struct AbstractNum {
    levels: [Option<Level>; LEVELS],
    style_link: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    start_overrides: [Option<i64>; LEVELS],
    level_overrides: [Option<Level>; LEVELS],
}

/// The numbering definitions of a document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Numbering {
    abstracts: HashMap<String, AbstractNum>,
    nums: HashMap<String, Num>,
}

impl Numbering {
    /// Reads `word/numbering.xml`.
    pub(crate) fn parse(xml: &str, part: &str) -> Result<Numbering, DocxError> {
        let mut reader = XmlReader::new(xml, part);
        let mut numbering = Numbering::default();
        let mut abstract_num: Option<(String, AbstractNum)> = None;
        let mut num: Option<(String, Num)> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut override_level: Option<usize> = None;
        loop {
            match reader.next()? {
                Node::Open {
                    ns: Ns::W,
                    element,
                    empty,
                    ..
                } => {
                    let local = element.local_name();
                    match local.as_ref() {
                        b"abstractNum" if !empty => {
                            let id = attribute(&element, b"abstractNumId").unwrap_or_default();
                            abstract_num = Some((id, AbstractNum::default()));
                        }
                        b"num" if !empty => {
                            let id = attribute(&element, b"numId").unwrap_or_default();
                            num = Some((id, Num::default()));
                        }
                        b"abstractNumId" => {
                            if let Some((_, num)) = &mut num {
                                num.abstract_id = attribute(&element, b"val").unwrap_or_default();
                            }
                        }
                        b"lvlOverride" => {
                            override_level = attribute(&element, b"ilvl")
                                .and_then(|l| l.trim().parse::<usize>().ok())
                                .filter(|&l| l < LEVELS);
                        }
                        b"startOverride" => {
                            if let (Some((_, num)), Some(l)) = (&mut num, override_level) {
                                num.start_overrides[l] = val_number(&element);
                            }
                        }
                        b"lvl" if !empty => {
                            let index = attribute(&element, b"ilvl")
                                .and_then(|l| l.trim().parse::<usize>().ok())
                                .or(override_level)
                                .unwrap_or(0);
                            if index < LEVELS {
                                level = Some((index, Level::default()));
                            } else {
                                reader.skip()?;
                            }
                        }
                        b"numStyleLink" => {
                            if let Some((_, definition)) = &mut abstract_num {
                                definition.style_link = attribute(&element, b"val");
                            }
                        }
                        b"rPr" | b"pPr" if !empty && level.is_some() => reader.skip()?,
                        property => {
                            if let Some((_, level)) = &mut level {
                                match property {
                                    b"start" => level.start = val_number(&element),
                                    b"numFmt" => level.format = attribute(&element, b"val"),
                                    b"lvlText" => level.text = attribute(&element, b"val"),
                                    b"lvlRestart" => level.restart = val_number(&element),
                                    b"isLgl" => level.legal = super::xml::is_on(&element),
                                    b"pStyle" => level.style = attribute(&element, b"val"),
                                    _ => {}
                                }
                            }
                        }
                    }
                }
                Node::Close {
                    ns: Ns::W, local, ..
                } => match local.as_slice() {
                    b"lvl" => {
                        if let Some((index, done)) = level.take() {
                            if let Some((_, num)) = &mut num {
                                num.level_overrides[index] = Some(done);
                            } else if let Some((_, definition)) = &mut abstract_num {
                                definition.levels[index] = Some(done);
                            }
                        }
                    }
                    b"lvlOverride" => override_level = None,
                    b"abstractNum" => {
                        if let Some((id, definition)) = abstract_num.take() {
                            numbering.abstracts.entry(id).or_insert(definition);
                        }
                    }
                    b"num" => {
                        if let Some((id, done)) = num.take() {
                            numbering.nums.entry(id).or_insert(done);
                        }
                    }
                    _ => {}
                },
                Node::Eof => return Ok(numbering),
                _ => {}
            }
        }
    }

    /// The abstract definition instance `num_id` uses, following one
    /// `w:numStyleLink` to the numbering style's own instance.
    fn abstract_of(&self, num_id: &str, styles: &Styles) -> Option<(&str, &AbstractNum)> {
        let num = self.nums.get(num_id)?;
        let (mut id, mut definition) = self.abstracts.get_key_value(&num.abstract_id)?;
        if let Some(link) = &definition.style_link {
            let linked = styles
                .numbering(link)
                .and_then(|(linked, _)| self.nums.get(&linked))
                .and_then(|linked| self.abstracts.get_key_value(&linked.abstract_id));
            if let Some(linked) = linked {
                (id, definition) = linked;
            }
        }
        Some((id.as_str(), definition))
    }

    /// The level a paragraph of style `style` has in instance `num_id` when
    /// neither it nor its style says (the level that names the style).
    pub(crate) fn level_of_style(&self, num_id: &str, style: &str, styles: &Styles) -> usize {
        self.abstract_of(num_id, styles)
            .and_then(|(_, definition)| {
                definition
                    .levels
                    .iter()
                    .position(|l| l.as_ref().and_then(|l| l.style.as_deref()) == Some(style))
            })
            .unwrap_or(0)
    }
}

/// The list counters of a document being read, in document order.
#[derive(Debug, Default)]
pub(crate) struct Counters {
    by_abstract: HashMap<String, [Option<i64>; LEVELS]>,
    /// Instances and levels whose start override was applied.
    overridden: HashSet<(String, usize)>,
}

impl Counters {
    /// Counts one paragraph of instance `num_id` at level `level`, and
    /// returns the numeral Word shows before it (`None` for no numbering,
    /// a bullet, or a level without text).
    pub(crate) fn next(
        &mut self,
        numbering: &Numbering,
        styles: &Styles,
        num_id: &str,
        level: usize,
    ) -> Option<String> {
        if level >= LEVELS {
            return None;
        }
        let num = numbering.nums.get(num_id)?;
        let (abstract_id, definition) = numbering.abstract_of(num_id, styles)?;
        let levels: Vec<Level> = (0..LEVELS)
            .map(|l| match (&num.level_overrides[l], &definition.levels[l]) {
                (Some(over), Some(base)) => over.or(base),
                (Some(over), None) => over.clone(),
                (None, Some(base)) => base.clone(),
                (None, None) => Level::default(),
            })
            .collect();
        let counters = self
            .by_abstract
            .entry(abstract_id.to_owned())
            .or_insert([None; LEVELS]);
        let this = &levels[level];
        match num.start_overrides[level] {
            Some(start) if self.overridden.insert((num_id.to_owned(), level)) => {
                counters[level] = Some(start);
            }
            _ => counters[level] = Some(counters[level].map_or(this.start(), |c| c + 1)),
        }
        for (deeper, definition) in levels.iter().enumerate().skip(level + 1) {
            // By default a level restarts after any higher one; lvlRestart
            // N restarts it only after levels 1..N (0: never).
            let restarts = match definition.restart {
                Some(n) => (level as i64) < n,
                None => true,
            };
            if restarts {
                counters[deeper] = None;
            }
        }
        if matches!(this.format.as_deref(), Some("bullet")) {
            return None;
        }
        let text = this.text.as_deref()?;
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let placeholder = chars
                .peek()
                .and_then(|d| d.to_digit(10))
                .filter(|&d| c == '%' && (1..=LEVELS as u32).contains(&d));
            match placeholder {
                Some(d) => {
                    chars.next();
                    let shown = d as usize - 1;
                    let value = counters[shown].unwrap_or_else(|| levels[shown].start());
                    let format = if this.legal && shown < level {
                        "decimal"
                    } else {
                        levels[shown].format.as_deref().unwrap_or("decimal")
                    };
                    out.push_str(&numerals::format(value, format));
                }
                None => out.push(c),
            }
        }
        (!out.is_empty()).then_some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlRestart w:val="1"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>"#;

    #[test]
    fn levels_count_and_restart_like_word() {
        let numbering = Numbering::parse(NUMBERING, "word/numbering.xml").unwrap();
        let styles = Styles::default();
        let mut counters = Counters::default();
        let mut next = |num: &str, level| counters.next(&numbering, &styles, num, level);
        assert_eq!(next("1", 0).as_deref(), Some("一、"));
        assert_eq!(next("1", 1).as_deref(), Some("（一）"));
        assert_eq!(next("1", 2).as_deref(), Some("1."));
        assert_eq!(next("1", 1).as_deref(), Some("（二）"));
        // lvlRestart 1: level 3 restarts only after level 1, not level 2.
        assert_eq!(next("1", 2).as_deref(), Some("2."));
        assert_eq!(next("1", 0).as_deref(), Some("二、"));
        assert_eq!(next("1", 1).as_deref(), Some("（一）"));
        assert_eq!(next("1", 2).as_deref(), Some("1."));
        // Another instance of the same list continues it, unless it restarts.
        assert_eq!(next("2", 0).as_deref(), Some("五、"));
        assert_eq!(next("2", 0).as_deref(), Some("六、"));
        assert_eq!(next("1", 0).as_deref(), Some("七、"));
        assert_eq!(next("3", 0), None);
        assert_eq!(next("9", 0), None);
    }
}
