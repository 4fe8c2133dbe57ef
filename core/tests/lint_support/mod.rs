//! What the source lints share: Rust source with comments, strings and
//! test code blanked out, and the workspace's Rust files.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

/// `source` with comments and the contents of string and character
/// literals blanked out (newlines kept, so lines still count).
pub fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && matches!(next, Some('"' | '#'))
            && !is_ident(chars.get(i.wrapping_sub(1)))
        {
            // A raw string: r"..." or r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let close: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let rest: String = chars[j + 1..].iter().collect();
            let len = rest.find(&close).map_or(rest.chars().count(), |at| {
                rest[..at].chars().count() + close.chars().count()
            });
            let end = (j + 1 + len).min(chars.len());
            out.extend(chars[i..end].iter().map(|&c| blank(c)));
            i = j + 1 + len;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            out.push_str("   ");
            i += 3;
        } else if c == '\'' && next == Some('\\') {
            // An escaped character: '\n', '\'', '\u{..}'.
            let end = chars[i + 2..]
                .iter()
                .position(|&c| c == '\'')
                .map_or(chars.len(), |p| i + 3 + p);
            for _ in i..end.min(chars.len()) {
                out.push(' ');
            }
            i = end;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

pub fn is_ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// `code` (comments and strings blanked) with every `#[cfg(test)]` item
/// blanked out; returns it and the names of test modules kept in files of
/// their own (`#[cfg(test)] mod name;`).
pub fn without_tests(code: &str) -> (String, Vec<String>) {
    const MARK: &str = "#[cfg(test)]";
    let mut out: Vec<char> = code.chars().collect();
    let text: String = out.iter().collect();
    let mut test_files = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find(MARK) {
        let start = from + found;
        let after = start + MARK.len();
        let item_start = text[after..].trim_start();
        let Some(end) = text[after..].find(['{', ';']).map(|p| after + p) else {
            break;
        };
        let end = if text.as_bytes()[end] == b';' {
            if let Some(name) = item_start
                .strip_prefix("mod ")
                .and_then(|rest| rest.split(';').next())
            {
                test_files.push(name.trim().to_owned());
            }
            end
        } else {
            let mut depth = 0usize;
            let mut at = end;
            for (offset, b) in text.as_bytes()[end..].iter().enumerate() {
                match b {
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            at = end + offset;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            at
        };
        let last = out.len() - 1;
        let (s, e) = (char_index(&text, start), char_index(&text, end));
        for c in &mut out[s..=e.min(last)] {
            if *c != '\n' {
                *c = ' ';
            }
        }
        from = end + 1;
    }
    (out.into_iter().collect(), test_files)
}

pub fn char_index(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Where the files of `file`'s child modules live.
pub fn child_dir(file: &Path) -> PathBuf {
    let parent = file.parent().unwrap();
    match file.file_stem().and_then(|s| s.to_str()) {
        Some("mod" | "lib" | "main") => parent.to_path_buf(),
        Some(stem) => parent.join(stem),
        None => parent.to_path_buf(),
    }
}
