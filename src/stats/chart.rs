//! Bar charts as inline SVG, drawn on the server: no script, and the
//! table beside each chart carries the same figures for screen readers.

use super::view::{Cell, Table};
use otalusta_domain::stats::Shown;

const BAR_H: usize = 22;
const GAP: usize = 6;
const LABEL_W: usize = 260;
const PLOT_W: usize = 360;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The table's first column as horizontal bars (total rows left out). A
/// hidden figure gets no bar, only its mark. `summary` is the text
/// alternative.
pub fn bars(table: &Table, summary: &str) -> String {
    let rows: Vec<_> = table.rows.iter().filter(|r| !r.total).collect();
    let max = rows
        .iter()
        .filter_map(|r| r.cells.first().and_then(Cell::number))
        .max()
        .unwrap_or(0)
        .max(1) as usize;
    let h = rows.len() * (BAR_H + GAP) + GAP;
    let w = LABEL_W + PLOT_W + 60;
    let id = esc(&table.id);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {w} {h}\" \
         width=\"{w}\" height=\"{h}\" role=\"img\" aria-labelledby=\"chart-{id}-title chart-{id}-desc\">\
         <title id=\"chart-{id}-title\">{}</title><desc id=\"chart-{id}-desc\">{}</desc>",
        esc(&table.title),
        esc(summary)
    );
    for (i, r) in rows.iter().enumerate() {
        let y = GAP + i * (BAR_H + GAP);
        let ty = y + BAR_H / 2 + 5;
        let mut label = r.label.clone();
        if label.chars().count() > 38 {
            label = label.chars().take(37).collect::<String>() + "…";
        }
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{ty}\" text-anchor=\"end\" class=\"chart-label\">{}</text>",
            LABEL_W - 8,
            esc(&label)
        ));
        let cell = r
            .cells
            .first()
            .copied()
            .unwrap_or(Cell::Count(Shown::Small));
        match cell.number() {
            Some(v) => {
                let bw = (v.max(0) as usize * PLOT_W / max).max(1);
                svg.push_str(&format!(
                    "<rect x=\"{LABEL_W}\" y=\"{y}\" width=\"{bw}\" height=\"{BAR_H}\" class=\"chart-bar\"/>\
                     <text x=\"{}\" y=\"{ty}\" class=\"chart-value\">{v}</text>",
                    LABEL_W + bw + 6
                ));
            }
            None => svg.push_str(&format!(
                "<text x=\"{}\" y=\"{ty}\" class=\"chart-value chart-hidden\">{}</text>",
                LABEL_W + 6,
                esc(&cell.text())
            )),
        }
    }
    svg.push_str("</svg>");
    svg
}
