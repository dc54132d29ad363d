//! Handing freed heap back to the system. glibc keeps freed memory in its
//! arenas for reuse; after the search index is built from every profile at
//! start (100 000 profiles read once), that is over half of the server's
//! RSS if nobody asks glibc to return it (BENCHMARKS.md).

/// Returns the free memory at the top of glibc's arenas to the system.
/// Cheap (milliseconds); a no-op elsewhere than Linux with glibc.
pub fn trim() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim has no preconditions; it only releases memory
    // the allocator holds as free.
    unsafe {
        libc::malloc_trim(0);
    }
}
