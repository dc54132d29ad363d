//! Plain, printable PDF documents (the meeting minutes): headings,
//! paragraphs and lists laid out on A4 pages in an embedded font (DejaVu
//! Sans, so every Finnish and Swedish letter is there), written with
//! `krilla`. The text is real text: a reader can search, copy and extract it.

use krilla::Document;
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};
use std::sync::{Arc, LazyLock};

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// A4 in points, with 2 cm margins.
const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 57.0;
const FOOTER: f32 = 30.0;

/// Advance widths for wrapping (kerning ignored: lines stay a little short).
struct Metrics {
    units_per_em: f32,
    advances: std::collections::HashMap<char, u16>,
    fallback: u16,
}

impl Metrics {
    fn of(data: &'static [u8]) -> Metrics {
        let face = ttf_parser::Face::parse(data, 0).expect("the bundled font parses");
        let fallback = face
            .glyph_index('n')
            .and_then(|g| face.glyph_hor_advance(g))
            .unwrap_or(1000);
        // Latin, Latin-1 and the punctuation the texts use.
        let advances = (' '..='\u{24f}')
            .chain('\u{2010}'..='\u{2044}')
            .filter_map(|c| Some((c, face.glyph_hor_advance(face.glyph_index(c)?)?)))
            .collect();
        Metrics {
            units_per_em: f32::from(face.units_per_em()),
            advances,
            fallback,
        }
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| u32::from(*self.advances.get(&c).unwrap_or(&self.fallback)))
            .sum();
        units as f32 * size / self.units_per_em
    }
}

static METRICS: LazyLock<(Metrics, Metrics)> =
    LazyLock::new(|| (Metrics::of(REGULAR), Metrics::of(BOLD)));

fn font(data: &'static [u8]) -> Font {
    let data: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(data);
    Font::new(data.into(), 0).expect("the bundled font loads")
}

/// How a block of text looks.
#[derive(Clone, Copy)]
pub enum Style {
    Title,
    Heading,
    Subheading,
    Body,
    /// A list item: indented, with a bullet on its first line.
    Item,
    /// Small print (the footer's kind of text).
    Small,
    /// The one large line of a certificate (the participant's name).
    Display,
}

impl Style {
    /// Size, bold, space before, indent.
    fn look(self) -> (f32, bool, f32, f32) {
        match self {
            Style::Title => (17.0, true, 0.0, 0.0),
            Style::Heading => (13.0, true, 14.0, 0.0),
            Style::Subheading => (11.0, true, 9.0, 0.0),
            Style::Body => (10.0, false, 4.0, 0.0),
            Style::Item => (10.0, false, 3.0, 14.0),
            Style::Small => (8.5, false, 4.0, 0.0),
            Style::Display => (22.0, true, 10.0, 0.0),
        }
    }
}

struct Line {
    x: f32,
    y: f32,
    size: f32,
    bold: bool,
    text: String,
}

/// A document being laid out: blocks of text flow onto A4 pages.
pub struct Pdf {
    title: String,
    lang: String,
    pages: Vec<Vec<Line>>,
    y: f32,
}

impl Pdf {
    pub fn new(title: &str, lang: &str) -> Pdf {
        Pdf {
            title: title.to_owned(),
            lang: lang.to_owned(),
            pages: vec![Vec::new()],
            y: MARGIN,
        }
    }

    /// Adds a block of text; a blank line in it starts a new paragraph.
    pub fn text(&mut self, style: Style, text: &str) {
        let (size, bold, before, indent) = style.look();
        let metrics = if bold { &METRICS.1 } else { &METRICS.0 };
        let leading = size * 1.35;
        let width = WIDTH - 2.0 * MARGIN - indent;
        self.y += before;
        // A heading is kept with at least two lines after it.
        if matches!(style, Style::Heading | Style::Subheading)
            && self.y + leading * 3.0 > HEIGHT - MARGIN - FOOTER
        {
            self.new_page();
        }
        let mut first = true;
        for paragraph in text.split('\n') {
            for line in wrap(paragraph.trim_end(), width, size, metrics) {
                if self.y + leading > HEIGHT - MARGIN - FOOTER {
                    self.new_page();
                }
                self.y += leading;
                let page = self.pages.last_mut().expect("a page");
                if first && matches!(style, Style::Item) {
                    page.push(Line {
                        x: MARGIN + 2.0,
                        y: self.y,
                        size,
                        bold,
                        text: "•".into(),
                    });
                }
                first = false;
                page.push(Line {
                    x: MARGIN + indent,
                    y: self.y,
                    size,
                    bold,
                    text: line,
                });
            }
        }
    }

