//! Build steps: rebuild when migrations change (sqlx::migrate! embeds them),
//! and join each language's Fluent files (one per capability) into one.

use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=locales");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for lang in ["fi", "sv", "en"] {
        let dir = Path::new("locales").join(lang);
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        let mut joined = String::new();
        for f in files {
            println!("cargo:rerun-if-changed={}", f.display());
            joined.push_str(&format!("# --- {}\n", f.display()));
            joined.push_str(&fs::read_to_string(&f).expect("readable ftl"));
            joined.push('\n');
        }
        fs::write(Path::new(&out).join(format!("{lang}.ftl")), joined).expect("OUT_DIR writable");
    }
}
