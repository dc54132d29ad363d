audit-problem-removed-unpinned = Merkinnät 1–{ $seq } on poistettu, mutta mikään allekirjoitettu tarkistuspiste ei kiinnittänyt merkintää { $seq } ennen poistoa: ne poistettiin säilytysajan ohi.
