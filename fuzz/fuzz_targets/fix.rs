//! Any bytes through `--fix --unsafe-fixes`, in memory: the fix loop ends
//! within [`MAX_PASSES`], re-linting the fixed text does not panic and finds
//! what the loop's last pass found, the fixed bytes decode back to the fixed
//! text (the next run reads what `--fix` wrote), the diff can be made, and
//! the standard-input path (`check - --fix`) writes the same bytes.
#![no_main]

mod common;

use disclint::fix::{fix_until_stable, unified_diff, FixOptions, MAX_PASSES};
use disclint::extract::extract;
use disclint::input::InputOptions;
use disclint::run::{FixMode, Pipeline};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lang = common::lang_for(data);
    let linter = common::linter(lang);
    let input = InputOptions {
        lang,
        ..InputOptions::default()
    };
    let Ok(source) = extract("fuzz.txt", data, &input) else {
        return;
    };
    let options = FixOptions { unsafe_fixes: true };
    let diagnostics = linter.lint(&source);
    let before = source.text.clone();
    let fixed = fix_until_stable(
        linter,
        source,
        data.to_vec(),
        diagnostics,
        &|_, _| true,
        options,
    );
    let pipeline = Pipeline {
        linter,
        input: &input,
        suppressions: None,
        fix: Some(FixMode {
            options,
            write: true,
        }),
    };
    let result = pipeline.process_bytes("fuzz.txt", data.to_vec());
    // A text that does not re-encode to the same bytes is left as it was.
    let Ok(fixed) = fixed else {
        assert!(result.fix_error.is_some(), "{result:?}");
        return;
    };
    assert!(fixed.passes <= MAX_PASSES, "{} passes", fixed.passes);
    let again = linter.lint(&fixed.source);
    assert_eq!(again, fixed.diagnostics, "re-linting the fixed text");
    if fixed.passes > 0 {
        let reads_back = matches!(
            extract("fuzz.txt", &fixed.bytes, &input),
            Ok(decoded) if decoded.text == fixed.source.text
        );
        // Fixed bytes that would be read as another text (a GB18030 file
        // that becomes valid UTF-8) are refused, and the input is kept.
        if !reads_back {
            assert!(result.fix_error.is_some(), "{result:?}");
            assert_eq!(result.output.as_deref(), Some(data));
            return;
        }
        let _ = unified_diff("fuzz.txt", &before, &fixed.source.text);
    }
    assert!(result.fix_error.is_none(), "{result:?}");
    assert_eq!(result.output.as_deref(), Some(fixed.bytes.as_slice()));
});
