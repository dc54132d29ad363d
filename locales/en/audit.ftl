audit-problem-removed-unpinned = Entries 1–{ $seq } were removed, but no signed checkpoint pinned entry { $seq } before the removal: they were deleted outside the retention job.
