-- Violence is a synonym of domestic violence in each language, as
-- "väkivalta" already was: a Swedish or English query for it finds the
-- Finnish texts on it. Only where the seeded list is unedited (a
-- coordinator's own list is kept).
UPDATE phenomena
SET synonyms = 'perheväkivalta, parisuhdeväkivalta, väkivalta, kotiväkivalta, väkivaltainen parisuhde, familjevåld, våld, våld i nära relationer, partnervåld, family violence, violence, domestic abuse, intimate partner violence'
WHERE code = 'domestic-violence'
  AND synonyms = 'perheväkivalta, parisuhdeväkivalta, väkivalta, kotiväkivalta, väkivaltainen parisuhde, familjevåld, våld i nära relationer, partnervåld, family violence, domestic abuse, intimate partner violence';
