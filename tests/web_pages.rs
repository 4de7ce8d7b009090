//! Readability measured page by page: each fixture page (written in the shape of a
//! real news site: header, nav, cookie banner, article, asides, comments, footer,
//! scripts) is served from 127.0.0.1, fetched, reduced and stored; the stored body
//! must be, word for word, the article as written in `NAME.txt`: every paragraph,
//! nothing of the chrome.

#[path = "support/http.rs"]
mod http;

use glose::web::{store, Client};
use http::{Reply, Server};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web/pages")
}

/// Serves every fixture page at `/NAME.html`; `header-charset` is the one page
/// whose charset only the HTTP header gives.
fn server() -> Server {
    Server::start(|req| {
        let name = req.path.trim_start_matches('/');
        match std::fs::read(fixtures().join(name)) {
            Ok(bytes) if name == "header-charset.html" => {
                Reply::ok("text/html; charset=windows-1252", bytes)
            }
            Ok(bytes) => Reply::ok("text/html", bytes),
            Err(_) => Reply::status(404),
        }
    })
}

/// The stored file: its front matter and its body.
fn fetch_and_store(name: &str) -> (String, String) {
    let server = server();
    let data = tempfile::tempdir().unwrap();
    let url = server.url(&format!("/{name}.html"));
    let page = store::fetch_page(&Client::new(), &url).unwrap_or_else(|e| panic!("{name}: {e}"));
    let path = store::store(data.path(), &url, &page).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let rest = text.strip_prefix("---\n").expect("front matter");
    let (front, body) = rest.split_once("\n---\n\n").expect("front matter end");
    (front.to_string(), body.to_string())
}

fn check(name: &str) -> String {
    let (front, body) = fetch_and_store(name);
    let expected = std::fs::read_to_string(fixtures().join(format!("{name}.txt"))).unwrap();
    if body != expected {
        let want: Vec<&str> = expected.split("\n\n").collect();
        let got: Vec<&str> = body.split("\n\n").collect();
        let missing: Vec<_> = want.iter().filter(|p| !got.contains(p)).collect();
        let extra: Vec<_> = got.iter().filter(|p| !want.contains(p)).collect();
        panic!("{name}: stored text differs\nmissing paragraphs: {missing:#?}\nchrome or altered: {extra:#?}\n--- stored ---\n{body}");
    }
    front
}

fn field<'a>(front: &'a str, key: &str) -> Option<&'a str> {
    front
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(": "))
}

macro_rules! page_tests {
    ($($test:ident => $name:literal,)*) => {$(
        #[test]
        fn $test() {
            check($name);
        }
    )*};
}

page_tests! {
    blog_wordpress_without_comments_or_widgets => "blog-wordpress",
    bom_utf8_wins_over_a_lying_meta => "bom-utf8",
    div_soup_with_br_paragraphs => "div-soup",
    header_charset_windows_1252 => "header-charset",
    hostile_entities_lose_their_control_characters => "hostile-entities",
    liveblog_keeps_its_headings_and_lists => "liveblog",
    magazine_longform_without_pull_quote_or_bio => "magazine-longform",
    quotidien_fr_without_lire_aussi_or_comments => "quotidien-fr",
    regional_latin1_meta_charset => "regional-latin1",
    spa_main_without_script_state => "spa-main",
    wire_en_without_promos_or_newsletter => "wire-en",
    // Written after the chrome rules, to check they hold on pages they were not fitted to.
    held_out_amp_fr => "amp-fr",
    held_out_itemprop_en_with_inline_ads_and_read_more => "itemprop-en",
}

#[test]
fn metadata_from_json_ld_open_graph_and_title() {
    let front = check("quotidien-fr");
    assert_eq!(
        field(&front, "title"),
        Some("Au Kirghizstan, la visite éclair du président russe inquiète les voisins")
    );
    assert_eq!(field(&front, "date"), Some("2024-03-05"));
    assert_eq!(field(&front, "author"), Some("Claire Martin"));
    assert_eq!(field(&front, "source"), Some("Le Quotidien du Soir"));
    assert_eq!(field(&front, "lang"), Some("fr"));
    assert!(field(&front, "url")
        .unwrap()
        .ends_with("/quotidien-fr.html"));
    assert!(field(&front, "fetched").unwrap().starts_with("20"));

    let front = check("wire-en");
    assert_eq!(
        field(&front, "title"),
        Some("Storm knocks out power to 200,000 across the Carolinas")
    );
    assert_eq!(field(&front, "date"), Some("2024-09-27"));
    assert_eq!(field(&front, "author"), Some("Jeffrey Collins"));
    assert_eq!(field(&front, "source"), Some("Daily Wire Service"));

    // JSON-LD in an @graph, author as an object.
    let front = check("blog-wordpress");
    assert_eq!(field(&front, "author"), Some("Dana Whitfield"));
    assert_eq!(
        field(&front, "title"),
        Some("Why our town library stopped charging late fees")
    );

    // Only <title> and a date meta: the title as the page gives it.
    let front = check("regional-latin1");
    assert_eq!(
        field(&front, "title"),
        Some("Grève des cheminots : trafic très perturbé jeudi en Bretagne - L'Écho de l'Ouest")
    );
    assert_eq!(field(&front, "date"), Some("2023-11-16"));

    // Control characters in metadata are dropped too.
    let front = check("hostile-entities");
    assert!(!front.chars().any(glose::text::is_unsafe), "{front:?}");
}
