//! The Python interpreter with the independent checkers (tests/requirements.txt).

/// `OTALUSTA_TEST_PYTHON` (set by scripts/test.sh), else `python3`. A test
/// that needs a module fails with a clear message if it is missing rather
/// than passing without checking.
pub fn python() -> String {
    std::env::var("OTALUSTA_TEST_PYTHON").unwrap_or_else(|_| "python3".into())
}

/// Runs `python -c code` with `stdin`; returns stdout, panics with stderr.
#[allow(dead_code)]
pub fn run(code: &str, stdin: &str) -> String {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(python())
        .args(["-c", code])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python runs (scripts/test.sh prepares target/test-venv)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "python failed (run scripts/test.sh, or pip install -r tests/requirements.txt):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
