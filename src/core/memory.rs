//! Handing freed heap back to the system. glibc keeps freed memory in its
//! arenas for reuse and returns it only when asked: after the search index
//! is built from every profile at start, that freed heap was over half of
//! the server's RSS (196 MB → 73–79 MB at 100 000 profiles; BENCHMARKS.md).

use std::time::Duration;

/// Releases the free pages glibc's arenas hold; a no-op elsewhere than
/// Linux with glibc. It walks the arenas, so run it off the async workers.
fn trim() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim has no preconditions; it only releases memory
    // the allocator holds as free.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Trims now (the server has just built its search index) and then every
/// half minute, for what requests and index merges freed.
pub async fn keep_trimming() {
    let mut tick = tokio::time::interval(Duration::from_secs(30));
    loop {
        tick.tick().await;
        let _ = tokio::task::spawn_blocking(trim).await;
    }
}
