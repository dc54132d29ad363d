//! Words a query can do without: function words and the words of a
//! question ("kuka osaa auttaa huoltoriidoissa?"), in Finnish, Swedish and
//! English. Searching for them would rank people by how often they wrote
//! "ja" or "auttaa"; requiring them found nobody.

/// Whether a lowercase word (as written, or a Finnish base form of it) is a
/// stop word in any of the three languages.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// Sorted (checked by a test), lowercase.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "ammattilainen",
    "ammattilaista",
    "an",
    "and",
    "anybody",
    "anyone",
    "apua",
    "are",
    "asia",
    "asiantuntija",
    "asiantuntijoita",
    "asioissa",
    "att",
    "auttaa",
    "auttaisi",
    "av",
    "behöver",
    "can",
    "could",
    "de",
    "den",
    "det",
    "eller",
    "en",
    "erfarenhet",
    "et",
    "etsin",
    "etsitään",
    "etsiä",
    "ett",
    "että",
    "expert",
    "experter",
    "expertise",
    "experts",
    "find",
    "for",
    "från",
    "för",
    "haen",
    "hakea",
    "haluan",
    "har",
    "help",
    "hjälp",
    "hjälpa",
    "hjälper",
    "how",
    "hur",
    "i",
    "in",
    "is",
    "ja",
    "joka",
    "joku",
    "jolla",
    "jonka",
    "jos",
    "kan",
    "kanssa",
    "keneen",
    "kenellä",
    "keneltä",
    "kenen",
    "kenet",
    "ketä",
    "know",
    "knows",
    "kokemus",
    "koskea",
    "kuinka",
    "kuka",
    "kun",
    "liittyvä",
    "liittyä",
    "looking",
    "löytyykö",
    "löytyä",
    "me",
    "med",
    "mikä",
    "millainen",
    "miten",
    "mitä",
    "mukaan",
    "my",
    "need",
    "någon",
    "och",
    "of",
    "olla",
    "om",
    "on",
    "onko",
    "or",
    "osaa",
    "osaaminen",
    "osaavat",
    "osaisi",
    "osata",
    "på",
    "see",
    "seek",
    "sekä",
    "som",
    "someone",
    "specialist",
    "söker",
    "tai",
    "tarvita",
    "tarvitaan",
    "tarvitsen",
    "the",
    "till",
    "to",
    "vad",
    "var",
    "vem",
    "vilka",
    "voida",
    "voiko",
    "voisiko",
    "who",
    "with",
    "är",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_and_found() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, STOP_WORDS, "keep STOP_WORDS sorted and unique");
        for w in ["ja", "kuka", "auttaa", "och", "vem", "who", "with"] {
            assert!(is_stop_word(w), "{w}");
        }
        for w in ["trauma", "päihde", "barn", "divorce", "koulukoti"] {
            assert!(!is_stop_word(w), "{w}");
        }
    }
}