    /// Adds a block of text centred on the page (a certificate's lines).
    pub fn centered(&mut self, style: Style, text: &str) {
        let (size, bold, before, _) = style.look();
        let metrics = if bold { &METRICS.1 } else { &METRICS.0 };
        let leading = size * 1.35;
        let width = WIDTH - 2.0 * MARGIN;
        self.y += before;
        for paragraph in text.split('\n') {
            for line in wrap(paragraph.trim_end(), width, size, metrics) {
                if self.y + leading > HEIGHT - MARGIN - FOOTER {
                    self.new_page();
                }
                self.y += leading;
                let w = metrics.width(&line, size);
                self.pages.last_mut().expect("a page").push(Line {
                    x: ((WIDTH - w) / 2.0).max(MARGIN),
                    y: self.y,
                    size,
                    bold,
                    text: line,
                });
            }
        }
    }

    /// Empty space of `points` (on the same page, or a new page's top).
    pub fn space(&mut self, points: f32) {
        if self.y + points > HEIGHT - MARGIN - FOOTER {
            self.new_page();
        } else {
            self.y += points;
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// The finished PDF: every page with the title and "page n / m" below.
    pub fn finish(self, page_label: impl Fn(usize, usize) -> String) -> anyhow::Result<Vec<u8>> {
        let (regular, bold) = (font(REGULAR), font(BOLD));
        let mut doc = Document::new();
        doc.set_metadata(
            Metadata::new()
                .title(self.title.clone())
                .language(self.lang.clone())
                .creator("otalusta".into()),
        );
        let total = self.pages.len();
        for (n, lines) in self.pages.iter().enumerate() {
            let settings =
                PageSettings::from_wh(WIDTH, HEIGHT).ok_or_else(|| anyhow::anyhow!("page size"))?;
            let mut page = doc.start_page_with(settings);
            let mut surface = page.surface();
            for l in lines {
                surface.draw_text(
                    Point::from_xy(l.x, l.y),
                    if l.bold {
                        bold.clone()
                    } else {
                        regular.clone()
                    },
                    l.size,
                    &l.text,
                    false,
                    TextDirection::Auto,
                );
            }
            let footer = format!("{} · {}", self.title, page_label(n + 1, total));
            let footer = wrap(&footer, WIDTH - 2.0 * MARGIN, 8.0, &METRICS.0)
                .into_iter()
                .next()
                .unwrap_or_default();
            surface.draw_text(
                Point::from_xy(MARGIN, HEIGHT - MARGIN + 10.0),
                regular.clone(),
                8.0,
                &footer,
                false,
                TextDirection::Auto,
            );
            surface.finish();
            page.finish();
        }
        doc.finish()
            .map_err(|e| anyhow::anyhow!("writing the PDF: {e:?}"))
    }
}

/// Breaks `text` into lines no wider than `width`; a word longer than a
/// line is broken inside.
fn wrap(text: &str, width: f32, size: f32, m: &Metrics) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if m.width(&candidate, size) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone: broken where it no longer fits.
        for c in word.chars() {
            line.push(c);
            if m.width(&line, size) > width {
                let c = line.pop().expect("just pushed");
                lines.push(std::mem::take(&mut line));
                line.push(c);
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fit_and_long_words_break() {
        let m = &METRICS.0;
        let text = "Järjestetään verkostotapaaminen, jossa sovitaan koulun tukitoimista ja \
                    perheneuvolan käynneistä. Lastensuojeluilmoituksenvastaanottokäytäntö";
        for width in [80.0, 150.0, 300.0] {
            let lines = wrap(text, width, 10.0, m);
            assert!(lines.iter().all(|l| m.width(l, 10.0) <= width), "{lines:?}");
            assert_eq!(
                lines.join("").replace(' ', ""),
                text.replace(' ', ""),
                "nothing lost"
            );
        }
        assert_eq!(wrap("", 100.0, 10.0, m), vec![String::new()]);
    }

    #[test]
    fn a_long_document_flows_onto_pages() {
        let mut pdf = Pdf::new("Pöytäkirja", "fi");
        for i in 0..200 {
            pdf.text(Style::Item, &format!("Suositus {i}: ääkköset åäö"));
        }
        assert!(pdf.pages.len() > 2);
        let bytes = pdf.finish(|n, m| format!("{n}/{m}")).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
    }
}
