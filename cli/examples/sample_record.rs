//! Fills a data folder with the sample runner's record that the report
//! tests use (`cli/tests/support/sample_record.rs`), for the README's
//! report screenshots (`scripts/report-screenshots`):
//!
//!     cargo run -p patella --example sample_record -- DIR
//!
//! It prints the id of the run to draw and the day to draw progress up to.
#![allow(clippy::panic)]

#[path = "../tests/support/sample_record.rs"]
mod sample_record;

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: sample_record DIR (an empty or new folder)");
        std::process::exit(2);
    };
    sample_record::seed(std::path::Path::new(&dir));
    println!("{} {}", sample_record::LAST_RUN, sample_record::last_day());
}
