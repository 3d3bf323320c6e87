//! Operating-system errors in the user's language: `No such file or
//! directory (os error 2)` is `文件或目录不存在` in Chinese output.

use std::io::{Error, ErrorKind};

use crate::Lang;

/// `err` as a reader of `lang` says it: the system's own text in English; in
/// Chinese, the kind of error in Chinese (with the system's text where the
/// kind says little).
pub fn describe(err: &Error, lang: Lang) -> String {
    if lang == Lang::En {
        return err.to_string();
    }
    let zh = match err.kind() {
        ErrorKind::NotFound => "文件或目录不存在",
        ErrorKind::PermissionDenied => "没有访问权限",
        ErrorKind::IsADirectory => "这是一个目录",
        ErrorKind::NotADirectory => "路径中的某一级不是目录",
        ErrorKind::AlreadyExists => "已经存在",
        ErrorKind::StorageFull => "磁盘空间已满",
        ErrorKind::QuotaExceeded => "超出磁盘配额",
        ErrorKind::ReadOnlyFilesystem => "文件系统是只读的",
        ErrorKind::FileTooLarge => "文件过大",
        ErrorKind::InvalidFilename => "文件名无效或过长",
        ErrorKind::BrokenPipe => "输出管道已关闭",
        ErrorKind::TimedOut => "操作超时",
        ErrorKind::Interrupted => "操作被中断",
        ErrorKind::OutOfMemory => "内存不足",
        ErrorKind::ResourceBusy => "文件正被占用",
        ErrorKind::UnexpectedEof => "文件意外结束",
        ErrorKind::CrossesDevices => "不能跨文件系统移动",
        _ => return format!("系统错误：{err}"),
    };
    zh.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_errors_read_in_chinese_and_stay_as_they_are_in_english() {
        let missing = std::fs::read("/no/such/file/anywhere").unwrap_err();
        assert_eq!(describe(&missing, Lang::Zh), "文件或目录不存在");
        assert_eq!(describe(&missing, Lang::En), missing.to_string());
        let other = Error::other("odd");
        assert_eq!(describe(&other, Lang::Zh), "系统错误：odd");
    }
}
