audit-problem-removed-unpinned = Posterna 1–{ $seq } har tagits bort, men ingen signerad kontrollpunkt fäste post { $seq } före borttagningen: de togs bort utanför bevarandetiden.
