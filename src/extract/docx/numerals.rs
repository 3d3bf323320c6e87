//! Word's number formats (`w:numFmt`): the numeral a list counter shows.

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL_SIMPLIFIED: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const LEGAL_TRADITIONAL: [char; 10] = ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'];
const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const BRANCHES: [char; 12] = [
    '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
];

/// Counter `n` in format `format` (a `w:numFmt` value); an unknown format
/// is decimal, as in Word.
pub(crate) fn format(n: i64, format: &str) -> String {
    match format {
        "none" | "bullet" => String::new(),
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperLetter" => letter(n),
        "lowerLetter" => letter(n).to_lowercase(),
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "koreanCounting" => counting(n, DIGITS, ['十', '百', '千']),
        "chineseLegalSimplified" => counting(n, LEGAL_SIMPLIFIED, ['拾', '佰', '仟']),
        "ideographLegalTraditional" | "japaneseLegal" => {
            counting(n, LEGAL_TRADITIONAL, ['拾', '佰', '仟'])
        }
        "ideographTraditional" => cycle(n, &STEMS),
        "ideographZodiac" | "ideographZodiacTraditional" => cycle(n, &BRANCHES),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => digit_by_digit(n),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => enclosed(n, 20, '\u{2460}'),
        "ideographEnclosedCircle" => enclosed(n, 10, '\u{3220}'),
        "decimalEnclosedParen" => enclosed(n, 20, '\u{2474}'),
        "decimalEnclosedFullstop" => enclosed(n, 20, '\u{2488}'),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c))
            .collect(),
        _ => n.to_string(),
    }
}

/// Chinese counting numerals up to 9999 (一, 十, 十一, 二十, 一百零一);
/// larger numbers digit by digit.
fn counting(n: i64, digits: [char; 10], units: [char; 3]) -> String {
    if !(1..10_000).contains(&n) {
        return n.to_string();
    }
    let places = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut zero = false;
    for (index, &digit) in places.iter().enumerate() {
        let unit = match index {
            0 => Some(units[2]),
            1 => Some(units[1]),
            2 => Some(units[0]),
            _ => None,
        };
        if digit == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        // 十, 十一…十九: no 一 before 十 when it leads.
        if !(index == 2 && digit == 1 && out.is_empty()) {
            out.push(digits[digit as usize]);
        }
        if let Some(unit) = unit {
            out.push(unit);
        }
    }
    out
}

fn digit_by_digit(n: i64) -> String {
    n.to_string()
        .chars()
        .map(|c| c.to_digit(10).map_or(c, |d| DIGITS[d as usize]))
        .collect()
}

fn cycle(n: i64, symbols: &[char]) -> String {
    if n < 1 {
        return n.to_string();
    }
    symbols[((n - 1) as usize) % symbols.len()].to_string()
}

/// Enclosed numerals ①…⑳ (from `first`, for 1..=`last`); others decimal.
fn enclosed(n: i64, last: i64, first: char) -> String {
    if (1..=last).contains(&n) {
        char::from_u32(first as u32 + n as u32 - 1).map_or_else(|| n.to_string(), String::from)
    } else {
        n.to_string()
    }
}

fn roman(n: i64) -> String {
    if !(1..4000).contains(&n) {
        return n.to_string();
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = n;
    let mut out = String::new();
    for (value, symbol) in table {
        while rest >= value {
            out.push_str(symbol);
            rest -= value;
        }
    }
    out
}

/// A, B … Z, AA, BB … (Word repeats the letter).
fn letter(n: i64) -> String {
    if !(1..=780).contains(&n) {
        return n.to_string();
    }
    let letter = char::from(b'A' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counting_reads_as_written() {
        let cases = [
            (1, "一"),
            (6, "六"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (1001, "一千零一"),
        ];
        for (n, text) in cases {
            assert_eq!(format(n, "chineseCounting"), text, "{n}");
        }
        assert_eq!(format(3, "chineseCountingThousand"), "三");
        assert_eq!(format(12, "chineseLegalSimplified"), "拾贰");
    }

    #[test]
    fn other_formats() {
        assert_eq!(format(3, "ideographTraditional"), "丙");
        assert_eq!(format(11, "ideographTraditional"), "甲");
        assert_eq!(format(2, "decimalEnclosedCircle"), "②");
        assert_eq!(format(21, "decimalEnclosedCircle"), "21");
        assert_eq!(format(3, "ideographEnclosedCircle"), "㈢");
        assert_eq!(format(4, "decimal"), "4");
        assert_eq!(format(4, "decimalZero"), "04");
        assert_eq!(format(14, "upperRoman"), "XIV");
        assert_eq!(format(28, "lowerLetter"), "bb");
        assert_eq!(format(12, "decimalFullWidth"), "１２");
        assert_eq!(format(105, "ideographDigital"), "一〇五");
        assert_eq!(format(7, "somethingNew"), "7");
    }
}
