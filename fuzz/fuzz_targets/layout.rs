//! Line layout at random widths: wrapped lines are in order, on char boundaries,
//! no wider than the width (a lone wide character excepted) and lose nothing but
//! spaces; segments tile the text; the whole reader draws at a random size.
#![no_main]

use glose::tui::doc::{segments, wrap};
use glose::tui::{ui, App, Theme};
use glose::Article;
use libfuzzer_sys::fuzz_target;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let width = usize::from(data[0]) + usize::from(data[1] & 1) * 256;
    let Ok(text) = std::str::from_utf8(&data[2..]) else {
        return;
    };
    let lines = wrap(text, width);
    assert!(!lines.is_empty());
    let mut last = 0;
    for l in &lines {
        assert!(
            l.start >= last && l.start <= l.end && l.end <= text.len(),
            "{l:?}"
        );
        assert!(text.is_char_boundary(l.start) && text.is_char_boundary(l.end));
        last = l.end;
    }
    let segs = segments(text);
    assert_eq!(segs.first().map(|s| s.start), Some(0));
    assert_eq!(segs.last().map(|s| s.end), Some(text.len()));
    for w in segs.windows(2) {
        assert_eq!(w[0].end, w[1].start);
    }

    let (w, h) = (width.clamp(1, 300) as u16, u16::from(data[1] >> 1).max(1));
    let article = Article::from_text("fuzz.txt", text.to_string());
    let entities = glose::extract(&article);
    let app = App::with_article(article, entities, Theme::colored(), (w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::render(&app, f)).unwrap();
});
